/**
 * What each Stripe event means for an order. A table, so the handled types are data that a
 * test can read (a missing comma in such a list once broke Saleor silently).
 */
import type Stripe from 'stripe';
import {
  describeValue,
  type PaymentEvent,
  unreadablePaymentEvent,
} from '../../orders/state.js';
import type {RefundReport} from '../gateway.js';

interface StripeReport {
  /** metadata.order_id on a PaymentIntent; charges and disputes are found by their intent. */
  orderId?: string;
  event: PaymentEvent;
}

type Translate = (object: never) => StripeReport | null;

const intentId = (value: string | {id: string} | null): string | undefined =>
  typeof value === 'string' ? value : (value?.id ?? undefined);

const fromIntent =
  (make: (intent: Stripe.PaymentIntent) => PaymentEvent): Translate =>
  (intent: Stripe.PaymentIntent) => ({
    orderId: intent.metadata?.order_id,
    event: make(intent),
  });

export const STRIPE_EVENT_HANDLERS: Readonly<Record<string, Translate>> = {
  'payment_intent.succeeded': fromIntent((intent) => ({
    type: 'succeeded',
    paymentId: intent.id,
    amount: intent.amount_received,
    currency: intent.currency,
  })),
  'payment_intent.processing': fromIntent((intent) => ({
    type: 'processing',
    paymentId: intent.id,
  })),
  'payment_intent.payment_failed': fromIntent((intent) => ({
    type: 'failed',
    paymentId: intent.id,
  })),
  'payment_intent.canceled': fromIntent((intent) => ({
    type: 'canceled',
    paymentId: intent.id,
  })),
  // Hosted Checkout: the session is the order's payment until it is paid.
  'checkout.session.completed': (session: Stripe.Checkout.Session) => ({
    orderId: session.metadata?.order_id,
    event: reportFromSession(session) ?? {
      type: 'processing',
      paymentId: session.id,
    },
  }),
  'checkout.session.async_payment_succeeded': (
    session: Stripe.Checkout.Session
  ) => ({
    orderId: session.metadata?.order_id,
    event: reportFromSession({...session, payment_status: 'paid'}) ?? {
      type: 'processing',
      paymentId: session.id,
    },
  }),
  'checkout.session.async_payment_failed': (
    session: Stripe.Checkout.Session
  ) => ({
    orderId: session.metadata?.order_id,
    event: {type: 'failed', paymentId: session.id},
  }),
  'checkout.session.expired': (session: Stripe.Checkout.Session) => ({
    orderId: session.metadata?.order_id,
    event: {type: 'canceled', paymentId: session.id},
  }),
  'charge.refunded': (charge: Stripe.Charge) => {
    const paymentId = intentId(charge.payment_intent);
    return paymentId
      ? {
          event: {
            type: 'refunded',
            paymentId,
            amountRefunded: charge.amount_refunded,
          },
        }
      : null;
  },
  'charge.dispute.created': (dispute: Stripe.Dispute) => {
    const paymentId = intentId(dispute.payment_intent);
    return paymentId
      ? {
          event: {
            type: 'dispute_opened',
            paymentId,
            disputeStatus: dispute.status,
            // Its amount is in the charge's currency, the order's.
            dispute: {
              id: dispute.id,
              amount: dispute.amount,
              reason: dispute.reason,
            },
          },
        }
      : null;
  },
  'charge.dispute.closed': (dispute: Stripe.Dispute) => {
    const paymentId = intentId(dispute.payment_intent);
    return paymentId
      ? {
          event: {
            type: 'dispute_closed',
            paymentId,
            disputeStatus: dispute.status,
            ...(typeof dispute.id === 'string' && {dispute: {id: dispute.id}}),
          },
        }
      : null;
  },
};

/**
 * The report an event makes, or null for a type we do not act on. The type is looked up as an
 * own property only: `constructor`, `toString` or `__proto__` are types we do not act on, not
 * Object.prototype's functions.
 */
export function translateStripeEvent(event: Stripe.Event): StripeReport | null {
  if (!Object.hasOwn(STRIPE_EVENT_HANDLERS, event.type)) return null;
  return STRIPE_EVENT_HANDLERS[event.type](event.data.object as never);
}

/**
 * Why a report cannot be applied, if it cannot: Stripe signed it, but a field we read has
 * the wrong type (`metadata.order_id` an object, an amount that is a string). Such an event
 * is answered 200 and logged, never retried into a 500.
 */
export function unreadableStripeReport(
  report: StripeReport
): string | undefined {
  const orderId: unknown = report.orderId;
  if (orderId !== undefined && (typeof orderId !== 'string' || !orderId))
    return `metadata.order_id is ${describeValue(orderId)}, not an order id`;
  return unreadablePaymentEvent(report.event);
}

/**
 * What a PaymentIntent's current status says, for the paths that read it instead of waiting
 * for a webhook (a buyer's return, reconciliation).
 */
export function reportFromIntent(
  intent: Stripe.PaymentIntent
): PaymentEvent | null {
  switch (intent.status) {
    case 'succeeded':
      return {
        type: 'succeeded',
        paymentId: intent.id,
        amount: intent.amount_received,
        currency: intent.currency,
      };
    case 'processing':
      return {type: 'processing', paymentId: intent.id};
    case 'canceled':
      return {type: 'canceled', paymentId: intent.id};
    case 'requires_payment_method':
      return intent.last_payment_error
        ? {type: 'failed', paymentId: intent.id}
        : null;
    default:
      return null;
  }
}

/** What a Checkout Session says, read back or from an event; null while it is still open. */
export function reportFromSession(
  session: Stripe.Checkout.Session
): PaymentEvent | null {
  if (session.status === 'expired')
    return {type: 'canceled', paymentId: session.id};
  if (session.status !== 'complete') return null;
  if (session.payment_status !== 'paid')
    return {type: 'processing', paymentId: session.id};
  return {
    type: 'succeeded',
    paymentId: session.id,
    amount: session.amount_total ?? -1,
    currency: session.currency ?? '',
    handOverTo: intentId(session.payment_intent),
  };
}

/**
 * A Stripe refund's final status (docs.stripe.com/api/refunds/object#refund_object-status):
 * `succeeded` is done; `failed` and `canceled` gave nothing back; `pending` and
 * `requires_action` are not final, and say nothing yet.
 */
function refundReport(refund: unknown): RefundReport | null {
  if (typeof refund !== 'object' || refund === null) return null;
  const {id, status} = refund as {id?: unknown; status?: unknown};
  if (typeof id !== 'string' || !id || id.length > 255) return null;
  if (status === 'succeeded') return {refundId: id, status: 'succeeded'};
  if (status === 'failed' || status === 'canceled')
    return {refundId: id, status: 'failed'};
  return null;
}

/** The events that carry a Refund as their object; `charge.refund.updated` is the older name. */
const REFUND_EVENTS = new Set([
  'refund.created',
  'refund.updated',
  'refund.failed',
  'charge.refund.updated',
]);

/**
 * What a Stripe event says about refunds (our rows follow it): the Refund of a `refund.*`
 * event, or each refund a `charge.refunded` lists (`charge.refunds`, when the API version
 * still includes it). A refund that succeeded and then failed (docs.stripe.com/refunds#failed-refunds)
 * sends `refund.failed`.
 */
export function stripeRefundReports(event: Stripe.Event): RefundReport[] {
  const object: unknown = event.data?.object;
  if (REFUND_EVENTS.has(event.type)) {
    const report = refundReport(object);
    if (event.type === 'refund.failed' && report)
      return [{...report, status: 'failed'}];
    return report ? [report] : [];
  }
  if (event.type !== 'charge.refunded') return [];
  const list = (object as {refunds?: {data?: unknown}} | null)?.refunds?.data;
  return Array.isArray(list)
    ? list.flatMap((refund) => refundReport(refund) ?? [])
    : [];
}
