/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The zh-Hans tables of ../messages.ts, ../providers/*-messages.ts and ../shipping-messages.ts,
 * a chunk of its own: loaded (./load.ts) only for a page in Simplified Chinese (zh, zh-CN,
 * zh-SG, zh-Hans-*; Traditional Chinese pages stay in English: see languageOf in ../messages.ts).
 */
import type {Messages} from '../messages.js';
import type {ShippingMessages} from '../shipping-messages.js';

const zhHans: Messages = {
  orderSummary: '订单摘要',
  item: '商品',
  amount: '金额',
  quantity: (quantity) => `× ${quantity}`,
  subtotal: '小计',
  total: '总计',
  loading: '正在加载您的订单…',
  paymentDetails: '支付信息',
  pay: (amount) => `支付 ${amount}`,
  payNoAmount: '支付',
  processing: '正在处理…',
  confirming: '正在确认付款…',
  success: (orderId) => `已收到付款 — 订单 ${orderId}`,
  emptyCart: '您的购物车是空的。',
  pricesChanged: '价格已变动，请查看新的总金额。',
  needsReview: (orderId) =>
    `我们已收到您订单 ${orderId} 的付款，但还需要简单审核。我们会尽快与您联系。`,
  timeout: (orderId) =>
    `您订单 ${orderId} 的付款仍在确认中。您将通过电子邮件收到确认，请勿重复付款。`,
  canceled: '付款已取消，您未被扣款。',
  paymentMethod: '支付方式',
  providers: {
    stripe: '银行卡',
    paypal: 'PayPal',
    square: 'Square',
    braintree: '银行卡（Braintree）',
  },
  email: '电子邮件',
  emailRequired: '请输入您的电子邮件地址。',
  emailInvalid: '请输入有效的电子邮件地址，例如 name@example.com。',
  quantityOf: (name) => `${name} 的数量`,
  decrease: (name) => `减少 ${name} 的数量`,
  increase: (name) => `增加 ${name} 的数量`,
  remove: (name) => `移除 ${name}`,
  quantityUnavailable: (quantity) => `数量 ${quantity} 无法购买。`,
  discount: '折扣',
  shippingRow: '运费',
  free: '免费',
  shippingPending: '根据您的地址计算',
  tax: '税费',
  includingTax: (amount) => `含增值税 ${amount}`,
  totalNow: (amount) => `总计已更新为 ${amount}`,
  discountToggle: '有优惠码？',
  discountCode: '优惠码',
  applyCode: '使用',
  codeApplied: (code) => `已使用 ${code}`,
  removeCode: (code) => `移除优惠码 ${code}`,
  codeProblems: {
    unknown: '此优惠码无效。',
    expired: '此优惠码已过期或尚未生效。',
    minimum_not_met: '您的订单尚未达到此优惠码的最低消费金额。',
    used_up: '此优惠码已被使用。',
    not_applicable: '此优惠码不适用于您购物车中的商品。',
  },
  hostedNote: '您将在 Stripe 的安全页面上完成付款。',
  redirecting: '正在前往安全支付页面…',
  errors: {
    server_not_found:
      '此结账组件未连接到其服务器（请设置 <pay-checkout> 的 server 属性）。',
    network_error: '无法连接到结账服务器。请检查您的网络连接后重试。',
    unknown_sku: '您购物车中的某件商品已无法购买。',
    quantity_out_of_range: '您购物车中某件商品的数量无法购买。',
    currency_not_supported: '不支持此货币。',
    invalid_request: '此购物车无法结账。',
    provider_not_configured: '目前无法付款。',
    provider_unavailable: '支付服务暂时不可用，请稍后重试。',
    payment_failed: '您的付款未完成。请重试或使用其他支付方式。',
    order_not_found:
      '在此浏览器中找不到这笔付款。请查看您的电子邮件中的确认信息。',
    provider_error: '支付服务拒绝了这笔付款。请重试或选择其他支付方式。',
    invalid_address: '请输入您的收货地址。',
    shipping_not_available: '我们不向此地址配送，请选择其他地址。',
    generic: '出了点问题，请重试。',
  },
};

export default zhHans;

export const providerErrors: Readonly<Record<string, string>> = {
  // Stripe
  card_declined: '您的银行卡被拒绝。请尝试使用其他银行卡。',
  insufficient_funds: '您的银行卡余额不足。请尝试使用其他银行卡。',
  expired_card: '您的银行卡已过期。请尝试使用其他银行卡。',
  incorrect_cvc: '您的银行卡安全码不正确。',
  payment_intent_authentication_failure:
    '我们无法验证您的付款。请重试或使用其他银行卡。',
  processing_error: '处理您的银行卡时出错。请重试。',
  api_connection_error: '无法连接到支付服务。请检查您的网络连接后重试。',
  validation_error: '请检查您的支付信息。',
  // PayPal
  instrument_declined: 'PayPal 拒绝了您的银行卡，请选择其他支付方式。',
  payment_refused: 'PayPal 拒绝了这笔付款。您未被扣款，请选择其他支付方式。',
  payer_action_required: 'PayPal 需要您先完成一个步骤。请重试。',
  order_not_approved: '这笔付款未在 PayPal 中获得批准。请重试。',
  paypal_error:
    'PayPal 无法完成您的付款。您未被扣款，请重试或选择其他支付方式。',
  // Square (a decline is card_declined, as Stripe's above)
  invalid_card_number: '请检查您的卡号。',
  invalid_expiration: '请检查您的卡的有效期。',
  invalid_cvv: '请检查您的卡的安全码（CVV）。',
  invalid_postal_code: '请检查您的卡的邮政编码。',
  invalid_card: '请检查您的银行卡信息。',
  verification_failed:
    '您的银行无法验证此笔付款。未扣取任何费用；请重试或使用其他银行卡。',
  square_error: 'Square 无法处理您的银行卡。未扣取任何费用；请重试。',
  square_currency_unavailable:
    '此币种不支持通过 Square 进行银行卡付款。请选择其他付款方式。',
  // Braintree (its declines are Stripe's codes, above)
  three_d_secure_failed:
    '您的银行无法确认此笔付款。未扣取任何款项；请重试或使用其他银行卡。',
  braintree_refused:
    '付款被拒绝。未扣取任何款项；请使用其他银行卡或其他付款方式。',
  braintree_error: '银行卡表单无法接收您的付款。未扣取任何款项；请重试。',
  // Decline reasons (the server's declineCode: Square, Braintree)
  incorrect_expiry: '您的银行卡有效期不正确。',
  incorrect_postal_code: '邮政编码与您的银行卡不符。请检查后重试。',
  card_not_supported: '此银行卡无法在此使用。请检查卡号或尝试使用其他银行卡。',
  authentication_required: '您的银行要求您确认此笔付款。请重试并完成验证。',
};

export const shipping: ShippingMessages = {
  address: '收货地址',
  name: '姓名',
  country: '国家或地区',
  chooseCountry: '选择国家或地区',
  line1: '详细地址',
  line2: '公寓、楼层等',
  city: '城市',
  state: '州',
  province: '省',
  region: '省/地区',
  chooseRegion: '请选择',
  zip: 'ZIP 邮编',
  postalCode: '邮政编码',
  optional: '（选填）',
  nameRequired: '请输入收货人姓名。',
  countryRequired: '请选择国家或地区。',
  line1Required: '请输入详细地址。',
  cityRequired: '请输入城市。',
  regionRequired: '请输入省/地区。',
  stateRequired: '请选择州。',
  provinceRequired: '请选择省。',
  zipRequired: '请输入 ZIP 邮编。',
  postalCodeRequired: '请输入邮政编码。',
  zipInvalid: '请输入有效的 ZIP 邮编，例如 94103。',
  notShipped: (country) => `我们不向${country}配送。请选择其他地址。`,
  incomplete: '请输入您的收货地址。',
  method: '配送方式',
  ratesNeedAddress: '输入地址后即可查看配送方式。',
  free: '免费',
  // One plural form in Chinese: the count is a number before 个工作日.
  estimate: (minDays, maxDays, locale) => {
    const number = new Intl.NumberFormat(locale);
    const span =
      minDays === maxDays
        ? number.format(maxDays)
        : `${number.format(minDays)}–${number.format(maxDays)}`;
    return `${span} 个工作日`;
  },
};
