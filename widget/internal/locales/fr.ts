/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The fr tables of ../messages.ts, ../providers/*-messages.ts and ../shipping-messages.ts, a
 * chunk of its own: loaded (./load.ts) only for a page in French.
 */
import type {Messages} from '../messages.js';
import type {ShippingMessages} from '../shipping-messages.js';

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
  providers: {
    stripe: 'Carte',
    paypal: 'PayPal',
    square: 'Square',
    braintree: 'Carte (Braintree)',
  },
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

export default fr;

export const providerErrors: Readonly<Record<string, string>> = {
  // Stripe
  card_declined: 'Votre carte a été refusée. Veuillez essayer une autre carte.',
  insufficient_funds:
    'Les fonds de votre carte sont insuffisants. Veuillez essayer une autre carte.',
  expired_card: 'Votre carte a expiré. Veuillez essayer une autre carte.',
  incorrect_cvc: 'Le code de sécurité de votre carte est incorrect.',
  payment_intent_authentication_failure:
    "Nous n'avons pas pu authentifier votre paiement. Veuillez réessayer ou utiliser une autre carte.",
  processing_error:
    'Une erreur est survenue lors du traitement de votre carte. Veuillez réessayer.',
  api_connection_error:
    'Impossible de joindre le prestataire de paiement. Vérifiez votre connexion et réessayez.',
  validation_error: 'Veuillez vérifier vos informations de paiement.',
  // PayPal
  instrument_declined:
    'Votre carte a été refusée par PayPal ; choisissez un autre moyen de paiement.',
  payment_refused:
    "PayPal a refusé ce paiement. Aucun montant n'a été débité ; veuillez choisir un autre moyen de paiement.",
  payer_action_required:
    'PayPal vous demande de terminer une étape. Veuillez réessayer.',
  order_not_approved:
    "Le paiement n'a pas été approuvé dans PayPal. Veuillez réessayer.",
  paypal_error:
    "PayPal n'a pas pu finaliser votre paiement. Aucun montant n'a été débité ; veuillez réessayer ou choisir un autre moyen de paiement.",
  // Square (a decline is card_declined, as Stripe's above)
  invalid_card_number: 'Vérifiez le numéro de votre carte.',
  invalid_expiration: "Vérifiez la date d'expiration de votre carte.",
  invalid_cvv: 'Vérifiez le code de sécurité (CVV) de votre carte.',
  invalid_postal_code: 'Vérifiez le code postal de votre carte.',
  invalid_card: 'Vérifiez les informations de votre carte.',
  verification_failed:
    "Votre banque n'a pas pu vérifier ce paiement. Aucun montant n'a été débité ; veuillez réessayer ou utiliser une autre carte.",
  square_error:
    "Square n'a pas pu traiter votre carte. Aucun montant n'a été débité ; veuillez réessayer.",
  square_currency_unavailable:
    'Le paiement par carte avec Square n’est pas disponible dans cette devise. Veuillez choisir un autre moyen de paiement.',
  // Braintree (its declines are Stripe's codes, above)
  three_d_secure_failed:
    'Votre banque n’a pas pu confirmer ce paiement. Rien n’a été débité ; veuillez réessayer ou utiliser une autre carte.',
  braintree_refused:
    'Le paiement a été refusé. Rien n’a été débité ; veuillez utiliser une autre carte ou un autre moyen de paiement.',
  braintree_error:
    'Le formulaire de carte n’a pas pu prendre votre paiement. Rien n’a été débité ; veuillez réessayer.',
  // Decline reasons (the server's declineCode: Square, Braintree)
  incorrect_expiry: 'La date d’expiration de votre carte est incorrecte.',
  incorrect_postal_code:
    'Le code postal ne correspond pas à votre carte. Veuillez le vérifier et réessayer.',
  card_not_supported:
    'Cette carte ne peut pas être utilisée ici. Vérifiez le numéro de carte ou essayez une autre carte.',
  authentication_required:
    'Votre banque vous demande de confirmer ce paiement. Veuillez réessayer et terminer la vérification.',
};

export const shipping: ShippingMessages = {
  address: 'Adresse de livraison',
  name: 'Nom complet',
  country: 'Pays ou région',
  chooseCountry: 'Choisissez un pays',
  line1: 'Adresse',
  line2: 'Complément d’adresse',
  city: 'Ville',
  state: 'État',
  province: 'Province',
  region: 'Région',
  chooseRegion: 'Choisir',
  zip: 'Code ZIP',
  postalCode: 'Code postal',
  optional: '(facultatif)',
  nameRequired: 'Saisissez le nom complet du destinataire.',
  countryRequired: 'Choisissez un pays.',
  line1Required: 'Saisissez l’adresse.',
  cityRequired: 'Saisissez la ville.',
  regionRequired: 'Saisissez la région.',
  stateRequired: 'Choisissez un État.',
  provinceRequired: 'Choisissez une province.',
  zipRequired: 'Saisissez le code ZIP.',
  postalCodeRequired: 'Saisissez le code postal.',
  zipInvalid: 'Saisissez un code ZIP valide, par exemple 94103.',
  notShipped: (country) =>
    `Nous ne livrons pas dans ce pays : ${country}. Veuillez choisir une autre adresse.`,
  incomplete: 'Saisissez votre adresse de livraison.',
  method: 'Mode de livraison',
  ratesNeedAddress: 'Saisissez votre adresse pour voir les modes de livraison.',
  free: 'Gratuit',
  // Each chunk carries its own few lines for this (a shared module would be one more request).
  estimate: (minDays, maxDays, locale) => {
    const number = new Intl.NumberFormat(locale);
    const span =
      minDays === maxDays
        ? number.format(maxDays)
        : `${number.format(minDays)}–${number.format(maxDays)}`;
    const one = new Intl.PluralRules(locale).select(maxDays) === 'one';
    return `${span} ${one ? 'jour ouvré' : 'jours ouvrés'}`;
  },
};
