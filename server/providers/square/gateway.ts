/**
 * Square behind the gateway interface: the Payments and Refunds APIs through the official SDK,
 * webhooks verified by their HMAC in webhook.ts, events translated by the table in events.ts.
 * A Square payment is charged at once from the Web Payments SDK's token (CreatePayment with
 * autocomplete), so CreatePayment's answer and the payment.* webhooks report the same payment
 * through the same rule (paymentEvent): whichever arrives first settles the order.
 */
import type {Square} from 'square';
import {ApiError} from '../../errors.js';
import type {Order} from '../../orders/order.js';
import {type PaymentEvent, unreadablePaymentEvent} from '../../orders/state.js';
import type {Gateway, GatewayDeps, OrderLookup} from '../gateway.js';
import type {SquareProvider} from './client.js';
import {
  refusedRequest,
  squareFailure,
  squarePaymentError,
  squareRefundError,
} from './errors.js';
import {
  disputeEvent,
  paymentEvent,
  paymentView,
  type SquareRefundView,
  squareRefundReports,
  translateSquareEvent,
} from './events.js';
import {createPaymentRequest} from './payment-request.js';
import {completedRefunds, refundSquarePayment} from './refund.js';
import {type SquareWebhookEvent, verifySquareWebhook} from './webhook.js';

type CreatedPayment = Awaited<ReturnType<Gateway['createPayment']>>;

/** What CreatePayment came to: a payment (in whatever status), or a decline. */
export type SquareCharge =
  | {outcome: 'created'; created: CreatedPayment; event: PaymentEvent | null}
  /**
   * Declined: `paymentId` is the FAILED payment Square made, or our key when it made none; no
   * `paymentId`: Square refused the request itself (a 4xx that is not a decline, such as an
   * unknown card nonce), so it made no payment.
   */
  | {outcome: 'refused'; paymentId?: string; error: ApiError};

export interface SquareGateway extends Gateway<'square', SquareWebhookEvent> {
  /** The location that takes a currency (any case), if one does. */
  locationFor(currency: string): string | undefined;
  /**
   * Charges the buyer's token for the order; a decline is an outcome, not a throw, so the
   * route can record the refused attempt. Anything else Square answers throws an ApiError.
   */
  charge(
    order: Order,
    attempt: Parameters<Gateway['createPayment']>[1]
  ): Promise<SquareCharge>;
}

export function createSquareGateway(
  square: SquareProvider,
  {logger, defaultCurrency}: GatewayDeps
): SquareGateway {
  const locations: Record<string, string> = {...square.locations};
  if (square.locationId) {
    if (!defaultCurrency)
      throw new Error(
        'A single Square location needs the shop’s default currency'
      );
    locations[defaultCurrency.toUpperCase()] ??= square.locationId;
  }
  const locationFor = (currency: string) => {
    const key = currency.toUpperCase();
    return Object.hasOwn(locations, key) ? locations[key] : undefined;
  };

  const logFailure = (
    what: string,
    orderId: string | undefined,
    error: unknown
  ) => {
    const failure = squareFailure(error);
    logger.warn(
      failure
        ? {
            orderId,
            status: failure.status,
            codes: failure.codes,
            categories: failure.categories,
          }
        : {orderId, error: (error as Error)?.name},
      what
    );
    return failure;
  };

  async function charge(
    order: Order,
    attempt: Parameters<Gateway['createPayment']>[1]
  ): Promise<SquareCharge> {
    const source = attempt.source;
    if (!source?.token)
      throw new ApiError(400, 'invalid_request', 'sourceId is required.');
    const locationId = locationFor(order.currency);
    if (!locationId)
      throw new ApiError(
        400,
        'currency_not_supported',
        `Square does not take ${order.currency.toUpperCase()} in this shop.`
      );
    const request = createPaymentRequest(
      order,
      attempt.number,
      source,
      locationId
    );
    let payment: Square.Payment | undefined;
    try {
      ({payment} = await square.client.payments.create(request));
    } catch (error) {
      // The order stays pending unless Square declined: if Square did take the payment before
      // the call failed, its payment.* webhook (reference_id) still finds the order.
      const failure = logFailure(
        'creating the Square payment failed',
        order.id,
        error
      );
      if (!failure) throw error;
      const mapped = squarePaymentError(failure);
      if (mapped.code !== 'card_declined') {
        if (refusedRequest(failure)) return {outcome: 'refused', error: mapped};
        throw mapped;
      }
      return {
        outcome: 'refused',
        paymentId: failure.paymentId ?? request.idempotencyKey,
        error: mapped,
      };
    }
    const view = payment && paymentView(payment as never, 'camel');
    if (!view || 'problem' in view) {
      logger.error(
        {orderId: order.id, problem: view?.problem ?? 'no payment'},
        'Square answered CreatePayment without a readable payment'
      );
      throw squarePaymentError({codes: [], categories: [], unanswered: false});
    }
    // Square's decline may also come as a 200 with a FAILED payment.
    if (view.status === 'FAILED')
      return {
        outcome: 'refused',
        paymentId: view.id,
        error: new ApiError(402, 'card_declined', 'The card was declined.'),
      };
    return {
      outcome: 'created',
      created: {
        paymentId: view.id,
        amount: order.total,
        currency: order.currency,
      },
      event: paymentEvent(order, view),
    };
  }

  // A 5xx when Square cannot be asked: it delivers the event again later.
  async function refundedTotal(order: Order, refund: SquareRefundView) {
    try {
      return await completedRefunds(square.client, order, refund);
    } catch (error) {
      logFailure('reading a refunded Square payment failed', order.id, error);
      throw new ApiError(
        503,
        'provider_unavailable',
        'Square could not be asked about the refunded payment.'
      );
    }
  }

  async function findOrder(
    orders: OrderLookup,
    paymentId: string,
    orderId?: string
  ): Promise<Order | undefined> {
    if (orderId) {
      const order = await orders.get(orderId);
      if (order) return order;
    }
    return orders.byPayment(paymentId);
  }

  return {
    name: 'square',

    browserConfig: () => ({
      applicationId: square.applicationId,
      locations: {...locations},
      environment: square.environment,
      ...(square.sdkUrl && {sdkUrl: square.sdkUrl}),
    }),

    locationFor,
    charge,

    async createPayment(order, attempt) {
      const result = await charge(order, attempt);
      if (result.outcome === 'refused') throw result.error;
      return result.created;
    },

    async verifyWebhook(rawBody, header) {
      const event = verifySquareWebhook(rawBody, header, {
        signatureKey: square.webhookSignatureKey,
        notificationUrl: square.webhookUrl,
      });
      return {id: event.event_id, type: event.type, body: event};
    },

    refundReports: ({body}) => squareRefundReports(body),

    async translate({body: event}, orders) {
      const report = translateSquareEvent(event);
      if (!report) return null;
      const ignore = (problem: string) => {
        logger.warn(
          {eventId: event.event_id, type: event.type, problem},
          'Square webhook with a field of the wrong type; ignored'
        );
        return null;
      };
      if (report.kind === 'unreadable') return ignore(report.problem);

      let order: Order | undefined;
      let paymentEventOf: (order: Order) => Promise<PaymentEvent | null>;
      if (report.kind === 'payment') {
        const {payment} = report;
        order = await findOrder(orders, payment.id, payment.referenceId);
        paymentEventOf = async (found) => paymentEvent(found, payment);
      } else if (report.kind === 'refund') {
        const {refund} = report;
        // Only a completed refund gave money back; PENDING waits for its refund.updated.
        if (refund.status !== 'COMPLETED') return null;
        order = await orders.byPayment(refund.paymentId);
        paymentEventOf = async (found) => ({
          type: 'refunded',
          paymentId: refund.paymentId,
          amountRefunded: await refundedTotal(found, refund),
        });
      } else {
        const {dispute} = report;
        order = await orders.byPayment(dispute.paymentId);
        paymentEventOf = async (found) => disputeEvent(found, dispute);
      }
      if (!order) {
        logger.info(
          {eventId: event.event_id, type: event.type},
          'Square webhook for a payment we did not create; ignored'
        );
        return null;
      }
      const paymentEventFound = await paymentEventOf(order);
      if (!paymentEventFound) return null;
      const unreadable = unreadablePaymentEvent(paymentEventFound);
      if (unreadable) return ignore(unreadable);
      return {order, event: paymentEventFound};
    },

    // GetPayment by the stored payment id; it never moves money.
    async readPayment(order) {
      if (!order.providerPaymentId) return null;
      try {
        const {payment} = await square.client.payments.get({
          paymentId: order.providerPaymentId,
        });
        const view = payment && paymentView(payment as never, 'camel');
        if (!view || 'problem' in view) return null;
        const event = paymentEvent(order, view);
        return event && !unreadablePaymentEvent(event) ? event : null;
      } catch (error) {
        logFailure('reading the Square payment failed', order.id, error);
        return null;
      }
    },

    async refund(order, amount, key) {
      try {
        return await refundSquarePayment(square.client, order, amount, key);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        const failure = logFailure(
          'refunding through Square failed',
          order.id,
          error
        );
        if (!failure) throw error;
        throw squareRefundError(failure);
      }
    },
  };
}
