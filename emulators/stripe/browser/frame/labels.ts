/**
 * The fake Payment Element's labels in the buyer's language, as Stripe's own Element shows
 * them (it is localized by the `locale` given to `elements()`): the ten languages of
 * <pay-checkout> (en, de, fr, es, it, nl, pt, ja, zh, ar), English for any other. The card
 * errors stay in English (Stripe.js's English wording, which the tests read).
 */
export interface CardLabels {
  number: string;
  expiry: string;
  cvc: string;
  zip: string;
  postalCode: string;
  form: string;
}

const LABELS: Record<string, CardLabels> = {
  en: {
    number: 'Card number',
    expiry: 'Expiration date',
    cvc: 'Security code',
    zip: 'ZIP',
    postalCode: 'Postal code',
    form: 'Card details',
  },
  de: {
    number: 'Kartennummer',
    expiry: 'Ablaufdatum',
    cvc: 'Sicherheitscode',
    zip: 'Postleitzahl',
    postalCode: 'Postleitzahl',
    form: 'Kartendaten',
  },
  fr: {
    number: 'Numéro de carte',
    expiry: "Date d'expiration",
    cvc: 'Code de sécurité',
    zip: 'Code postal',
    postalCode: 'Code postal',
    form: 'Informations de carte',
  },
  es: {
    number: 'Número de tarjeta',
    expiry: 'Fecha de caducidad',
    cvc: 'Código de seguridad',
    zip: 'Código postal',
    postalCode: 'Código postal',
    form: 'Datos de la tarjeta',
  },
  it: {
    number: 'Numero della carta',
    expiry: 'Data di scadenza',
    cvc: 'Codice di sicurezza',
    zip: 'CAP',
    postalCode: 'CAP',
    form: 'Dati della carta',
  },
  nl: {
    number: 'Kaartnummer',
    expiry: 'Vervaldatum',
    cvc: 'Beveiligingscode',
    zip: 'Postcode',
    postalCode: 'Postcode',
    form: 'Kaartgegevens',
  },
  pt: {
    number: 'Número do cartão',
    expiry: 'Data de validade',
    cvc: 'Código de segurança',
    zip: 'CEP',
    postalCode: 'Código postal',
    form: 'Dados do cartão',
  },
  ja: {
    number: 'カード番号',
    expiry: '有効期限',
    cvc: 'セキュリティコード',
    zip: '郵便番号',
    postalCode: '郵便番号',
    form: 'カード情報',
  },
  zh: {
    number: '卡号',
    expiry: '有效期',
    cvc: '安全码',
    zip: '邮政编码',
    postalCode: '邮政编码',
    form: '银行卡信息',
  },
  ar: {
    number: 'رقم البطاقة',
    expiry: 'تاريخ الانتهاء',
    cvc: 'رمز الأمان',
    zip: 'الرمز البريدي',
    postalCode: 'الرمز البريدي',
    form: 'بيانات البطاقة',
  },
};

/** The labels for a resolved locale (`fr-CA` → fr, `pt-PT` → pt); English for a language not listed. */
export function cardLabels(locale: string): CardLabels {
  let language = 'en';
  try {
    language = new Intl.Locale(locale).language;
  } catch {
    // Not a tag: English.
  }
  return LABELS[language] ?? LABELS.en!;
}

/** Right-to-left scripts among the languages above. */
export function directionOf(locale: string): 'rtl' | 'ltr' {
  try {
    return new Intl.Locale(locale).language === 'ar' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
