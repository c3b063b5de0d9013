/**
 * What Square's reports mean for an order: a payment's status (from CreatePayment's answer,
 * GetPayment, or a payment.* webhook), refunds and disputes. The webhook table is data a test
 * can read. Webhook bodies are Square's raw snake_case JSON; the SDK's answers are camelCase
 * with bigint amounts: both are read into one view first.
 */
import type {Order} from '../../orders/order.js';
import {describeValue, type PaymentEvent} from '../../orders/state.js';
import type {RefundReport} from '../gateway.js';
import type {SquareWebhookEvent} from './webhook.js';

/** A Square payment as the translation reads it, whichever shape it came in. */
export interface SquarePaymentView {
  id: string;
  /** APPROVED, PENDING, COMPLETED, CANCELED or FAILED. */
  status: string;
  /** What was charged (total_money, or amount_money without a tip), in minor units. */
  amount?: number;
  /** Uppercase ISO 4217. */
  currency?: string;
  referenceId?: string;
  refundIds?: string[];
  /** refunded_money, when in a readable amount. */
  refunded?: {amount: number; currency: string};
}

/** A Square refund (PaymentRefund), as read. */
export interface SquareRefundView {
  id: string;
  /** PENDING, COMPLETED, REJECTED or FAILED. */
  status: string;
  paymentId: string;
  amount?: number;
  currency?: string;
}

export interface SquareDisputeView {
  id: string;
  state: string;
  paymentId: string;
  amount?: number;
  currency?: string;
  reason?: string;
}

export type SquareReport =
  | {kind: 'payment'; payment: SquarePaymentView}
  | {kind: 'refund'; refund: SquareRefundView}
  | {kind: 'dispute'; dispute: SquareDisputeView}
  /** Signed, but a field we need has the wrong type: logged, answered 200, not applied. */
  | {kind: 'unreadable'; problem: string};

const str = (value: unknown) =>
  typeof value === 'string' && value.length > 0 && value.length <= 255
    ? value
    : undefined;

/** Minor units from a JSON number or the SDK's bigint; undefined unless a whole, safe, non-negative amount. */
function minor(value: unknown): number | undefined {
  const n = typeof value === 'bigint' ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0
    ? n
    : undefined;
}

type Money = {amount?: unknown; currency?: unknown} | null | undefined;

function money(value: Money) {
  const amount = minor(value?.amount);
  const currency = str(value?.currency);
  return amount !== undefined && currency && /^[A-Z]{3}$/i.test(currency)
    ? {amount, currency: currency.toUpperCase()}
    : undefined;
}

/** Why a required id is unusable, if it is. */
const badId = (name: string, value: unknown) =>
  str(value) ? undefined : `${name} is ${describeValue(value)}, not an id`;

/** A payment in either spelling: `snake` for webhooks, camelCase for the SDK's answers. */
export function paymentView(
  payment: Record<string, unknown>,
  shape: 'snake' | 'camel'
): SquarePaymentView | {problem: string} {
  const field = (snake: string, camel: string) =>
    payment[shape === 'snake' ? snake : camel];
  const problem =
    badId('payment.id', payment.id) ?? badId('payment.status', payment.status);
  if (problem) return {problem};
  const referenceId = field('reference_id', 'referenceId');
  if (referenceId !== undefined && referenceId !== null && !str(referenceId))
    return {
      problem: `payment.reference_id is ${describeValue(referenceId)}, not an id`,
    };
  const charged =
    money(field('total_money', 'totalMoney') as Money) ??
    money(field('amount_money', 'amountMoney') as Money);
  const refunded = money(field('refunded_money', 'refundedMoney') as Money);
  const refundIds = field('refund_ids', 'refundIds');
  return {
    id: payment.id as string,
    status: payment.status as string,
    ...(charged && {amount: charged.amount, currency: charged.currency}),
    ...(str(referenceId) && {referenceId: referenceId as string}),
    ...(Array.isArray(refundIds) && {
      refundIds: refundIds.filter((id): id is string => !!str(id)),
    }),
    ...(refunded && {refunded}),
  };
}

export function refundView(
  refund: Record<string, unknown>,
  shape: 'snake' | 'camel'
): SquareRefundView | {problem: string} {
  const paymentId = refund[shape === 'snake' ? 'payment_id' : 'paymentId'];
  const problem =
    badId('refund.id', refund.id) ??
    badId('refund.status', refund.status) ??
    badId('refund.payment_id', paymentId);
  if (problem) return {problem};
  const amount = money(
    refund[shape === 'snake' ? 'amount_money' : 'amountMoney'] as Money
  );
  return {
    id: refund.id as string,
    status: refund.status as string,
    paymentId: paymentId as string,
    ...(amount && {amount: amount.amount, currency: amount.currency}),
  };
}

/**
 * What a payment's status says about the order (api.json Payment.status). COMPLETED counts
 * as payment only for the order's own reference id (the state machine checks the amount and
 * currency); a COMPLETED payment that names another order goes to needs_review.
 */
export function paymentEvent(
  order: Order,
  payment: SquarePaymentView
): PaymentEvent | null {
  const paymentId = payment.id;
  switch (payment.status) {
    case 'APPROVED': // authorised, not yet captured (we always autocomplete)
    case 'PENDING':
      return {type: 'processing', paymentId};
    case 'FAILED':
      return {type: 'failed', paymentId};
    case 'CANCELED':
      return {type: 'canceled', paymentId};
    case 'COMPLETED': {
      const mismatch =
        payment.amount === undefined
          ? 'Square reported a payment amount that cannot be read'
          : payment.referenceId !== order.id
            ? `the payment's reference_id ${JSON.stringify(payment.referenceId ?? null)} is not this order`
            : undefined;
      return {
        type: 'succeeded',
        paymentId,
        amount: payment.amount ?? -1,
        currency: payment.currency ?? '',
        ...(mismatch && {mismatch}),
      };
    }
    default:
      return null;
  }
}

/** The dispute states a dispute is still open in (api.json DisputeState). */
const OPEN_DISPUTE = new Set([
  'INQUIRY_EVIDENCE_REQUIRED',
  'INQUIRY_PROCESSING',
  'EVIDENCE_REQUIRED',
  'PROCESSING',
]);

/**
 * A dispute's state as the state machine has it: open states as they are (lowercase);
 * WON, and INQUIRY_CLOSED (an inquiry that ended without a chargeback), keep the money with
 * the seller: `won`; LOST and ACCEPTED give it to the buyer: `lost`.
 */
export function disputeEvent(
  order: Order,
  dispute: SquareDisputeView
): PaymentEvent | null {
  const paymentId = dispute.paymentId;
  if (OPEN_DISPUTE.has(dispute.state)) {
    const amount =
      dispute.currency?.toLowerCase() === order.currency
        ? dispute.amount
        : undefined;
    return {
      type: 'dispute_opened',
      paymentId,
      disputeStatus: dispute.state.toLowerCase(),
      dispute: {
        id: dispute.id,
        ...(amount !== undefined && {amount}),
        ...(dispute.reason && {reason: dispute.reason}),
      },
    };
  }
  // Which dispute ended: a close delivered before its opening is recorded by it.
  const ended = {id: dispute.id};
  if (dispute.state === 'WON' || dispute.state === 'INQUIRY_CLOSED')
    return {
      type: 'dispute_closed',
      paymentId,
      disputeStatus: 'won',
      dispute: ended,
    };
  if (dispute.state === 'LOST' || dispute.state === 'ACCEPTED')
    return {
      type: 'dispute_closed',
      paymentId,
      disputeStatus: 'lost',
      dispute: ended,
    };
  return null;
}

type Handler = (object: Record<string, unknown>) => SquareReport | null;

const objectOf = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const fromPayment: Handler = (object) => {
  const payment = objectOf(object.payment);
  if (!payment) return {kind: 'unreadable', problem: 'no payment object'};
  const view = paymentView(payment, 'snake');
  return 'problem' in view
    ? {kind: 'unreadable', problem: view.problem}
    : {kind: 'payment', payment: view};
};

const fromRefund: Handler = (object) => {
  const refund = objectOf(object.refund);
  if (!refund) return {kind: 'unreadable', problem: 'no refund object'};
  const view = refundView(refund, 'snake');
  return 'problem' in view
    ? {kind: 'unreadable', problem: view.problem}
    : {kind: 'refund', refund: view};
};

// The documented payloads put the dispute under data.object.dispute; the SDK's serializer
// (DisputeCreatedEventObject) calls the key `object`. Either is read. Its id is `id`
// (`dispute_id` in older versions).
const fromDispute: Handler = (object) => {
  const dispute = objectOf(object.dispute) ?? objectOf(object.object);
  if (!dispute) return {kind: 'unreadable', problem: 'no dispute object'};
  const id = dispute.id ?? dispute.dispute_id;
  const paymentId = objectOf(dispute.disputed_payment)?.payment_id;
  const problem =
    badId('dispute.id', id) ??
    badId('dispute.state', dispute.state) ??
    badId('dispute.disputed_payment.payment_id', paymentId);
  if (problem) return {kind: 'unreadable', problem};
  const amount = money(dispute.amount_money as Money);
  const reason = str(dispute.reason);
  return {
    kind: 'dispute',
    dispute: {
      id: id as string,
      state: dispute.state as string,
      paymentId: paymentId as string,
      ...(amount && {amount: amount.amount, currency: amount.currency}),
      ...(reason && {reason}),
    },
  };
};

/**
 * The event types we act on (developer.squareup.com/reference/square/webhooks). Subscribe to
 * these; dispute.state.changed is the older name of dispute.state.updated.
 */
export const SQUARE_EVENT_HANDLERS: Readonly<Record<string, Handler>> = {
  'payment.created': fromPayment,
  'payment.updated': fromPayment,
  'refund.created': fromRefund,
  'refund.updated': fromRefund,
  'dispute.created': fromDispute,
  'dispute.state.updated': fromDispute,
  'dispute.state.changed': fromDispute,
};

/** The report an event makes, or null for a type we do not act on (an own property only). */
export function translateSquareEvent(
  event: SquareWebhookEvent
): SquareReport | null {
  if (!Object.hasOwn(SQUARE_EVENT_HANDLERS, event.type)) return null;
  const object = objectOf(event.data.object);
  if (!object) return {kind: 'unreadable', problem: 'data.object is missing'};
  return SQUARE_EVENT_HANDLERS[event.type](object);
}

/**
 * What a Square event says about a refund (our rows follow it): refund.created and
 * refund.updated carry the PaymentRefund (api.json PaymentRefund.status: COMPLETED is done,
 * FAILED and REJECTED gave nothing back, PENDING is not final and says nothing yet).
 */
export function squareRefundReports(event: SquareWebhookEvent): RefundReport[] {
  const report = translateSquareEvent(event);
  if (report?.kind !== 'refund') return [];
  const {id: refundId, status} = report.refund;
  if (status === 'COMPLETED') return [{refundId, status: 'succeeded'}];
  return status === 'FAILED' || status === 'REJECTED'
    ? [{refundId, status: 'failed'}]
    : [];
}
