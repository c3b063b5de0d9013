/**
 * What each Braintree notification kind means for an order. A table, so the handled kinds are
 * data a test can read. Braintree sends no "transaction created" notification: a sale is known
 * from its own result (routes.ts); after that only settlement, dispute and refund kinds come
 * (developer.paypal.com/braintree/docs/reference/general/webhooks/overview).
 */
import type {Order} from '../../orders/order.js';
import {describeValue, type PaymentEvent} from '../../orders/state.js';
import {orderIdOf} from './client.js';
import {fromBraintreeAmount} from './money.js';
import {
  type BraintreeTransactionFields,
  eventFromTransaction,
} from './transactions.js';
import type {RefundReport} from '../gateway.js';
import type {BraintreeNotification} from './webhook.js';

export interface BraintreeReport {
  /** The transaction the notification is about: the order's payment id. */
  transactionId: string;
  /** Our order id, when the transaction carries it (`orderId`). */
  orderId?: string;
  /** The report for the order it concerns, or null when it says nothing we act on. */
  event(order: Order): PaymentEvent | null;
}

type Translate = (
  notification: BraintreeNotification
) => BraintreeReport | string | null;

const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 64;

function fromTransaction(
  transaction: BraintreeTransactionFields | undefined,
  event: (
    order: Order,
    transaction: BraintreeTransactionFields
  ) => PaymentEvent | null
): BraintreeReport | string {
  if (!isId(transaction?.id))
    return `the transaction id is ${describeValue(transaction?.id)}`;
  return {
    transactionId: transaction.id,
    orderId: orderIdOf(transaction.orderId),
    event: (order) => event(order, transaction),
  };
}

/** A dispute's transaction, and the dispute in our terms (its amount in its own currency). */
function fromDispute(
  notification: BraintreeNotification,
  event: (
    dispute: Record<string, unknown>
  ) => (order: Order, transactionId: string) => PaymentEvent
): BraintreeReport | string {
  const dispute = notification.dispute;
  const transaction = dispute?.transaction as
    BraintreeTransactionFields | undefined;
  if (!dispute || !isId(transaction?.id))
    return `the disputed transaction id is ${describeValue(transaction?.id)}`;
  const make = event(dispute);
  return {
    transactionId: transaction.id,
    orderId: orderIdOf(transaction.orderId),
    event: (order) => make(order, transaction.id as string),
  };
}

const closed =
  (disputeStatus: string) => (notification: BraintreeNotification) =>
    fromDispute(notification, (dispute) => (_order, paymentId) => ({
      type: 'dispute_closed',
      paymentId,
      disputeStatus,
      // Which dispute ended: a close delivered before its opening is recorded by it.
      ...(isId(dispute.id) && {dispute: {id: dispute.id}}),
    }));

export const BRAINTREE_NOTIFICATION_HANDLERS: Readonly<
  Record<string, Translate>
> = {
  // The sale's money arrived; an order whose sale result was lost is paid by this.
  transaction_settled: (notification) =>
    fromTransaction(notification.transaction, (_order, transaction) =>
      eventFromTransaction(transaction)
    ),
  // The bank refused the sale at settlement. An order not yet paid has failed; a paid one has
  // not received its money after all, which the state machine records as a dispute (the order
  // turns `disputed` and the merchant is told), since nothing else moves a paid order back.
  transaction_settlement_declined: (notification) =>
    fromTransaction(notification.transaction, (order, transaction) => {
      const paymentId = transaction.id as string;
      if (order.status === 'pending' || order.status === 'processing')
        return {type: 'failed', paymentId};
      return {
        type: 'dispute_opened',
        paymentId,
        disputeStatus: 'settlement_declined',
        dispute: {
          id: `settlement_declined_${paymentId}`.slice(0, 64),
          amount: order.total,
          reason: 'settlement_declined',
        },
      };
    }),
  dispute_opened: (notification) =>
    fromDispute(notification, (dispute) => (order, paymentId) => {
      const currency =
        typeof dispute.currencyIsoCode === 'string'
          ? dispute.currencyIsoCode.toLowerCase()
          : order.currency;
      const amount = fromBraintreeAmount(
        dispute.amountDisputed ?? dispute.amount,
        currency
      );
      return {
        type: 'dispute_opened',
        paymentId,
        disputeStatus:
          typeof dispute.status === 'string' ? dispute.status : 'open',
        ...(isId(dispute.id) && {
          dispute: {
            id: dispute.id,
            ...(amount !== undefined &&
              currency === order.currency && {amount}),
            ...(typeof dispute.reason === 'string' &&
              dispute.reason.length <= 64 && {reason: dispute.reason}),
          },
        }),
      };
    }),
  dispute_won: closed('won'),
  dispute_lost: closed('lost'),
  // The merchant accepted the chargeback (or Braintree did for them): the money stays with the buyer.
  dispute_accepted: closed('accepted'),
  dispute_auto_accepted: closed('accepted'),
};

/**
 * The report a notification makes: null for a kind we do not act on, a string saying why when
 * a field we read has the wrong type (logged, answered 200). The kind is looked up as an own
 * property only (`constructor` is a kind we do not act on).
 */
export function translateBraintreeNotification(
  notification: BraintreeNotification
): BraintreeReport | string | null {
  if (!Object.hasOwn(BRAINTREE_NOTIFICATION_HANDLERS, notification.kind))
    return null;
  return BRAINTREE_NOTIFICATION_HANDLERS[notification.kind](notification);
}

/** What each kind says of a refund (a credit transaction): settled is done, the others are not. */
const CREDIT_OUTCOMES: Readonly<Record<string, RefundReport['status']>> = {
  transaction_settled: 'succeeded',
  // "May be triggered after the transaction_settled webhook if the customer's bank returns the
  // refund" (reference/general/webhooks/transaction).
  transaction_settlement_declined: 'failed',
  refund_failed: 'failed',
};

/**
 * What a Braintree notification says about a refund (our rows follow it). A refund is a credit
 * transaction; its `orderId` is our refund key (refund.ts), its id the refund id we stored.
 * Sales' settlements are not refunds and say nothing here.
 */
export function braintreeRefundReports(
  notification: BraintreeNotification
): RefundReport[] {
  if (!Object.hasOwn(CREDIT_OUTCOMES, notification.kind)) return [];
  const credit = notification.transaction;
  // refund_failed is about a refund by definition (the SDK's own sample carries no type, only
  // the refunded sale's id); the settlement kinds are also sent for sales.
  const aCredit =
    credit?.type === 'credit' ||
    (notification.kind === 'refund_failed' && credit?.type === undefined);
  if (!credit || !aCredit || !isId(credit.id)) return [];
  const key =
    typeof credit.orderId === 'string' && credit.orderId.length <= 255
      ? credit.orderId
      : undefined;
  return [
    {
      refundId: credit.id,
      ...(key && {key}),
      status: CREDIT_OUTCOMES[notification.kind],
    },
  ];
}
