/**
 * POST /api/paypal/orders and POST /api/paypal/orders/:paypalOrderId/capture: the server half
 * of PayPal's buttons (createOrder and onApprove), PayPal's own part of the HTTP contract.
 */
import {Hono} from 'hono';
import {
  type PaypalCaptureResponse,
  type PaypalOrderResponse,
  paypalOrderRequestSchema,
} from '../../contract.js';
import {priceCart} from '../../catalog/index.js';
import type {Order} from '../../orders/order.js';
import {readJson} from '../../validation.js';
import type {GatewayRouteServices} from '../gateway.js';
import {logPaypalFailure, type PaypalGateway} from './gateway.js';
import {
  paypalApiError,
  paypalCaptureRequestId,
  paypalPurchaseUnit,
} from './orders.js';
import {PaypalError, type PaypalOrder} from './types.js';

/** The statuses in which a capture may still change something. */
const CAPTURABLE = new Set(['pending', 'processing', 'failed']);

// A capture PayPal has already made, or is making for a request a moment ago (a double click,
// another tab): the PayPal order as it is now is the answer.
const ALREADY_UNDER_WAY = [
  'ORDER_ALREADY_CAPTURED',
  'ORDER_COMPLETION_IN_PROGRESS',
  'PREVIOUS_REQUEST_IN_PROGRESS',
];

export function paypalRoutes(services: GatewayRouteServices<PaypalGateway>) {
  const {catalog, store, logger, createLimit, idempotent} = services;
  return new Hono()
    .post('/orders', createLimit, idempotent, async (c) => {
      const request = await readJson(c, paypalOrderRequestSchema);
      const paypal = services.gateway();
      // A cart PayPal cannot take (its currency, or cents in a currency PayPal takes whole) is
      // refused before the order is written.
      paypalPurchaseUnit({
        id: 'check',
        ...priceCart(
          catalog,
          {items: request.items, currency: request.currency},
          {now: new Date()}
        ),
      });
      const {order, token} = await services.openOrder(request);
      const created = await paypal.createPayment(order, {number: 1});
      await store.update(order.id, () => ({
        providerPaymentId: created.paymentId,
      }));

      const body: PaypalOrderResponse = {
        orderId: order.id,
        orderToken: token,
        paypalOrderId: created.paymentId,
      };
      return c.json(body, 201);
    })
    .post('/orders/:paypalOrderId/capture', createLimit, async (c) => {
      const paypal = services.gateway();
      const paypalOrderId = c.req.param('paypalOrderId');
      // PayPal order ids show up in approval URLs and browser histories; the token was
      // returned only to the page that created the order, so nobody else can drive its
      // capture or learn its status.
      const order = await services.authorise(
        c,
        async () =>
          /^[A-Za-z0-9_-]{1,64}$/.test(paypalOrderId)
            ? store.findByPayment('paypal', paypalOrderId)
            : undefined,
        'No such PayPal order.'
      );
      const answer = (settled: Order) => {
        const body: PaypalCaptureResponse = {
          orderId: settled.id,
          status: settled.status,
        };
        return c.json(body);
      };
      // Settled already (the webhook came first, or this is a second click): PayPal has
      // nothing more to say about it.
      if (!CAPTURABLE.has(order.status)) return answer(order);

      // After a refused attempt the buyer may choose another card and approve again; that
      // capture must not be answered with the refusal PayPal stored under the old request id.
      const attempt =
        order.status === 'failed'
          ? String(Date.parse(order.updatedAt))
          : undefined;
      let captured: PaypalOrder;
      try {
        captured = await paypal.capture(
          paypalOrderId,
          paypalCaptureRequestId(order.id, attempt)
        );
      } catch (error) {
        if (!(error instanceof PaypalError)) throw error;
        if (ALREADY_UNDER_WAY.some((issue) => error.has(issue))) {
          try {
            captured = await paypal.getOrder(paypalOrderId);
          } catch (readError) {
            if (!(readError instanceof PaypalError)) throw readError;
            logPaypalFailure(
              logger,
              order.id,
              'reading the captured PayPal order failed',
              readError
            );
            throw paypalApiError(readError);
          }
        } else {
          logPaypalFailure(
            logger,
            order.id,
            'capturing the PayPal order failed',
            error
          );
          const mapped = paypalApiError(error);
          // A refusal about this payment (not an outage, not our mistake) is a failed attempt.
          if (
            mapped.status === 402 ||
            mapped.status === 409 ||
            mapped.status === 422
          ) {
            await services.recordRefusedAttempt(order, paypalOrderId);
          }
          throw mapped;
        }
      }
      return answer(
        await services.recordPayment(order, paypal.eventFor(order, captured))
      );
    });
}
