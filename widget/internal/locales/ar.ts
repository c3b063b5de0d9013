/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The ar tables of ../messages.ts, ../providers/*-messages.ts and ../shipping-messages.ts, a
 * chunk of its own: loaded (./load.ts) only for a page in Arabic (Modern Standard Arabic).
 * What a sentence quotes (an order id, a code, a product name, an amount) is isolated
 * (U+2068…U+2069), so a Latin or numeric run keeps its own direction inside the Arabic text.
 */
import type {Messages} from '../messages.js';
import type {ShippingMessages} from '../shipping-messages.js';

const isolate = (text: string) => `\u2068${text}\u2069`;

const ar: Messages = {
  orderSummary: 'ملخص الطلب',
  item: 'المنتج',
  amount: 'المبلغ',
  quantity: (quantity) => `× ${isolate(quantity)}`,
  subtotal: 'المجموع الفرعي',
  total: 'الإجمالي',
  loading: 'جارٍ تحميل طلبك…',
  paymentDetails: 'تفاصيل الدفع',
  pay: (amount) => `ادفع ${isolate(amount)}`,
  payNoAmount: 'ادفع',
  processing: 'جارٍ المعالجة…',
  confirming: 'جارٍ تأكيد الدفع…',
  success: (orderId) => `تم استلام الدفعة — الطلب ${isolate(orderId)}`,
  emptyCart: 'سلة التسوق فارغة.',
  pricesChanged: 'تغيّرت الأسعار؛ يُرجى مراجعة الإجمالي الجديد.',
  needsReview: (orderId) =>
    `استلمنا دفعتك للطلب ${isolate(orderId)}، لكنها تحتاج إلى مراجعة سريعة. سنتواصل معك قريبًا.`,
  timeout: (orderId) =>
    `لا يزال تأكيد دفعتك للطلب ${isolate(orderId)} جاريًا. ستصلك رسالة تأكيد بالبريد الإلكتروني؛ يُرجى عدم الدفع مرة أخرى.`,
  canceled: 'تم إلغاء الدفع. لم يُخصم منك أي مبلغ.',
  paymentMethod: 'طريقة الدفع',
  providers: {
    stripe: 'بطاقة',
    paypal: 'PayPal',
    square: 'Square',
    braintree: 'بطاقة (Braintree)',
  },
  email: 'البريد الإلكتروني',
  emailRequired: 'أدخل عنوان بريدك الإلكتروني.',
  emailInvalid: `أدخل عنوان بريد إلكتروني صالحًا، مثل ${isolate('name@example.com')}.`,
  quantityOf: (name) => `كمية ${isolate(name)}`,
  decrease: (name) => `تقليل كمية ${isolate(name)}`,
  increase: (name) => `زيادة كمية ${isolate(name)}`,
  remove: (name) => `إزالة ${isolate(name)}`,
  quantityUnavailable: (quantity) => `الكمية ${isolate(quantity)} غير متاحة.`,
  discount: 'الخصم',
  shippingRow: 'الشحن',
  free: 'مجاني',
  shippingPending: 'يُحسب حسب عنوانك',
  tax: 'الضريبة',
  includingTax: (amount) => `شامل ضريبة القيمة المضافة ${isolate(amount)}`,
  totalNow: (amount) => `الإجمالي الآن ${isolate(amount)}`,
  discountToggle: 'هل لديك رمز خصم؟',
  discountCode: 'رمز الخصم',
  applyCode: 'تطبيق',
  codeApplied: (code) => `تم تطبيق ${isolate(code)}`,
  removeCode: (code) => `إزالة رمز الخصم ${isolate(code)}`,
  codeProblems: {
    unknown: 'هذا الرمز غير صالح.',
    expired: 'انتهت صلاحية هذا الرمز أو لم يبدأ سريانه بعد.',
    minimum_not_met: 'لم يبلغ طلبك الحد الأدنى لهذا الرمز بعد.',
    used_up: 'تم استخدام هذا الرمز من قبل.',
    not_applicable: 'لا ينطبق هذا الرمز على المنتجات في سلتك.',
  },
  hostedNote: 'ستُكمل الدفع على صفحة Stripe الآمنة.',
  redirecting: 'جارٍ نقلك إلى صفحة الدفع الآمنة…',
  errors: {
    server_not_found: `نموذج الدفع هذا غير متصل بخادمه (اضبط السمة server للعنصر ${isolate('<pay-checkout>')}).`,
    network_error:
      'تعذّر الوصول إلى خادم الدفع. يُرجى التحقق من اتصالك والمحاولة مرة أخرى.',
    unknown_sku: 'أحد المنتجات في سلتك لم يعد متاحًا.',
    quantity_out_of_range: 'كمية أحد المنتجات في سلتك غير متاحة.',
    currency_not_supported: 'هذه العملة غير مدعومة.',
    invalid_request: 'لا يمكن إتمام الدفع لهذه السلة.',
    provider_not_configured: 'الدفع غير متاح حاليًا.',
    provider_unavailable:
      'مزوّد خدمة الدفع غير متاح حاليًا. يُرجى المحاولة مرة أخرى بعد قليل.',
    payment_failed:
      'لم تكتمل عملية الدفع. يُرجى المحاولة مرة أخرى أو استخدام طريقة دفع أخرى.',
    order_not_found:
      'تعذّر العثور على هذه الدفعة في هذا المتصفح. يُرجى مراجعة بريدك الإلكتروني للاطلاع على التأكيد.',
    provider_error:
      'رفض مزوّد خدمة الدفع عملية الدفع. يُرجى المحاولة مرة أخرى أو اختيار طريقة دفع أخرى.',
    invalid_address: 'أدخل عنوان الشحن.',
    shipping_not_available: 'لا نشحن إلى هذا العنوان. يُرجى اختيار عنوان آخر.',
    generic: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
  },
};

export default ar;

export const providerErrors: Readonly<Record<string, string>> = {
  // Stripe
  card_declined: 'تم رفض بطاقتك. يُرجى تجربة بطاقة أخرى.',
  insufficient_funds: 'رصيد بطاقتك غير كافٍ. يُرجى تجربة بطاقة أخرى.',
  expired_card: 'انتهت صلاحية بطاقتك. يُرجى تجربة بطاقة أخرى.',
  incorrect_cvc: 'رمز الأمان لبطاقتك غير صحيح.',
  payment_intent_authentication_failure:
    'تعذّر التحقق من دفعتك. يُرجى المحاولة مرة أخرى أو استخدام بطاقة أخرى.',
  processing_error: 'حدث خطأ أثناء معالجة بطاقتك. يُرجى المحاولة مرة أخرى.',
  api_connection_error:
    'تعذّر الوصول إلى مزوّد خدمة الدفع. يُرجى التحقق من اتصالك والمحاولة مرة أخرى.',
  validation_error: 'يُرجى التحقق من تفاصيل الدفع.',
  // PayPal
  instrument_declined: 'رفض PayPal بطاقتك؛ يُرجى اختيار طريقة دفع أخرى.',
  payment_refused:
    'رفض PayPal هذه الدفعة. لم يُخصم أي مبلغ؛ يُرجى اختيار طريقة دفع أخرى.',
  payer_action_required:
    'يطلب منك PayPal إكمال خطوة أولًا. يُرجى المحاولة مرة أخرى.',
  order_not_approved:
    'لم تتم الموافقة على الدفع في PayPal. يُرجى المحاولة مرة أخرى.',
  paypal_error:
    'تعذّر على PayPal إتمام دفعتك. لم يُخصم أي مبلغ؛ يُرجى المحاولة مرة أخرى أو اختيار طريقة دفع أخرى.',
  // Square (a decline is card_declined, as Stripe's above)
  invalid_card_number: 'تحقّق من رقم بطاقتك.',
  invalid_expiration: 'تحقّق من تاريخ انتهاء صلاحية بطاقتك.',
  invalid_cvv: 'تحقّق من رمز الأمان (CVV) لبطاقتك.',
  invalid_postal_code: 'تحقّق من الرمز البريدي لبطاقتك.',
  invalid_card: 'تحقّق من بيانات بطاقتك.',
  verification_failed:
    'تعذّر على مصرفك التحقق من هذه الدفعة. لم يُخصم أي مبلغ؛ يُرجى المحاولة مرة أخرى أو استخدام بطاقة أخرى.',
  square_error:
    'تعذّر على Square معالجة بطاقتك. لم يُخصم أي مبلغ؛ يُرجى المحاولة مرة أخرى.',
  square_currency_unavailable:
    'الدفع بالبطاقة عبر Square غير متاح بهذه العملة. يُرجى اختيار طريقة دفع أخرى.',
  // Braintree (its declines are Stripe's codes, above)
  three_d_secure_failed:
    'تعذّر على مصرفك تأكيد هذه الدفعة. لم يُخصم أي مبلغ؛ يُرجى المحاولة مرة أخرى أو استخدام بطاقة أخرى.',
  braintree_refused:
    'رُفضت الدفعة. لم يُخصم أي مبلغ؛ يُرجى استخدام بطاقة أخرى أو طريقة دفع أخرى.',
  braintree_error:
    'تعذّر على نموذج البطاقة استلام دفعتك. لم يُخصم أي مبلغ؛ يُرجى المحاولة مرة أخرى.',
  // Decline reasons (the server's declineCode: Square, Braintree)
  incorrect_expiry: 'تاريخ انتهاء صلاحية بطاقتك غير صحيح.',
  incorrect_postal_code:
    'الرمز البريدي لا يطابق بطاقتك. يُرجى التحقق منه والمحاولة مرة أخرى.',
  card_not_supported:
    'لا يمكن استخدام هذه البطاقة هنا. يُرجى التحقق من رقم البطاقة أو تجربة بطاقة أخرى.',
  authentication_required:
    'يطلب منك البنك تأكيد هذه الدفعة. يُرجى المحاولة مرة أخرى وإكمال التحقق.',
};

/** "Business day(s)" after a number, by Intl.PluralRules' category (Arabic has six). */
const businessDays: Record<Intl.LDMLPluralRule, string> = {
  zero: 'يوم عمل',
  one: 'يوم عمل',
  two: 'يوم عمل',
  few: 'أيام عمل',
  many: 'يوم عمل',
  other: 'يوم عمل',
};

export const shipping: ShippingMessages = {
  address: 'عنوان الشحن',
  name: 'الاسم الكامل',
  country: 'البلد أو المنطقة',
  chooseCountry: 'اختر بلدًا',
  line1: 'عنوان الشارع',
  line2: 'الشقة أو المبنى',
  city: 'المدينة',
  state: 'الولاية',
  province: 'المقاطعة',
  region: 'المنطقة',
  chooseRegion: 'اختر',
  zip: 'الرمز البريدي (ZIP)',
  postalCode: 'الرمز البريدي',
  optional: '(اختياري)',
  nameRequired: 'أدخل الاسم الكامل للمستلم.',
  countryRequired: 'اختر بلدًا.',
  line1Required: 'أدخل عنوان الشارع.',
  cityRequired: 'أدخل المدينة.',
  regionRequired: 'أدخل المنطقة.',
  stateRequired: 'اختر ولاية.',
  provinceRequired: 'اختر مقاطعة.',
  zipRequired: 'أدخل الرمز البريدي (ZIP).',
  postalCodeRequired: 'أدخل الرمز البريدي.',
  zipInvalid: `أدخل رمزًا بريديًا (ZIP) صالحًا، مثل ${isolate('94103')}.`,
  notShipped: (country) =>
    `لا نشحن إلى ${isolate(country)}. يُرجى اختيار عنوان آخر.`,
  incomplete: 'أدخل عنوان الشحن.',
  method: 'طريقة الشحن',
  ratesNeedAddress: 'أدخل عنوانك لعرض خيارات الشحن.',
  free: 'مجاني',
  // One day and two days are words of their own (the dual), without a number; otherwise the
  // number, then the noun in the form the larger number's category asks for.
  estimate: (minDays, maxDays, locale) => {
    const category = new Intl.PluralRules(locale).select(maxDays);
    if (minDays === maxDays && category === 'one') return 'يوم عمل واحد';
    if (minDays === maxDays && category === 'two') return 'يوما عمل';
    const number = new Intl.NumberFormat(locale);
    const span =
      minDays === maxDays
        ? number.format(maxDays)
        : `${number.format(minDays)}–${number.format(maxDays)}`;
    return `${isolate(span)} ${businessDays[category]}`;
  },
};
