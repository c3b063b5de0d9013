/**
 * The merchant's emails' sentences and labels, one table per language, keyed like the buyer's
 * (email-strings.ts, whose pricing labels these emails reuse). English only for now: a shop's
 * locale without a table gets English.
 */
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
};

export function merchantEmailStrings(locale: string): MerchantEmailStrings {
  return STRINGS[locale.toLowerCase().split('-')[0]] ?? STRINGS.en;
}
