import {Hono} from 'hono';
import {
  type CheckoutSessionResponse,
  checkoutSessionRequestSchema,
  type PaymentIntentResponse,
  paymentIntentRequestSchema,
} from '../contract.js';
import type {CheckoutContext} from '../context.js';
import {ApiError} from '../errors.js';
import {openOrder} from '../orders/open.js';
import {
  checkoutSessionIdempotencyKey,
  paymentIntentIdempotencyKey,
  stripeApiError,
} from '../providers/stripe.js';
import {readJson} from '../validation.js';

/** POST /api/stripe/payment-intents: the deferred-intent flow's server half. */
export function stripeRoutes(ctx: CheckoutContext) {
  return new Hono()
    .post('/payment-intents', async (c) => {
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
        ctx.logger.warn(
          {orderId: order.id, error: (error as Error).name},
          'creating the PaymentIntent failed'
        );
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
    })
    .post('/checkout-sessions', async (c) => {
      const request = await readJson(c, checkoutSessionRequestSchema);
      // Stripe will send the buyer to these URLs: only to the shop's own sites, never to a
      // page a stranger chose (an open redirect through a trusted payment page).
      for (const url of [request.successUrl, request.cancelUrl]) {
        if (!isShopUrl(ctx, url)) {
          throw new ApiError(
            400,
            'invalid_request',
            `${url} is not on this shop's origin or ALLOWED_ORIGINS.`
          );
        }
      }
      const stripe = requireStripe(ctx);
      const {order, token} = await openOrder(ctx, 'stripe', request);

      let session;
      try {
        session = await stripe.client.checkout.sessions.create(
          {
            mode: 'payment',
            // Repriced lines: Stripe's page shows and charges exactly the catalog's amounts.
            line_items: order.lines.map((line) => ({
              quantity: line.quantity,
              price_data: {
                currency: order.currency,
                unit_amount: line.unitAmount,
                product_data: {name: line.name},
              },
            })),
            success_url: request.successUrl,
            cancel_url: request.cancelUrl,
            client_reference_id: order.id,
            metadata: {order_id: order.id},
            payment_intent_data: {metadata: {order_id: order.id}},
            ...(order.email && {customer_email: order.email}),
          },
          {idempotencyKey: checkoutSessionIdempotencyKey(order.id)}
        );
      } catch (error) {
        ctx.logger.warn(
          {orderId: order.id, error: (error as Error).name},
          'creating the Checkout Session failed'
        );
        throw stripeApiError(error);
      }
      await ctx.store.update(order.id, () => ({providerPaymentId: session.id}));
      const body: CheckoutSessionResponse = {
        orderId: order.id,
        orderToken: token,
        url: session.url!,
      };
      return c.json(body, 201);
    });
}

/**
 * Whether a redirect target is one of the shop's pages: on its configured public origin or an
 * ALLOWED_ORIGINS entry. Never the request's Host (a spoofed one would name any site), and never
 * `*`, which opens CORS but must not turn Stripe's page into an open redirect.
 */
function isShopUrl(ctx: CheckoutContext, url: string): boolean {
  const {origin, protocol} = new URL(url);
  if (protocol !== 'https:' && protocol !== 'http:') return false;
  return origin === ctx.publicOrigin || ctx.allowedOrigins.includes(origin);
}

export function requireStripe(ctx: CheckoutContext) {
  if (!ctx.stripe) {
    throw new ApiError(
      503,
      'provider_not_configured',
      'Stripe is not configured on this server.'
    );
  }
  return ctx.stripe;
}
