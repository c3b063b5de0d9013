/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * Every string the buyer reads, one table per locale. Server error codes map to friendly
 * sentences here, and so do the codes every provider shares; a provider's own codes are in its
 * chunk (providers/*-messages.ts) and join these tables once it is loaded. A code in no table
 * falls back to the provider's own (already localised) message, then to `errors.generic`.
 */
import type {ProviderName} from './events.js';

export interface Messages {
  orderSummary: string;
  item: string;
  amount: string;
  /** The quantity suffix after a line's name, e.g. "× 2". */
  quantity: (quantity: string) => string;
  subtotal: string;
  total: string;
  loading: string;
  paymentDetails: string;
  pay: (amount: string) => string;
  payNoAmount: string;
  processing: string;
  confirming: string;
  success: (orderId: string) => string;
  emptyCart: string;
  pricesChanged: string;
  needsReview: (orderId: string) => string;
  timeout: (orderId: string) => string;
  /** Said (politely, not as an error) when the buyer closes the provider's window. */
  canceled: string;
  /** The legend of the provider choice. */
  paymentMethod: string;
  /** The provider choice's labels. */
  providers: Record<ProviderName, string>;
  /** The email field's label, and what it says when the address is missing or malformed. */
  email: string;
  emailRequired: string;
  emailInvalid: string;
  /** The editable cart (`editable`): each line's stepper and remove button, named after the product. */
  quantityOf: (name: string) => string;
  decrease: (name: string) => string;
  increase: (name: string) => string;
  remove: (name: string) => string;
  /** The server refused this quantity of a line (quantity_out_of_range); the line is back to the last one priced. */
  quantityUnavailable: (quantity: string) => string;
  /** The summary's rows besides the subtotal and total. */
  discount: string;
  shippingRow: string;
  /** Shipping that costs nothing for a cart that ships. */
  free: string;
  /** Shipping of a cart that ships, before an address is known. */
  shippingPending: string;
  tax: string;
  /** Under the total when prices include tax (`taxInclusive`). */
  includingTax: (amount: string) => string;
  /** Said politely when a re-quote changes the total. */
  totalNow: (amount: string) => string;
  /** The discount-code field (`discount-codes`). */
  discountToggle: string;
  discountCode: string;
  applyCode: string;
  codeApplied: (code: string) => string;
  removeCode: (code: string) => string;
  /** Why a code did not apply, by the quote's `discountCode.status`. */
  codeProblems: Record<string, string>;
  /** Under the Pay button in `mode="hosted"`: where Pay takes the buyer. */
  hostedNote: string;
  /** While the browser leaves for the hosted payment page. */
  redirecting: string;
  errors: Record<string, string>;
}

const en: Messages = {
  orderSummary: 'Order summary',
  item: 'Item',
  amount: 'Amount',
  quantity: (quantity) => `× ${quantity}`,
  subtotal: 'Subtotal',
  total: 'Total',
  loading: 'Loading your order…',
  paymentDetails: 'Payment details',
  pay: (amount) => `Pay ${amount}`,
  payNoAmount: 'Pay',
  processing: 'Processing…',
  confirming: 'Confirming payment…',
  success: (orderId) => `Payment received — order ${orderId}`,
  emptyCart: 'Your cart is empty.',
  pricesChanged: 'Prices changed; please review the new total.',
  needsReview: (orderId) =>
    `We received your payment for order ${orderId}, but it needs a quick review. We will contact you shortly.`,
  timeout: (orderId) =>
    `Your payment for order ${orderId} is still being confirmed. You will receive a confirmation by email; please do not pay again.`,
  canceled: 'Payment canceled. You have not been charged.',
  paymentMethod: 'Payment method',
  providers: {stripe: 'Card', paypal: 'PayPal'},
  email: 'Email',
  emailRequired: 'Enter your email address.',
  emailInvalid: 'Enter a valid email address, like name@example.com.',
  quantityOf: (name) => `Quantity of ${name}`,
  decrease: (name) => `Decrease quantity of ${name}`,
  increase: (name) => `Increase quantity of ${name}`,
  remove: (name) => `Remove ${name}`,
  quantityUnavailable: (quantity) =>
    `A quantity of ${quantity} is not available.`,
  discount: 'Discount',
  shippingRow: 'Shipping',
  free: 'Free',
  shippingPending: 'Calculated from your address',
  tax: 'Tax',
  includingTax: (amount) => `Including VAT ${amount}`,
  totalNow: (amount) => `Total now ${amount}`,
  discountToggle: 'Have a discount code?',
  discountCode: 'Discount code',
  applyCode: 'Apply',
  codeApplied: (code) => `${code} applied`,
  removeCode: (code) => `Remove discount code ${code}`,
  codeProblems: {
    unknown: 'This code is not valid.',
    expired: 'This code has expired or is not active yet.',
    minimum_not_met: 'Your order does not reach the minimum for this code yet.',
    used_up: 'This code has already been used.',
    not_applicable: 'This code does not apply to the items in your cart.',
  },
  hostedNote: "You'll finish paying on Stripe's secure page.",
  redirecting: 'Taking you to the secure payment page…',
  errors: {
    server_not_found:
      'This checkout is not connected to its server (set the server attribute of <pay-checkout>).',
    network_error:
      'We could not reach the checkout server. Please check your connection and try again.',
    unknown_sku: 'An item in your cart is no longer available.',
    quantity_out_of_range:
      'The quantity of an item in your cart is not available.',
    currency_not_supported: 'This currency is not supported.',
    invalid_request: 'This cart cannot be checked out.',
    provider_not_configured: 'Payments are not available right now.',
    provider_unavailable:
      'The payment provider is not available right now. Please try again in a moment.',
    payment_failed:
      'Your payment was not completed. Please try again or use another payment method.',
    order_not_found:
      'We could not find this payment in this browser. Please check your email for a confirmation.',
    provider_error:
      'The payment provider refused the payment. Please try again or choose another way to pay.',
    invalid_address: 'Enter your shipping address.',
    shipping_not_available:
      'We don’t ship to this address. Please choose another one.',
    generic: 'Something went wrong. Please try again.',
  },
};

const fr: Messages = {
  orderSummary: 'Récapitulatif de la commande',
  item: 'Article',
  amount: 'Montant',
  quantity: (quantity) => `× ${quantity}`,
  subtotal: 'Sous-total',
  total: 'Total',
  loading: 'Chargement de votre commande…',
  paymentDetails: 'Informations de paiement',
  pay: (amount) => `Payer ${amount}`,
  payNoAmount: 'Payer',
  processing: 'Traitement…',
  confirming: 'Confirmation du paiement…',
  success: (orderId) => `Paiement reçu — commande ${orderId}`,
  emptyCart: 'Votre panier est vide.',
  pricesChanged: 'Les prix ont changé ; veuillez vérifier le nouveau total.',
  needsReview: (orderId) =>
    `Nous avons reçu votre paiement pour la commande ${orderId}, mais il doit être vérifié. Nous vous contacterons rapidement.`,
  timeout: (orderId) =>
    `Votre paiement pour la commande ${orderId} est toujours en cours de confirmation. Vous recevrez une confirmation par e-mail ; ne payez pas une seconde fois.`,
  canceled: "Paiement annulé. Aucun montant n'a été débité.",
  paymentMethod: 'Moyen de paiement',
  providers: {stripe: 'Carte', paypal: 'PayPal'},
  email: 'E-mail',
  emailRequired: 'Saisissez votre adresse e-mail.',
  emailInvalid:
    'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
  quantityOf: (name) => `Quantité de ${name}`,
  decrease: (name) => `Diminuer la quantité de ${name}`,
  increase: (name) => `Augmenter la quantité de ${name}`,
  remove: (name) => `Retirer ${name}`,
  quantityUnavailable: (quantity) =>
    `Une quantité de ${quantity} n'est pas disponible.`,
  discount: 'Réduction',
  shippingRow: 'Livraison',
  free: 'Gratuite',
  shippingPending: 'Calculée selon votre adresse',
  tax: 'Taxes',
  includingTax: (amount) => `Dont TVA ${amount}`,
  totalNow: (amount) => `Nouveau total : ${amount}`,
  discountToggle: 'Vous avez un code promo ?',
  discountCode: 'Code promo',
  applyCode: 'Appliquer',
  codeApplied: (code) => `${code} appliqué`,
  removeCode: (code) => `Retirer le code promo ${code}`,
  codeProblems: {
    unknown: "Ce code n'est pas valide.",
    expired: "Ce code a expiré ou n'est pas encore actif.",
    minimum_not_met:
      "Votre commande n'atteint pas encore le minimum requis pour ce code.",
    used_up: 'Ce code a déjà été utilisé.',
    not_applicable: "Ce code ne s'applique pas aux articles de votre panier.",
  },
  hostedNote: 'Vous finaliserez le paiement sur la page sécurisée de Stripe.',
  redirecting: 'Redirection vers la page de paiement sécurisée…',
  errors: {
    server_not_found:
      "Ce paiement n'est pas relié à son serveur (renseignez l'attribut server de <pay-checkout>).",
    network_error:
      'Impossible de joindre le serveur de paiement. Vérifiez votre connexion et réessayez.',
    unknown_sku: "Un article de votre panier n'est plus disponible.",
    quantity_out_of_range:
      "La quantité d'un article de votre panier n'est pas disponible.",
    currency_not_supported: "Cette devise n'est pas prise en charge.",
    invalid_request: 'Ce panier ne peut pas être réglé.',
    provider_not_configured: 'Le paiement est indisponible pour le moment.',
    provider_unavailable:
      'Le prestataire de paiement est indisponible pour le moment. Veuillez réessayer dans un instant.',
    payment_failed:
      "Votre paiement n'a pas abouti. Veuillez réessayer ou utiliser un autre moyen de paiement.",
    order_not_found:
      'Nous ne trouvons pas ce paiement dans ce navigateur. Veuillez consulter vos e-mails pour la confirmation.',
    provider_error:
      'Le prestataire de paiement a refusé le paiement. Veuillez réessayer ou choisir un autre moyen de paiement.',
    invalid_address: 'Saisissez votre adresse de livraison.',
    shipping_not_available:
      'Nous ne livrons pas à cette adresse. Veuillez en choisir une autre.',
    generic: 'Une erreur est survenue. Veuillez réessayer.',
  },
};

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

const tables: Record<string, Messages> = {en, fr, de};

/** Error sentences by message table (`en`, `fr`, `de`) and code: a provider's own codes. */
export type ErrorTables = Readonly<
  Record<string, Readonly<Record<string, string>>>
>;

/**
 * The table for `locale` (`fr-CA` → `fr`), English when there is none, with the error
 * sentences of the providers loaded so far (`extra`, English standing in for a missing
 * language).
 */
export function messagesFor(
  locale: string,
  extra?: Iterable<ErrorTables>
): Messages {
  const tag = locale.toLowerCase();
  const language =
    [tag, tag.split('-')[0]!].find((key) => Object.hasOwn(tables, key)) ?? 'en';
  const table = tables[language]!;
  if (!extra) return table;
  const errors = {...table.errors};
  for (const more of extra) Object.assign(errors, more[language] ?? more.en);
  return {...table, errors};
}

/** The buyer-facing sentence for an error code, else the provider's message, else generic. */
export function errorMessage(
  messages: Messages,
  code: string,
  fallback?: string
): string {
  return messages.errors[code] ?? (fallback || messages.errors.generic!);
}
