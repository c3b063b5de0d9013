/**
 * The order state machine, as pure functions: what a provider's report does to an order.
 * Provider events arrive late, twice and out of order, so every rule here is written against
 * the order's current state rather than the event's place in a sequence.
 */
import type {OrderStatus} from '../contract.js';
import type {Order, OrderDispute, OrderPatch} from './order.js';

/** A provider-neutral report about one payment; the webhook adapters translate into these. */
export type PaymentEvent =
  | {
      type: 'succeeded';
      paymentId: string;
      amount: number;
      currency: string;
      /** Set when the report itself does not fit the order (a PayPal capture naming another order): review it. */
      mismatch?: string;
      /**
       * The payment that carries the order from now on, when it differs from the one reported
       * (a Checkout Session hands over to its PaymentIntent, which refunds and disputes name).
       */
      handOverTo?: string;
    }
  | {type: 'processing'; paymentId: string}
  | {type: 'failed'; paymentId: string}
  | {type: 'canceled'; paymentId: string}
  /** `amountRefunded` is the cumulative total refunded, so replays and reordering are harmless. */
  | {type: 'refunded'; paymentId: string; amountRefunded: number}
  /** `dispute`: which dispute, when the report says; a new id is a new dispute (a new email). */
  | {
      type: 'dispute_opened';
      paymentId: string;
      disputeStatus: string;
      dispute?: OrderDispute;
    }
  /** `dispute`: which dispute ended, when the report says (a close may come before its opening). */
  | {
      type: 'dispute_closed';
      paymentId: string;
      disputeStatus: string;
      dispute?: OrderDispute;
    };

/** Statuses in which the money has been received (a dispute or refund may follow). */
export const SETTLED_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'paid',
  'partially_refunded',
  'refunded',
  'disputed',
]);

/** Statuses from which a payment can still succeed. */
const OPEN_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'pending',
  'processing',
  'failed',
]);

export function isSettled(status: OrderStatus): boolean {
  return SETTLED_STATUSES.has(status);
}

/**
 * Dispute statuses after which the money stays with the seller (Stripe's won and its closed
 * inquiry; our `won` for PayPal): a payment that lands after one is paid, not disputed.
 */
const SELLER_KEPT = new Set(['won', 'warning_closed']);

/** The statuses a dispute_closed report records: the dispute has ended. */
const DISPUTE_ENDED = new Set(['won', 'lost', 'warning_closed']);

/** A dispute recorded before the payment landed, and not ended in the seller's favour. */
const disputedBeforePaid = (order: Order) =>
  order.disputeStatus !== undefined && !SELLER_KEPT.has(order.disputeStatus);

/** The status of a settled order given what has been refunded so far. */
function settledStatus(order: Order, amountRefunded: number): OrderStatus {
  if (amountRefunded <= 0) return 'paid';
  return amountRefunded >= order.total ? 'refunded' : 'partially_refunded';
}

/**
 * The patch an event makes to an order, or null when it changes nothing (a duplicate, a late
 * event that would move a paid order backwards, an event about another payment).
 */
export function applyPaymentEvent(
  order: Order,
  event: PaymentEvent,
  now: string
): OrderPatch | null {
  // An event about a payment other than the order's current one (an abandoned earlier
  // attempt, or metadata pointing at someone else's order) must not touch it.
  const adopts = order.providerPaymentId === undefined;
  if (!adopts && event.paymentId !== order.providerPaymentId) return null;
  const adopt: OrderPatch = adopts ? {providerPaymentId: event.paymentId} : {};

  switch (event.type) {
    case 'succeeded': {
      if (!OPEN_STATUSES.has(order.status)) return null;
      if (event.mismatch)
        return {...adopt, status: 'needs_review', reviewReason: event.mismatch};
      if (
        event.amount !== order.total ||
        event.currency.toLowerCase() !== order.currency
      ) {
        return {
          ...adopt,
          status: 'needs_review',
          reviewReason: `received ${event.amount} ${event.currency.toLowerCase()}, expected ${order.total} ${order.currency}`,
        };
      }
      // A refund reported before the payment itself still counts once the payment lands.
      const handOver: OrderPatch = event.handOverTo
        ? {providerPaymentId: event.handOverTo}
        : {};
      return {
        ...adopt,
        ...handOver,
        // A dispute reported before the payment itself (events out of order) holds once it lands.
        status: disputedBeforePaid(order)
          ? 'disputed'
          : settledStatus(order, order.amountRefunded),
        paidAt: now,
      };
    }
    case 'processing':
      return order.status === 'pending' || order.status === 'failed'
        ? {...adopt, status: 'processing'}
        : null;
    case 'failed':
      return order.status === 'pending' || order.status === 'processing'
        ? {...adopt, status: 'failed'}
        : null;
    case 'canceled':
      return OPEN_STATUSES.has(order.status)
        ? {...adopt, status: 'canceled'}
        : null;
    case 'refunded': {
      if (event.amountRefunded <= order.amountRefunded) return null;
      const amountRefunded = event.amountRefunded;
      // Before the payment is known, only record the amount; a disputed order stays disputed.
      if (!isSettled(order.status) || order.status === 'disputed')
        return {...adopt, amountRefunded};
      return {
        ...adopt,
        amountRefunded,
        status: settledStatus(order, amountRefunded),
      };
    }
    case 'dispute_opened': {
      const newDispute =
        event.dispute !== undefined && event.dispute.id !== order.dispute?.id;
      // A report about a dispute that has already ended (delivered after its close) is old news.
      if (
        event.dispute !== undefined &&
        !newDispute &&
        DISPUTE_ENDED.has(order.disputeStatus ?? '')
      )
        return null;
      if (
        order.disputeStatus === event.disputeStatus &&
        !newDispute &&
        (order.status === 'disputed' || !isSettled(order.status))
      )
        return null;
      // Before the payment is known, only record it (as a refund is): the payment finds it.
      if (OPEN_STATUSES.has(order.status))
        return {
          ...adopt,
          disputeStatus: event.disputeStatus,
          ...(newDispute && {dispute: event.dispute}),
        };
      return isSettled(order.status)
        ? {
            ...adopt,
            status: 'disputed',
            disputeStatus: event.disputeStatus,
            ...(newDispute && {dispute: event.dispute}),
          }
        : null;
    }
    case 'dispute_closed': {
      // Closed before the payment is known: recorded, so the payment knows how it ended.
      if (OPEN_STATUSES.has(order.status) && order.disputeStatus !== undefined)
        return order.disputeStatus === event.disputeStatus
          ? null
          : {...adopt, disputeStatus: event.disputeStatus};
      if (order.status !== 'disputed') {
        // A close before its opening (out of order) on a settled order: recorded, so the late
        // opening changes nothing; a lost one takes the money as its opening would have.
        if (
          !isSettled(order.status) ||
          event.dispute === undefined ||
          event.dispute.id === order.dispute?.id
        )
          return null;
        return {
          ...adopt,
          disputeStatus: event.disputeStatus,
          dispute: event.dispute,
          ...(!SELLER_KEPT.has(event.disputeStatus) && {status: 'disputed'}),
        };
      }
      // A won dispute gives the money back; a lost one keeps the order marked disputed.
      const status =
        event.disputeStatus === 'won'
          ? settledStatus(order, order.amountRefunded)
          : 'disputed';
      return {...adopt, status, disputeStatus: event.disputeStatus};
    }
  }
}

/** A value's kind for a log line, without the value itself (it may be large, or personal). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value ? 'a string' : 'empty';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const isId = (value: unknown) =>
  typeof value === 'string' && value.length > 0 && value.length <= 255;

/**
 * Why a provider's report cannot be applied, if it cannot: a field of the wrong type (an
 * amount that is a string, a payment id that is an object). Checked before anything reaches
 * the store, whose columns would refuse such a value with an error.
 */
export function unreadablePaymentEvent(
  event: PaymentEvent
): string | undefined {
  const fields = event as unknown as Record<string, unknown>;
  if (!isId(fields.paymentId))
    return `the payment id is ${describeValue(fields.paymentId)}`;
  if (event.type === 'succeeded') {
    if (!Number.isSafeInteger(fields.amount))
      return `the amount is ${describeValue(fields.amount)}`;
    if (typeof fields.currency !== 'string')
      return `the currency is ${describeValue(fields.currency)}`;
    if (fields.handOverTo !== undefined && !isId(fields.handOverTo))
      return `the payment it hands over to is ${describeValue(fields.handOverTo)}`;
  }
  if (
    event.type === 'refunded' &&
    !(Number.isSafeInteger(fields.amountRefunded) && event.amountRefunded >= 0)
  )
    return `the amount refunded is ${describeValue(fields.amountRefunded)}`;
  if (
    (event.type === 'dispute_opened' || event.type === 'dispute_closed') &&
    !(
      typeof fields.disputeStatus === 'string' &&
      event.disputeStatus.length <= 32
    )
  )
    return `the dispute status is ${describeValue(fields.disputeStatus)}`;
  if (event.type === 'dispute_opened' && event.dispute !== undefined)
    return unreadableDispute(event.dispute);
  return undefined;
}

/** A dispute id fits an outbox kind (`merchant-email:order.disputed:<id>`, 96 characters). */
function unreadableDispute(dispute: OrderDispute): string | undefined {
  const fields = dispute as unknown as Record<string, unknown>;
  if (!(isId(fields.id) && dispute.id.length <= 64))
    return `the dispute id is ${describeValue(fields.id)}`;
  if (fields.amount !== undefined && !Number.isSafeInteger(fields.amount))
    return `the dispute amount is ${describeValue(fields.amount)}`;
  if (
    fields.reason !== undefined &&
    !(typeof fields.reason === 'string' && dispute.reason!.length <= 64)
  )
    return `the dispute reason is ${describeValue(fields.reason)}`;
  return undefined;
}
