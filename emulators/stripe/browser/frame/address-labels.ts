/**
 * The fake Address Element's labels in the buyer's language, as Stripe's own Address Element
 * shows them for the `locale` given to `elements()`: the ten languages of <pay-checkout>,
 * English for any other. The validation messages stay in English, as the card's do
 * (labels.ts).
 */
export interface AddressLabels {
  shipping: string;
  billing: string;
  name: string;
  country: string;
  line1: string;
  line2: string;
  city: string;
  state: string;
  province: string;
  zip: string;
  postalCode: string;
  select: string;
}

const LABELS: Record<string, AddressLabels> = {
  en: {
    shipping: 'Shipping address',
    billing: 'Billing address',
    name: 'Full name',
    country: 'Country or region',
    line1: 'Address line 1',
    line2: 'Address line 2 (optional)',
    city: 'City',
    state: 'State',
    province: 'Province',
    zip: 'ZIP code',
    postalCode: 'Postal code',
    select: 'Select',
  },
  de: {
    shipping: 'Lieferadresse',
    billing: 'Rechnungsadresse',
    name: 'Vollständiger Name',
    country: 'Land oder Region',
    line1: 'Adresszeile 1',
    line2: 'Adresszeile 2 (optional)',
    city: 'Ort',
    state: 'Bundesstaat',
    province: 'Provinz',
    zip: 'Postleitzahl',
    postalCode: 'Postleitzahl',
    select: 'Auswählen',
  },
  fr: {
    shipping: 'Adresse de livraison',
    billing: 'Adresse de facturation',
    name: 'Nom complet',
    country: 'Pays ou région',
    line1: 'Ligne d’adresse 1',
    line2: 'Ligne d’adresse 2 (facultatif)',
    city: 'Ville',
    state: 'État',
    province: 'Province',
    zip: 'Code postal',
    postalCode: 'Code postal',
    select: 'Sélectionner',
  },
  es: {
    shipping: 'Dirección de envío',
    billing: 'Dirección de facturación',
    name: 'Nombre completo',
    country: 'País o región',
    line1: 'Línea de dirección 1',
    line2: 'Línea de dirección 2 (opcional)',
    city: 'Ciudad',
    state: 'Estado',
    province: 'Provincia',
    zip: 'Código postal',
    postalCode: 'Código postal',
    select: 'Seleccionar',
  },
  it: {
    shipping: 'Indirizzo di spedizione',
    billing: 'Indirizzo di fatturazione',
    name: 'Nome completo',
    country: 'Paese o area geografica',
    line1: 'Riga indirizzo 1',
    line2: 'Riga indirizzo 2 (facoltativa)',
    city: 'Città',
    state: 'Stato',
    province: 'Provincia',
    zip: 'CAP',
    postalCode: 'CAP',
    select: 'Seleziona',
  },
  nl: {
    shipping: 'Verzendadres',
    billing: 'Factuuradres',
    name: 'Volledige naam',
    country: 'Land of regio',
    line1: 'Adresregel 1',
    line2: 'Adresregel 2 (optioneel)',
    city: 'Plaats',
    state: 'Staat',
    province: 'Provincie',
    zip: 'Postcode',
    postalCode: 'Postcode',
    select: 'Selecteren',
  },
  pt: {
    shipping: 'Endereço de entrega',
    billing: 'Endereço de cobrança',
    name: 'Nome completo',
    country: 'País ou região',
    line1: 'Endereço, linha 1',
    line2: 'Endereço, linha 2 (opcional)',
    city: 'Cidade',
    state: 'Estado',
    province: 'Província',
    zip: 'CEP',
    postalCode: 'Código postal',
    select: 'Selecionar',
  },
  ja: {
    shipping: '配送先住所',
    billing: '請求先住所',
    name: '氏名',
    country: '国または地域',
    line1: '住所 1',
    line2: '住所 2（任意）',
    city: '市区町村',
    state: '州',
    province: '州',
    zip: '郵便番号',
    postalCode: '郵便番号',
    select: '選択',
  },
  zh: {
    shipping: '收货地址',
    billing: '账单地址',
    name: '全名',
    country: '国家或地区',
    line1: '地址第 1 行',
    line2: '地址第 2 行（选填）',
    city: '城市',
    state: '州',
    province: '省',
    zip: '邮政编码',
    postalCode: '邮政编码',
    select: '选择',
  },
  ar: {
    shipping: 'عنوان الشحن',
    billing: 'عنوان الفوترة',
    name: 'الاسم الكامل',
    country: 'البلد أو المنطقة',
    line1: 'سطر العنوان 1',
    line2: 'سطر العنوان 2 (اختياري)',
    city: 'المدينة',
    state: 'الولاية',
    province: 'المقاطعة',
    zip: 'الرمز البريدي',
    postalCode: 'الرمز البريدي',
    select: 'اختر',
  },
};

/** The labels for a resolved locale (`fr-CA` → fr, `pt-PT` → pt); English for a language not listed. */
export function addressLabels(locale: string): AddressLabels {
  let language = 'en';
  try {
    language = new Intl.Locale(locale).language;
  } catch {
    // Not a tag: English.
  }
  return LABELS[language] ?? LABELS.en!;
}
