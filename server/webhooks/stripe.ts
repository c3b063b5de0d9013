/**
 * Applying Stripe's reports to orders: from a verified webhook event, or from a PaymentIntent
 * read back from Stripe. Both go through the same state machine and the same fulfilment.
 */
import type Stripe from 'stripe';
import type {CheckoutContext} from '../context.js';
import type {Order} from '../orders/order.js';
import {applyPaymentEvent, type PaymentEvent} from '../orders/state.js';
import type {UpdateResult} from '../orders/store.js';
import {reportFromIntent, translateStripeEvent} from './stripe-events.js';

export type WebhookOutcome = 'applied' | 'duplicate' | 'unchanged' | 'ignored';

export async function applyStripeEvent(ctx: CheckoutContext, event: Stripe.Event): Promise<WebhookOutcome> {
  const report = translateStripeEvent(event);
  if (!report) return 'ignored';

  // Found by our own order id when the event carries it, else by the intent it concerns.
  // Either way the state machine checks that the intent is the order's current one.
  const order = report.orderId
    ? await ctx.store.get(report.orderId)
    : await ctx.store.findByPayment('stripe', report.event.paymentId);
  if (!order || order.provider !== 'stripe') {
    ctx.logger.info({eventId: event.id, type: event.type}, 'webhook for an object we did not create; ignored');
    return 'ignored';
  }

  const result = await apply(ctx, order, report.event, {provider: 'stripe', eventId: event.id, type: event.type});
  if (result.outcome === 'not_found') return 'ignored';
  // Also on a duplicate: an earlier delivery may have marked the order paid and then failed to
  // fulfil it; this retry is what finishes the job.
  await ctx.fulfiller.fulfil(result.order);
  return result.outcome === 'changed' ? 'applied' : result.outcome;
}

/** Reads the order's PaymentIntent from Stripe and applies what it says. */
export async function syncStripeOrder(ctx: CheckoutContext, order: Order): Promise<Order> {
  if (!ctx.stripe || !order.providerPaymentId) return order;
  let intent: Stripe.PaymentIntent;
  try {
    intent = await ctx.stripe.client.paymentIntents.retrieve(order.providerPaymentId);
  } catch (error) {
    ctx.logger.warn({orderId: order.id, error: (error as Error).name}, 'reading the PaymentIntent failed');
    return order;
  }
  const report = reportFromIntent(intent);
  if (!report) return order;
  const result = await apply(ctx, order, report);
  if (result.outcome === 'not_found') return order;
  await ctx.fulfiller.fulfil(result.order);
  return result.order;
}

function apply(
  ctx: CheckoutContext,
  order: Order,
  event: PaymentEvent,
  ledger?: {provider: string; eventId: string; type: string}
): Promise<UpdateResult> {
  const at = ctx.now().toISOString();
  return ctx.store.update(order.id, (current) => applyPaymentEvent(current, event, at), ledger);
}
