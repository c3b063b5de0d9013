/**
 * The merchant's emails' sentences and labels, one table per language, keyed like the buyer's
 * (email-strings.ts, whose pricing labels these emails reuse): the element's ten languages,
 * chosen for the shop's locale (LOCALE) by the same rule; any other gets English.
 */
import {languageOf} from '../language.js';

export interface MerchantEmailStrings {
  paidSubject: (shop: string, id: string, total: string) => string;
  paidIntro: string;
  disputeSubject: (shop: string, id: string, amount: string) => string;
  disputeIntro: string;
  dispute: string;
  disputeId: string;
  disputeAmount: string;
  disputeReason: string;
  disputeStatus: string;
  buyer: string;
  email: string;
  noEmail: string;
  shipTo: string;
  payment: string;
  provider: string;
  paymentId: string;
  viewInAdmin: string;
}

const STRINGS: Record<string, MerchantEmailStrings> = {
  en: {
    paidSubject: (shop, id, total) => `${shop}: new order ${id} (${total})`,
    paidIntro: 'A new order has been paid.',
    disputeSubject: (shop, id, amount) =>
      `${shop}: dispute opened on order ${id} (${amount})`,
    disputeIntro:
      "A buyer has disputed a payment. Answer it in the provider's dashboard before its deadline.",
    dispute: 'Dispute',
    disputeId: 'Dispute',
    disputeAmount: 'Amount disputed',
    disputeReason: 'Reason',
    disputeStatus: 'Status',
    buyer: 'Buyer',
    email: 'Email',
    noEmail: 'none given',
    shipTo: 'Shipping to',
    payment: 'Payment',
    provider: 'Provider',
    paymentId: 'Payment id',
    viewInAdmin: 'View the order',
  },
  de: {
    paidSubject: (shop, id, total) =>
      `${shop}: neue Bestellung ${id} (${total})`,
    paidIntro: 'Eine neue Bestellung wurde bezahlt.',
    disputeSubject: (shop, id, amount) =>
      `${shop}: Zahlungsanfechtung zu Bestellung ${id} (${amount})`,
    disputeIntro:
      'Ein Käufer hat eine Zahlung angefochten. Antworten Sie im Dashboard des Zahlungsanbieters vor Ablauf der Frist.',
    dispute: 'Anfechtung',
    disputeId: 'Anfechtung',
    disputeAmount: 'Angefochtener Betrag',
    disputeReason: 'Grund',
    disputeStatus: 'Status',
    buyer: 'Käufer',
    email: 'E-Mail',
    noEmail: 'keine angegeben',
    shipTo: 'Lieferung an',
    payment: 'Zahlung',
    provider: 'Anbieter',
    paymentId: 'Zahlungs-ID',
    viewInAdmin: 'Bestellung ansehen',
  },
  fr: {
    paidSubject: (shop, id, total) =>
      `${shop} : nouvelle commande ${id} (${total})`,
    paidIntro: 'Une nouvelle commande a été payée.',
    disputeSubject: (shop, id, amount) =>
      `${shop} : litige ouvert sur la commande ${id} (${amount})`,
    disputeIntro:
      'Un acheteur conteste un paiement. Répondez-y dans le tableau de bord du prestataire avant l’échéance.',
    dispute: 'Litige',
    disputeId: 'Litige',
    disputeAmount: 'Montant contesté',
    disputeReason: 'Motif',
    disputeStatus: 'Statut',
    buyer: 'Acheteur',
    email: 'E-mail',
    noEmail: 'non fourni',
    shipTo: 'Livraison à',
    payment: 'Paiement',
    provider: 'Prestataire',
    paymentId: 'Identifiant du paiement',
    viewInAdmin: 'Voir la commande',
  },
  es: {
    paidSubject: (shop, id, total) => `${shop}: nuevo pedido ${id} (${total})`,
    paidIntro: 'Se ha pagado un nuevo pedido.',
    disputeSubject: (shop, id, amount) =>
      `${shop}: disputa abierta en el pedido ${id} (${amount})`,
    disputeIntro:
      'Un comprador ha disputado un pago. Respóndela en el panel del proveedor antes de la fecha límite.',
    dispute: 'Disputa',
    disputeId: 'Disputa',
    disputeAmount: 'Importe disputado',
    disputeReason: 'Motivo',
    disputeStatus: 'Estado',
    buyer: 'Comprador',
    email: 'Correo electrónico',
    noEmail: 'no indicado',
    shipTo: 'Envío a',
    payment: 'Pago',
    provider: 'Proveedor',
    paymentId: 'ID del pago',
    viewInAdmin: 'Ver el pedido',
  },
  it: {
    paidSubject: (shop, id, total) => `${shop}: nuovo ordine ${id} (${total})`,
    paidIntro: 'È stato pagato un nuovo ordine.',
    disputeSubject: (shop, id, amount) =>
      `${shop}: contestazione aperta sull’ordine ${id} (${amount})`,
    disputeIntro:
      'Un acquirente ha contestato un pagamento. Rispondi nella dashboard del fornitore prima della scadenza.',
    dispute: 'Contestazione',
    disputeId: 'Contestazione',
    disputeAmount: 'Importo contestato',
    disputeReason: 'Motivo',
    disputeStatus: 'Stato',
    buyer: 'Acquirente',
    email: 'Email',
    noEmail: 'non indicata',
    shipTo: 'Spedizione a',
    payment: 'Pagamento',
    provider: 'Fornitore',
    paymentId: 'ID del pagamento',
    viewInAdmin: 'Vedi l’ordine',
  },
  nl: {
    paidSubject: (shop, id, total) =>
      `${shop}: nieuwe bestelling ${id} (${total})`,
    paidIntro: 'Er is een nieuwe bestelling betaald.',
    disputeSubject: (shop, id, amount) =>
      `${shop}: geschil geopend over bestelling ${id} (${amount})`,
    disputeIntro:
      'Een koper betwist een betaling. Reageer in het dashboard van de aanbieder vóór de deadline.',
    dispute: 'Geschil',
    disputeId: 'Geschil',
    disputeAmount: 'Betwist bedrag',
    disputeReason: 'Reden',
    disputeStatus: 'Status',
    buyer: 'Koper',
    email: 'E-mail',
    noEmail: 'niet opgegeven',
    shipTo: 'Verzenden naar',
    payment: 'Betaling',
    provider: 'Aanbieder',
    paymentId: 'Betalings-ID',
    viewInAdmin: 'Bestelling bekijken',
  },
  'pt-BR': {
    paidSubject: (shop, id, total) => `${shop}: novo pedido ${id} (${total})`,
    paidIntro: 'Um novo pedido foi pago.',
    disputeSubject: (shop, id, amount) =>
      `${shop}: contestação aberta no pedido ${id} (${amount})`,
    disputeIntro:
      'Um comprador contestou um pagamento. Responda no painel do provedor antes do prazo.',
    dispute: 'Contestação',
    disputeId: 'Contestação',
    disputeAmount: 'Valor contestado',
    disputeReason: 'Motivo',
    disputeStatus: 'Status',
    buyer: 'Comprador',
    email: 'E-mail',
    noEmail: 'não informado',
    shipTo: 'Entrega para',
    payment: 'Pagamento',
    provider: 'Provedor',
    paymentId: 'ID do pagamento',
    viewInAdmin: 'Ver o pedido',
  },
  ja: {
    paidSubject: (shop, id, total) => `【${shop}】新しい注文 ${id}（${total}）`,
    paidIntro: '新しい注文の支払いが完了しました。',
    disputeSubject: (shop, id, amount) =>
      `【${shop}】注文 ${id} に異議申し立て（${amount}）`,
    disputeIntro:
      '購入者が支払いに異議を申し立てました。期限までに決済サービスのダッシュボードで対応してください。',
    dispute: '異議申し立て',
    disputeId: '異議申し立て',
    disputeAmount: '対象金額',
    disputeReason: '理由',
    disputeStatus: 'ステータス',
    buyer: '購入者',
    email: 'メールアドレス',
    noEmail: '未入力',
    shipTo: 'お届け先',
    payment: '支払い',
    provider: '決済サービス',
    paymentId: '支払い ID',
    viewInAdmin: '注文を表示',
  },
  'zh-Hans': {
    paidSubject: (shop, id, total) => `${shop}：新订单 ${id}（${total}）`,
    paidIntro: '一笔新订单已付款。',
    disputeSubject: (shop, id, amount) =>
      `${shop}：订单 ${id} 收到争议（${amount}）`,
    disputeIntro:
      '买家对一笔付款提出了争议。请在截止日期前于支付服务商的控制台中回应。',
    dispute: '争议',
    disputeId: '争议',
    disputeAmount: '争议金额',
    disputeReason: '原因',
    disputeStatus: '状态',
    buyer: '买家',
    email: '电子邮件',
    noEmail: '未提供',
    shipTo: '收货地址',
    payment: '付款',
    provider: '支付服务商',
    paymentId: '付款 ID',
    viewInAdmin: '查看订单',
  },
  ar: {
    paidSubject: (shop, id, total) => `${shop}: طلب جديد ${id} (${total})`,
    paidIntro: 'تم دفع طلب جديد.',
    disputeSubject: (shop, id, amount) =>
      `${shop}: نزاع مفتوح على الطلب ${id} (${amount})`,
    disputeIntro:
      'اعترض مشترٍ على دفعة. يُرجى الرد عليه في لوحة تحكم مزوّد الدفع قبل الموعد النهائي.',
    dispute: 'النزاع',
    disputeId: 'النزاع',
    disputeAmount: 'المبلغ المتنازع عليه',
    disputeReason: 'السبب',
    disputeStatus: 'الحالة',
    buyer: 'المشتري',
    email: 'البريد الإلكتروني',
    noEmail: 'لم يُذكر',
    shipTo: 'الشحن إلى',
    payment: 'الدفع',
    provider: 'المزوّد',
    paymentId: 'معرّف الدفع',
    viewInAdmin: 'عرض الطلب',
  },
};

/** The languages with a table (the buyer's emails' ten). */
export const merchantEmailLanguages: readonly string[] = Object.keys(STRINGS);

export function merchantEmailStrings(locale: string): MerchantEmailStrings {
  return STRINGS[languageOf(locale, merchantEmailLanguages) ?? 'en']!;
}
