/**
 * The merchant's own webhook (ORDER_WEBHOOK_URL): each order event POSTed as JSON, signed the
 * way Stripe signs its webhooks so the same verification code works, and delivered at least
 * once. The event id is also the Idempotency-Key: a merchant who stores it sees each event once.
 */
import {createHmac} from 'node:crypto';
import {toOrderResponse, type Order} from '../orders/order.js';
import type {OutboxJob} from '../orders/outbox-rows.js';

interface MerchantWebhookOptions {
  url: string;
  secret: string;
  now: () => Date;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const SIGNATURE_HEADER = 'Pay-Checkout-Signature';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` */
export function signPayload(
  payload: string,
  secret: string,
  timestamp: number
): string {
  const signature = createHmac('sha256', secret)
    .update(`${timestamp}.${payload}`)
    .digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

/**
 * The order as the merchant's webhook carries it: the buyer's view (lines and every sum, as
 * charged) plus what the merchant needs to ship and invoice. Absent fields are null, so the
 * payload's shape is the same for every order.
 */
function merchantOrder(order: Order) {
  return {
    ...toOrderResponse(order),
    discountCode: order.discountCode ?? null,
    shippingRate: order.shippingRate ?? null,
    shippingAddress: order.shippingAddress ?? null,
    billingAddress: order.billingAddress ?? null,
    email: order.email ?? null,
    amountRefunded: order.amountRefunded,
    paidAt: order.paidAt ?? null,
  };
}

export function merchantWebhook(options: MerchantWebhookOptions) {
  const send = options.fetch ?? fetch;
  return async (job: OutboxJob, order: Order): Promise<void> => {
    const created = Math.floor(options.now().getTime() / 1000);
    const body = JSON.stringify({
      id: job.id,
      type: job.event,
      created,
      data: {order: merchantOrder(order)},
    });
    // A new timestamp and signature on every attempt, so retries stay inside a receiver's tolerance.
    const response = await send(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': job.id,
        [SIGNATURE_HEADER]: signPayload(body, options.secret, created),
        'user-agent': 'pay-checkout-webhooks/1',
      },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    await response.body?.cancel();
    if (!response.ok)
      throw new Error(`the merchant webhook answered ${response.status}`);
  };
}
