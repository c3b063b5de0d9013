/**
 * POST /api/stripe/payment-intents (the deferred-intent flow's server half) and
 * POST /api/stripe/checkout-sessions (hosted Checkout): Stripe's own part of the HTTP contract.
 */
import {Hono} from 'hono';
import {
  type CheckoutSessionResponse,
  checkoutSessionRequestSchema,
  type PaymentIntentResponse,
  paymentIntentRequestSchema,
} from '../../contract.js';
import {ApiError} from '../../errors.js';
import {readJson} from '../../validation.js';
import type {GatewayRouteServices} from '../gateway.js';
import type {StripeGateway} from './gateway.js';

export function stripeRoutes(services: GatewayRouteServices<StripeGateway>) {
  const {store, createLimit, idempotent} = services;
  return new Hono()
    .post('/payment-intents', createLimit, idempotent, async (c) => {
      const request = await readJson(c, paymentIntentRequestSchema);
      const stripe = services.gateway();
      const {order, token} = await services.openOrder(request);
      const intent = await stripe.createPayment(order, {number: 1});
      await store.update(order.id, () => ({
        providerPaymentId: intent.paymentId,
      }));

      const body: PaymentIntentResponse = {
        orderId: order.id,
        orderToken: token,
        clientSecret: intent.clientSecret!,
        amount: intent.amount,
        currency: intent.currency,
      };
      return c.json(body, 201);
    })
    .post('/checkout-sessions', createLimit, idempotent, async (c) => {
      const request = await readJson(c, checkoutSessionRequestSchema);
      // Stripe will send the buyer to these URLs: only to the shop's own sites, never to a
      // page a stranger chose (an open redirect through a trusted payment page).
      for (const url of [request.successUrl, request.cancelUrl]) {
        if (!services.isShopUrl(url)) {
          throw new ApiError(
            400,
            'invalid_request',
            `${url} is not on this shop's origin or ALLOWED_ORIGINS.`
          );
        }
      }
      const stripe = services.gateway();
      const {order, token} = await services.openOrder(request);
      const session = await stripe.createPayment(order, {
        number: 1,
        hosted: {successUrl: request.successUrl, cancelUrl: request.cancelUrl},
      });
      await store.update(order.id, () => ({
        providerPaymentId: session.paymentId,
      }));
      const body: CheckoutSessionResponse = {
        orderId: order.id,
        orderToken: token,
        url: session.url!,
      };
      return c.json(body, 201);
    });
}
