/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The pt-BR tables of ../messages.ts, ../providers/*-messages.ts and ../shipping-messages.ts, a
 * chunk of its own: loaded (./load.ts) only for a page in Portuguese (Brazil's, for every
 * Portuguese reader: see languageOf in ../messages.ts).
 */
import type {Messages} from '../messages.js';
import type {ShippingMessages} from '../shipping-messages.js';

const ptBR: Messages = {
  orderSummary: 'Resumo do pedido',
  item: 'Item',
  amount: 'Valor',
  quantity: (quantity) => `× ${quantity}`,
  subtotal: 'Subtotal',
  total: 'Total',
  loading: 'Carregando seu pedido…',
  paymentDetails: 'Dados de pagamento',
  pay: (amount) => `Pagar ${amount}`,
  payNoAmount: 'Pagar',
  processing: 'Processando…',
  confirming: 'Confirmando o pagamento…',
  success: (orderId) => `Pagamento recebido — pedido ${orderId}`,
  emptyCart: 'Seu carrinho está vazio.',
  pricesChanged: 'Os preços mudaram; confira o novo total.',
  needsReview: (orderId) =>
    `Recebemos seu pagamento do pedido ${orderId}, mas ele precisa de uma análise rápida. Entraremos em contato em breve.`,
  timeout: (orderId) =>
    `Seu pagamento do pedido ${orderId} ainda está sendo confirmado. Você receberá uma confirmação por e-mail; não pague novamente.`,
  canceled: 'Pagamento cancelado. Nada foi cobrado.',
  paymentMethod: 'Forma de pagamento',
  providers: {
    stripe: 'Cartão',
    paypal: 'PayPal',
    square: 'Square',
    braintree: 'Cartão (Braintree)',
  },
  email: 'E-mail',
  emailRequired: 'Informe seu e-mail.',
  emailInvalid: 'Informe um e-mail válido, como nome@exemplo.com.br.',
  quantityOf: (name) => `Quantidade de ${name}`,
  decrease: (name) => `Diminuir a quantidade de ${name}`,
  increase: (name) => `Aumentar a quantidade de ${name}`,
  remove: (name) => `Remover ${name}`,
  quantityUnavailable: (quantity) =>
    `A quantidade ${quantity} não está disponível.`,
  discount: 'Desconto',
  shippingRow: 'Frete',
  free: 'Grátis',
  shippingPending: 'Calculado a partir do seu endereço',
  tax: 'Impostos',
  includingTax: (amount) => `Impostos inclusos: ${amount}`,
  totalNow: (amount) => `Novo total: ${amount}`,
  discountToggle: 'Tem um cupom de desconto?',
  discountCode: 'Cupom de desconto',
  applyCode: 'Aplicar',
  codeApplied: (code) => `${code} aplicado`,
  removeCode: (code) => `Remover o cupom ${code}`,
  codeProblems: {
    unknown: 'Este cupom não é válido.',
    expired: 'Este cupom expirou ou ainda não está ativo.',
    minimum_not_met: 'Seu pedido ainda não atinge o valor mínimo deste cupom.',
    used_up: 'Este cupom já foi usado.',
    not_applicable: 'Este cupom não vale para os itens do seu carrinho.',
  },
  hostedNote: 'Você concluirá o pagamento na página segura da Stripe.',
  redirecting: 'Levando você à página de pagamento segura…',
  errors: {
    server_not_found:
      'Este checkout não está conectado ao seu servidor (defina o atributo server de <pay-checkout>).',
    network_error:
      'Não foi possível conectar ao servidor de pagamento. Verifique sua conexão e tente novamente.',
    unknown_sku: 'Um item do seu carrinho não está mais disponível.',
    quantity_out_of_range:
      'A quantidade de um item do seu carrinho não está disponível.',
    currency_not_supported: 'Esta moeda não é aceita.',
    invalid_request: 'Não é possível finalizar a compra deste carrinho.',
    provider_not_configured: 'Os pagamentos não estão disponíveis no momento.',
    provider_unavailable:
      'O serviço de pagamento não está disponível no momento. Tente novamente em instantes.',
    payment_failed:
      'Seu pagamento não foi concluído. Tente novamente ou use outra forma de pagamento.',
    order_not_found:
      'Não encontramos este pagamento neste navegador. Verifique seu e-mail para ver a confirmação.',
    provider_error:
      'O serviço de pagamento recusou o pagamento. Tente novamente ou escolha outra forma de pagamento.',
    invalid_address: 'Informe seu endereço de entrega.',
    shipping_not_available: 'Não entregamos neste endereço. Escolha outro.',
    generic: 'Algo deu errado. Tente novamente.',
  },
};

export default ptBR;

export const providerErrors: Readonly<Record<string, string>> = {
  // Stripe
  card_declined: 'Seu cartão foi recusado. Tente outro cartão.',
  insufficient_funds:
    'Seu cartão não tem saldo suficiente. Tente outro cartão.',
  expired_card: 'Seu cartão está vencido. Tente outro cartão.',
  incorrect_cvc: 'O código de segurança do seu cartão está incorreto.',
  payment_intent_authentication_failure:
    'Não foi possível autenticar seu pagamento. Tente novamente ou use outro cartão.',
  processing_error: 'Ocorreu um erro ao processar seu cartão. Tente novamente.',
  api_connection_error:
    'Não foi possível conectar ao serviço de pagamento. Verifique sua conexão e tente novamente.',
  validation_error: 'Confira seus dados de pagamento.',
  // PayPal
  instrument_declined:
    'O PayPal recusou seu cartão; escolha outra forma de pagamento.',
  payment_refused:
    'O PayPal recusou este pagamento. Nada foi cobrado; escolha outra forma de pagamento.',
  payer_action_required:
    'O PayPal precisa que você conclua uma etapa antes. Tente novamente.',
  order_not_approved:
    'O pagamento não foi aprovado no PayPal. Tente novamente.',
  paypal_error:
    'O PayPal não conseguiu concluir seu pagamento. Nada foi cobrado; tente novamente ou escolha outra forma de pagamento.',
  // Square (a decline is card_declined, as Stripe's above)
  invalid_card_number: 'Confira o número do seu cartão.',
  invalid_expiration: 'Confira a data de validade do seu cartão.',
  invalid_cvv: 'Confira o código de segurança (CVV) do seu cartão.',
  invalid_postal_code: 'Confira o CEP do seu cartão.',
  invalid_card: 'Confira os dados do seu cartão.',
  verification_failed:
    'Seu banco não conseguiu verificar este pagamento. Nada foi cobrado; tente novamente ou use outro cartão.',
  square_error:
    'A Square não conseguiu processar seu cartão. Nada foi cobrado; tente novamente.',
  square_currency_unavailable:
    'Pagamentos com cartão pela Square não estão disponíveis nesta moeda. Escolha outra forma de pagamento.',
  // Braintree (its declines are Stripe's codes, above)
  three_d_secure_failed:
    'Seu banco não conseguiu confirmar este pagamento. Nada foi cobrado; tente novamente ou use outro cartão.',
  braintree_refused:
    'O pagamento foi recusado. Nada foi cobrado; use outro cartão ou outra forma de pagamento.',
  braintree_error:
    'O formulário do cartão não conseguiu receber seu pagamento. Nada foi cobrado; tente novamente.',
  // Decline reasons (the server's declineCode: Square, Braintree)
  incorrect_expiry: 'A data de validade do seu cartão está incorreta.',
  incorrect_postal_code:
    'O CEP não corresponde ao seu cartão. Verifique-o e tente novamente.',
  card_not_supported:
    'Este cartão não pode ser usado aqui. Verifique o número do cartão ou tente outro cartão.',
  authentication_required:
    'Seu banco pede que você confirme este pagamento. Tente novamente e conclua a verificação.',
};

export const shipping: ShippingMessages = {
  address: 'Endereço de entrega',
  name: 'Nome completo',
  country: 'País ou região',
  chooseCountry: 'Selecione um país',
  line1: 'Endereço',
  line2: 'Complemento',
  city: 'Cidade',
  state: 'Estado',
  province: 'Província',
  region: 'Região',
  chooseRegion: 'Selecione',
  zip: 'Código ZIP',
  postalCode: 'Código postal',
  optional: '(opcional)',
  nameRequired: 'Informe o nome completo do destinatário.',
  countryRequired: 'Selecione um país.',
  line1Required: 'Informe o endereço.',
  cityRequired: 'Informe a cidade.',
  regionRequired: 'Informe a região.',
  stateRequired: 'Selecione um estado.',
  provinceRequired: 'Selecione uma província.',
  zipRequired: 'Informe o código ZIP.',
  postalCodeRequired: 'Informe o código postal.',
  zipInvalid: 'Informe um código ZIP válido, como 94103.',
  notShipped: (country) =>
    `Não entregamos neste país: ${country}. Escolha outro endereço.`,
  incomplete: 'Informe seu endereço de entrega.',
  method: 'Forma de envio',
  ratesNeedAddress: 'Informe seu endereço para ver as opções de frete.',
  free: 'Grátis',
  // Each chunk carries its own few lines for this (a shared module would be one more request).
  estimate: (minDays, maxDays, locale) => {
    const number = new Intl.NumberFormat(locale);
    const span =
      minDays === maxDays
        ? number.format(maxDays)
        : `${number.format(minDays)}–${number.format(maxDays)}`;
    const one = new Intl.PluralRules(locale).select(maxDays) === 'one';
    return `${span} ${one ? 'dia útil' : 'dias úteis'}`;
  },
};
