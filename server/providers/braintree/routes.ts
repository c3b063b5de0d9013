/**
 * POST /api/braintree/client-token (Drop-in's authorization, for the currency's merchant
 * account) and POST /api/braintree/transactions (the sale of Drop-in's nonce): Braintree's own
 * part of the HTTP contract.
 */
import {Hono} from 'hono';
import {
  type BraintreeClientTokenResponse,
  braintreeClientTokenRequestSchema,
  type BraintreeTransactionResponse,
  braintreeTransactionRequestSchema,
} from '../../contract.js';
import {ApiError} from '../../errors.js';
import {readJson} from '../../validation.js';
import type {GatewayRouteServices} from '../gateway.js';
import type {BraintreeGateway} from './gateway.js';

export function braintreeRoutes(
  services: GatewayRouteServices<BraintreeGateway>
) {
  const {store, createLimit, idempotent} = services;
  return (
    new Hono()
      // Rate-limited like the creates: each token is a call to Braintree on the shop's account.
      .post('/client-token', createLimit, async (c) => {
        const {currency} = await readJson(c, braintreeClientTokenRequestSchema);
        const braintree = services.gateway();
        const body: BraintreeClientTokenResponse = {
          clientToken: await braintree.clientToken(currency),
        };
        return c.json(body);
      })
      .post('/transactions', createLimit, idempotent, async (c) => {
        const {paymentMethodNonce, deviceData, ...request} = await readJson(
          c,
          braintreeTransactionRequestSchema
        );
        const braintree = services.gateway();
        // A currency without a merchant account is refused before an order is written.
        const currency = (
          request.currency ?? services.catalog.defaultCurrency
        ).toUpperCase();
        if (!braintree.browserConfig().currencies.includes(currency))
          throw new ApiError(
            400,
            'currency_not_supported',
            `Braintree does not take ${currency} on this shop.`
          );
        // Repriced, checked against the total the buyer saw (409 price_changed), stored pending.
        const {order, token} = await services.openOrder(request);
        const outcome = await braintree.sale(order, {
          number: 1,
          source: {
            token: paymentMethodNonce,
            ...(deviceData && {deviceData}),
          },
        });
        if (!outcome.ok) {
          // A refusal about this payment is a failed attempt; a retry is a new POST (a new order).
          // Braintree's refusal without a transaction (a spent or unknown nonce) fails the order
          // too; no answer at all leaves it pending, since the sale may exist.
          if (outcome.paymentId || outcome.refusedBeforeSale)
            await services.recordRefusedAttempt(order, outcome.paymentId);
          throw outcome.error;
        }
        await store.update(order.id, () => ({
          providerPaymentId: outcome.paymentId,
        }));
        const recorded = await services.recordPayment(order, outcome.event);
        const body: BraintreeTransactionResponse = {
          orderId: order.id,
          orderToken: token,
          status: recorded.status,
        };
        return c.json(body, 201);
      })
  );
}
