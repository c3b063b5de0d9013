/**
 * Drop-in's PayPal words in the ten languages the element speaks: the payment options and the
 * PayPal sheet's errors as braintree-web-drop-in's `src/translations/*.js` say them (MIT, copied
 * for these keys), and the approval window's (the real one is PayPal's login and review, so those
 * are the emulator's). ./translations.ts merges them into each table. Runs in the browser.
 */

export type PaypalWords = typeof en_US;

const en_US = {
  chooseAWayToPay: 'Choose a way to pay',
  PayPal: 'PayPal',
  paypalButtonMustBeUsed:
    'Use the PayPal button to continue with your payment.',
  paypalAccountTokenizationFailedError:
    'Something went wrong adding the PayPal account. Please try again.',
  paypalFlowFailedError:
    'Something went wrong connecting to PayPal. Please try again.',
  paypalTokenizationRequestActiveError:
    'PayPal payment authorization is already in progress.',
  paypalWindowTitle: 'Pay with PayPal',
  paypalWindowText:
    'This window is served by the Braintree emulator: no PayPal account is used and no money moves. Approve paying {{amount}} as {{email}}, or cancel.',
  paypalApprove: 'Approve',
  paypalCancel: 'Cancel and return',
  paypalPaymentGone: 'This PayPal payment is no longer open.',
};

export const PAYPAL_TABLES: Record<string, PaypalWords> = {
  en_US,
  de_DE: {
    chooseAWayToPay: 'Wählen Sie eine Zahlungsquelle',
    PayPal: 'PayPal',
    paypalButtonMustBeUsed:
      'Verwenden Sie den PayPal-Button, um mit der Zahlung fortzufahren.',
    paypalAccountTokenizationFailedError:
      'Beim Hinzufügen des PayPal-Kontos ist ein Fehler aufgetreten. Versuchen Sie es bitte erneut.',
    paypalFlowFailedError:
      'Bei der Verbindung mit PayPal ist ein Fehler aufgetreten. Versuchen Sie es bitte erneut.',
    paypalTokenizationRequestActiveError:
      'Die PayPal-Zahlungsautorisierung wird bereits vorgenommen.',
    paypalWindowTitle: 'Mit PayPal bezahlen',
    paypalWindowText:
      'Dieses Fenster stammt vom Braintree-Emulator: Es wird kein PayPal-Konto verwendet und kein Geld bewegt. Genehmigen Sie die Zahlung von {{amount}} als {{email}} oder brechen Sie ab.',
    paypalApprove: 'Genehmigen',
    paypalCancel: 'Abbrechen und zurück',
    paypalPaymentGone: 'Diese PayPal-Zahlung ist nicht mehr offen.',
  },
  fr_FR: {
    chooseAWayToPay: 'Choisir un mode de paiement',
    PayPal: 'PayPal',
    paypalButtonMustBeUsed:
      'Utilisez le bouton PayPal pour poursuivre le paiement.',
    paypalAccountTokenizationFailedError:
      "Une erreur est survenue lors de l'ajout du compte PayPal. Réessayez.",
    paypalFlowFailedError:
      'Une erreur est survenue lors de la connexion à PayPal. Réessayez.',
    paypalTokenizationRequestActiveError:
      "L'autorisation de paiement PayPal est déjà en cours.",
    paypalWindowTitle: 'Payer avec PayPal',
    paypalWindowText:
      'Cette fenêtre est servie par l’émulateur Braintree : aucun compte PayPal n’est utilisé et aucun argent ne circule. Approuvez le paiement de {{amount}} en tant que {{email}}, ou annulez.',
    paypalApprove: 'Approuver',
    paypalCancel: 'Annuler et revenir',
    paypalPaymentGone: 'Ce paiement PayPal n’est plus ouvert.',
  },
  es_ES: {
    chooseAWayToPay: 'Seleccionar forma de pago',
    PayPal: 'PayPal',
    paypalButtonMustBeUsed:
      'Utiliza el botón de PayPal para continuar con el pago.',
    paypalAccountTokenizationFailedError:
      'Se ha producido un error al añadir la cuenta PayPal. Inténtalo de nuevo.',
    paypalFlowFailedError:
      'Se ha producido un error al conectar con PayPal. Inténtalo de nuevo.',
    paypalTokenizationRequestActiveError:
      'La autorización del pago de PayPal ya está en curso.',
    paypalWindowTitle: 'Pagar con PayPal',
    paypalWindowText:
      'Esta ventana la sirve el emulador de Braintree: no se usa ninguna cuenta de PayPal y no se mueve dinero. Aprueba el pago de {{amount}} como {{email}}, o cancela.',
    paypalApprove: 'Aprobar',
    paypalCancel: 'Cancelar y volver',
    paypalPaymentGone: 'Este pago de PayPal ya no está abierto.',
  },
  it_IT: {
    chooseAWayToPay: 'Scegli un metodo di pagamento',
    PayPal: 'PayPal',
    paypalButtonMustBeUsed:
      'Usa il pulsante PayPal per continuare con il pagamento.',
    paypalAccountTokenizationFailedError:
      "Si è verificato un errore durante l'aggiunta del conto PayPal. Riprova.",
    paypalFlowFailedError:
      'Si è verificato un errore durante la connessione a PayPal. Riprova.',
    paypalTokenizationRequestActiveError:
      'Autorizzazione di pagamento PayPal già in corso.',
    paypalWindowTitle: 'Paga con PayPal',
    paypalWindowText:
      'Questa finestra è servita dall’emulatore di Braintree: non si usa alcun conto PayPal e non si muove denaro. Approva il pagamento di {{amount}} come {{email}}, oppure annulla.',
    paypalApprove: 'Approva',
    paypalCancel: 'Annulla e torna indietro',
    paypalPaymentGone: 'Questo pagamento PayPal non è più aperto.',
  },
  nl_NL: {
    chooseAWayToPay: 'Kies een betaalmethode',
    PayPal: 'PayPal',
    paypalButtonMustBeUsed:
      'Gebruik de PayPal-knop om door te gaan met je betaling.',
    paypalAccountTokenizationFailedError:
      'Er is iets fout gegaan bij het toevoegen van de PayPal-rekening. Probeer het opnieuw.',
    paypalFlowFailedError:
      'Er is iets fout gegaan bij het verbinden met PayPal. Probeer het opnieuw.',
    paypalTokenizationRequestActiveError:
      'PayPal-betaalautorisatie is al in voortgang.',
    paypalWindowTitle: 'Betalen met PayPal',
    paypalWindowText:
      'Dit venster komt van de Braintree-emulator: er wordt geen PayPal-rekening gebruikt en er verplaatst geen geld. Keur de betaling van {{amount}} goed als {{email}}, of annuleer.',
    paypalApprove: 'Goedkeuren',
    paypalCancel: 'Annuleren en terug',
    paypalPaymentGone: 'Deze PayPal-betaling staat niet meer open.',
  },
  pt_BR: {
    chooseAWayToPay: 'Escolha um meio de pagamento',
    PayPal: 'PayPal',
    paypalButtonMustBeUsed:
      'Use o botão do PayPal para prosseguir com o pagamento.',
    paypalAccountTokenizationFailedError:
      'Ocorreu um erro ao adicionar a conta do PayPal. Tente novamente.',
    paypalFlowFailedError:
      'Ocorreu um erro na conexão com o PayPal. Tente novamente.',
    paypalTokenizationRequestActiveError:
      'A autorização de pagamento do PayPal já está em andamento.',
    paypalWindowTitle: 'Pagar com PayPal',
    paypalWindowText:
      'Esta janela é servida pelo emulador do Braintree: nenhuma conta do PayPal é usada e nenhum dinheiro é movimentado. Aprove o pagamento de {{amount}} como {{email}}, ou cancele.',
    paypalApprove: 'Aprovar',
    paypalCancel: 'Cancelar e voltar',
    paypalPaymentGone: 'Este pagamento do PayPal não está mais aberto.',
  },
  ja_JP: {
    chooseAWayToPay: '支払方法を選択してください',
    PayPal: 'PayPal',
    paypalButtonMustBeUsed: '支払いを続行するには、PayPalボタンを使用します。',
    paypalAccountTokenizationFailedError:
      'PayPalアカウントの追加中に問題が発生しました。再度お試しください。',
    paypalFlowFailedError:
      'PayPalへの接続に問題が発生しました。再度お試しください。',
    paypalTokenizationRequestActiveError:
      'PayPalの支払い承認はすでに処理中です。',
    paypalWindowTitle: 'PayPalで支払う',
    paypalWindowText:
      'このウィンドウはBraintreeエミュレーターが表示しています。PayPalアカウントは使われず、お金は動きません。{{email}}として{{amount}}の支払いを承認するか、キャンセルしてください。',
    paypalApprove: '承認する',
    paypalCancel: 'キャンセルして戻る',
    paypalPaymentGone: 'このPayPalの支払いはもう開いていません。',
  },
  zh_CN: {
    chooseAWayToPay: '选择付款方式',
    PayPal: 'PayPal',
    paypalButtonMustBeUsed: '使用PayPal按钮继续付款。',
    paypalAccountTokenizationFailedError:
      '添加PayPal账户时遇到了一些问题。请重试。',
    paypalFlowFailedError: '连接到PayPal遇到了一些问题。请重试。',
    paypalTokenizationRequestActiveError: 'PayPal付款授权已在处理中。',
    paypalWindowTitle: '使用PayPal付款',
    paypalWindowText:
      '此窗口由Braintree模拟器提供：不使用任何PayPal账户，也不会转移资金。请以{{email}}的身份批准支付{{amount}}，或取消。',
    paypalApprove: '批准',
    paypalCancel: '取消并返回',
    paypalPaymentGone: '此PayPal付款已不再开放。',
  },
  ar_EG: {
    chooseAWayToPay: 'اختر طريقة الدفع',
    PayPal: 'PayPal',
    paypalButtonMustBeUsed: 'استخدم زر PayPal لاستئناف الدفع.',
    paypalAccountTokenizationFailedError:
      'وقع خطأ أثناء إضافة حساب PayPal. يرجى إعادة المحاولة.',
    paypalFlowFailedError:
      'وقع خطأ أثناء الاتصال بـ PayPal. يرجى إعادة المحاولة.',
    paypalTokenizationRequestActiveError: 'تفويض الدفع عبر PayPal قيد التنفيذ.',
    paypalWindowTitle: 'الدفع عبر PayPal',
    paypalWindowText:
      'تعرض هذه النافذة محاكي Braintree: لا يُستخدم أي حساب PayPal ولا تنتقل أي أموال. وافق على دفع {{amount}} باسم {{email}}، أو ألغِ.',
    paypalApprove: 'موافقة',
    paypalCancel: 'إلغاء والعودة',
    paypalPaymentGone: 'لم تعد عملية الدفع هذه عبر PayPal مفتوحة.',
  },
};
