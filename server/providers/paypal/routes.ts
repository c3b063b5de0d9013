/**
 * POST /api/paypal/orders, …/:paypalOrderId/shipping and …/:paypalOrderId/capture: the server
 * half of PayPal's buttons (createOrder, onShippingAddressChange/onShippingOptionsChange and
 * onApprove), PayPal's own part of the HTTP contract.
 */
import {type Context, Hono} from 'hono';
import {z} from 'zod';
import {priceCart} from '../../catalog/index.js';
import {
  addressSchema,
  type PaypalCaptureResponse,
  type PaypalOrderResponse,
  type PaypalShippingRequest,
  type PaypalShippingResponse,
  paypalOrderRequestSchema,
  quoteRequestSchema,
} from '../../contract.js';
import {ApiError} from '../../errors.js';
import type {Order} from '../../orders/order.js';
import {readJson} from '../../validation.js';
import type {GatewayRouteServices} from '../gateway.js';
import {logPaypalFailure, type PaypalGateway} from './gateway.js';
import {paypalApiError, paypalCaptureRequestId} from './orders.js';
import {paypalPurchaseUnit} from './purchase-unit.js';
import {repriceOrder, shippedAddressFrom} from './reprice.js';
import {PaypalError, type PaypalOrder} from './types.js';

const shippingRequestSchema = z.object({
  shippingAddress: addressSchema,
  shippingRate: quoteRequestSchema.shape.shippingRate,
});
// The schema and the contract's type cannot drift apart.
({}) as z.input<typeof shippingRequestSchema> satisfies PaypalShippingRequest;

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

  // PayPal order ids show up in approval URLs and browser histories; the token was returned
  // only to the page that created the order, so nobody else can reprice it, drive its capture
  // or learn its status.
  const authorisePaypalOrder = (c: Context, paypalOrderId: string) =>
    services.authorise(
      c,
      async () =>
        /^[A-Za-z0-9_-]{1,64}$/.test(paypalOrderId)
          ? store.findByPayment('paypal', paypalOrderId)
          : undefined,
      'No such PayPal order.'
    );

  return new Hono()
    .post('/orders', createLimit, idempotent, async (c) => {
      const request = await readJson(c, paypalOrderRequestSchema);
      const paypal = services.gateway();
      // A cart PayPal cannot take (its currency, or cents in a currency PayPal takes whole) is
      // refused before the order is written. The quote's rates are the options PayPal offers.
      const quote = priceCart(catalog, request, {now: new Date()});
      paypalPurchaseUnit(
        {
          id: 'check',
          ...quote,
          shippingRate: quote.shippingRates.find(
            (rate) => rate.id === quote.shippingRate
          ),
          shippingAddress: request.shippingAddress,
        },
        quote.shippingRates
      );
      const {order, token} = await services.openOrder(request);
      const created = await paypal.createOrder(order, quote.shippingRates);
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
    .post('/orders/:paypalOrderId/shipping', createLimit, async (c) => {
      const paypal = services.gateway();
      const paypalOrderId = c.req.param('paypalOrderId');
      const order = await authorisePaypalOrder(c, paypalOrderId);
      const request = await readJson(c, shippingRequestSchema);
      if (order.status !== 'pending') {
        throw new ApiError(
          409,
          'order_not_pending',
          `This order is ${order.status}: its price can no longer change.`
        );
      }
      const {quote, pricing} = repriceOrder(catalog, order, request);
      // PayPal first: if it refuses, our order still says what PayPal charges.
      await paypal.reprice(
        paypalOrderId,
        order,
        {...order, ...pricing},
        quote.shippingRates
      );
      const stored = await store.update(order.id, (current) =>
        current.status === 'pending' ? pricing : null
      );
      if (stored.outcome !== 'changed' && stored.outcome !== 'unchanged') {
        throw new ApiError(
          409,
          'order_not_pending',
          'This order can no longer change.'
        );
      }
      const body: PaypalShippingResponse = {quote};
      return c.json(body);
    })
    .post('/orders/:paypalOrderId/capture', createLimit, async (c) => {
      const paypal = services.gateway();
      const paypalOrderId = c.req.param('paypalOrderId');
      const order = await authorisePaypalOrder(c, paypalOrderId);
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
      // The street and the recipient PayPal's window chose, for the emails and the parcel.
      const shipped = shippedAddressFrom(order.shippingAddress, captured);
      if (shipped) {
        await store.update(order.id, (current) =>
          current.status === 'pending' ? {shippingAddress: shipped} : null
        );
      }
      return answer(
        await services.recordPayment(order, paypal.eventFor(order, captured))
      );
    });
}
