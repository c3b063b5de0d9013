/**
 * Stripe behind the gateway interface: PaymentIntents (the embedded Payment Element) and
 * Checkout Sessions (hosted Checkout), webhooks verified with stripe-node, events translated by
 * the table in events.ts.
 */
import type Stripe from 'stripe';
import {ApiError} from '../../errors.js';
import {unreadablePaymentEvent} from '../../orders/state.js';
import type {Gateway, GatewayDeps, WebhookEvent} from '../gateway.js';
import {
  checkoutSessionIdempotencyKey,
  couponIdempotencyKey,
  paymentIntentIdempotencyKey,
  stripeApiError,
  stripeRefundError,
  type StripeProvider,
} from './client.js';
import {
  reportFromIntent,
  reportFromSession,
  stripeRefundReports,
  translateStripeEvent,
  unreadableStripeReport,
} from './events.js';
import {
  checkoutSessionParams,
  couponParams,
  paymentIntentParams,
} from './payloads.js';
import {verifyStripeWebhook} from './webhook.js';

export type StripeGateway = Gateway<'stripe', Stripe.Event>;

export function createStripeGateway(
  stripe: StripeProvider,
  {logger, now}: GatewayDeps
): StripeGateway {
  return {
    name: 'stripe',

    browserConfig: () => ({
      publishableKey: stripe.publishableKey,
      ...(stripe.jsUrl && {jsUrl: stripe.jsUrl}),
    }),

    async createPayment(order, attempt) {
      // The amount comes from our repricing, never from the browser: the buyer is charged
      // the catalog price whatever the page said.
      if (!attempt.hosted) {
        let intent;
        try {
          intent = await stripe.client.paymentIntents.create(
            paymentIntentParams(order),
            // A network retry of this same call reuses the key: one order, one PaymentIntent.
            {
              idempotencyKey: paymentIntentIdempotencyKey(
                order.id,
                attempt.number
              ),
            }
          );
        } catch (error) {
          // The order stays pending: if Stripe did create the intent before the call failed,
          // its webhook (metadata.order_id) still finds the order and settles it.
          logger.warn(
            {orderId: order.id, error: (error as Error).name},
            'creating the PaymentIntent failed'
          );
          throw stripeApiError(error);
        }
        return {
          paymentId: intent.id,
          clientSecret: intent.client_secret!,
          amount: intent.amount,
          currency: intent.currency,
        };
      }

      let session;
      try {
        // Stripe's page computes its own total from the parts (payloads.ts says how they are
        // chosen so that it is ours to the minor unit); the discount needs a coupon first.
        const coupon = couponParams(order);
        const couponId = coupon
          ? (
              await stripe.client.coupons.create(coupon, {
                idempotencyKey: couponIdempotencyKey(order.id, attempt.number),
              })
            ).id
          : null;
        session = await stripe.client.checkout.sessions.create(
          checkoutSessionParams(order, attempt.hosted, couponId),
          {
            idempotencyKey: checkoutSessionIdempotencyKey(
              order.id,
              attempt.number
            ),
          }
        );
      } catch (error) {
        logger.warn(
          {orderId: order.id, error: (error as Error).name},
          'creating the Checkout Session failed'
        );
        throw stripeApiError(error);
      }
      if (session.amount_total !== order.total) {
        // Never send the buyer to a page that charges another amount than the order's.
        logger.error(
          {
            orderId: order.id,
            sessionTotal: session.amount_total,
            orderTotal: order.total,
          },
          'the Checkout Session does not add up to the order total'
        );
        throw stripeApiError(new Error('total mismatch'));
      }
      return {
        paymentId: session.id,
        url: session.url!,
        amount: session.amount_total,
        currency: session.currency ?? order.currency,
      };
    },

    async verifyWebhook(rawBody, header) {
      const event = await verifyStripeWebhook(
        stripe,
        new TextDecoder().decode(rawBody),
        header('stripe-signature'),
        now()
      );
      return {id: event.id, type: event.type, body: event};
    },

    refundReports: ({body}: WebhookEvent<Stripe.Event>) =>
      stripeRefundReports(body),

    async translate({body: event}: WebhookEvent<Stripe.Event>, orders) {
      const report = translateStripeEvent(event);
      if (!report) return null;
      const unreadable = unreadableStripeReport(report);
      if (unreadable) {
        logger.warn(
          {eventId: event.id, type: event.type, problem: unreadable},
          'stripe webhook with a field of the wrong type; ignored'
        );
        return null;
      }
      // Found by our own order id when the event carries it, else by the intent it concerns.
      // Either way the state machine checks that the intent is the order's current one.
      const order = report.orderId
        ? await orders.get(report.orderId)
        : await orders.byPayment(report.event.paymentId);
      if (!order) {
        logger.info(
          {eventId: event.id, type: event.type},
          'webhook for an object we did not create; ignored'
        );
        return null;
      }
      return {order, event: report.event};
    },

    // Its PaymentIntent, or its Checkout Session for hosted Checkout.
    async readPayment(order) {
      const paymentId = order.providerPaymentId;
      if (!paymentId) return null;
      try {
        const report = paymentId.startsWith('cs_')
          ? reportFromSession(
              await stripe.client.checkout.sessions.retrieve(paymentId)
            )
          : reportFromIntent(
              await stripe.client.paymentIntents.retrieve(paymentId)
            );
        return report && !unreadablePaymentEvent(report) ? report : null;
      } catch (error) {
        logger.warn(
          {orderId: order.id, error: (error as Error).name},
          'reading the payment from Stripe failed'
        );
        return null;
      }
    },

    async refund(order, amount, key) {
      const paymentId = order.providerPaymentId;
      if (!paymentId)
        throw new ApiError(
          409,
          'order_not_refundable',
          'The order has no payment.'
        );
      try {
        // A hosted Checkout order is refunded through the PaymentIntent its session made.
        const intent = paymentId.startsWith('cs_')
          ? (await stripe.client.checkout.sessions.retrieve(paymentId))
              .payment_intent
          : paymentId;
        if (!intent)
          throw new ApiError(
            409,
            'order_not_refundable',
            'The order is not paid.'
          );
        const refund = await stripe.client.refunds.create(
          {
            payment_intent: typeof intent === 'string' ? intent : intent.id,
            amount,
            metadata: {order_id: order.id},
          },
          {idempotencyKey: key}
        );
        return {refundId: refund.id, status: refundStatus(refund.status)};
      } catch (error) {
        if (error instanceof ApiError) throw error;
        logger.warn(
          {
            orderId: order.id,
            error: (error as Error).name,
            code: (error as {code?: unknown}).code,
          },
          'refunding through Stripe failed'
        );
        throw stripeRefundError(error);
      }
    },
  };
}

/**
 * Stripe's refund statuses (docs.stripe.com/api/refunds/object#refund_object-status):
 * `succeeded` is done; `pending` and `requires_action` settle later (refund.updated says);
 * `failed` and `canceled` gave nothing back.
 */
function refundStatus(
  status: string | null
): 'succeeded' | 'pending' | 'failed' {
  if (status === 'succeeded') return 'succeeded';
  return status === 'failed' || status === 'canceled' ? 'failed' : 'pending';
}
