/**
 * The buyer's emails' sentences and labels, one table per language: the element's ten (en, fr,
 * de, es, it, nl, pt-BR, ja, zh-Hans, ar), chosen for the order's locale the way the element
 * chooses its own table.
 */
import {languageOf} from '../language.js';

export interface EmailStrings {
  paidSubject: (shop: string, id: string) => string;
  paidIntro: string;
  refundSubject: (shop: string, id: string) => string;
  refundIntro: (amount: string) => string;
  order: string;
  subtotal: string;
  discount: (code: string | undefined) => string;
  shipping: (rate: string | undefined) => string;
  /** Exclusive tax: a row added to the total. */
  tax: string;
  /** Inclusive tax: the share of the total that is VAT, under the total. */
  includedTax: string;
  total: string;
  refunded: string;
  shipTo: string;
  thanks: string;
  /** Between a label and its amount in the text part (French sets a space before the colon). */
  colon: string;
}

const named = (label: string, name: string | undefined) =>
  name ? `${label} (${name})` : label;
// Japanese and Chinese set the name in full-width parentheses, with no space.
const namedWide = (label: string, name: string | undefined) =>
  name ? `${label}（${name}）` : label;

const STRINGS: Record<string, EmailStrings> = {
  en: {
    paidSubject: (shop, id) => `${shop}: your order ${id} is confirmed`,
    paidIntro: 'Thank you for your order. We have received your payment.',
    refundSubject: (shop, id) => `${shop}: refund for order ${id}`,
    refundIntro: (amount) =>
      `We have refunded ${amount} to your original payment method.`,
    order: 'Order',
    subtotal: 'Subtotal',
    discount: (code) => named('Discount', code),
    shipping: (rate) => named('Shipping', rate),
    tax: 'Tax',
    includedTax: 'incl. VAT',
    total: 'Total',
    refunded: 'Refunded so far',
    shipTo: 'Shipping to',
    thanks: 'Thank you for shopping with us.',
    colon: ': ',
  },
  fr: {
    paidSubject: (shop, id) => `${shop} : votre commande ${id} est confirmée`,
    paidIntro:
      'Merci pour votre commande. Nous avons bien reçu votre paiement.',
    refundSubject: (shop, id) => `${shop} : remboursement de la commande ${id}`,
    refundIntro: (amount) =>
      `Nous avons remboursé ${amount} sur votre moyen de paiement.`,
    order: 'Commande',
    subtotal: 'Sous-total',
    discount: (code) => named('Remise', code),
    shipping: (rate) => named('Livraison', rate),
    tax: 'Taxes',
    includedTax: 'dont TVA',
    total: 'Total',
    refunded: 'Remboursé à ce jour',
    shipTo: 'Adresse de livraison',
    thanks: 'Merci de votre confiance.',
    colon: '\u00a0: ',
  },
  de: {
    paidSubject: (shop, id) => `${shop}: Ihre Bestellung ${id} ist bestätigt`,
    paidIntro: 'Vielen Dank für Ihre Bestellung. Ihre Zahlung ist eingegangen.',
    refundSubject: (shop, id) => `${shop}: Erstattung für Bestellung ${id}`,
    refundIntro: (amount) =>
      `Wir haben ${amount} auf Ihr Zahlungsmittel erstattet.`,
    order: 'Bestellung',
    subtotal: 'Zwischensumme',
    discount: (code) => named('Rabatt', code),
    shipping: (rate) => named('Versand', rate),
    tax: 'Steuer',
    includedTax: 'inkl. MwSt.',
    total: 'Summe',
    refunded: 'Bisher erstattet',
    shipTo: 'Lieferadresse',
    thanks: 'Vielen Dank für Ihren Einkauf.',
    colon: ': ',
  },
  es: {
    paidSubject: (shop, id) => `${shop}: tu pedido ${id} está confirmado`,
    paidIntro: 'Gracias por tu pedido. Hemos recibido tu pago.',
    refundSubject: (shop, id) => `${shop}: reembolso del pedido ${id}`,
    refundIntro: (amount) =>
      `Te hemos reembolsado ${amount} en tu método de pago original.`,
    order: 'Pedido',
    subtotal: 'Subtotal',
    discount: (code) => named('Descuento', code),
    shipping: (rate) => named('Envío', rate),
    tax: 'Impuestos',
    includedTax: 'IVA incluido',
    total: 'Total',
    refunded: 'Reembolsado hasta ahora',
    shipTo: 'Dirección de envío',
    thanks: 'Gracias por comprar con nosotros.',
    colon: ': ',
  },
  it: {
    paidSubject: (shop, id) => `${shop}: il tuo ordine ${id} è confermato`,
    paidIntro: 'Grazie per il tuo ordine. Abbiamo ricevuto il pagamento.',
    refundSubject: (shop, id) => `${shop}: rimborso dell’ordine ${id}`,
    refundIntro: (amount) =>
      `Abbiamo rimborsato ${amount} sul metodo di pagamento originale.`,
    order: 'Ordine',
    subtotal: 'Subtotale',
    discount: (code) => named('Sconto', code),
    shipping: (rate) => named('Spedizione', rate),
    tax: 'Imposte',
    includedTax: 'di cui IVA',
    total: 'Totale',
    refunded: 'Rimborsato finora',
    shipTo: 'Indirizzo di spedizione',
    thanks: 'Grazie per aver acquistato da noi.',
    colon: ': ',
  },
  nl: {
    paidSubject: (shop, id) => `${shop}: je bestelling ${id} is bevestigd`,
    paidIntro: 'Bedankt voor je bestelling. We hebben je betaling ontvangen.',
    refundSubject: (shop, id) => `${shop}: terugbetaling voor bestelling ${id}`,
    refundIntro: (amount) =>
      `We hebben ${amount} terugbetaald via je oorspronkelijke betaalmethode.`,
    order: 'Bestelling',
    subtotal: 'Subtotaal',
    discount: (code) => named('Korting', code),
    shipping: (rate) => named('Verzending', rate),
    tax: 'Belasting',
    includedTax: 'incl. btw',
    total: 'Totaal',
    refunded: 'Tot nu toe terugbetaald',
    shipTo: 'Verzendadres',
    thanks: 'Bedankt voor je aankoop.',
    colon: ': ',
  },
  'pt-BR': {
    paidSubject: (shop, id) => `${shop}: seu pedido ${id} foi confirmado`,
    paidIntro: 'Obrigado pelo seu pedido. Recebemos seu pagamento.',
    refundSubject: (shop, id) => `${shop}: reembolso do pedido ${id}`,
    refundIntro: (amount) =>
      `Reembolsamos ${amount} na sua forma de pagamento original.`,
    order: 'Pedido',
    subtotal: 'Subtotal',
    discount: (code) => named('Desconto', code),
    shipping: (rate) => named('Frete', rate),
    tax: 'Impostos',
    includedTax: 'impostos inclusos',
    total: 'Total',
    refunded: 'Reembolsado até agora',
    shipTo: 'Endereço de entrega',
    thanks: 'Obrigado por comprar conosco.',
    colon: ': ',
  },
  ja: {
    paidSubject: (shop, id) => `【${shop}】ご注文（${id}）を承りました`,
    paidIntro:
      'このたびはご注文いただき、誠にありがとうございます。お支払いを確認いたしました。',
    refundSubject: (shop, id) => `【${shop}】ご注文（${id}）の返金のお知らせ`,
    refundIntro: (amount) =>
      `${amount} を、お支払いに使用された方法へ返金いたしました。`,
    order: '注文番号',
    subtotal: '小計',
    discount: (code) => namedWide('割引', code),
    shipping: (rate) => namedWide('送料', rate),
    tax: '税',
    includedTax: 'うち税額',
    total: '合計',
    refunded: '返金済み金額',
    shipTo: 'お届け先',
    thanks: 'またのご利用を心よりお待ちしております。',
    colon: '：',
  },
  'zh-Hans': {
    paidSubject: (shop, id) => `${shop}：您的订单 ${id} 已确认`,
    paidIntro: '感谢您的订购。我们已收到您的付款。',
    refundSubject: (shop, id) => `${shop}：订单 ${id} 退款通知`,
    refundIntro: (amount) => `我们已将 ${amount} 退还至您原来的支付方式。`,
    order: '订单',
    subtotal: '小计',
    discount: (code) => namedWide('折扣', code),
    shipping: (rate) => namedWide('运费', rate),
    tax: '税费',
    includedTax: '含增值税',
    total: '总计',
    refunded: '已退款金额',
    shipTo: '收货地址',
    thanks: '感谢您的惠顾。',
    colon: '：',
  },
  ar: {
    paidSubject: (shop, id) => `${shop}: تم تأكيد طلبك ${id}`,
    paidIntro: 'شكرًا لطلبك. لقد استلمنا دفعتك.',
    refundSubject: (shop, id) => `${shop}: استرداد مبلغ الطلب ${id}`,
    refundIntro: (amount) => `أعدنا ${amount} إلى وسيلة الدفع الأصلية.`,
    order: 'الطلب',
    subtotal: 'المجموع الفرعي',
    discount: (code) => named('الخصم', code),
    shipping: (rate) => named('الشحن', rate),
    tax: 'الضريبة',
    includedTax: 'شامل ضريبة القيمة المضافة',
    total: 'الإجمالي',
    refunded: 'المبلغ المسترد حتى الآن',
    shipTo: 'عنوان الشحن',
    thanks: 'شكرًا لتسوقك معنا.',
    colon: ': ',
  },
};

/** The languages with a table. */
export const emailLanguages: readonly string[] = Object.keys(STRINGS);

/**
 * The table for `locale`: the one of the same language and script, the same region first
 * (`fr-CA` → fr, `pt-PT` → pt-BR, `zh-SG` → zh-Hans; `zh-TW`, in Traditional characters, and
 * anything unknown → en), by the rule product names follow too (../language.ts).
 */
export function emailLanguage(locale: string): string {
  return languageOf(locale, emailLanguages) ?? 'en';
}

export function emailStrings(locale: string): EmailStrings {
  return STRINGS[emailLanguage(locale)]!;
}
