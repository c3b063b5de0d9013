/**
 * The PayPal fake's words in the buyer's language: the JS SDK's `locale` query parameter
 * (`de_DE`, `pt_BR`, `zh_CN`, `ar_EG`: https://developer.paypal.com/sdk/js/configuration/#locale,
 * codes from https://developer.paypal.com/reference/locale-codes/) is carried to the button
 * frame and the approval window as `locale.x`, as PayPal's own URLs carry it. The ten languages
 * of <pay-checkout>; English for any other or none. No DOM here: the window is rendered by the
 * emulator's server, the button by its frame.
 */
export interface PaypalWords {
  /** Before the wordmark on a `label: 'pay'` button ("Pay with [PayPal]"). */
  payWith: string;
  /** The approval window. */
  title: string;
  heading: string;
  approve: string;
  decline: string;
  cancel: string;
}

const WORDS: Record<string, PaypalWords> = {
  en: {
    payWith: 'Pay with',
    title: 'PayPal Checkout - Review your payment',
    heading: 'Review your payment',
    approve: 'Approve',
    decline: 'Decline card',
    cancel: 'Cancel',
  },
  de: {
    payWith: 'Zahlen mit',
    title: 'PayPal Checkout – Zahlung prüfen',
    heading: 'Zahlung prüfen',
    approve: 'Zustimmen',
    decline: 'Karte ablehnen',
    cancel: 'Abbrechen',
  },
  fr: {
    payWith: 'Payer avec',
    title: 'PayPal Checkout - Vérifiez votre paiement',
    heading: 'Vérifiez votre paiement',
    approve: 'Approuver',
    decline: 'Refuser la carte',
    cancel: 'Annuler',
  },
  es: {
    payWith: 'Pagar con',
    title: 'PayPal Checkout - Revise su pago',
    heading: 'Revise su pago',
    approve: 'Aprobar',
    decline: 'Rechazar tarjeta',
    cancel: 'Cancelar',
  },
  it: {
    payWith: 'Paga con',
    title: 'PayPal Checkout - Verifica il pagamento',
    heading: 'Verifica il pagamento',
    approve: 'Approva',
    decline: 'Rifiuta carta',
    cancel: 'Annulla',
  },
  nl: {
    payWith: 'Betalen met',
    title: 'PayPal Checkout - Controleer uw betaling',
    heading: 'Controleer uw betaling',
    approve: 'Goedkeuren',
    decline: 'Kaart weigeren',
    cancel: 'Annuleren',
  },
  pt: {
    payWith: 'Pagar com',
    title: 'PayPal Checkout - Revise seu pagamento',
    heading: 'Revise seu pagamento',
    approve: 'Aprovar',
    decline: 'Recusar cartão',
    cancel: 'Cancelar',
  },
  ja: {
    payWith: '支払う:',
    title: 'PayPal Checkout - お支払いの確認',
    heading: 'お支払いの確認',
    approve: '承認',
    decline: 'カードを拒否',
    cancel: 'キャンセル',
  },
  zh: {
    payWith: '使用',
    title: 'PayPal Checkout - 确认付款',
    heading: '确认付款',
    approve: '批准',
    decline: '拒绝银行卡',
    cancel: '取消',
  },
  ar: {
    payWith: 'ادفع باستخدام',
    title: 'PayPal Checkout - راجع دفعتك',
    heading: 'راجع دفعتك',
    approve: 'موافقة',
    decline: 'رفض البطاقة',
    cancel: 'إلغاء',
  },
};

/** The language of a PayPal locale code (`fr_CA` → fr) or a BCP 47 tag; undefined for neither. */
function languageOf(locale: string | null | undefined): string | undefined {
  const match = /^([a-z]{2})(?:[_-][A-Za-z]{2})?$/.exec(locale ?? '');
  return match?.[1];
}

export function paypalWords(locale: string | null | undefined): PaypalWords {
  return WORDS[languageOf(locale) ?? 'en'] ?? WORDS.en!;
}

/** The `lang` and `dir` of a page in that locale (English when the fake has no words for it). */
export function pageLanguage(locale: string | null | undefined): {
  lang: string;
  dir: 'ltr' | 'rtl';
} {
  const language = languageOf(locale);
  const lang = language && WORDS[language] ? language : 'en';
  return {lang, dir: lang === 'ar' ? 'rtl' : 'ltr'};
}
