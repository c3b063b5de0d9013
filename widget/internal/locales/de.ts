/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The de tables of ../messages.ts, ../providers/*-messages.ts and ../shipping-messages.ts, a
 * chunk of its own: loaded (./load.ts) only for a page in German.
 */
import type {Messages} from '../messages.js';
import type {ShippingMessages} from '../shipping-messages.js';

const de: Messages = {
  orderSummary: 'Bestellübersicht',
  item: 'Artikel',
  amount: 'Betrag',
  quantity: (quantity) => `× ${quantity}`,
  subtotal: 'Zwischensumme',
  total: 'Gesamt',
  loading: 'Ihre Bestellung wird geladen…',
  paymentDetails: 'Zahlungsdaten',
  pay: (amount) => `${amount} bezahlen`,
  payNoAmount: 'Bezahlen',
  processing: 'Wird verarbeitet…',
  confirming: 'Zahlung wird bestätigt…',
  success: (orderId) => `Zahlung erhalten — Bestellung ${orderId}`,
  emptyCart: 'Ihr Warenkorb ist leer.',
  pricesChanged:
    'Die Preise haben sich geändert; bitte prüfen Sie den neuen Gesamtbetrag.',
  needsReview: (orderId) =>
    `Wir haben Ihre Zahlung für Bestellung ${orderId} erhalten, sie muss aber noch geprüft werden. Wir melden uns in Kürze.`,
  timeout: (orderId) =>
    `Ihre Zahlung für Bestellung ${orderId} wird noch bestätigt. Sie erhalten eine Bestätigung per E-Mail; bitte zahlen Sie nicht erneut.`,
  canceled: 'Zahlung abgebrochen. Es wurde nichts abgebucht.',
  paymentMethod: 'Zahlungsart',
  providers: {
    stripe: 'Karte',
    paypal: 'PayPal',
    square: 'Square',
    braintree: 'Karte (Braintree)',
  },
  email: 'E-Mail',
  emailRequired: 'Geben Sie Ihre E-Mail-Adresse ein.',
  emailInvalid:
    'Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.',
  quantityOf: (name) => `Menge von ${name}`,
  decrease: (name) => `Menge von ${name} verringern`,
  increase: (name) => `Menge von ${name} erhöhen`,
  remove: (name) => `${name} entfernen`,
  quantityUnavailable: (quantity) =>
    `Eine Menge von ${quantity} ist nicht verfügbar.`,
  discount: 'Rabatt',
  shippingRow: 'Versand',
  free: 'Kostenlos',
  shippingPending: 'Wird anhand Ihrer Adresse berechnet',
  tax: 'Steuer',
  includingTax: (amount) => `inkl. MwSt. ${amount}`,
  totalNow: (amount) => `Gesamt jetzt ${amount}`,
  discountToggle: 'Haben Sie einen Rabattcode?',
  discountCode: 'Rabattcode',
  applyCode: 'Einlösen',
  codeApplied: (code) => `${code} eingelöst`,
  removeCode: (code) => `Rabattcode ${code} entfernen`,
  codeProblems: {
    unknown: 'Dieser Code ist ungültig.',
    expired: 'Dieser Code ist abgelaufen oder noch nicht gültig.',
    minimum_not_met:
      'Ihre Bestellung erreicht den Mindestbestellwert für diesen Code noch nicht.',
    used_up: 'Dieser Code wurde bereits verwendet.',
    not_applicable: 'Dieser Code gilt für keinen Artikel in Ihrem Warenkorb.',
  },
  hostedNote: 'Sie schließen die Zahlung auf der sicheren Seite von Stripe ab.',
  redirecting: 'Weiterleitung zur sicheren Zahlungsseite…',
  errors: {
    server_not_found:
      'Diese Kasse ist nicht mit ihrem Server verbunden (setzen Sie das Attribut server von <pay-checkout>).',
    network_error:
      'Der Checkout-Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    unknown_sku: 'Ein Artikel in Ihrem Warenkorb ist nicht mehr verfügbar.',
    quantity_out_of_range:
      'Die Menge eines Artikels in Ihrem Warenkorb ist nicht verfügbar.',
    currency_not_supported: 'Diese Währung wird nicht unterstützt.',
    invalid_request: 'Dieser Warenkorb kann nicht bezahlt werden.',
    provider_not_configured: 'Zahlungen sind derzeit nicht möglich.',
    provider_unavailable:
      'Der Zahlungsanbieter ist derzeit nicht verfügbar. Bitte versuchen Sie es gleich erneut.',
    payment_failed:
      'Ihre Zahlung wurde nicht abgeschlossen. Bitte versuchen Sie es erneut oder wählen Sie eine andere Zahlungsart.',
    order_not_found:
      'Diese Zahlung ist in diesem Browser nicht bekannt. Bitte prüfen Sie Ihre E-Mails auf eine Bestätigung.',
    provider_error:
      'Der Zahlungsanbieter hat die Zahlung abgelehnt. Bitte versuchen Sie es erneut oder wählen Sie eine andere Zahlungsart.',
    invalid_address: 'Geben Sie Ihre Lieferadresse ein.',
    shipping_not_available:
      'An diese Adresse liefern wir nicht. Bitte wählen Sie eine andere.',
    generic: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  },
};

export default de;

export const providerErrors: Readonly<Record<string, string>> = {
  // Stripe
  card_declined:
    'Ihre Karte wurde abgelehnt. Bitte versuchen Sie es mit einer anderen Karte.',
  insufficient_funds:
    'Ihre Karte ist nicht ausreichend gedeckt. Bitte versuchen Sie es mit einer anderen Karte.',
  expired_card:
    'Ihre Karte ist abgelaufen. Bitte versuchen Sie es mit einer anderen Karte.',
  incorrect_cvc: 'Der Sicherheitscode Ihrer Karte ist falsch.',
  payment_intent_authentication_failure:
    'Ihre Zahlung konnte nicht authentifiziert werden. Bitte versuchen Sie es erneut oder verwenden Sie eine andere Karte.',
  processing_error:
    'Bei der Verarbeitung Ihrer Karte ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.',
  api_connection_error:
    'Der Zahlungsanbieter ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  validation_error: 'Bitte prüfen Sie Ihre Zahlungsdaten.',
  // PayPal
  instrument_declined:
    'Ihre Karte wurde von PayPal abgelehnt; bitte wählen Sie eine andere Zahlungsart.',
  payment_refused:
    'PayPal hat diese Zahlung abgelehnt. Es wurde nichts abgebucht; bitte wählen Sie eine andere Zahlungsart.',
  payer_action_required:
    'PayPal benötigt zuerst einen weiteren Schritt von Ihnen. Bitte versuchen Sie es erneut.',
  order_not_approved:
    'Die Zahlung wurde in PayPal nicht freigegeben. Bitte versuchen Sie es erneut.',
  paypal_error:
    'PayPal konnte Ihre Zahlung nicht abschließen. Es wurde nichts abgebucht; bitte versuchen Sie es erneut oder wählen Sie eine andere Zahlungsart.',
  // Square (a decline is card_declined, as Stripe's above)
  invalid_card_number: 'Prüfen Sie Ihre Kartennummer.',
  invalid_expiration: 'Prüfen Sie das Ablaufdatum Ihrer Karte.',
  invalid_cvv: 'Prüfen Sie den Sicherheitscode (CVV) Ihrer Karte.',
  invalid_postal_code: 'Prüfen Sie die Postleitzahl Ihrer Karte.',
  invalid_card: 'Prüfen Sie Ihre Kartendaten.',
  verification_failed:
    'Ihre Bank konnte diese Zahlung nicht bestätigen. Es wurde nichts abgebucht; bitte versuchen Sie es erneut oder verwenden Sie eine andere Karte.',
  square_error:
    'Square konnte Ihre Karte nicht verarbeiten. Es wurde nichts abgebucht; bitte versuchen Sie es erneut.',
  square_currency_unavailable:
    'Kartenzahlungen mit Square sind in dieser Währung nicht möglich. Bitte wählen Sie eine andere Zahlungsart.',
  // Braintree (its declines are Stripe's codes, above)
  three_d_secure_failed:
    'Ihre Bank konnte diese Zahlung nicht bestätigen. Es wurde nichts abgebucht; bitte versuchen Sie es erneut oder verwenden Sie eine andere Karte.',
  braintree_refused:
    'Die Zahlung wurde abgelehnt. Es wurde nichts abgebucht; bitte verwenden Sie eine andere Karte oder Zahlungsart.',
  braintree_error:
    'Das Kartenformular konnte Ihre Zahlung nicht annehmen. Es wurde nichts abgebucht; bitte versuchen Sie es erneut.',
  // Decline reasons (the server's declineCode: Square, Braintree)
  incorrect_expiry: 'Das Ablaufdatum Ihrer Karte ist falsch.',
  incorrect_postal_code:
    'Die Postleitzahl passt nicht zu Ihrer Karte. Bitte prüfen Sie sie und versuchen Sie es erneut.',
  card_not_supported:
    'Diese Karte kann hier nicht verwendet werden. Prüfen Sie die Kartennummer oder versuchen Sie es mit einer anderen Karte.',
  authentication_required:
    'Ihre Bank bittet Sie, diese Zahlung zu bestätigen. Bitte versuchen Sie es erneut und schließen Sie die Prüfung ab.',
};

export const shipping: ShippingMessages = {
  address: 'Lieferadresse',
  name: 'Vollständiger Name',
  country: 'Land oder Region',
  chooseCountry: 'Land auswählen',
  line1: 'Straße und Hausnummer',
  line2: 'Adresszusatz',
  city: 'Ort',
  state: 'Bundesstaat',
  province: 'Provinz',
  region: 'Region',
  chooseRegion: 'Auswählen',
  zip: 'ZIP-Code',
  postalCode: 'Postleitzahl',
  optional: '(optional)',
  nameRequired: 'Geben Sie den vollständigen Namen des Empfängers ein.',
  countryRequired: 'Wählen Sie ein Land aus.',
  line1Required: 'Geben Sie Straße und Hausnummer ein.',
  cityRequired: 'Geben Sie den Ort ein.',
  regionRequired: 'Geben Sie die Region ein.',
  stateRequired: 'Wählen Sie einen Bundesstaat aus.',
  provinceRequired: 'Wählen Sie eine Provinz aus.',
  zipRequired: 'Geben Sie den ZIP-Code ein.',
  postalCodeRequired: 'Geben Sie die Postleitzahl ein.',
  zipInvalid: 'Geben Sie einen gültigen ZIP-Code ein, z. B. 94103.',
  notShipped: (country) =>
    `Wir liefern nicht in dieses Land: ${country}. Bitte wählen Sie eine andere Adresse.`,
  incomplete: 'Geben Sie Ihre Lieferadresse ein.',
  method: 'Versandart',
  ratesNeedAddress: 'Geben Sie Ihre Adresse ein, um die Versandarten zu sehen.',
  free: 'Kostenlos',
  // Each chunk carries its own few lines for this (a shared module would be one more request).
  estimate: (minDays, maxDays, locale) => {
    const number = new Intl.NumberFormat(locale);
    const span =
      minDays === maxDays
        ? number.format(maxDays)
        : `${number.format(minDays)}–${number.format(maxDays)}`;
    const one = new Intl.PluralRules(locale).select(maxDays) === 'one';
    return `${span} ${one ? 'Werktag' : 'Werktage'}`;
  },
};
