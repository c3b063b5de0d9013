/**
 * What PayPal's reports mean for an order: each webhook type we act on, and the capture rule
 * shared with the capture response. A table, so the handled types are data a test can read.
 */
import {fromPaypalValue} from './money.js';
import type {Order} from '../../orders/order.js';
import {describeValue, type PaymentEvent} from '../../orders/state.js';
import type {RefundReport} from '../gateway.js';
import type {PaypalCapture, PaypalMoney, PaypalOrder} from './types.js';

/** A webhook event, as far as we read it; only its verified bytes got it this far. */
export interface PaypalWebhookEvent {
  id: string;
  event_type: string;
  resource: Record<string, unknown>;
}

export interface PaypalReport {
  /** The PayPal order the resource belongs to, when it says (captures do). */
  paypalOrderId?: string;
  /** Our order id as the resource carries it: custom_id or invoice_id, or a dispute's custom or invoice_number. */
  orderId?: string;
  /** A capture the resource names, to ask PayPal about when it names neither order (a dispute can). */
  captureId?: string;
  /** Set when an id the resource carries has the wrong type (custom_id an object): not applied, logged. */
  unreadable?: string;
  /**
   * The report in the state machine's terms, for the order it concerns, or null when it says
   * nothing we act on. `paymentId` is the PayPal order id the report is about (the order's own
   * when the resource does not name one); the state machine ignores reports about another.
   */
  event(order: Order, paymentId: string): PaymentEvent | null;
}

/** Capture statuses that mean the money was received (a refund may have followed). */
const CAPTURED = new Set(['COMPLETED', 'PARTIALLY_REFUNDED', 'REFUNDED']);

/**
 * What a capture says about an order, from the capture response or from a webhook. A capture
 * counts as payment only when it is COMPLETED for exactly the order's amount and currency
 * (the state machine checks those) and carries the order's id in custom_id; a capture that
 * received money but fails any of this goes to needs_review.
 */
export function captureEvent(
  order: Order,
  capture: PaypalCapture,
  paymentId: string,
  status = capture.status
): PaymentEvent | null {
  if (status === 'PENDING') return {type: 'processing', paymentId};
  if (status === 'DECLINED' || status === 'DENIED' || status === 'FAILED')
    return {type: 'failed', paymentId};
  if (!CAPTURED.has(status)) return null;

  const currency =
    typeof capture.amount?.currency_code === 'string'
      ? capture.amount.currency_code
      : '';
  const amount = minorUnits(capture.amount);
  const mismatch =
    amount === undefined
      ? `PayPal reported a capture amount that cannot be read: ${JSON.stringify(capture.amount ?? null)}`
      : capture.custom_id !== order.id
        ? `the capture's custom_id ${JSON.stringify(capture.custom_id ?? null)} is not this order`
        : undefined;
  return {
    type: 'succeeded',
    paymentId,
    amount: amount ?? -1,
    currency,
    ...(mismatch && {mismatch}),
  };
}

/** The capture in an order PayPal returned (the capture response, or the order read back). */
export function captureOf(order: PaypalOrder): PaypalCapture | undefined {
  for (const unit of order.purchase_units ?? []) {
    const captures = unit.payments?.captures ?? [];
    const capture = captures.find((c) => CAPTURED.has(c.status)) ?? captures[0];
    // The capture normally repeats the unit's custom_id; if it does not, the unit's stands.
    if (capture)
      return {...capture, custom_id: capture.custom_id ?? unit.custom_id};
  }
  return undefined;
}

function minorUnits(
  money: Partial<PaypalMoney> | undefined
): number | undefined {
  if (
    typeof money?.value !== 'string' ||
    typeof money.currency_code !== 'string'
  )
    return undefined;
  return fromPaypalValue(money.value, money.currency_code);
}

/** An amount in the order's currency, or undefined when absent, unreadable or in another currency. */
function amountFor(order: Order, money: unknown): number | undefined {
  const m = money as Partial<PaypalMoney> | undefined;
  if (
    typeof m?.currency_code !== 'string' ||
    m.currency_code.toLowerCase() !== order.currency
  )
    return undefined;
  return minorUnits(m);
}

const str = (value: unknown) =>
  typeof value === 'string' && value ? value : undefined;

interface CaptureLike {
  custom_id?: unknown;
  invoice_id?: unknown;
  supplementary_data?: {related_ids?: {order_id?: unknown}};
}

/** Why one of these ids is unusable, if one is: present, but not a non-empty string. */
function wrongType(fields: Record<string, unknown>): string | undefined {
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null && !str(value))
      return `${name} is ${describeValue(value)}, not an id`;
  }
  return undefined;
}

const ids = (resource: CaptureLike) => {
  const unreadable = wrongType({
    custom_id: resource.custom_id,
    invoice_id: resource.invoice_id,
    'supplementary_data.related_ids.order_id':
      resource.supplementary_data?.related_ids?.order_id,
  });
  return {
    paypalOrderId: str(resource.supplementary_data?.related_ids?.order_id),
    orderId: str(resource.custom_id) ?? str(resource.invoice_id),
    ...(unreadable && {unreadable}),
  };
};

const fromCapture =
  (status: string) =>
  (capture: PaypalCapture & CaptureLike): PaypalReport => ({
    ...ids(capture),
    event: (order, paymentId) =>
      captureEvent(order, capture, paymentId, status),
  });

interface RefundResource extends CaptureLike {
  id?: unknown;
  /** A refund's: COMPLETED, PENDING, FAILED or CANCELLED (payments v2 refund.status). */
  status?: unknown;
  amount?: unknown;
  seller_payable_breakdown?: {total_refunded_amount?: unknown};
}

const REFUND_NOT_MADE = new Set(['FAILED', 'CANCELLED']);

/**
 * A refund or reversal: the state machine wants the cumulative amount refunded. PayPal's
 * refund carries it as seller_payable_breakdown.total_refunded_amount; without it, this
 * refund's amount is added to what the order has recorded (each event id applies once). A
 * reversal that names no readable amount takes the whole payment back.
 */
const fromRefund =
  (whole: boolean) =>
  (refund: RefundResource): PaypalReport => ({
    ...ids(refund),
    event(order, paymentId) {
      // A refund that did not happen gives nothing back: the order's refunded total stays.
      if (!whole && REFUND_NOT_MADE.has(str(refund.status) ?? '')) return null;
      const cumulative = amountFor(
        order,
        refund.seller_payable_breakdown?.total_refunded_amount
      );
      const amount = amountFor(order, refund.amount);
      const amountRefunded =
        cumulative ??
        (amount !== undefined
          ? order.amountRefunded + amount
          : whole
            ? order.total
            : undefined);
      return amountRefunded === undefined
        ? null
        : {type: 'refunded', paymentId, amountRefunded};
    },
  });

interface DisputeResource {
  dispute_id?: unknown;
  reason?: unknown;
  dispute_amount?: unknown;
  status?: unknown;
  disputed_transactions?: {
    custom?: unknown;
    invoice_number?: unknown;
    seller_transaction_id?: unknown;
  }[];
  dispute_outcome?: {outcome_code?: unknown};
}

// Our order id is the invoice id and custom id of every PayPal order we create; a dispute
// names the disputed transaction by them.
const disputed = (dispute: DisputeResource) => {
  const transactions = Array.isArray(dispute.disputed_transactions)
    ? dispute.disputed_transactions
    : [];
  for (const tx of transactions) {
    const unreadable = wrongType({
      custom: tx?.custom,
      invoice_number: tx?.invoice_number,
    });
    if (unreadable) return {unreadable};
    const id = str(tx?.custom) ?? str(tx?.invoice_number);
    if (id) return {orderId: id};
  }
  return {
    captureId: transactions
      .map((tx) => str(tx?.seller_transaction_id))
      .find(Boolean),
  };
};

/** Which dispute, for the order: its id, the amount if in the order's currency, the reason. */
function disputeOf(order: Order, dispute: DisputeResource) {
  const id = str(dispute.dispute_id);
  if (!id) return {};
  const amount = amountFor(order, dispute.dispute_amount);
  const reason = str(dispute.reason);
  return {
    dispute: {
      id,
      ...(amount !== undefined && {amount}),
      ...(reason && {reason}),
    },
  };
}

/** A dispute opened or moved on (CREATED, UPDATED): the order is disputed with its status. */
const fromDispute = (dispute: DisputeResource): PaypalReport => ({
  ...disputed(dispute),
  event: (order, paymentId) =>
    // An UPDATED that says RESOLVED is followed by CUSTOMER.DISPUTE.RESOLVED, which says how.
    str(dispute.status) === 'RESOLVED'
      ? null
      : {
          type: 'dispute_opened',
          paymentId,
          disputeStatus: (str(dispute.status) ?? 'open').toLowerCase(),
          ...disputeOf(order, dispute),
        },
});

// The outcomes in which the seller keeps the money.
const SELLER_KEEPS = new Set([
  'RESOLVED_SELLER_FAVOUR',
  'CANCELED_BY_BUYER',
  'DENIED',
]);

export const PAYPAL_EVENT_HANDLERS: Readonly<
  Record<string, (resource: never) => PaypalReport>
> = {
  'PAYMENT.CAPTURE.COMPLETED': fromCapture('COMPLETED'),
  'PAYMENT.CAPTURE.PENDING': fromCapture('PENDING'),
  'PAYMENT.CAPTURE.DENIED': fromCapture('DENIED'),
  'PAYMENT.CAPTURE.DECLINED': fromCapture('DECLINED'),
  'PAYMENT.CAPTURE.REFUNDED': fromRefund(false),
  // Money PayPal took back from the seller (a chargeback, a lost claim, a bounced funding
  // source): for the order it is a refund of that amount, so a paid order becomes
  // partially_refunded or refunded, and never counts as paid in full again.
  'PAYMENT.CAPTURE.REVERSED': fromRefund(true),
  // https://developer.paypal.com/docs/api/customer-disputes/v1/: the resource is the dispute;
  // disputed_transactions[] names the capture (seller_transaction_id) and repeats the
  // capture's invoice_id and custom_id as invoice_number and custom.
  'CUSTOMER.DISPUTE.CREATED': fromDispute,
  'CUSTOMER.DISPUTE.UPDATED': fromDispute,
  'CUSTOMER.DISPUTE.RESOLVED': (dispute: DisputeResource) => ({
    ...disputed(dispute),
    event: (order, paymentId) => ({
      type: 'dispute_closed',
      paymentId,
      ...disputeOf(order, dispute),
      disputeStatus: SELLER_KEEPS.has(
        str(dispute.dispute_outcome?.outcome_code) ?? ''
      )
        ? 'won'
        : 'lost',
    }),
  }),
};

/**
 * The report an event makes, or null for a type we do not act on (looked up as an own
 * property, so `constructor` or `__proto__` is just a type we do not know).
 */
export function translatePaypalEvent(
  event: PaypalWebhookEvent
): PaypalReport | null {
  if (!Object.hasOwn(PAYPAL_EVENT_HANDLERS, event.event_type)) return null;
  return PAYPAL_EVENT_HANDLERS[event.event_type](event.resource as never);
}

/**
 * What a PayPal event says about a refund (our rows follow it): PAYMENT.CAPTURE.REFUNDED's
 * resource is the refund, with its id and status (payments v2: COMPLETED is done, FAILED and
 * CANCELLED gave nothing back, PENDING is not final and says nothing yet).
 */
export function paypalRefundReports(event: PaypalWebhookEvent): RefundReport[] {
  if (event.event_type !== 'PAYMENT.CAPTURE.REFUNDED') return [];
  const refund = (event.resource ?? {}) as RefundResource;
  const refundId = str(refund.id);
  const status = str(refund.status);
  if (!refundId) return [];
  if (status === 'COMPLETED') return [{refundId, status: 'succeeded'}];
  return REFUND_NOT_MADE.has(status ?? '')
    ? [{refundId, status: 'failed'}]
    : [];
}
