/**
 * The Web Payments SDK fake's words in the buyer's language: the card form's labels, format
 * hints and error lines, and the verification challenge. The ten languages of <pay-checkout>
 * (en, de, fr, es, it, nl, pt-BR, ja, zh-Hans, ar); Square's `setLocale` is a no-op for a
 * language it does not speak, and so is ours (`supportedLanguage` answers undefined). No DOM
 * here: the page script, the card frame and the challenge frame all read it.
 */
import type {CardFieldNamesValues} from '@square/web-payments-sdk-types';

export interface SquareWords {
  /** The card iframe's title, as the page's assistive technology announces it. */
  frameTitle: string;
  form: string;
  labels: Record<CardFieldNamesValues, string>;
  /** Format hints in the fields (card digits and "CVV" are the same everywhere). */
  expiryHint: string;
  /** One line per field, shown under the form and returned by `tokenize()`. */
  errors: Record<CardFieldNamesValues, string>;
  /** The tokenization request could not reach the emulator. */
  network: string;
  challenge: {
    label: string;
    badge: string;
    heading: string;
    body: string;
    amount: string;
    authenticate: string;
    fail: string;
    unrecorded: string;
  };
}

const WORDS: Record<string, SquareWords> = {
  en: {
    frameTitle: 'Secure card payment input frame',
    form: 'Card details',
    labels: {
      cardNumber: 'Card number',
      expirationDate: 'Expiration date',
      cvv: 'CVV',
      postalCode: 'Postal code',
    },
    expiryHint: 'MM/YY',
    errors: {
      cardNumber: 'Card number is not valid.',
      expirationDate: 'Expiration date is not valid.',
      cvv: 'CVV is not valid.',
      postalCode: 'Postal code is not valid.',
    },
    network: 'The card could not be sent. Check your connection and try again.',
    challenge: {
      label: 'Card verification',
      badge: 'Test mode',
      heading: 'Verify it is you',
      body: 'This page is served by the Square emulator: no bank is involved. Choose how the card issuer answers this verification.',
      amount: 'Amount',
      authenticate: 'Authenticate',
      fail: 'Fail',
      unrecorded: 'The emulator could not record the answer. Try again.',
    },
  },
  de: {
    frameTitle: 'Sicheres Eingabefeld für Kartenzahlungen',
    form: 'Kartendaten',
    labels: {
      cardNumber: 'Kartennummer',
      expirationDate: 'Ablaufdatum',
      cvv: 'Prüfnummer',
      postalCode: 'Postleitzahl',
    },
    expiryHint: 'MM/JJ',
    errors: {
      cardNumber: 'Die Kartennummer ist ungültig.',
      expirationDate: 'Das Ablaufdatum ist ungültig.',
      cvv: 'Die Prüfnummer ist ungültig.',
      postalCode: 'Die Postleitzahl ist ungültig.',
    },
    network:
      'Die Karte konnte nicht gesendet werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    challenge: {
      label: 'Kartenprüfung',
      badge: 'Testmodus',
      heading: 'Bestätigen Sie, dass Sie es sind',
      body: 'Diese Seite stammt vom Square-Emulator: Es ist keine Bank beteiligt. Wählen Sie, wie der Kartenaussteller diese Prüfung beantwortet.',
      amount: 'Betrag',
      authenticate: 'Bestätigen',
      fail: 'Ablehnen',
      unrecorded:
        'Der Emulator konnte die Antwort nicht speichern. Versuchen Sie es erneut.',
    },
  },
  fr: {
    frameTitle: 'Champ sécurisé de paiement par carte',
    form: 'Informations de carte',
    labels: {
      cardNumber: 'Numéro de carte',
      expirationDate: "Date d'expiration",
      cvv: 'Cryptogramme',
      postalCode: 'Code postal',
    },
    expiryHint: 'MM/AA',
    errors: {
      cardNumber: "Le numéro de carte n'est pas valide.",
      expirationDate: "La date d'expiration n'est pas valide.",
      cvv: "Le cryptogramme n'est pas valide.",
      postalCode: "Le code postal n'est pas valide.",
    },
    network:
      "La carte n'a pas pu être envoyée. Vérifiez votre connexion et réessayez.",
    challenge: {
      label: 'Vérification de la carte',
      badge: 'Mode test',
      heading: "Confirmez qu'il s'agit bien de vous",
      body: "Cette page est servie par l'émulateur Square : aucune banque n'intervient. Choisissez la réponse de l'émetteur de la carte.",
      amount: 'Montant',
      authenticate: 'Authentifier',
      fail: 'Échouer',
      unrecorded: "L'émulateur n'a pas pu enregistrer la réponse. Réessayez.",
    },
  },
  es: {
    frameTitle: 'Campo seguro de pago con tarjeta',
    form: 'Datos de la tarjeta',
    labels: {
      cardNumber: 'Número de tarjeta',
      expirationDate: 'Fecha de caducidad',
      cvv: 'CVV',
      postalCode: 'Código postal',
    },
    expiryHint: 'MM/AA',
    errors: {
      cardNumber: 'El número de tarjeta no es válido.',
      expirationDate: 'La fecha de caducidad no es válida.',
      cvv: 'El CVV no es válido.',
      postalCode: 'El código postal no es válido.',
    },
    network:
      'No se pudo enviar la tarjeta. Comprueba tu conexión e inténtalo de nuevo.',
    challenge: {
      label: 'Verificación de la tarjeta',
      badge: 'Modo de prueba',
      heading: 'Confirma que eres tú',
      body: 'Esta página la sirve el emulador de Square: no interviene ningún banco. Elige cómo responde el emisor de la tarjeta.',
      amount: 'Importe',
      authenticate: 'Autenticar',
      fail: 'Fallar',
      unrecorded:
        'El emulador no pudo registrar la respuesta. Inténtalo de nuevo.',
    },
  },
  it: {
    frameTitle: 'Campo sicuro per il pagamento con carta',
    form: 'Dati della carta',
    labels: {
      cardNumber: 'Numero della carta',
      expirationDate: 'Data di scadenza',
      cvv: 'CVV',
      postalCode: 'CAP',
    },
    expiryHint: 'MM/AA',
    errors: {
      cardNumber: 'Il numero della carta non è valido.',
      expirationDate: 'La data di scadenza non è valida.',
      cvv: 'Il CVV non è valido.',
      postalCode: 'Il CAP non è valido.',
    },
    network:
      'Impossibile inviare la carta. Controlla la connessione e riprova.',
    challenge: {
      label: 'Verifica della carta',
      badge: 'Modalità test',
      heading: 'Conferma la tua identità',
      body: "Questa pagina è servita dall'emulatore Square: nessuna banca è coinvolta. Scegli come risponde l'emittente della carta.",
      amount: 'Importo',
      authenticate: 'Autentica',
      fail: 'Rifiuta',
      unrecorded: "L'emulatore non ha potuto registrare la risposta. Riprova.",
    },
  },
  nl: {
    frameTitle: 'Beveiligd invoerveld voor kaartbetalingen',
    form: 'Kaartgegevens',
    labels: {
      cardNumber: 'Kaartnummer',
      expirationDate: 'Vervaldatum',
      cvv: 'CVC',
      postalCode: 'Postcode',
    },
    expiryHint: 'MM/JJ',
    errors: {
      cardNumber: 'Het kaartnummer is ongeldig.',
      expirationDate: 'De vervaldatum is ongeldig.',
      cvv: 'De CVC is ongeldig.',
      postalCode: 'De postcode is ongeldig.',
    },
    network:
      'De kaart kon niet worden verzonden. Controleer je verbinding en probeer het opnieuw.',
    challenge: {
      label: 'Kaartverificatie',
      badge: 'Testmodus',
      heading: 'Bevestig dat jij het bent',
      body: 'Deze pagina komt van de Square-emulator: er is geen bank bij betrokken. Kies hoe de kaartuitgever deze verificatie beantwoordt.',
      amount: 'Bedrag',
      authenticate: 'Verifiëren',
      fail: 'Mislukken',
      unrecorded:
        'De emulator kon het antwoord niet opslaan. Probeer het opnieuw.',
    },
  },
  pt: {
    frameTitle: 'Campo seguro de pagamento com cartão',
    form: 'Dados do cartão',
    labels: {
      cardNumber: 'Número do cartão',
      expirationDate: 'Validade',
      cvv: 'CVV',
      postalCode: 'CEP',
    },
    expiryHint: 'MM/AA',
    errors: {
      cardNumber: 'O número do cartão não é válido.',
      expirationDate: 'A validade não é válida.',
      cvv: 'O CVV não é válido.',
      postalCode: 'O CEP não é válido.',
    },
    network:
      'Não foi possível enviar o cartão. Verifique sua conexão e tente novamente.',
    challenge: {
      label: 'Verificação do cartão',
      badge: 'Modo de teste',
      heading: 'Confirme que é você',
      body: 'Esta página é servida pelo emulador do Square: nenhum banco está envolvido. Escolha como o emissor do cartão responde.',
      amount: 'Valor',
      authenticate: 'Autenticar',
      fail: 'Falhar',
      unrecorded:
        'O emulador não conseguiu registrar a resposta. Tente novamente.',
    },
  },
  ja: {
    frameTitle: '安全なカード決済入力フレーム',
    form: 'カード情報',
    labels: {
      cardNumber: 'カード番号',
      expirationDate: '有効期限',
      cvv: 'セキュリティコード',
      postalCode: '郵便番号',
    },
    expiryHint: 'MM/YY',
    errors: {
      cardNumber: 'カード番号が正しくありません。',
      expirationDate: '有効期限が正しくありません。',
      cvv: 'セキュリティコードが正しくありません。',
      postalCode: '郵便番号が正しくありません。',
    },
    network:
      'カードを送信できませんでした。接続を確認して、もう一度お試しください。',
    challenge: {
      label: 'カードの認証',
      badge: 'テストモード',
      heading: 'ご本人確認',
      body: 'このページは Square エミュレーターが表示しています。銀行は関与しません。カード発行会社の応答を選んでください。',
      amount: '金額',
      authenticate: '認証する',
      fail: '失敗させる',
      unrecorded:
        'エミュレーターが応答を記録できませんでした。もう一度お試しください。',
    },
  },
  zh: {
    frameTitle: '安全的银行卡支付输入框',
    form: '银行卡信息',
    labels: {
      cardNumber: '卡号',
      expirationDate: '有效期',
      cvv: '安全码',
      postalCode: '邮政编码',
    },
    expiryHint: 'MM/YY',
    errors: {
      cardNumber: '卡号无效。',
      expirationDate: '有效期无效。',
      cvv: '安全码无效。',
      postalCode: '邮政编码无效。',
    },
    network: '无法发送银行卡信息。请检查网络连接后重试。',
    challenge: {
      label: '银行卡验证',
      badge: '测试模式',
      heading: '确认是您本人',
      body: '此页面由 Square 模拟器提供：不涉及任何银行。请选择发卡机构如何答复此次验证。',
      amount: '金额',
      authenticate: '验证',
      fail: '失败',
      unrecorded: '模拟器无法记录答复。请重试。',
    },
  },
  ar: {
    frameTitle: 'إطار آمن لإدخال بيانات الدفع بالبطاقة',
    form: 'بيانات البطاقة',
    labels: {
      cardNumber: 'رقم البطاقة',
      expirationDate: 'تاريخ الانتهاء',
      cvv: 'رمز التحقق',
      postalCode: 'الرمز البريدي',
    },
    expiryHint: 'MM/YY',
    errors: {
      cardNumber: 'رقم البطاقة غير صالح.',
      expirationDate: 'تاريخ الانتهاء غير صالح.',
      cvv: 'رمز التحقق غير صالح.',
      postalCode: 'الرمز البريدي غير صالح.',
    },
    network: 'تعذّر إرسال البطاقة. تحقّق من اتصالك وحاول مرة أخرى.',
    challenge: {
      label: 'التحقق من البطاقة',
      badge: 'وضع الاختبار',
      heading: 'أكّد هويتك',
      body: 'هذه الصفحة من محاكي Square: لا يشارك أي بنك. اختر كيف يجيب مُصدر البطاقة على هذا التحقق.',
      amount: 'المبلغ',
      authenticate: 'مصادقة',
      fail: 'فشل',
      unrecorded: 'تعذّر على المحاكي تسجيل الإجابة. حاول مرة أخرى.',
    },
  },
};

/**
 * The language a BCP 47 tag asks for, if the fake speaks it: `pt`, `pt-PT` and `pt-BR` are
 * Brazilian Portuguese; `zh`, `zh-CN` and `zh-Hans` Simplified Chinese, while `zh-TW` and
 * `zh-Hant` are not spoken (as the element matches them). Undefined for anything else.
 */
export function supportedLanguage(
  tag: string | null | undefined
): string | undefined {
  if (typeof tag !== 'string' || tag === '') return undefined;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return undefined;
  }
  const language = locale.language;
  if (language === 'zh') {
    const script = locale.maximize().script;
    return script === 'Hans' ? 'zh' : undefined;
  }
  return WORDS[language] ? language : undefined;
}

export function squareWords(tag: string | null | undefined): SquareWords {
  return WORDS[supportedLanguage(tag) ?? 'en']!;
}

/** The `lang` and `dir` of a document in that locale (English when the fake has no words for it). */
export function pageLanguage(tag: string | null | undefined): {
  lang: string;
  dir: 'ltr' | 'rtl';
} {
  const language = supportedLanguage(tag) ?? 'en';
  const lang =
    language === 'pt' ? 'pt-BR' : language === 'zh' ? 'zh-Hans' : language;
  return {lang, dir: language === 'ar' ? 'rtl' : 'ltr'};
}
