/** The buyer's emails' sentences and labels, one table per language (en, fr, de). */
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
};

export function emailStrings(locale: string): EmailStrings {
  return STRINGS[locale.toLowerCase().split('-')[0]] ?? STRINGS.en;
}
