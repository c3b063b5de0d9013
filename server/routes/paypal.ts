import {type Context, Hono} from 'hono';
import {
  type PaypalCaptureResponse,
  type PaypalOrderResponse,
  paypalOrderRequestSchema,
} from '../contract.js';
import type {CheckoutContext} from '../context.js';
import {ApiError} from '../errors.js';
import {openOrder, tokenMatches} from '../orders/open.js';
import type {Order} from '../orders/order.js';
import {priceCart} from '../pricing.js';
import {
  PaypalError,
  type PaypalOrder,
  paypalApiError,
  paypalCaptureRequestId,
  paypalCreateRequestId,
  paypalPurchaseUnit,
} from '../providers/paypal.js';
import {readJson} from '../validation.js';
import {recordRefusedCapture, settlePaypalOrder} from '../webhooks/paypal.js';

/** The statuses in which a capture may still change something. */
const CAPTURABLE = new Set(['pending', 'processing', 'failed']);

// A capture PayPal has already made, or is making for a request a moment ago (a double click,
// another tab): the PayPal order as it is now is the answer.
const ALREADY_UNDER_WAY = [
  'ORDER_ALREADY_CAPTURED',
  'ORDER_COMPLETION_IN_PROGRESS',
  'PREVIOUS_REQUEST_IN_PROGRESS',
];

/**
 * POST /api/paypal/orders and POST /api/paypal/orders/:paypalOrderId/capture: the server half
 * of PayPal's buttons (createOrder and onApprove).
 */
export function paypalRoutes(ctx: CheckoutContext) {
  return new Hono()
    .post('/orders', async (c) => {
      const request = await readJson(c, paypalOrderRequestSchema);
      const paypal = requirePaypal(ctx);
      // A cart PayPal cannot take (its currency, or cents in a currency PayPal takes whole) is
      // refused before the order is written.
      paypalPurchaseUnit({
        id: 'check',
        ...priceCart(ctx.catalog, request.items, request.currency),
      });
      const {order, token} = await openOrder(ctx, 'paypal', request);

      // The amounts come from our repricing, never from the browser; custom_id and invoice_id
      // carry our order id, so every capture, refund and dispute can be traced back to it.
      let paypalOrder: PaypalOrder;
      try {
        paypalOrder = await paypal.client.createOrder(
          {intent: 'CAPTURE', purchase_units: [paypalPurchaseUnit(order)]},
          paypalCreateRequestId(order.id)
        );
      } catch (error) {
        // The order stays pending; without a PayPal order no payment can ever reach it.
        if (!(error instanceof PaypalError)) throw error;
        logFailure(ctx, order.id, 'creating the PayPal order failed', error);
        throw paypalApiError(error);
      }
      await ctx.store.update(order.id, () => ({
        providerPaymentId: paypalOrder.id,
      }));

      const body: PaypalOrderResponse = {
        orderId: order.id,
        orderToken: token,
        paypalOrderId: paypalOrder.id,
      };
      return c.json(body, 201);
    })
    .post('/orders/:paypalOrderId/capture', async (c) => {
      const paypal = requirePaypal(ctx);
      const paypalOrderId = c.req.param('paypalOrderId');
      const order = await authorisedOrder(ctx, c, paypalOrderId);
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
        captured = await paypal.client.captureOrder(
          paypalOrderId,
          paypalCaptureRequestId(order.id, attempt)
        );
      } catch (error) {
        if (!(error instanceof PaypalError)) throw error;
        if (ALREADY_UNDER_WAY.some((issue) => error.has(issue))) {
          try {
            captured = await paypal.client.getOrder(paypalOrderId);
          } catch (readError) {
            if (!(readError instanceof PaypalError)) throw readError;
            logFailure(
              ctx,
              order.id,
              'reading the captured PayPal order failed',
              readError
            );
            throw paypalApiError(readError);
          }
        } else {
          logFailure(ctx, order.id, 'capturing the PayPal order failed', error);
          const mapped = paypalApiError(error);
          // A refusal about this payment (not an outage, not our mistake) is a failed attempt.
          if (
            mapped.status === 402 ||
            mapped.status === 409 ||
            mapped.status === 422
          ) {
            await recordRefusedCapture(ctx, order, paypalOrderId);
          }
          throw mapped;
        }
      }
      return answer(await settlePaypalOrder(ctx, order, captured));
    });
}

export function requirePaypal(ctx: CheckoutContext) {
  if (!ctx.paypal) {
    throw new ApiError(
      503,
      'provider_not_configured',
      'PayPal is not configured on this server.'
    );
  }
  return ctx.paypal;
}

/**
 * The order a PayPal order belongs to, for the holder of its token only. PayPal order ids show
 * up in approval URLs and browser histories; the token was returned only to the page that
 * created the order, so nobody else can drive its capture or learn its status.
 */
async function authorisedOrder(
  ctx: CheckoutContext,
  c: Context,
  paypalOrderId: string
): Promise<Order> {
  const token = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
  if (!token)
    throw new ApiError(
      401,
      'unauthorized',
      'Send the order token as "Authorization: Bearer <token>".'
    );
  const order = /^[A-Za-z0-9_-]{1,64}$/.test(paypalOrderId)
    ? await ctx.store.findByPayment('paypal', paypalOrderId)
    : undefined;
  const storedHash = order && (await ctx.store.tokenHash(order.id));
  // An unknown PayPal order and a wrong token look the same.
  if (!order || !storedHash || !tokenMatches(token, storedHash)) {
    throw new ApiError(404, 'not_found', 'No such PayPal order.');
  }
  return order;
}

// PayPal's debug id is what its support asks for; its message stays in our logs.
function logFailure(
  ctx: CheckoutContext,
  orderId: string,
  what: string,
  error: PaypalError
) {
  const {status, errorName: name, issues, debugId} = error;
  ctx.logger.warn({orderId, status, name, issues, debugId}, what);
}
