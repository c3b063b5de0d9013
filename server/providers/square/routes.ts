/**
 * POST /api/square/payments: the server half of Square's card form. The browser tokenizes the
 * card (and verifies the buyer when the bank asks); the server prices the cart itself, opens
 * the order and charges the token for the order's own total, never the browser's.
 */
import {Hono} from 'hono';
import {
  type SquarePaymentResponse,
  squarePaymentRequestSchema,
} from '../../contract.js';
import {ApiError} from '../../errors.js';
import {readJson} from '../../validation.js';
import type {GatewayRouteServices} from '../gateway.js';
import type {SquareGateway} from './gateway.js';

export function squareRoutes(services: GatewayRouteServices<SquareGateway>) {
  const {catalog, store, createLimit, idempotent} = services;
  return new Hono().post('/payments', createLimit, idempotent, async (c) => {
    const {sourceId, verificationToken, ...request} = await readJson(
      c,
      squarePaymentRequestSchema
    );
    const square = services.gateway();
    // A currency without a location is not offered: refused before an order is written.
    const currency = request.currency ?? catalog.defaultCurrency;
    if (!square.locationFor(currency)) {
      throw new ApiError(
        400,
        'currency_not_supported',
        `Square does not take ${currency.toUpperCase()} in this shop.`
      );
    }
    // Repriced here (409 price_changed when the total is not the one the buyer saw).
    const {order, token} = await services.openOrder(request);
    const result = await square.charge(order, {
      number: 1,
      source: {
        token: sourceId,
        ...(verificationToken && {verificationToken}),
      },
    });
    if (result.outcome === 'refused') {
      // The order is failed (also when Square refused the request and made no payment);
      // paying again is a new POST, so a new order and a new key.
      await services.recordRefusedAttempt(order, result.paymentId);
      throw result.error;
    }
    await store.update(order.id, () => ({
      providerPaymentId: result.created.paymentId,
    }));
    // CreatePayment's answer settles the order as its webhook would; whichever comes first.
    const settled = await services.recordPayment(order, result.event);
    const body: SquarePaymentResponse = {
      orderId: order.id,
      orderToken: token,
      status: settled.status,
    };
    return c.json(body, 201);
  });
}
