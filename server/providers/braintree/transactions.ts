/**
 * What a Braintree transaction's status means for an order, for every path that sees one: the
 * sale's own result, a webhook's subject, and a transaction read back (polling, reconciling).
 * developer.paypal.com/braintree/docs/reference/general/statuses#transaction
 */
import type {PaymentEvent} from '../../orders/state.js';
import {fromBraintreeAmount} from './money.js';

/** The fields we read of a transaction, as the SDK hands them over (strings from its XML). */
export interface BraintreeTransactionFields {
  id?: unknown;
  status?: unknown;
  type?: unknown;
  amount?: unknown;
  currencyIsoCode?: unknown;
  orderId?: unknown;
  merchantAccountId?: unknown;
  processorResponseCode?: unknown;
  processorResponseType?: unknown;
  gatewayRejectionReason?: unknown;
  refundedTransactionId?: unknown;
  refundIds?: unknown;
}

/**
 * `submitForSettlement: true` makes a sale `submitted_for_settlement` at once: the card was
 * charged and the funds follow at settlement, so the order is paid from then on. These are the
 * statuses of a sale whose money is on its way or arrived.
 */
const CAPTURED = new Set([
  'submitted_for_settlement',
  'settling',
  'settlement_pending',
  'settled',
  'settlement_confirmed',
]);

/** Authorized but not (yet) submitted: no money moved. */
const AUTHORIZING = new Set(['authorizing', 'authorized']);

/** Refused by the processor or by Braintree, or never got an answer: no money moved. */
export const REFUSED = new Set([
  'processor_declined',
  'gateway_rejected',
  'failed',
]);

/** Not settled yet: a void, not a refund, gives the whole amount back (Braintree refuses a refund then, 91506). */
export const VOIDABLE = new Set([
  'authorized',
  'submitted_for_settlement',
  'settlement_pending',
]);

/**
 * The event a sale transaction's status makes, or null for one we do not act on (a credit, an
 * unknown status). `settlement_declined` is the bank refusing at settlement: for an order still
 * open that is a failed payment; a paid one is reported by the webhook translation as a
 * dispute-like hold (events.ts).
 */
export function eventFromTransaction(
  transaction: BraintreeTransactionFields
): PaymentEvent | null {
  const paymentId = transaction.id as string;
  if (transaction.type !== undefined && transaction.type !== 'sale')
    return null;
  const status = transaction.status;
  if (typeof status !== 'string') return null;
  if (CAPTURED.has(status)) {
    const currency =
      typeof transaction.currencyIsoCode === 'string'
        ? transaction.currencyIsoCode.toLowerCase()
        : '';
    return {
      type: 'succeeded',
      paymentId,
      // -1: an amount that cannot be read exactly never counts as payment (needs_review).
      amount: fromBraintreeAmount(transaction.amount, currency) ?? -1,
      currency,
    };
  }
  if (AUTHORIZING.has(status)) return {type: 'processing', paymentId};
  if (REFUSED.has(status) || status === 'settlement_declined')
    return {type: 'failed', paymentId};
  if (status === 'voided' || status === 'authorization_expired')
    return {type: 'canceled', paymentId};
  return null;
}
