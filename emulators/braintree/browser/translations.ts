/**
 * Drop-in's words in the ten languages the element speaks: the card form's labels and field
 * errors as braintree-web-drop-in's own `src/translations/*.js` say them (MIT, copied for these
 * keys), and the 3-D Secure test challenge's (the real one is the bank's page, through Cardinal,
 * so those are the emulator's). `create({locale})` picks a table as Drop-in does (`de` and `de_DE`
 * alike; else en_US), and `translations` overrides single keys. Runs in the browser.
 */

import {PAYPAL_TABLES, type PaypalWords} from './translations-paypal.js';

export type Words = typeof en_US & PaypalWords;

const en_US = {
  payWithCard: 'Pay with card',
  cardNumberLabel: 'Card Number',
  expirationDateLabel: 'Expiration Date',
  expirationDateLabelSubheading: '(MM/YY)',
  expirationDatePlaceholder: 'MM/YY',
  cvvLabel: 'CVV',
  cvvThreeDigitLabelSubheading: '(3 digits)',
  cvvFourDigitLabelSubheading: '(4 digits)',
  postalCodeLabel: 'Postal Code',
  fieldEmptyForNumber: 'Please fill out a card number.',
  fieldInvalidForNumber: 'This card number is not valid.',
  fieldEmptyForExpirationDate: 'Please fill out an expiration date.',
  fieldInvalidForExpirationDate: 'This expiration date is not valid.',
  fieldEmptyForCvv: 'Please fill out a CVV.',
  fieldInvalidForCvv: 'This security code is not valid.',
  fieldEmptyForPostalCode: 'Please fill out a postal code.',
  fieldInvalidForPostalCode: 'This postal code is not valid.',
  hostedFieldsFieldsInvalidError:
    'Please check your information and try again.',
  hostedFieldsFailedTokenizationError:
    'Please check your information and try again.',
  hostedFieldsTokenizationNetworkErrorError: 'Network error. Please try again.',
  genericError: 'Something went wrong on our end.',
  endingIn: 'Ending in {{lastFourCardDigits}}',
  chooseAnotherWayToPay: 'Choose another way to pay',
  payingWith: 'Paying with {{paymentSource}}',
  unsupportedCardTypeError:
    'This card type is not supported. Please try another card.',
  Card: 'Card',
  threeDSecureTitle: 'Confirm this payment with your bank',
  threeDSecureBadge: 'Test mode',
  threeDSecureText:
    'This page is served by the Braintree emulator: no bank is involved and no card is charged. Choose how the card’s issuer answers the 3-D Secure challenge for {{amount}}.',
  threeDSecurePass: 'Authenticate',
  threeDSecureFail: 'Fail authentication',
  threeDSecureCancel: 'Cancel',
  threeDSecureDialog: '3-D Secure authentication',
};

const CARD_TABLES: Record<string, typeof en_US> = {
  en_US,
  de_DE: {
    payWithCard: 'Mit Karte zahlen',
    cardNumberLabel: 'Kartennummer',
    expirationDateLabel: 'Gültig bis',
    expirationDateLabelSubheading: '(MM/JJ)',
    expirationDatePlaceholder: 'MM/JJ',
    cvvLabel: 'Kartenprüfnummer',
    cvvThreeDigitLabelSubheading: '(3-stellig)',
    cvvFourDigitLabelSubheading: '(4-stellig)',
    postalCodeLabel: 'Postleitzahl',
    fieldEmptyForNumber: 'Geben Sie eine Nummer ein.',
    fieldInvalidForNumber: 'Diese Kartennummer ist ungültig.',
    fieldEmptyForExpirationDate: 'Geben Sie das Ablaufdatum ein.',
    fieldInvalidForExpirationDate: 'Dieses Ablaufdatum ist ungültig.',
    fieldEmptyForCvv: 'Geben Sie die Kartenprüfnummer (CVV) ein.',
    fieldInvalidForCvv: 'Diese Kartenprüfnummer ist ungültig.',
    fieldEmptyForPostalCode: 'Geben Sie eine Postleitzahl ein.',
    fieldInvalidForPostalCode: 'Diese Postleitzahl ist ungültig.',
    hostedFieldsFieldsInvalidError:
      'Bitte prüfen Sie die Informationen und versuchen Sie es erneut.',
    hostedFieldsFailedTokenizationError:
      'Bitte prüfen Sie die Informationen und versuchen Sie es erneut.',
    hostedFieldsTokenizationNetworkErrorError:
      'Netzwerkfehler. Versuchen Sie es bitte erneut.',
    genericError: 'Bei uns ist ein Fehler aufgetreten.',
    endingIn: 'Mit den Endziffern {{lastFourCardDigits}}',
    chooseAnotherWayToPay: 'Wählen Sie eine andere Zahlungsquelle',
    payingWith: 'Zahlen mit {{paymentSource}}',
    unsupportedCardTypeError:
      'Dieser Kartentyp wird nicht unterstützt. Versuchen Sie es mit einer anderen Karte.',
    Card: 'Karte',
    threeDSecureTitle: 'Bestätigen Sie diese Zahlung bei Ihrer Bank',
    threeDSecureBadge: 'Testmodus',
    threeDSecureText:
      'Diese Seite stammt vom Braintree-Emulator: Keine Bank ist beteiligt und keine Karte wird belastet. Wählen Sie, wie der Kartenherausgeber die 3-D-Secure-Abfrage über {{amount}} beantwortet.',
    threeDSecurePass: 'Authentifizieren',
    threeDSecureFail: 'Authentifizierung ablehnen',
    threeDSecureCancel: 'Abbrechen',
    threeDSecureDialog: '3-D-Secure-Authentifizierung',
  },
  fr_FR: {
    payWithCard: 'Payer par carte',
    cardNumberLabel: 'Numéro de carte',
    expirationDateLabel: "Date d'expiration",
    expirationDateLabelSubheading: '(MM/AA)',
    expirationDatePlaceholder: 'MM/AA',
    cvvLabel: 'Crypto.',
    cvvThreeDigitLabelSubheading: '(3 chiffres)',
    cvvFourDigitLabelSubheading: '(4 chiffres)',
    postalCodeLabel: 'Code postal',
    fieldEmptyForNumber: 'Renseignez un numéro.',
    fieldInvalidForNumber: 'Ce numéro de carte est incorrect.',
    fieldEmptyForExpirationDate: "Renseignez une date d'expiration.",
    fieldInvalidForExpirationDate: "Cette date d'expiration est incorrecte.",
    fieldEmptyForCvv: 'Renseignez un cryptogramme visuel.',
    fieldInvalidForCvv: 'Ce cryptogramme visuel est incorrect.',
    fieldEmptyForPostalCode: 'Renseignez un code postal.',
    fieldInvalidForPostalCode: 'Ce code postal est incorrect.',
    hostedFieldsFieldsInvalidError: 'Vérifiez vos informations et réessayez.',
    hostedFieldsFailedTokenizationError:
      'Vérifiez vos informations et réessayez.',
    hostedFieldsTokenizationNetworkErrorError: 'Erreur réseau. Réessayez.',
    genericError: 'Une erreur est survenue.',
    endingIn: 'Se terminant par {{lastFourCardDigits}}',
    chooseAnotherWayToPay: 'Choisir un autre mode de paiement',
    payingWith: 'Payer avec : {{paymentSource}}',
    unsupportedCardTypeError:
      "Ce type de carte n'est pas pris en charge. Essayez une autre carte.",
    Card: 'Carte',
    threeDSecureTitle: 'Confirmez ce paiement auprès de votre banque',
    threeDSecureBadge: 'Mode test',
    threeDSecureText:
      'Cette page est servie par l’émulateur Braintree : aucune banque n’intervient et aucune carte n’est débitée. Choisissez la réponse de l’émetteur de la carte au contrôle 3-D Secure de {{amount}}.',
    threeDSecurePass: 'Authentifier',
    threeDSecureFail: 'Échec de l’authentification',
    threeDSecureCancel: 'Annuler',
    threeDSecureDialog: 'Authentification 3-D Secure',
  },
  es_ES: {
    payWithCard: 'Pagar con tarjeta',
    cardNumberLabel: 'Número de tarjeta',
    expirationDateLabel: 'Fecha de vencimiento',
    expirationDateLabelSubheading: '(MM/AA)',
    expirationDatePlaceholder: 'MM/AA',
    cvvLabel: 'CVV',
    cvvThreeDigitLabelSubheading: '(3 dígitos)',
    cvvFourDigitLabelSubheading: '(4 dígitos)',
    postalCodeLabel: 'Código postal',
    fieldEmptyForNumber: 'Introduce un número.',
    fieldInvalidForNumber: 'El número de tarjeta no es válido.',
    fieldEmptyForExpirationDate: 'Introduce una fecha de vencimiento.',
    fieldInvalidForExpirationDate: 'La fecha de vencimiento no es válida.',
    fieldEmptyForCvv: 'Introduce el CVV.',
    fieldInvalidForCvv: 'El código de seguridad no es válido.',
    fieldEmptyForPostalCode: 'Introduce un código postal.',
    fieldInvalidForPostalCode: 'El código postal no es válido.',
    hostedFieldsFieldsInvalidError:
      'Comprueba la información e inténtalo de nuevo.',
    hostedFieldsFailedTokenizationError:
      'Comprueba la información e inténtalo de nuevo.',
    hostedFieldsTokenizationNetworkErrorError:
      'Error de red. Inténtalo de nuevo.',
    genericError: 'Ha habido un problema.',
    endingIn: 'Terminada en {{lastFourCardDigits}}',
    chooseAnotherWayToPay: 'Seleccionar otra forma de pago',
    payingWith: 'Pagar con {{paymentSource}}',
    unsupportedCardTypeError:
      'No se admite este tipo de tarjeta. Prueba con otra tarjeta.',
    Card: 'Tarjeta',
    threeDSecureTitle: 'Confirma este pago con tu banco',
    threeDSecureBadge: 'Modo de prueba',
    threeDSecureText:
      'Esta página la sirve el emulador de Braintree: no interviene ningún banco y no se cobra ninguna tarjeta. Elige cómo responde el emisor de la tarjeta a la verificación 3-D Secure de {{amount}}.',
    threeDSecurePass: 'Autenticar',
    threeDSecureFail: 'Fallar la autenticación',
    threeDSecureCancel: 'Cancelar',
    threeDSecureDialog: 'Autenticación 3-D Secure',
  },
  it_IT: {
    payWithCard: 'Paga con una carta',
    cardNumberLabel: 'Numero di carta',
    expirationDateLabel: 'Data di scadenza',
    expirationDateLabelSubheading: '(MM/AA)',
    expirationDatePlaceholder: 'MM/AA',
    cvvLabel: 'CVV',
    cvvThreeDigitLabelSubheading: '(3 cifre)',
    cvvFourDigitLabelSubheading: '(4 cifre)',
    postalCodeLabel: 'CAP',
    fieldEmptyForNumber: 'Compila un numero.',
    fieldInvalidForNumber: 'Il numero di carta non è valido.',
    fieldEmptyForExpirationDate: 'Compila una data di scadenza.',
    fieldInvalidForExpirationDate: 'La data di scadenza non è valida.',
    fieldEmptyForCvv: 'Compila un CVV.',
    fieldInvalidForCvv: 'Il codice di sicurezza non è valido.',
    fieldEmptyForPostalCode: 'Compila un CAP.',
    fieldInvalidForPostalCode: 'Il CAP non è valido.',
    hostedFieldsFieldsInvalidError: 'Controlla i tuoi dati e riprova.',
    hostedFieldsFailedTokenizationError: 'Controlla i tuoi dati e riprova.',
    hostedFieldsTokenizationNetworkErrorError: 'Errore di rete. Riprova.',
    genericError: 'Si è verificato un errore nei nostri sistemi.',
    endingIn: 'Le ultime cifre sono {{lastFourCardDigits}}',
    chooseAnotherWayToPay: 'Scegli un altro metodo di pagamento',
    payingWith: 'Metodo di pagamento: {{paymentSource}}',
    unsupportedCardTypeError:
      "Questo tipo di carta non è supportato. Prova con un'altra carta.",
    Card: 'Carta',
    threeDSecureTitle: 'Conferma questo pagamento con la tua banca',
    threeDSecureBadge: 'Modalità test',
    threeDSecureText:
      'Questa pagina è servita dall’emulatore Braintree: nessuna banca è coinvolta e nessuna carta viene addebitata. Scegli come risponde l’emittente della carta alla verifica 3-D Secure di {{amount}}.',
    threeDSecurePass: 'Autentica',
    threeDSecureFail: 'Autenticazione non riuscita',
    threeDSecureCancel: 'Annulla',
    threeDSecureDialog: 'Autenticazione 3-D Secure',
  },
  nl_NL: {
    payWithCard: 'Betalen met kaart',
    cardNumberLabel: 'Kaartnummer',
    expirationDateLabel: 'Vervaldatum',
    expirationDateLabelSubheading: '(mm/jj)',
    expirationDatePlaceholder: 'mm/jj',
    cvvLabel: 'CVV',
    cvvThreeDigitLabelSubheading: '(3 cijfers)',
    cvvFourDigitLabelSubheading: '(4 cijfers)',
    postalCodeLabel: 'Postcode',
    fieldEmptyForNumber: 'Vul een nummer in.',
    fieldInvalidForNumber: 'Dit kaartnummer is ongeldig.',
    fieldEmptyForExpirationDate: 'Vul een vervaldatum in.',
    fieldInvalidForExpirationDate: 'Deze vervaldatum is ongeldig.',
    fieldEmptyForCvv: 'Vul een CVV in.',
    fieldInvalidForCvv: 'Deze beveiligingscode is ongeldig.',
    fieldEmptyForPostalCode: 'Vul een postcode in.',
    fieldInvalidForPostalCode: 'Deze postcode is ongeldig.',
    hostedFieldsFieldsInvalidError:
      'Controleer je gegevens en probeer het opnieuw.',
    hostedFieldsFailedTokenizationError:
      'Controleer je gegevens en probeer het opnieuw.',
    hostedFieldsTokenizationNetworkErrorError:
      'Netwerkfout. Probeer het opnieuw.',
    genericError: 'Er is aan onze kant iets fout gegaan.',
    endingIn: 'Eindigend op {{lastFourCardDigits}}',
    chooseAnotherWayToPay: 'Kies een andere betaalmethode',
    payingWith: 'Betalen met {{paymentSource}}',
    unsupportedCardTypeError:
      'Dit kaarttype wordt niet ondersteund. Gebruik een andere kaart.',
    Card: 'Kaart',
    threeDSecureTitle: 'Bevestig deze betaling bij je bank',
    threeDSecureBadge: 'Testmodus',
    threeDSecureText:
      'Deze pagina komt van de Braintree-emulator: er is geen bank bij betrokken en er wordt geen kaart belast. Kies hoe de kaartuitgever de 3-D Secure-controle voor {{amount}} beantwoordt.',
    threeDSecurePass: 'Authenticeren',
    threeDSecureFail: 'Authenticatie laten mislukken',
    threeDSecureCancel: 'Annuleren',
    threeDSecureDialog: '3-D Secure-authenticatie',
  },
  pt_BR: {
    payWithCard: 'Pague com seu cartão de crédito',
    cardNumberLabel: 'Número do cartão',
    expirationDateLabel: 'Data de vencimento',
    expirationDateLabelSubheading: '(MM/AA)',
    expirationDatePlaceholder: 'MM/AA',
    cvvLabel: 'CSC',
    cvvThreeDigitLabelSubheading: '(3 dígitos)',
    cvvFourDigitLabelSubheading: '(4 dígitos)',
    postalCodeLabel: 'CEP',
    fieldEmptyForNumber: 'Preencha um número.',
    fieldInvalidForNumber: 'O número do cartão é inválido.',
    fieldEmptyForExpirationDate: 'Preencha uma data de vencimento.',
    fieldInvalidForExpirationDate: 'Esta data de vencimento é inválida.',
    fieldEmptyForCvv: 'Preencha um CVV.',
    fieldInvalidForCvv: 'Este código de segurança é inválido.',
    fieldEmptyForPostalCode: 'Preencha um código postal.',
    fieldInvalidForPostalCode: 'Este código postal é inválido.',
    hostedFieldsFieldsInvalidError:
      'Verifique as informações e tente novamente.',
    hostedFieldsFailedTokenizationError:
      'Verifique as informações e tente novamente.',
    hostedFieldsTokenizationNetworkErrorError: 'Erro de rede. Tente novamente.',
    genericError: 'Ocorreu um erro.',
    endingIn: 'De final {{lastFourCardDigits}}',
    chooseAnotherWayToPay: 'Escolha outro meio de pagamento',
    payingWith: 'Pagando com {{paymentSource}}',
    unsupportedCardTypeError:
      'Este tipo de cartão não é aceito. Tente outro cartão.',
    Card: 'Cartão',
    threeDSecureTitle: 'Confirme este pagamento com seu banco',
    threeDSecureBadge: 'Modo de teste',
    threeDSecureText:
      'Esta página é servida pelo emulador do Braintree: nenhum banco está envolvido e nenhum cartão é cobrado. Escolha como o emissor do cartão responde à verificação 3-D Secure de {{amount}}.',
    threeDSecurePass: 'Autenticar',
    threeDSecureFail: 'Falhar a autenticação',
    threeDSecureCancel: 'Cancelar',
    threeDSecureDialog: 'Autenticação 3-D Secure',
  },
  ja_JP: {
    payWithCard: 'カードで支払う',
    cardNumberLabel: 'カード番号',
    expirationDateLabel: '有効期限',
    expirationDateLabelSubheading: '(MM/YY)',
    expirationDatePlaceholder: 'MM/YY',
    cvvLabel: 'CVV',
    cvvThreeDigitLabelSubheading: '(3桁)',
    cvvFourDigitLabelSubheading: '(4桁)',
    postalCodeLabel: '郵便番号',
    fieldEmptyForNumber: '番号を入力してください。',
    fieldInvalidForNumber: 'このカード番号は無効です。',
    fieldEmptyForExpirationDate: '有効期限を入力してください。',
    fieldInvalidForExpirationDate: 'この有効期限は無効です。',
    fieldEmptyForCvv: 'CVVを入力してください。',
    fieldInvalidForCvv: 'このセキュリティコードは無効です。',
    fieldEmptyForPostalCode: '郵便番号を入力してください。',
    fieldInvalidForPostalCode: 'この郵便番号は無効です。',
    hostedFieldsFieldsInvalidError: '情報を確認してもう一度お試しください。',
    hostedFieldsFailedTokenizationError:
      '情報を確認してもう一度お試しください。',
    hostedFieldsTokenizationNetworkErrorError:
      'ネットワークエラーです。再度お試しください。',
    genericError: '弊社側で問題が発生しました。',
    endingIn: '末尾番号: {{lastFourCardDigits}}',
    chooseAnotherWayToPay: '別の支払方法を選択してください',
    payingWith: '{{paymentSource}}でのお支払い',
    unsupportedCardTypeError:
      'このカードのタイプはサポートされていません。別のカードをご使用ください。',
    Card: 'カード',
    threeDSecureTitle: '銀行でこのお支払いを確認してください',
    threeDSecureBadge: 'テストモード',
    threeDSecureText:
      'このページは Braintree エミュレーターが提供しています。銀行は関与せず、カードへの請求もありません。{{amount}} の 3-D セキュア認証にカード発行会社がどう応答するかを選んでください。',
    threeDSecurePass: '認証する',
    threeDSecureFail: '認証を失敗させる',
    threeDSecureCancel: 'キャンセル',
    threeDSecureDialog: '3-D セキュア認証',
  },
  zh_CN: {
    payWithCard: '使用卡支付',
    cardNumberLabel: '卡号',
    expirationDateLabel: '有效期限',
    expirationDateLabelSubheading: '（月/年）',
    expirationDatePlaceholder: '月/年',
    cvvLabel: 'CVV',
    cvvThreeDigitLabelSubheading: '（3位数）',
    cvvFourDigitLabelSubheading: '（4位数）',
    postalCodeLabel: '邮政编码',
    fieldEmptyForNumber: '请填写一个号码。',
    fieldInvalidForNumber: '此卡号无效。',
    fieldEmptyForExpirationDate: '请填写有效期限。',
    fieldInvalidForExpirationDate: '此有效期限无效。',
    fieldEmptyForCvv: '请填写CVV。',
    fieldInvalidForCvv: '此安全码无效。',
    fieldEmptyForPostalCode: '请填写邮政编码。',
    fieldInvalidForPostalCode: '此邮政编码无效。',
    hostedFieldsFieldsInvalidError: '请检查您的信息，然后重试。',
    hostedFieldsFailedTokenizationError: '请检查您的信息，然后重试。',
    hostedFieldsTokenizationNetworkErrorError: '网络错误。请重试。',
    genericError: '我们遇到了一些问题。',
    endingIn: '尾号为{{lastFourCardDigits}}',
    chooseAnotherWayToPay: '请选择其它付款方式。',
    payingWith: '使用{{paymentSource}}付款',
    unsupportedCardTypeError: '不支持该卡类型。请尝试其他卡。',
    Card: '卡',
    threeDSecureTitle: '请向您的银行确认此笔付款',
    threeDSecureBadge: '测试模式',
    threeDSecureText:
      '此页面由 Braintree 模拟器提供：不涉及任何银行，也不会从任何卡扣款。请选择发卡机构如何回应 {{amount}} 的 3-D Secure 验证。',
    threeDSecurePass: '验证',
    threeDSecureFail: '验证失败',
    threeDSecureCancel: '取消',
    threeDSecureDialog: '3-D Secure 验证',
  },
  ar_EG: {
    payWithCard: 'الدفع ببطاقة سحب أو ائتمان',
    cardNumberLabel: 'رقم البطاقة',
    expirationDateLabel: 'تاريخ انتهاء الصلاحية',
    expirationDateLabelSubheading: '(MM/YY)',
    expirationDatePlaceholder: 'الشهر/ السنة',
    cvvLabel: 'رمز CVV‏',
    cvvThreeDigitLabelSubheading: '(3 أرقام)',
    cvvFourDigitLabelSubheading: '(4 أرقام)',
    postalCodeLabel: 'الرمز البريدي',
    fieldEmptyForNumber: 'يرجى إدخال رقم.',
    fieldInvalidForNumber: 'رقم البطاقة غير صحيح.',
    fieldEmptyForExpirationDate: 'يرجى إدخال تاريخ انتهاء الصلاحية.',
    fieldInvalidForExpirationDate: 'تاريخ انتهاء الصلاحية غير صحيح.',
    fieldEmptyForCvv: 'يرجى إدخال رمز حماية البطاقة.',
    fieldInvalidForCvv: 'رمز الحماية غير صحيح.',
    fieldEmptyForPostalCode: 'يرجى إدخال الرمز البريدي.',
    fieldInvalidForPostalCode: 'الرمز البريدي غير صحيح.',
    hostedFieldsFieldsInvalidError: 'يرجى مراجعة معلوماتك وإعادة المحاولة.',
    hostedFieldsFailedTokenizationError:
      'يرجى مراجعة معلوماتك وإعادة المحاولة.',
    hostedFieldsTokenizationNetworkErrorError:
      'خطأ في الشبكة. يرجى المحاولة مجدداً.',
    genericError: 'حدث خطأ ما من جانبنا.',
    endingIn: 'تنتهي بتاريخ {{lastFourCardDigits}}',
    chooseAnotherWayToPay: 'اختر طريقة دفع أخرى',
    payingWith: 'الدفع بواسطة {{paymentSource}}',
    unsupportedCardTypeError: 'نوع البطاقة غير مدعوم. يرجى تجربة بطاقة أخرى.',
    Card: 'البطاقة',
    threeDSecureTitle: 'أكّد هذه الدفعة مع مصرفك',
    threeDSecureBadge: 'وضع الاختبار',
    threeDSecureText:
      'هذه الصفحة من محاكي Braintree: لا يشارك أي مصرف ولا تُحمَّل أي بطاقة. اختر كيف يجيب مُصدر البطاقة على تحقق 3-D Secure لمبلغ {{amount}}.',
    threeDSecurePass: 'تحقّق',
    threeDSecureFail: 'أفشِل التحقق',
    threeDSecureCancel: 'إلغاء',
    threeDSecureDialog: 'تحقق 3-D Secure',
  },
};

const TABLES: Record<string, Words> = Object.fromEntries(
  Object.entries(CARD_TABLES).map(([code, words]) => [
    code,
    {...words, ...PAYPAL_TABLES[code]!},
  ])
);

/** `de` → de_DE, `pt-BR`/`pt_BR` → pt_BR, `zh` → zh_CN, `ar` → ar_EG; unknown → en_US (Drop-in's rule). */
export function tableFor(locale: string | undefined): {
  code: string;
  words: Words;
} {
  const wanted = (locale ?? '').replace('-', '_');
  const exact = Object.keys(TABLES).find(
    (code) => code.toLowerCase() === wanted.toLowerCase()
  );
  const language = wanted.split('_')[0]!.toLowerCase();
  const code =
    exact ??
    Object.keys(TABLES).find((key) => key.startsWith(`${language}_`)) ??
    'en_US';
  return {code, words: TABLES[code]!};
}

/** The table with the merchant's `translations` (strings only) over it. */
export function wordsFor(
  locale: string | undefined,
  overrides?: Record<string, unknown>
): Words {
  const {words} = tableFor(locale);
  const merged: Record<string, string> = {...words};
  for (const [key, value] of Object.entries(overrides ?? {}))
    if (typeof value === 'string' && Object.hasOwn(words, key))
      merged[key] = value;
  return merged as Words;
}

/** `{{name}}` placeholders filled in, as Drop-in's templates do. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(
    /\{\{(\w+)\}\}/g,
    (whole, name: string) => values[name] ?? whole
  );
}

/** Right to left for Arabic and Hebrew. */
export function directionOf(code: string): 'rtl' | 'ltr' {
  return /^(ar|he)/.test(code) ? 'rtl' : 'ltr';
}
