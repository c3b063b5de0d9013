/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The es tables of ../messages.ts, ../providers/*-messages.ts and ../shipping-messages.ts, a
 * chunk of its own: loaded (./load.ts) only for a page in Spanish. Tú, as Spanish online shops
 * address their buyers.
 */
import type {Messages} from '../messages.js';
import type {ShippingMessages} from '../shipping-messages.js';

const es: Messages = {
  orderSummary: 'Resumen del pedido',
  item: 'Artículo',
  amount: 'Importe',
  quantity: (quantity) => `× ${quantity}`,
  subtotal: 'Subtotal',
  total: 'Total',
  loading: 'Cargando tu pedido…',
  paymentDetails: 'Datos de pago',
  pay: (amount) => `Pagar ${amount}`,
  payNoAmount: 'Pagar',
  processing: 'Procesando…',
  confirming: 'Confirmando el pago…',
  success: (orderId) => `Pago recibido — pedido ${orderId}`,
  emptyCart: 'Tu carrito está vacío.',
  pricesChanged: 'Los precios han cambiado; revisa el nuevo total.',
  needsReview: (orderId) =>
    `Hemos recibido tu pago del pedido ${orderId}, pero necesitamos revisarlo. Nos pondremos en contacto contigo en breve.`,
  timeout: (orderId) =>
    `Tu pago del pedido ${orderId} aún se está confirmando. Recibirás una confirmación por correo electrónico; no vuelvas a pagar.`,
  canceled: 'Pago cancelado. No se te ha cobrado nada.',
  paymentMethod: 'Método de pago',
  providers: {
    stripe: 'Tarjeta',
    paypal: 'PayPal',
    square: 'Square',
    braintree: 'Tarjeta (Braintree)',
  },
  email: 'Correo electrónico',
  emailRequired: 'Introduce tu correo electrónico.',
  emailInvalid:
    'Introduce un correo electrónico válido, por ejemplo nombre@ejemplo.com.',
  quantityOf: (name) => `Cantidad de ${name}`,
  decrease: (name) => `Reducir la cantidad de ${name}`,
  increase: (name) => `Aumentar la cantidad de ${name}`,
  remove: (name) => `Eliminar ${name}`,
  quantityUnavailable: (quantity) =>
    `No hay disponible una cantidad de ${quantity}.`,
  discount: 'Descuento',
  shippingRow: 'Envío',
  free: 'Gratis',
  shippingPending: 'Se calcula según tu dirección',
  tax: 'Impuestos',
  includingTax: (amount) => `IVA incluido: ${amount}`,
  totalNow: (amount) => `Nuevo total: ${amount}`,
  discountToggle: '¿Tienes un código de descuento?',
  discountCode: 'Código de descuento',
  applyCode: 'Aplicar',
  codeApplied: (code) => `${code} aplicado`,
  removeCode: (code) => `Quitar el código de descuento ${code}`,
  codeProblems: {
    unknown: 'Este código no es válido.',
    expired: 'Este código ha caducado o aún no está activo.',
    minimum_not_met: 'Tu pedido aún no alcanza el mínimo para este código.',
    used_up: 'Este código ya se ha utilizado.',
    not_applicable: 'Este código no se aplica a los artículos de tu carrito.',
  },
  hostedNote: 'Terminarás el pago en la página segura de Stripe.',
  redirecting: 'Te llevamos a la página de pago segura…',
  errors: {
    server_not_found:
      'Este formulario de pago no está conectado a su servidor (indica el atributo server de <pay-checkout>).',
    network_error:
      'No hemos podido conectar con el servidor de pago. Comprueba tu conexión y vuelve a intentarlo.',
    unknown_sku: 'Un artículo de tu carrito ya no está disponible.',
    quantity_out_of_range:
      'La cantidad de un artículo de tu carrito no está disponible.',
    currency_not_supported: 'Esta moneda no se admite.',
    invalid_request: 'No se puede pagar este carrito.',
    provider_not_configured: 'Los pagos no están disponibles en este momento.',
    provider_unavailable:
      'El proveedor de pagos no está disponible en este momento. Vuelve a intentarlo en unos instantes.',
    payment_failed:
      'Tu pago no se ha completado. Vuelve a intentarlo o usa otro método de pago.',
    order_not_found:
      'No encontramos este pago en este navegador. Busca la confirmación en tu correo electrónico.',
    provider_error:
      'El proveedor de pagos ha rechazado el pago. Vuelve a intentarlo o elige otro método de pago.',
    invalid_address: 'Introduce tu dirección de envío.',
    shipping_not_available:
      'No realizamos envíos a esta dirección. Elige otra.',
    generic: 'Se ha producido un error. Vuelve a intentarlo.',
  },
};

export default es;

export const providerErrors: Readonly<Record<string, string>> = {
  // Stripe
  card_declined: 'Tu tarjeta ha sido rechazada. Prueba con otra tarjeta.',
  insufficient_funds:
    'Tu tarjeta no tiene fondos suficientes. Prueba con otra tarjeta.',
  expired_card: 'Tu tarjeta ha caducado. Prueba con otra tarjeta.',
  incorrect_cvc: 'El código de seguridad de tu tarjeta es incorrecto.',
  payment_intent_authentication_failure:
    'No hemos podido autenticar tu pago. Vuelve a intentarlo o usa otra tarjeta.',
  processing_error:
    'Se ha producido un error al procesar tu tarjeta. Vuelve a intentarlo.',
  api_connection_error:
    'No hemos podido conectar con el proveedor de pagos. Comprueba tu conexión y vuelve a intentarlo.',
  validation_error: 'Revisa tus datos de pago.',
  // PayPal
  instrument_declined:
    'PayPal ha rechazado tu tarjeta; elige otro método de pago.',
  payment_refused:
    'PayPal ha rechazado este pago. No se te ha cobrado nada; elige otro método de pago.',
  payer_action_required:
    'PayPal necesita que completes un paso antes. Vuelve a intentarlo.',
  order_not_approved:
    'El pago no se ha aprobado en PayPal. Vuelve a intentarlo.',
  paypal_error:
    'PayPal no ha podido completar tu pago. No se te ha cobrado nada; vuelve a intentarlo o elige otro método de pago.',
  // Square (a decline is card_declined, as Stripe's above)
  invalid_card_number: 'Revisa el número de tu tarjeta.',
  invalid_expiration: 'Revisa la fecha de caducidad de tu tarjeta.',
  invalid_cvv: 'Revisa el código de seguridad (CVV) de tu tarjeta.',
  invalid_postal_code: 'Revisa el código postal de tu tarjeta.',
  invalid_card: 'Revisa los datos de tu tarjeta.',
  verification_failed:
    'Tu banco no pudo verificar este pago. No se ha cobrado nada; inténtalo de nuevo o usa otra tarjeta.',
  square_error:
    'Square no pudo procesar tu tarjeta. No se ha cobrado nada; inténtalo de nuevo.',
  square_currency_unavailable:
    'Los pagos con tarjeta mediante Square no están disponibles en esta moneda. Elige otra forma de pago.',
  // Braintree (its declines are Stripe's codes, above)
  three_d_secure_failed:
    'Tu banco no pudo confirmar este pago. No se ha cobrado nada; inténtalo de nuevo o usa otra tarjeta.',
  braintree_refused:
    'El pago fue rechazado. No se ha cobrado nada; usa otra tarjeta u otra forma de pago.',
  braintree_error:
    'El formulario de la tarjeta no pudo recibir tu pago. No se ha cobrado nada; inténtalo de nuevo.',
  // Decline reasons (the server's declineCode: Square, Braintree)
  incorrect_expiry: 'La fecha de caducidad de tu tarjeta es incorrecta.',
  incorrect_postal_code:
    'El código postal no coincide con tu tarjeta. Revísalo y vuelve a intentarlo.',
  card_not_supported:
    'Esta tarjeta no se puede usar aquí. Revisa el número de la tarjeta o prueba con otra tarjeta.',
  authentication_required:
    'Tu banco te pide que confirmes este pago. Vuelve a intentarlo y completa la verificación.',
};

export const shipping: ShippingMessages = {
  address: 'Dirección de envío',
  name: 'Nombre completo',
  country: 'País o región',
  chooseCountry: 'Selecciona un país',
  line1: 'Dirección',
  line2: 'Piso, puerta, etc.',
  city: 'Ciudad',
  state: 'Estado',
  province: 'Provincia',
  region: 'Región',
  chooseRegion: 'Selecciona',
  zip: 'Código ZIP',
  postalCode: 'Código postal',
  optional: '(opcional)',
  nameRequired: 'Introduce el nombre completo del destinatario.',
  countryRequired: 'Selecciona un país.',
  line1Required: 'Introduce la dirección.',
  cityRequired: 'Introduce la ciudad.',
  regionRequired: 'Introduce la región.',
  stateRequired: 'Selecciona un estado.',
  provinceRequired: 'Selecciona una provincia.',
  zipRequired: 'Introduce el código ZIP.',
  postalCodeRequired: 'Introduce el código postal.',
  zipInvalid: 'Introduce un código ZIP válido, por ejemplo 94103.',
  notShipped: (country) =>
    `No realizamos envíos a este país: ${country}. Elige otra dirección.`,
  incomplete: 'Introduce tu dirección de envío.',
  method: 'Método de envío',
  ratesNeedAddress: 'Introduce tu dirección para ver las opciones de envío.',
  free: 'Gratis',
  // Each chunk carries its own few lines for this (a shared module would be one more request).
  estimate: (minDays, maxDays, locale) => {
    const number = new Intl.NumberFormat(locale);
    const span =
      minDays === maxDays
        ? number.format(maxDays)
        : `${number.format(minDays)}–${number.format(maxDays)}`;
    const one = new Intl.PluralRules(locale).select(maxDays) === 'one';
    return `${span} ${one ? 'día hábil' : 'días hábiles'}`;
  },
};
