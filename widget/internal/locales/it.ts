/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The it tables of ../messages.ts, ../providers/*-messages.ts and ../shipping-messages.ts, a
 * chunk of its own: loaded (./load.ts) only for a page in Italian.
 */
import type {Messages} from '../messages.js';
import type {ShippingMessages} from '../shipping-messages.js';

const it: Messages = {
  orderSummary: 'Riepilogo dell’ordine',
  item: 'Articolo',
  amount: 'Importo',
  quantity: (quantity) => `× ${quantity}`,
  subtotal: 'Subtotale',
  total: 'Totale',
  loading: 'Caricamento dell’ordine…',
  paymentDetails: 'Dati di pagamento',
  pay: (amount) => `Paga ${amount}`,
  payNoAmount: 'Paga',
  processing: 'Elaborazione in corso…',
  confirming: 'Conferma del pagamento in corso…',
  success: (orderId) => `Pagamento ricevuto — ordine ${orderId}`,
  emptyCart: 'Il carrello è vuoto.',
  pricesChanged: 'I prezzi sono cambiati; controlla il nuovo totale.',
  needsReview: (orderId) =>
    `Abbiamo ricevuto il pagamento dell’ordine ${orderId}, ma deve essere verificato. Ti contatteremo a breve.`,
  timeout: (orderId) =>
    `Il pagamento dell’ordine ${orderId} è ancora in fase di conferma. Riceverai una conferma via email; non pagare di nuovo.`,
  canceled: 'Pagamento annullato. Non ti è stato addebitato nulla.',
  paymentMethod: 'Metodo di pagamento',
  providers: {
    stripe: 'Carta',
    paypal: 'PayPal',
    square: 'Square',
    braintree: 'Carta (Braintree)',
  },
  email: 'Email',
  emailRequired: 'Inserisci il tuo indirizzo email.',
  emailInvalid:
    'Inserisci un indirizzo email valido, ad esempio nome@esempio.it.',
  quantityOf: (name) => `Quantità di ${name}`,
  decrease: (name) => `Diminuisci la quantità di ${name}`,
  increase: (name) => `Aumenta la quantità di ${name}`,
  remove: (name) => `Rimuovi ${name}`,
  quantityUnavailable: (quantity) =>
    `Una quantità di ${quantity} non è disponibile.`,
  discount: 'Sconto',
  shippingRow: 'Spedizione',
  free: 'Gratuita',
  shippingPending: 'Calcolata in base al tuo indirizzo',
  tax: 'Imposte',
  includingTax: (amount) => `Di cui IVA ${amount}`,
  totalNow: (amount) => `Nuovo totale: ${amount}`,
  discountToggle: 'Hai un codice sconto?',
  discountCode: 'Codice sconto',
  applyCode: 'Applica',
  codeApplied: (code) => `${code} applicato`,
  removeCode: (code) => `Rimuovi il codice sconto ${code}`,
  codeProblems: {
    unknown: 'Questo codice non è valido.',
    expired: 'Questo codice è scaduto o non è ancora attivo.',
    minimum_not_met:
      'Il tuo ordine non raggiunge ancora l’importo minimo per questo codice.',
    used_up: 'Questo codice è già stato utilizzato.',
    not_applicable: 'Questo codice non si applica agli articoli nel carrello.',
  },
  hostedNote: 'Completerai il pagamento sulla pagina sicura di Stripe.',
  redirecting: 'Reindirizzamento alla pagina di pagamento sicura…',
  errors: {
    server_not_found:
      'Questo checkout non è collegato al suo server (imposta l’attributo server di <pay-checkout>).',
    network_error:
      'Impossibile raggiungere il server di pagamento. Controlla la connessione e riprova.',
    unknown_sku: 'Un articolo nel carrello non è più disponibile.',
    quantity_out_of_range:
      'La quantità di un articolo nel carrello non è disponibile.',
    currency_not_supported: 'Questa valuta non è supportata.',
    invalid_request: 'Non è possibile pagare questo carrello.',
    provider_not_configured: 'I pagamenti non sono disponibili al momento.',
    provider_unavailable:
      'Il servizio di pagamento non è disponibile al momento. Riprova tra qualche istante.',
    payment_failed:
      'Il pagamento non è stato completato. Riprova o usa un altro metodo di pagamento.',
    order_not_found:
      'Non troviamo questo pagamento in questo browser. Controlla la tua email per la conferma.',
    provider_error:
      'Il servizio di pagamento ha rifiutato il pagamento. Riprova o scegli un altro metodo di pagamento.',
    invalid_address: 'Inserisci l’indirizzo di spedizione.',
    shipping_not_available:
      'Non spediamo a questo indirizzo. Scegline un altro.',
    generic: 'Si è verificato un errore. Riprova.',
  },
};

export default it;

export const providerErrors: Readonly<Record<string, string>> = {
  // Stripe
  card_declined: 'La carta è stata rifiutata. Prova con un’altra carta.',
  insufficient_funds:
    'La carta non ha fondi sufficienti. Prova con un’altra carta.',
  expired_card: 'La carta è scaduta. Prova con un’altra carta.',
  incorrect_cvc: 'Il codice di sicurezza della carta non è corretto.',
  payment_intent_authentication_failure:
    'Non è stato possibile autenticare il pagamento. Riprova o usa un’altra carta.',
  processing_error:
    'Si è verificato un errore durante l’elaborazione della carta. Riprova.',
  api_connection_error:
    'Impossibile raggiungere il servizio di pagamento. Controlla la connessione e riprova.',
  validation_error: 'Controlla i dati di pagamento.',
  // PayPal
  instrument_declined:
    'PayPal ha rifiutato la tua carta; scegli un altro metodo di pagamento.',
  payment_refused:
    'PayPal ha rifiutato questo pagamento. Non ti è stato addebitato nulla; scegli un altro metodo di pagamento.',
  payer_action_required:
    'PayPal ti chiede di completare prima un passaggio. Riprova.',
  order_not_approved: 'Il pagamento non è stato approvato in PayPal. Riprova.',
  paypal_error:
    'PayPal non è riuscito a completare il pagamento. Non ti è stato addebitato nulla; riprova o scegli un altro metodo di pagamento.',
  // Square (a decline is card_declined, as Stripe's above)
  invalid_card_number: 'Controlla il numero della carta.',
  invalid_expiration: 'Controlla la data di scadenza della carta.',
  invalid_cvv: 'Controlla il codice di sicurezza (CVV) della carta.',
  invalid_postal_code: 'Controlla il CAP della carta.',
  invalid_card: 'Controlla i dati della carta.',
  verification_failed:
    'La tua banca non è riuscita a verificare questo pagamento. Non è stato addebitato nulla; riprova o usa un’altra carta.',
  square_error:
    'Square non è riuscito a elaborare la carta. Non è stato addebitato nulla; riprova.',
  square_currency_unavailable:
    'I pagamenti con carta tramite Square non sono disponibili in questa valuta. Scegli un altro metodo di pagamento.',
  // Braintree (its declines are Stripe's codes, above)
  three_d_secure_failed:
    'La tua banca non ha potuto confermare questo pagamento. Non è stato addebitato nulla; riprova o usa un’altra carta.',
  braintree_refused:
    'Il pagamento è stato rifiutato. Non è stato addebitato nulla; usa un’altra carta o un altro metodo di pagamento.',
  braintree_error:
    'Il modulo della carta non ha potuto ricevere il pagamento. Non è stato addebitato nulla; riprova.',
  // Decline reasons (the server's declineCode: Square, Braintree)
  incorrect_expiry: 'La data di scadenza della carta non è corretta.',
  incorrect_postal_code:
    'Il codice postale non corrisponde alla carta. Controllalo e riprova.',
  card_not_supported:
    'Questa carta non può essere usata qui. Controlla il numero della carta o prova con un’altra carta.',
  authentication_required:
    'La tua banca ti chiede di confermare questo pagamento. Riprova e completa la verifica.',
};

export const shipping: ShippingMessages = {
  address: 'Indirizzo di spedizione',
  name: 'Nome e cognome',
  country: 'Paese o regione',
  chooseCountry: 'Seleziona un paese',
  line1: 'Indirizzo',
  line2: 'Scala, interno, presso',
  city: 'Città',
  state: 'Stato',
  province: 'Provincia',
  region: 'Regione',
  chooseRegion: 'Seleziona',
  zip: 'Codice ZIP',
  postalCode: 'Codice postale',
  optional: '(facoltativo)',
  nameRequired: 'Inserisci nome e cognome del destinatario.',
  countryRequired: 'Seleziona un paese.',
  line1Required: 'Inserisci l’indirizzo.',
  cityRequired: 'Inserisci la città.',
  regionRequired: 'Inserisci la regione.',
  stateRequired: 'Seleziona uno stato.',
  provinceRequired: 'Seleziona una provincia.',
  zipRequired: 'Inserisci il codice ZIP.',
  postalCodeRequired: 'Inserisci il codice postale.',
  zipInvalid: 'Inserisci un codice ZIP valido, ad esempio 94103.',
  notShipped: (country) =>
    `Non spediamo in questo paese: ${country}. Scegli un altro indirizzo.`,
  incomplete: 'Inserisci l’indirizzo di spedizione.',
  method: 'Metodo di spedizione',
  ratesNeedAddress:
    'Inserisci l’indirizzo per vedere le opzioni di spedizione.',
  free: 'Gratuita',
  // Each chunk carries its own few lines for this (a shared module would be one more request).
  estimate: (minDays, maxDays, locale) => {
    const number = new Intl.NumberFormat(locale);
    const span =
      minDays === maxDays
        ? number.format(maxDays)
        : `${number.format(minDays)}–${number.format(maxDays)}`;
    const one = new Intl.PluralRules(locale).select(maxDays) === 'one';
    return `${span} ${one ? 'giorno lavorativo' : 'giorni lavorativi'}`;
  },
};
