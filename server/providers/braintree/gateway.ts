/**
 * Braintree behind the gateway interface: sales of the Drop-in's nonce through the official
 * SDK, webhooks verified and parsed by it (webhook.ts), notifications translated by the table
 * in events.ts, refunds and voids in refund.ts.
 */
import type braintree from 'braintree';
import {ApiError} from '../../errors.js';
import type {Order} from '../../orders/order.js';
import {type PaymentEvent, unreadablePaymentEvent} from '../../orders/state.js';
import type {Gateway, GatewayDeps} from '../gateway.js';
import {braintreeOrderId, type BraintreeProvider} from './client.js';
import {
  braintreeCallError,
  type FailedSale,
  outcomeUnknown,
  saleError,
  validationCodes,
} from './declines.js';
import {
  braintreeRefundReports,
  translateBraintreeNotification,
} from './events.js';
import {toBraintreeAmount} from './money.js';
import {refundBraintreeTransaction} from './refund.js';
import {
  type BraintreeTransactionFields,
  eventFromTransaction,
  REFUSED,
} from './transactions.js';
import {type BraintreeNotification, verifyBraintreeWebhook} from './webhook.js';

/** A sale's outcome: the transaction and what it means, or the contract's refusal. */
export type SaleOutcome =
  | {ok: true; paymentId: string; event: PaymentEvent | null}
  /**
   * `paymentId`: the refused transaction, when Braintree made one (declines and rejections do);
   * `refusedBeforeSale`: Braintree answered and made none (a validation error, such as a spent
   * nonce), so no sale exists.
   */
  | {ok: false; error: ApiError; paymentId?: string; refusedBeforeSale?: true};

export interface BraintreeGateway extends Gateway<
  'braintree',
  BraintreeNotification
> {
  /** A client token for Drop-in, for the merchant account of the currency. */
  clientToken(currency: string): Promise<string>;
  /** createPayment, answering the refusal instead of throwing it (the route records it). */
  sale(
    order: Order,
    attempt: Parameters<Gateway['createPayment']>[1]
  ): Promise<SaleOutcome>;
}

const notTaken = (currency: string) =>
  new ApiError(
    400,
    'currency_not_supported',
    `Braintree does not take ${currency.toUpperCase()} on this shop.`
  );

export function createBraintreeGateway(
  braintreeProvider: BraintreeProvider,
  {logger}: GatewayDeps
): BraintreeGateway {
  const {client, merchantAccounts} = braintreeProvider;

  // A transaction Braintree holds for this order and attempt, if any: Braintree has no
  // idempotency key, so a sale whose answer was lost (or a retried attempt) is found by its orderId.
  async function findSale(
    orderId: string
  ): Promise<BraintreeTransactionFields | undefined> {
    const found: BraintreeTransactionFields[] = [];
    for await (const transaction of client.transaction.search((search) =>
      search.orderId().is(orderId)
    ))
      found.push(transaction as BraintreeTransactionFields);
    // A successful one first: it is the payment; a refused one is the attempt's answer.
    return (
      found.find(
        (t) => typeof t.status === 'string' && !REFUSED.has(t.status)
      ) ?? found[0]
    );
  }

  function outcomeOf(
    order: Order,
    transaction: BraintreeTransactionFields,
    failed?: FailedSale
  ): SaleOutcome {
    const paymentId = transaction.id as string;
    if (
      typeof transaction.status === 'string' &&
      REFUSED.has(transaction.status)
    ) {
      logger.warn(
        {
          orderId: order.id,
          transactionId: paymentId,
          status: transaction.status,
          processorResponseCode: transaction.processorResponseCode,
          processorResponseType: transaction.processorResponseType,
          gatewayRejectionReason: transaction.gatewayRejectionReason,
          message: failed?.message,
        },
        'Braintree refused the sale'
      );
      return {ok: false, error: saleError({...failed, transaction}), paymentId};
    }
    const event = eventFromTransaction(transaction);
    return {
      ok: true,
      paymentId,
      event: event && !unreadablePaymentEvent(event) ? event : null,
    };
  }

  async function sale(
    order: Order,
    attempt: Parameters<Gateway['createPayment']>[1]
  ): Promise<SaleOutcome> {
    const merchantAccountId = merchantAccounts.get(order.currency);
    if (!merchantAccountId) return {ok: false, error: notTaken(order.currency)};
    const nonce = attempt.source?.token;
    if (!nonce)
      return {
        ok: false,
        error: new ApiError(
          400,
          'invalid_request',
          'A payment method nonce is required.'
        ),
      };
    const orderId = braintreeOrderId(order.id, attempt.number);
    try {
      // A later attempt at the same order: the one Braintree may already have made answers.
      if (attempt.number > 1) {
        const existing = await findSale(orderId);
        if (existing) return outcomeOf(order, existing);
      }
      // The amount is our repricing's, never the browser's.
      const result = await client.transaction.sale({
        amount: toBraintreeAmount(order.total, order.currency),
        paymentMethodNonce: nonce,
        ...(attempt.source?.deviceData && {
          deviceData: attempt.source.deviceData,
        }),
        orderId,
        merchantAccountId,
        options: {submitForSettlement: true},
      });
      if (result.success)
        return outcomeOf(
          order,
          result.transaction as BraintreeTransactionFields
        );
      const failed = result as unknown as FailedSale;
      if (failed.transaction && typeof failed.transaction.id === 'string')
        return outcomeOf(
          order,
          failed.transaction as BraintreeTransactionFields,
          failed
        );
      logger.warn(
        {
          orderId: order.id,
          codes: validationCodes(failed),
          message: failed.message,
        },
        'Braintree refused the sale request'
      );
      return {ok: false, error: saleError(failed), refusedBeforeSale: true};
    } catch (error) {
      const mapped = braintreeCallError(error);
      logger.warn(
        {
          orderId: order.id,
          error: (error as {type?: string}).type ?? (error as Error).name,
        },
        'the Braintree sale failed'
      );
      // No answer: the sale may have been made. If Braintree has it, it is the answer.
      if (outcomeUnknown(mapped)) {
        try {
          const existing = await findSale(orderId);
          if (existing) return outcomeOf(order, existing);
        } catch {
          // Still no answer: the order stays pending, and reconciliation cannot find a sale
          // it has no id for; the buyer's retry is a new order.
        }
      }
      return {ok: false, error: mapped};
    }
  }

  return {
    name: 'braintree',

    browserConfig: () => ({
      currencies: [...merchantAccounts.keys()].map((c) => c.toUpperCase()),
      environment: braintreeProvider.environment,
      ...(braintreeProvider.sdkUrl && {sdkUrl: braintreeProvider.sdkUrl}),
      ...(braintreeProvider.paypal && {paypal: true}),
    }),

    async clientToken(currency) {
      const merchantAccountId = merchantAccounts.get(currency.toLowerCase());
      if (!merchantAccountId) throw notTaken(currency);
      let result;
      try {
        result = await client.clientToken.generate({merchantAccountId});
      } catch (error) {
        logger.warn(
          {error: (error as {type?: string}).type ?? (error as Error).name},
          'generating a Braintree client token failed'
        );
        throw braintreeCallError(error);
      }
      if (
        !result.success ||
        typeof result.clientToken !== 'string' ||
        !result.clientToken
      ) {
        logger.warn(
          {codes: validationCodes(result as unknown as FailedSale)},
          'Braintree refused a client token'
        );
        throw new ApiError(
          502,
          'provider_error',
          'The payment provider refused the request.'
        );
      }
      return result.clientToken;
    },

    sale,

    async createPayment(order, attempt) {
      const outcome = await sale(order, attempt);
      if (!outcome.ok) throw outcome.error;
      return {
        paymentId: outcome.paymentId,
        amount: order.total,
        currency: order.currency,
      };
    },

    verifyWebhook: (rawBody) => verifyBraintreeWebhook(client, rawBody),

    // Braintree's destination check (guides/webhooks/overview, "Verify the destination"):
    // `GET ?bt_challenge=<hex>` answered `publicKey|HMAC` by the SDK, which refuses non-hex.
    webhookChallenge(query) {
      const challenge = query('bt_challenge');
      if (!challenge || !/^[a-f0-9]{20,32}$/.test(challenge)) return undefined;
      return (
        client.webhookNotification as unknown as {
          verify(challenge: string): string;
        }
      ).verify(challenge);
    },

    refundReports: ({body}) => braintreeRefundReports(body),

    async translate({id, body: notification}, orders) {
      const report = translateBraintreeNotification(notification);
      if (report === null) {
        if (notification.kind === 'refund_failed')
          // A refund Braintree accepted and the bank then refused (ACH, mostly): its row is
          // failed (refundReports), but no event of the state machine undoes the order's
          // refunded total, so it is for the merchant to look at.
          logger.error(
            {eventId: id, transactionId: notification.transaction?.id},
            'Braintree says a refund failed: check it in the Control Panel'
          );
        return null;
      }
      if (typeof report === 'string') {
        logger.warn(
          {eventId: id, kind: notification.kind, problem: report},
          'Braintree notification with a field of the wrong type; ignored'
        );
        return null;
      }
      // By the transaction, which we stored when the sale answered; failing that, by our own id
      // in its orderId. The state machine then checks that it is the order's payment.
      const order =
        (await orders.byPayment(report.transactionId)) ??
        (report.orderId ? await orders.get(report.orderId) : undefined);
      if (!order) {
        logger.info(
          {eventId: id, kind: notification.kind},
          'Braintree notification for a transaction we did not make; ignored'
        );
        return null;
      }
      const event = report.event(order);
      if (!event) return null;
      const unreadable = unreadablePaymentEvent(event);
      if (unreadable) {
        logger.warn(
          {eventId: id, kind: notification.kind, problem: unreadable},
          'Braintree notification with a field of the wrong type; ignored'
        );
        return null;
      }
      return {order, event};
    },

    async readPayment(order) {
      if (!order.providerPaymentId) return null;
      let transaction: BraintreeTransactionFields;
      try {
        transaction = (await client.transaction.find(
          order.providerPaymentId
        )) as BraintreeTransactionFields;
      } catch (error) {
        logger.warn(
          {
            orderId: order.id,
            error: (error as {type?: string}).type ?? (error as Error).name,
          },
          'reading the transaction from Braintree failed'
        );
        return null;
      }
      const event = eventFromTransaction(transaction);
      return event && !unreadablePaymentEvent(event) ? event : null;
    },

    refund: (order, amount, key) =>
      refundBraintreeTransaction(
        client as braintree.BraintreeGateway,
        logger,
        order,
        amount,
        key
      ),
  };
}
