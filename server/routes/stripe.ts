import {Hono} from 'hono';
import {type PaymentIntentResponse, paymentIntentRequestSchema} from '../contract.js';
import type {CheckoutContext} from '../context.js';
import {ApiError} from '../errors.js';
import {openOrder} from '../orders/open.js';
import {paymentIntentIdempotencyKey, stripeApiError} from '../providers/stripe.js';
import {readJson} from '../validation.js';

/** POST /api/stripe/payment-intents: the deferred-intent flow's server half. */
export function stripeRoutes(ctx: CheckoutContext) {
  return new Hono().post('/payment-intents', async (c) => {
    const request = await readJson(c, paymentIntentRequestSchema);
    const stripe = requireStripe(ctx);
    const {order, token} = await openOrder(ctx, 'stripe', request);

    // The amount comes from our repricing, never from the browser: the buyer is charged
    // the catalog price whatever the page said.
    let intent;
    try {
      intent = await stripe.client.paymentIntents.create(
        {
          amount: order.total,
          currency: order.currency,
          automatic_payment_methods: {enabled: true},
          metadata: {order_id: order.id},
          ...(order.email && {receipt_email: order.email}),
        },
        // A network retry of this same call reuses the key: one order, one PaymentIntent.
        {idempotencyKey: paymentIntentIdempotencyKey(order.id)}
      );
    } catch (error) {
      // The order stays pending: if Stripe did create the intent before the call failed, its
      // webhook (metadata.order_id) still finds the order and settles it.
      ctx.logger.warn({orderId: order.id, error: (error as Error).name}, 'creating the PaymentIntent failed');
      throw stripeApiError(error);
    }
    await ctx.store.update(order.id, () => ({providerPaymentId: intent.id}));

    const body: PaymentIntentResponse = {
      orderId: order.id,
      orderToken: token,
      clientSecret: intent.client_secret!,
      amount: intent.amount,
      currency: intent.currency,
    };
    return c.json(body, 201);
  });
}

export function requireStripe(ctx: CheckoutContext) {
  if (!ctx.stripe) {
    throw new ApiError(503, 'provider_not_configured', 'Stripe is not configured on this server.');
  }
  return ctx.stripe;
}
