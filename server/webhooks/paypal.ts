/**
 * Applying PayPal's reports to orders: from a verified webhook event, or from the capture the
 * buyer's approval led to. Both go through the same rule (captureEvent) and the same
 * fulfiller (state machine, ledger, outbox), so whichever arrives first settles the order and
 * the other finds nothing left to do.
 */
import type {CheckoutContext} from '../context.js';
import {ApiError} from '../errors.js';
import type {Order} from '../orders/order.js';
import {unreadablePaymentEvent} from '../orders/state.js';
import {PaypalError, type PaypalOrder} from '../providers/paypal.js';
import {
  captureEvent,
  captureOf,
  type PaypalReport,
  type PaypalWebhookEvent,
  translatePaypalEvent,
} from './paypal-events.js';
import type {WebhookOutcome} from './stripe.js';

/** The verified body as an event, or a 400: a signed body that is not an event is still not one. */
export function parsePaypalEvent(body: Uint8Array): PaypalWebhookEvent {
  let event: Partial<PaypalWebhookEvent> | undefined;
  try {
    event = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(body));
  } catch {
    throw new ApiError(400, 'invalid_request', 'The webhook body is not JSON.');
  }
  if (
    typeof event?.id !== 'string' ||
    !event.id ||
    event.id.length > 255 ||
    typeof event.event_type !== 'string' ||
    typeof event.resource !== 'object' ||
    event.resource === null
  ) {
    throw new ApiError(
      400,
      'invalid_request',
      'The body is not a PayPal webhook event.'
    );
  }
  return event as PaypalWebhookEvent;
}

export async function applyPaypalEvent(
  ctx: CheckoutContext,
  event: PaypalWebhookEvent
): Promise<WebhookOutcome> {
  const report = translatePaypalEvent(event);
  if (!report) return 'ignored';
  if (report.unreadable) {
    ctx.logger.warn(
      {eventId: event.id, type: event.event_type, problem: report.unreadable},
      'PayPal webhook with an id of the wrong type; ignored'
    );
    return 'ignored';
  }
  const order = await findOrder(ctx, report);
  const paymentId = report.paypalOrderId ?? order?.providerPaymentId;
  if (!order || !paymentId) {
    ctx.logger.info(
      {eventId: event.id, type: event.event_type},
      'PayPal webhook for an order we did not create; ignored'
    );
    return 'ignored';
  }
  const paymentEvent = report.event(order, paymentId);
  if (!paymentEvent) return 'ignored';
  const unreadable = unreadablePaymentEvent(paymentEvent);
  if (unreadable) {
    ctx.logger.warn(
      {eventId: event.id, type: event.event_type, problem: unreadable},
      'PayPal webhook with a field of the wrong type; ignored'
    );
    return 'ignored';
  }
  const result = await ctx.fulfiller.apply(order.id, paymentEvent, {
    provider: 'paypal',
    eventId: event.id,
    type: event.event_type,
  });
  if (result.outcome === 'not_found') return 'ignored';
  // Also on a duplicate: whatever is still due for the order gets another try now.
  if (result.outcome !== 'changed') await ctx.fulfiller.fulfil(result.order);
  return result.outcome === 'changed' ? 'applied' : result.outcome;
}

// By the PayPal order the resource names, which we stored when we created it; failing that,
// by our own id in custom_id (the PayPal order was created but storing its id did not
// happen). The state machine then checks that the PayPal order is the order's own.
async function findOrder(
  ctx: CheckoutContext,
  report: PaypalReport
): Promise<Order | undefined> {
  if (report.paypalOrderId) {
    const order = await ctx.store.findByPayment('paypal', report.paypalOrderId);
    if (order) return order;
  }
  if (report.orderId) {
    const order = await ctx.store.get(report.orderId);
    if (order?.provider === 'paypal') return order;
  }
  if (report.captureId && ctx.paypal) {
    const paypalOrderId = await paypalOrderOfCapture(ctx, report.captureId);
    if (paypalOrderId) return ctx.store.findByPayment('paypal', paypalOrderId);
  }
  return undefined;
}

// A dispute may name only the capture: PayPal knows which order it belongs to. Unknown to
// PayPal means not ours; PayPal not answering means try again later (a 5xx, so it retries).
async function paypalOrderOfCapture(
  ctx: CheckoutContext,
  captureId: string
): Promise<string | undefined> {
  try {
    const capture = await ctx.paypal!.client.getCapture(captureId);
    return capture.supplementary_data?.related_ids?.order_id;
  } catch (error) {
    if (
      error instanceof PaypalError &&
      error.status >= 400 &&
      error.status < 500
    )
      return undefined;
    ctx.logger.warn(
      {captureId, error: (error as Error).message},
      'reading a disputed PayPal capture failed'
    );
    throw new ApiError(
      503,
      'provider_unavailable',
      'PayPal could not be asked about the disputed capture.'
    );
  }
}

/**
 * Applies what a capture response (or the PayPal order read back after ORDER_ALREADY_CAPTURED)
 * says. The buyer is answered from the stored result.
 */
export async function settlePaypalOrder(
  ctx: CheckoutContext,
  order: Order,
  paypalOrder: PaypalOrder
): Promise<Order> {
  const capture = captureOf(paypalOrder);
  const event = capture && captureEvent(order, capture, paypalOrder.id);
  if (!event) return (await ctx.store.get(order.id)) ?? order;
  const result = await ctx.fulfiller.apply(order.id, event);
  return result.outcome === 'not_found' ? order : result.order;
}

/**
 * Reads the order's PayPal order and applies its capture, if it has one: for reconciliation,
 * when neither the capture answer nor the webhook arrived. It never captures by itself.
 */
export async function syncPaypalOrder(
  ctx: CheckoutContext,
  order: Order
): Promise<Order> {
  if (!ctx.paypal || order.provider !== 'paypal' || !order.providerPaymentId)
    return order;
  let paypalOrder: PaypalOrder;
  try {
    paypalOrder = await ctx.paypal.client.getOrder(order.providerPaymentId);
  } catch (error) {
    ctx.logger.warn(
      {orderId: order.id, error: (error as Error).message},
      'reading the PayPal order failed'
    );
    return order;
  }
  return settlePaypalOrder(ctx, order, paypalOrder);
}

/**
 * A capture attempt PayPal refused: the order is `failed` (a new attempt can still succeed).
 * An order that already was is written again all the same (failed → failed raises no side
 * effects), so its updatedAt moves and the next attempt goes out under a new request id.
 */
export async function recordRefusedCapture(
  ctx: CheckoutContext,
  order: Order,
  paypalOrderId: string
): Promise<void> {
  const result = await ctx.fulfiller.apply(order.id, {
    type: 'failed',
    paymentId: paypalOrderId,
  });
  if (
    result.outcome === 'unchanged' &&
    result.order.status === 'failed' &&
    result.order.providerPaymentId === paypalOrderId
  ) {
    await ctx.store.update(order.id, (current) =>
      current.status === 'failed' ? {status: 'failed'} : null
    );
  }
}
