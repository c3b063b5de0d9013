/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The ja tables of ../messages.ts, ../providers/*-messages.ts and ../shipping-messages.ts, a
 * chunk of its own: loaded (./load.ts) only for a page in Japanese. Polite (です・ます), as
 * Japanese shops write; short labels on buttons.
 */
import type {Messages} from '../messages.js';
import type {ShippingMessages} from '../shipping-messages.js';

const ja: Messages = {
  orderSummary: 'ご注文内容',
  item: '商品',
  amount: '金額',
  quantity: (quantity) => `× ${quantity}`,
  subtotal: '小計',
  total: '合計',
  loading: 'ご注文を読み込んでいます…',
  paymentDetails: 'お支払い情報',
  pay: (amount) => `${amount} を支払う`,
  payNoAmount: '支払う',
  processing: '処理しています…',
  confirming: 'お支払いを確認しています…',
  success: (orderId) => `お支払いを受け付けました（注文番号 ${orderId}）`,
  emptyCart: 'カートに商品がありません。',
  pricesChanged: '価格が変更されました。新しい合計金額をご確認ください。',
  needsReview: (orderId) =>
    `注文 ${orderId} のお支払いを受け付けましたが、確認が必要です。追ってご連絡いたします。`,
  timeout: (orderId) =>
    `注文 ${orderId} のお支払いを確認しています。確認メールをお送りしますので、再度お支払いにならないようお願いいたします。`,
  canceled: 'お支払いはキャンセルされました。料金は請求されていません。',
  paymentMethod: 'お支払い方法',
  providers: {
    stripe: 'カード',
    paypal: 'PayPal',
    square: 'Square',
    braintree: 'カード（Braintree）',
  },
  email: 'メールアドレス',
  emailRequired: 'メールアドレスを入力してください。',
  emailInvalid:
    '有効なメールアドレスを入力してください（例: name@example.com）。',
  quantityOf: (name) => `${name} の数量`,
  decrease: (name) => `${name} の数量を減らす`,
  increase: (name) => `${name} の数量を増やす`,
  remove: (name) => `${name} を削除`,
  quantityUnavailable: (quantity) =>
    `数量 ${quantity} はご注文いただけません。`,
  discount: '割引',
  shippingRow: '送料',
  free: '無料',
  shippingPending: 'ご住所から計算します',
  tax: '税金',
  includingTax: (amount) => `うち税額 ${amount}`,
  totalNow: (amount) => `合計金額が ${amount} になりました`,
  discountToggle: 'クーポンコードをお持ちですか？',
  discountCode: 'クーポンコード',
  applyCode: '適用',
  codeApplied: (code) => `${code} を適用しました`,
  removeCode: (code) => `クーポンコード ${code} を削除`,
  codeProblems: {
    unknown: 'このコードは無効です。',
    expired: 'このコードは有効期限が切れているか、まだ有効になっていません。',
    minimum_not_met: 'ご注文金額がこのコードの最低金額に達していません。',
    used_up: 'このコードはすでに使用されています。',
    not_applicable: 'このコードはカート内の商品には適用できません。',
  },
  hostedNote: 'お支払いは Stripe の安全なページで完了します。',
  redirecting: '安全なお支払いページに移動しています…',
  errors: {
    server_not_found:
      'このチェックアウトはサーバーに接続されていません（<pay-checkout> の server 属性を設定してください）。',
    network_error:
      '決済サーバーに接続できませんでした。接続を確認して、もう一度お試しください。',
    unknown_sku: 'カート内の商品がご購入いただけなくなりました。',
    quantity_out_of_range: 'カート内の商品の数量がご注文いただけません。',
    currency_not_supported: 'この通貨には対応していません。',
    invalid_request: 'このカートではご購入手続きができません。',
    provider_not_configured: '現在お支払いをご利用いただけません。',
    provider_unavailable:
      '決済サービスは現在ご利用いただけません。しばらくしてからもう一度お試しください。',
    payment_failed:
      'お支払いが完了しませんでした。もう一度お試しいただくか、別のお支払い方法をご利用ください。',
    order_not_found:
      'このブラウザではこのお支払いが見つかりません。確認メールをご確認ください。',
    provider_error:
      '決済サービスがお支払いを承認しませんでした。もう一度お試しいただくか、別のお支払い方法をお選びください。',
    invalid_address: 'お届け先の住所を入力してください。',
    shipping_not_available:
      'この住所へはお届けできません。別の住所をお選びください。',
    generic: '問題が発生しました。もう一度お試しください。',
  },
};

export default ja;

export const providerErrors: Readonly<Record<string, string>> = {
  // Stripe
  card_declined: 'カードが承認されませんでした。別のカードをお試しください。',
  insufficient_funds:
    'カードの残高が不足しています。別のカードをお試しください。',
  expired_card: 'カードの有効期限が切れています。別のカードをお試しください。',
  incorrect_cvc: 'カードのセキュリティコードが正しくありません。',
  payment_intent_authentication_failure:
    'お支払いの認証ができませんでした。もう一度お試しいただくか、別のカードをご利用ください。',
  processing_error:
    'カードの処理中にエラーが発生しました。もう一度お試しください。',
  api_connection_error:
    '決済サービスに接続できませんでした。接続を確認して、もう一度お試しください。',
  validation_error: 'お支払い情報をご確認ください。',
  // PayPal
  instrument_declined:
    'PayPal でカードが承認されませんでした。別のお支払い方法をお選びください。',
  payment_refused:
    'PayPal がこのお支払いを承認しませんでした。料金は請求されていません。別のお支払い方法をお選びください。',
  payer_action_required:
    'PayPal での手続きが完了していません。もう一度お試しください。',
  order_not_approved:
    'PayPal でお支払いが承認されませんでした。もう一度お試しください。',
  paypal_error:
    'PayPal でお支払いを完了できませんでした。料金は請求されていません。もう一度お試しいただくか、別のお支払い方法をお選びください。',
  // Square (a decline is card_declined, as Stripe's above)
  invalid_card_number: 'カード番号をご確認ください。',
  invalid_expiration: 'カードの有効期限をご確認ください。',
  invalid_cvv: 'カードのセキュリティコード（CVV）をご確認ください。',
  invalid_postal_code: 'カードの郵便番号をご確認ください。',
  invalid_card: 'カード情報をご確認ください。',
  verification_failed:
    'カード発行会社がこのお支払いを確認できませんでした。料金は請求されていません。もう一度お試しいただくか、別のカードをご利用ください。',
  square_error:
    'Square でカードを処理できませんでした。料金は請求されていません。もう一度お試しください。',
  square_currency_unavailable:
    'この通貨では Square でのカード払いはご利用いただけません。別のお支払い方法をお選びください。',
  // Braintree (its declines are Stripe's codes, above)
  three_d_secure_failed:
    'カード発行会社がこのお支払いを確認できませんでした。請求は行われていません。もう一度お試しいただくか、別のカードをご利用ください。',
  braintree_refused:
    'お支払いは拒否されました。請求は行われていません。別のカードまたは別のお支払い方法をご利用ください。',
  braintree_error:
    'カードフォームでお支払いを受け付けられませんでした。請求は行われていません。もう一度お試しください。',
  // Decline reasons (the server's declineCode: Square, Braintree)
  incorrect_expiry: 'カードの有効期限が正しくありません。',
  incorrect_postal_code:
    '郵便番号がカードの情報と一致しません。確認してもう一度お試しください。',
  card_not_supported:
    'このカードはここではご利用いただけません。カード番号をご確認いただくか、別のカードをお試しください。',
  authentication_required:
    'カード発行会社がこのお支払いの確認を求めています。もう一度お試しいただき、確認を完了してください。',
};

export const shipping: ShippingMessages = {
  address: 'お届け先',
  name: '氏名',
  country: '国または地域',
  chooseCountry: '国を選択',
  line1: '住所',
  line2: '建物名・部屋番号',
  city: '市区町村',
  state: '州',
  province: '州',
  region: '都道府県・地域',
  chooseRegion: '選択',
  zip: 'ZIP コード',
  postalCode: '郵便番号',
  optional: '（任意）',
  nameRequired: 'お届け先の氏名を入力してください。',
  countryRequired: '国を選択してください。',
  line1Required: '住所を入力してください。',
  cityRequired: '市区町村を入力してください。',
  regionRequired: '都道府県・地域を入力してください。',
  stateRequired: '州を選択してください。',
  provinceRequired: '州を選択してください。',
  zipRequired: 'ZIP コードを入力してください。',
  postalCodeRequired: '郵便番号を入力してください。',
  zipInvalid: '有効な ZIP コードを入力してください（例: 94103）。',
  notShipped: (country) =>
    `${country} へはお届けできません。別の住所をお選びください。`,
  incomplete: 'お届け先の住所を入力してください。',
  method: '配送方法',
  ratesNeedAddress: '住所を入力すると、配送方法が表示されます。',
  free: '無料',
  // One plural form in Japanese: the count is a number before 営業日, never a word after it.
  estimate: (minDays, maxDays, locale) => {
    const number = new Intl.NumberFormat(locale);
    const span =
      minDays === maxDays
        ? number.format(maxDays)
        : `${number.format(minDays)}〜${number.format(maxDays)}`;
    return `${span}営業日`;
  },
};
