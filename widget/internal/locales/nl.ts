/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The nl tables of ../messages.ts, ../providers/*-messages.ts and ../shipping-messages.ts, a
 * chunk of its own: loaded (./load.ts) only for a page in Dutch. Je, as Dutch web shops
 * address their buyers.
 */
import type {Messages} from '../messages.js';
import type {ShippingMessages} from '../shipping-messages.js';

const nl: Messages = {
  orderSummary: 'Besteloverzicht',
  item: 'Artikel',
  amount: 'Bedrag',
  quantity: (quantity) => `× ${quantity}`,
  subtotal: 'Subtotaal',
  total: 'Totaal',
  loading: 'Je bestelling wordt geladen…',
  paymentDetails: 'Betaalgegevens',
  pay: (amount) => `Betaal ${amount}`,
  payNoAmount: 'Betalen',
  processing: 'Bezig met verwerken…',
  confirming: 'Betaling wordt bevestigd…',
  success: (orderId) => `Betaling ontvangen — bestelling ${orderId}`,
  emptyCart: 'Je winkelwagen is leeg.',
  pricesChanged: 'De prijzen zijn gewijzigd; controleer het nieuwe totaal.',
  needsReview: (orderId) =>
    `We hebben je betaling voor bestelling ${orderId} ontvangen, maar die moet nog kort worden gecontroleerd. We nemen snel contact met je op.`,
  timeout: (orderId) =>
    `Je betaling voor bestelling ${orderId} wordt nog bevestigd. Je ontvangt een bevestiging per e-mail; betaal niet opnieuw.`,
  canceled: 'Betaling geannuleerd. Er is niets afgeschreven.',
  paymentMethod: 'Betaalmethode',
  providers: {
    stripe: 'Kaart',
    paypal: 'PayPal',
    square: 'Square',
    braintree: 'Kaart (Braintree)',
  },
  email: 'E-mail',
  emailRequired: 'Vul je e-mailadres in.',
  emailInvalid: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
  quantityOf: (name) => `Aantal van ${name}`,
  decrease: (name) => `Aantal van ${name} verlagen`,
  increase: (name) => `Aantal van ${name} verhogen`,
  remove: (name) => `${name} verwijderen`,
  quantityUnavailable: (quantity) =>
    `Een aantal van ${quantity} is niet beschikbaar.`,
  discount: 'Korting',
  shippingRow: 'Verzending',
  free: 'Gratis',
  shippingPending: 'Berekend op basis van je adres',
  tax: 'Belasting',
  includingTax: (amount) => `Inclusief btw ${amount}`,
  totalNow: (amount) => `Totaal nu ${amount}`,
  discountToggle: 'Heb je een kortingscode?',
  discountCode: 'Kortingscode',
  applyCode: 'Toepassen',
  codeApplied: (code) => `${code} toegepast`,
  removeCode: (code) => `Kortingscode ${code} verwijderen`,
  codeProblems: {
    unknown: 'Deze code is niet geldig.',
    expired: 'Deze code is verlopen of nog niet actief.',
    minimum_not_met:
      'Je bestelling komt nog niet aan het minimumbedrag voor deze code.',
    used_up: 'Deze code is al gebruikt.',
    not_applicable: 'Deze code geldt niet voor de artikelen in je winkelwagen.',
  },
  hostedNote: 'Je rondt de betaling af op de beveiligde pagina van Stripe.',
  redirecting: 'Je gaat naar de beveiligde betaalpagina…',
  errors: {
    server_not_found:
      'Deze checkout is niet met zijn server verbonden (stel het attribuut server van <pay-checkout> in).',
    network_error:
      'De betaalserver is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
    unknown_sku: 'Een artikel in je winkelwagen is niet meer beschikbaar.',
    quantity_out_of_range:
      'Het aantal van een artikel in je winkelwagen is niet beschikbaar.',
    currency_not_supported: 'Deze valuta wordt niet ondersteund.',
    invalid_request: 'Deze winkelwagen kan niet worden afgerekend.',
    provider_not_configured: 'Betalen is op dit moment niet mogelijk.',
    provider_unavailable:
      'De betaaldienst is op dit moment niet beschikbaar. Probeer het zo opnieuw.',
    payment_failed:
      'Je betaling is niet voltooid. Probeer het opnieuw of kies een andere betaalmethode.',
    order_not_found:
      'We kunnen deze betaling niet vinden in deze browser. Kijk in je e-mail voor een bevestiging.',
    provider_error:
      'De betaaldienst heeft de betaling geweigerd. Probeer het opnieuw of kies een andere betaalmethode.',
    invalid_address: 'Vul je verzendadres in.',
    shipping_not_available:
      'We verzenden niet naar dit adres. Kies een ander adres.',
    generic: 'Er is iets misgegaan. Probeer het opnieuw.',
  },
};

export default nl;

export const providerErrors: Readonly<Record<string, string>> = {
  // Stripe
  card_declined: 'Je kaart is geweigerd. Probeer een andere kaart.',
  insufficient_funds:
    'Er staat onvoldoende saldo op je kaart. Probeer een andere kaart.',
  expired_card: 'Je kaart is verlopen. Probeer een andere kaart.',
  incorrect_cvc: 'De beveiligingscode van je kaart is onjuist.',
  payment_intent_authentication_failure:
    'We konden je betaling niet verifiëren. Probeer het opnieuw of gebruik een andere kaart.',
  processing_error:
    'Er is een fout opgetreden bij het verwerken van je kaart. Probeer het opnieuw.',
  api_connection_error:
    'De betaaldienst is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
  validation_error: 'Controleer je betaalgegevens.',
  // PayPal
  instrument_declined:
    'Je kaart is door PayPal geweigerd; kies een andere betaalmethode.',
  payment_refused:
    'PayPal heeft deze betaling geweigerd. Er is niets afgeschreven; kies een andere betaalmethode.',
  payer_action_required:
    'PayPal vraagt je eerst een stap af te ronden. Probeer het opnieuw.',
  order_not_approved:
    'De betaling is niet goedgekeurd in PayPal. Probeer het opnieuw.',
  paypal_error:
    'PayPal kon je betaling niet voltooien. Er is niets afgeschreven; probeer het opnieuw of kies een andere betaalmethode.',
  // Square (a decline is card_declined, as Stripe's above)
  invalid_card_number: 'Controleer je kaartnummer.',
  invalid_expiration: 'Controleer de vervaldatum van je kaart.',
  invalid_cvv: 'Controleer de beveiligingscode (CVV) van je kaart.',
  invalid_postal_code: 'Controleer de postcode van je kaart.',
  invalid_card: 'Controleer je kaartgegevens.',
  verification_failed:
    'Je bank kon deze betaling niet verifiëren. Er is niets afgeschreven; probeer het opnieuw of gebruik een andere kaart.',
  square_error:
    'Square kon je kaart niet verwerken. Er is niets afgeschreven; probeer het opnieuw.',
  square_currency_unavailable:
    'Kaartbetalingen met Square zijn niet mogelijk in deze valuta. Kies een andere betaalmethode.',
  // Braintree (its declines are Stripe's codes, above)
  three_d_secure_failed:
    'Je bank kon deze betaling niet bevestigen. Er is niets afgeschreven; probeer het opnieuw of gebruik een andere kaart.',
  braintree_refused:
    'De betaling is geweigerd. Er is niets afgeschreven; gebruik een andere kaart of betaalmethode.',
  braintree_error:
    'Het kaartformulier kon je betaling niet aannemen. Er is niets afgeschreven; probeer het opnieuw.',
  // Decline reasons (the server's declineCode: Square, Braintree)
  incorrect_expiry: 'De vervaldatum van je kaart is onjuist.',
  incorrect_postal_code:
    'De postcode komt niet overeen met je kaart. Controleer hem en probeer het opnieuw.',
  card_not_supported:
    'Deze kaart kan hier niet worden gebruikt. Controleer het kaartnummer of probeer een andere kaart.',
  authentication_required:
    'Je bank vraagt je deze betaling te bevestigen. Probeer het opnieuw en rond de controle af.',
};

export const shipping: ShippingMessages = {
  address: 'Verzendadres',
  name: 'Volledige naam',
  country: 'Land of regio',
  chooseCountry: 'Kies een land',
  line1: 'Straat en huisnummer',
  line2: 'Toevoeging',
  city: 'Plaats',
  state: 'Staat',
  province: 'Provincie',
  region: 'Regio',
  chooseRegion: 'Kies',
  zip: 'ZIP-code',
  postalCode: 'Postcode',
  optional: '(optioneel)',
  nameRequired: 'Vul de volledige naam van de ontvanger in.',
  countryRequired: 'Kies een land.',
  line1Required: 'Vul straat en huisnummer in.',
  cityRequired: 'Vul de plaats in.',
  regionRequired: 'Vul de regio in.',
  stateRequired: 'Kies een staat.',
  provinceRequired: 'Kies een provincie.',
  zipRequired: 'Vul de ZIP-code in.',
  postalCodeRequired: 'Vul de postcode in.',
  zipInvalid: 'Vul een geldige ZIP-code in, zoals 94103.',
  notShipped: (country) =>
    `We verzenden niet naar dit land: ${country}. Kies een ander adres.`,
  incomplete: 'Vul je verzendadres in.',
  method: 'Verzendmethode',
  ratesNeedAddress: 'Vul je adres in om de verzendopties te zien.',
  free: 'Gratis',
  // Each chunk carries its own few lines for this (a shared module would be one more request).
  estimate: (minDays, maxDays, locale) => {
    const number = new Intl.NumberFormat(locale);
    const span =
      minDays === maxDays
        ? number.format(maxDays)
        : `${number.format(minDays)}–${number.format(maxDays)}`;
    const one = new Intl.PluralRules(locale).select(maxDays) === 'one';
    return `${span} ${one ? 'werkdag' : 'werkdagen'}`;
  },
};
