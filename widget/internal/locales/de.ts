/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The de table of ../messages.ts, a chunk of its own: loaded (./load.ts) only for a page
 * in German.
 */
import type {Messages} from '../messages.js';

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
  providers: {stripe: 'Karte', paypal: 'PayPal'},
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
