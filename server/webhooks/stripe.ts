/**
 * Applying Stripe's reports to orders: from a verified webhook event, or from a PaymentIntent
 * read back from Stripe. Both go through the same state machine and the same fulfilment.
 */
import type Stripe from 'stripe';
import type {CheckoutContext} from '../context.js';
import type {Order} from '../orders/order.js';
import {type PaymentEvent, unreadablePaymentEvent} from '../orders/state.js';
import {
  reportFromIntent,
  reportFromSession,
  translateStripeEvent,
  unreadableStripeReport,
} from './stripe-events.js';

export type WebhookOutcome = 'applied' | 'duplicate' | 'unchanged' | 'ignored';

export async function applyStripeEvent(
  ctx: CheckoutContext,
  event: Stripe.Event
): Promise<WebhookOutcome> {
  const report = translateStripeEvent(event);
  if (!report) return 'ignored';
  const unreadable = unreadableStripeReport(report);
  if (unreadable) {
    ctx.logger.warn(
      {eventId: event.id, type: event.type, problem: unreadable},
      'stripe webhook with a field of the wrong type; ignored'
    );
    return 'ignored';
  }

  // Found by our own order id when the event carries it, else by the intent it concerns.
  // Either way the state machine checks that the intent is the order's current one.
  const order = report.orderId
    ? await ctx.store.get(report.orderId)
    : await ctx.store.findByPayment('stripe', report.event.paymentId);
  if (!order || order.provider !== 'stripe') {
    ctx.logger.info(
      {eventId: event.id, type: event.type},
      'webhook for an object we did not create; ignored'
    );
    return 'ignored';
  }

  const result = await ctx.fulfiller.apply(order.id, report.event, {
    provider: 'stripe',
    eventId: event.id,
    type: event.type,
  });
  if (result.outcome === 'not_found') return 'ignored';
  // Also on a duplicate: whatever is still due for the order gets another try now.
  if (result.outcome !== 'changed') await ctx.fulfiller.fulfil(result.order);
  return result.outcome === 'changed' ? 'applied' : result.outcome;
}

/**
 * Reads the order's payment back from Stripe — its PaymentIntent, or its Checkout Session
 * for hosted Checkout — and applies what it says.
 */
export async function syncStripeOrder(
  ctx: CheckoutContext,
  order: Order
): Promise<Order> {
  const paymentId = order.providerPaymentId;
  if (!ctx.stripe || !paymentId) return order;
  let report: PaymentEvent | null;
  try {
    report = paymentId.startsWith('cs_')
      ? reportFromSession(
          await ctx.stripe.client.checkout.sessions.retrieve(paymentId)
        )
      : reportFromIntent(
          await ctx.stripe.client.paymentIntents.retrieve(paymentId)
        );
  } catch (error) {
    ctx.logger.warn(
      {orderId: order.id, error: (error as Error).name},
      'reading the payment from Stripe failed'
    );
    return order;
  }
  if (!report || unreadablePaymentEvent(report)) return order;
  const result = await ctx.fulfiller.apply(order.id, report);
  return result.outcome === 'not_found' ? order : result.order;
}
