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
  paymentIntentIdempotencyKey,
  stripeApiError,
  type StripeProvider,
} from './client.js';
import {
  reportFromIntent,
  reportFromSession,
  translateStripeEvent,
  unreadableStripeReport,
} from './events.js';
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
            {
              amount: order.total,
              currency: order.currency,
              automatic_payment_methods: {enabled: true},
              metadata: {order_id: order.id},
              ...(order.email && {receipt_email: order.email}),
            },
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
            success_url: attempt.hosted.successUrl,
            cancel_url: attempt.hosted.cancelUrl,
            client_reference_id: order.id,
            metadata: {order_id: order.id},
            payment_intent_data: {metadata: {order_id: order.id}},
            ...(order.email && {customer_email: order.email}),
          },
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
      return {
        paymentId: session.id,
        url: session.url!,
        amount: session.amount_total ?? order.total,
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
        throw new ApiError(409, 'invalid_request', 'The order has no payment.');
      try {
        // A hosted Checkout order is refunded through the PaymentIntent its session made.
        const intent = paymentId.startsWith('cs_')
          ? (await stripe.client.checkout.sessions.retrieve(paymentId))
              .payment_intent
          : paymentId;
        if (!intent)
          throw new ApiError(409, 'invalid_request', 'The order is not paid.');
        await stripe.client.refunds.create(
          {
            payment_intent: typeof intent === 'string' ? intent : intent.id,
            amount,
          },
          {idempotencyKey: key}
        );
      } catch (error) {
        if (error instanceof ApiError) throw error;
        logger.warn(
          {orderId: order.id, error: (error as Error).name},
          'refunding through Stripe failed'
        );
        throw stripeApiError(error);
      }
    },
  };
}
