/**
 * PayPal behind the gateway interface: Orders v2 through our client, webhooks verified offline
 * (or by postback) in signature.ts, events translated by the table in events.ts. Its capture
 * (onApprove) is PayPal's own step, used by its routes; the capture response and the webhook go
 * through the same rule (captureEvent), so whichever arrives first settles the order.
 */
import {ApiError} from '../../errors.js';
import type {Order} from '../../orders/order.js';
import {type PaymentEvent, unreadablePaymentEvent} from '../../orders/state.js';
import type {Gateway, GatewayDeps, OrderLookup} from '../gateway.js';
import type {PaypalProvider} from './client.js';
import {
  captureEvent,
  captureOf,
  type PaypalReport,
  type PaypalWebhookEvent,
  paypalRefundReports,
  translatePaypalEvent,
} from './events.js';
import type {ShippingRate} from '../../contract.js';
import {paypalApiError, paypalCreateRequestId} from './orders.js';
import {paypalRefundError, refundPaypalOrder} from './refund.js';
import {
  type PricedOrder,
  paypalOrderRequest,
  paypalRepricePatch,
} from './purchase-unit.js';
import {PaypalError, type PaypalOrder} from './types.js';

export interface PaypalGateway extends Gateway<'paypal', PaypalWebhookEvent> {
  /** createPayment, offering the buyer every rate for the address in PayPal's window. */
  createOrder(
    order: Order,
    rates: readonly ShippingRate[]
  ): ReturnType<Gateway['createPayment']>;
  /**
   * PATCHes the PayPal order to a new pricing of the same order (PayPal's window changed the
   * address or the rate): amount, breakdown and shipping options. Throws an ApiError.
   */
  reprice(
    paypalOrderId: string,
    before: PricedOrder,
    after: PricedOrder,
    rates: readonly ShippingRate[]
  ): Promise<void>;
  /** Captures an approved PayPal order (PayPal-Request-Id per order and attempt). */
  capture(paypalOrderId: string, requestId: string): Promise<PaypalOrder>;
  getOrder(paypalOrderId: string): Promise<PaypalOrder>;
  /** What a PayPal order (a capture response, or one read back) says about our order. */
  eventFor(order: Order, paypalOrder: PaypalOrder): PaymentEvent | null;
}

export function createPaypalGateway(
  paypal: PaypalProvider,
  {logger}: GatewayDeps
): PaypalGateway {
  const eventFor = (order: Order, paypalOrder: PaypalOrder) => {
    const capture = captureOf(paypalOrder);
    return (capture && captureEvent(order, capture, paypalOrder.id)) ?? null;
  };

  // By the PayPal order the resource names, which we stored when we created it; failing that,
  // by our own id in custom_id (the PayPal order was created but storing its id did not
  // happen). The state machine then checks that the PayPal order is the order's own.
  async function findOrder(
    orders: OrderLookup,
    report: PaypalReport
  ): Promise<Order | undefined> {
    if (report.paypalOrderId) {
      const order = await orders.byPayment(report.paypalOrderId);
      if (order) return order;
    }
    if (report.orderId) {
      const order = await orders.get(report.orderId);
      if (order) return order;
    }
    if (report.captureId) {
      const paypalOrderId = await paypalOrderOfCapture(report.captureId);
      if (paypalOrderId) return orders.byPayment(paypalOrderId);
    }
    return undefined;
  }

  // A dispute may name only the capture: PayPal knows which order it belongs to. Unknown to
  // PayPal means not ours; PayPal not answering means try again later (a 5xx, so it retries).
  async function paypalOrderOfCapture(
    captureId: string
  ): Promise<string | undefined> {
    try {
      const capture = await paypal.client.getCapture(captureId);
      return capture.supplementary_data?.related_ids?.order_id;
    } catch (error) {
      if (
        error instanceof PaypalError &&
        error.status >= 400 &&
        error.status < 500
      )
        return undefined;
      logger.warn(
        {captureId, error: (error as Error).message},
        'reading a disputed PayPal capture failed'
      );
      throw new ApiError(
        503,
        'provider_unavailable',
        'PayPal could not be asked about the disputed capture.'
      );
    }
  }

  // The amounts come from our repricing, never from the browser; custom_id and invoice_id
  // carry our order id, so every capture, refund and dispute can be traced back to it.
  async function createOrder(order: Order, rates?: readonly ShippingRate[]) {
    try {
      const created = await paypal.client.createOrder(
        paypalOrderRequest(order, rates),
        paypalCreateRequestId(order.id)
      );
      return {
        paymentId: created.id,
        amount: order.total,
        currency: order.currency,
      };
    } catch (error) {
      // The order stays pending; without a PayPal order no payment can ever reach it.
      if (!(error instanceof PaypalError)) throw error;
      logPaypalFailure(
        logger,
        order.id,
        'creating the PayPal order failed',
        error
      );
      throw paypalApiError(error);
    }
  }

  return {
    name: 'paypal',

    browserConfig: () => ({
      clientId: paypal.clientId,
      // The JS SDK's name for live.
      environment: paypal.environment === 'live' ? 'production' : 'sandbox',
      ...(paypal.sdkBaseUrl && {sdkBaseUrl: paypal.sdkBaseUrl}),
    }),

    createPayment: (order) => createOrder(order),
    // PayPal signs the CRC-32 of the exact bytes it sent: they are verified as bytes, before
    // any decoding or parsing.
    async verifyWebhook(rawBody, header) {
      if (rawBody.length === 0)
        throw new ApiError(
          400,
          'invalid_signature',
          'The webhook body is empty.'
        );
      await paypal.webhooks.verify(header, rawBody);
      const event = parsePaypalEvent(rawBody);
      return {id: event.id, type: event.event_type, body: event};
    },

    refundReports: ({body}) => paypalRefundReports(body),

    async translate({body: event}, orders) {
      const report = translatePaypalEvent(event);
      if (!report) return null;
      if (report.unreadable) {
        logger.warn(
          {
            eventId: event.id,
            type: event.event_type,
            problem: report.unreadable,
          },
          'PayPal webhook with an id of the wrong type; ignored'
        );
        return null;
      }
      const order = await findOrder(orders, report);
      const paymentId = report.paypalOrderId ?? order?.providerPaymentId;
      if (!order || !paymentId) {
        logger.info(
          {eventId: event.id, type: event.event_type},
          'PayPal webhook for an order we did not create; ignored'
        );
        return null;
      }
      const paymentEvent = report.event(order, paymentId);
      if (!paymentEvent) return null;
      const unreadable = unreadablePaymentEvent(paymentEvent);
      if (unreadable) {
        logger.warn(
          {eventId: event.id, type: event.event_type, problem: unreadable},
          'PayPal webhook with a field of the wrong type; ignored'
        );
        return null;
      }
      return {order, event: paymentEvent};
    },

    // Its PayPal order's capture, if it has one; it never captures by itself.
    async readPayment(order) {
      if (!order.providerPaymentId) return null;
      let paypalOrder: PaypalOrder;
      try {
        paypalOrder = await paypal.client.getOrder(order.providerPaymentId);
      } catch (error) {
        logger.warn(
          {orderId: order.id, error: (error as Error).message},
          'reading the PayPal order failed'
        );
        return null;
      }
      return eventFor(order, paypalOrder);
    },

    async refund(order, amount, key) {
      try {
        return await refundPaypalOrder(paypal.client, order, amount, key);
      } catch (error) {
        if (!(error instanceof PaypalError)) throw error;
        logPaypalFailure(
          logger,
          order.id,
          'refunding through PayPal failed',
          error
        );
        throw paypalRefundError(error);
      }
    },

    createOrder,

    async reprice(paypalOrderId, before, after, rates) {
      try {
        await paypal.client.patchOrder(
          paypalOrderId,
          paypalRepricePatch(before, after, rates)
        );
      } catch (error) {
        if (!(error instanceof PaypalError)) throw error;
        logPaypalFailure(
          logger,
          after.id,
          'repricing the PayPal order failed',
          error
        );
        throw paypalApiError(error);
      }
    },

    capture: (paypalOrderId, requestId) =>
      paypal.client.captureOrder(paypalOrderId, requestId),
    getOrder: (paypalOrderId) => paypal.client.getOrder(paypalOrderId),
    eventFor,
  };
}

/** The verified body as an event, or a 400: a signed body that is not an event is still not one. */
function parsePaypalEvent(body: Uint8Array): PaypalWebhookEvent {
  let event: Partial<PaypalWebhookEvent> | undefined;
  try {
    event = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(body));
  } catch {
    throw new ApiError(400, 'invalid_request', 'The webhook body is not JSON.');
  }
  if (
    typeof event?.id !== 'string' ||
    !event.id ||
    event.id.length > 255 ||
    typeof event.event_type !== 'string' ||
    typeof event.resource !== 'object' ||
    event.resource === null
  ) {
    throw new ApiError(
      400,
      'invalid_request',
      'The body is not a PayPal webhook event.'
    );
  }
  return event as PaypalWebhookEvent;
}

// PayPal's debug id is what its support asks for; its message stays in our logs.
export function logPaypalFailure(
  logger: GatewayDeps['logger'],
  orderId: string,
  what: string,
  error: PaypalError
) {
  const {status, errorName: name, issues, debugId} = error;
  logger.warn({orderId, status, name, issues, debugId}, what);
}
