/**
 * Square webhooks by hand: a server with Square configured (its API on a port nothing listens
 * on, unless given), orders seeded straight into the store, and events signed as Square signs
 * them, for the configured notification URL.
 */
import {createHmac} from 'node:crypto';
import type {Order} from '../../server/orders/order.js';
import type {OrderStore} from '../../server/orders/store.js';
import {
  createSquareProvider,
  type SquareSettings,
} from '../../server/providers/square/client.js';
import {makeServer, type TestServer} from './helpers.js';

export const SIGNATURE_KEY = 'square-signature-key-for-tests';
export const NOTIFICATION_URL = 'https://shop.example/api/webhooks/square';

export async function squareServer(
  options: Parameters<typeof makeServer>[0] & {
    squareSettings?: Partial<SquareSettings>;
  } = {}
): Promise<TestServer> {
  const {squareSettings, ...rest} = options;
  return makeServer({
    square: createSquareProvider({
      accessToken: 'EAAA-test',
      applicationId: 'sandbox-sq0idb-test',
      locations: {USD: 'L_USD', EUR: 'L_EUR'},
      webhookSignatureKey: SIGNATURE_KEY,
      webhookUrl: NOTIFICATION_URL,
      // Nothing listens here: tests that reach Square pass the emulator's URL instead.
      apiBase: 'http://127.0.0.1:9',
      maxRetries: 0,
      timeoutMs: 2000,
      ...squareSettings,
    }),
    ...rest,
  });
}

/** base64(HMAC-SHA256(key, url + body)), computed here independently of the server's code. */
export function sign(
  body: string,
  url = NOTIFICATION_URL,
  key = SIGNATURE_KEY
): string {
  return createHmac('sha256', key)
    .update(url + body)
    .digest('base64');
}

export function deliver(
  server: TestServer,
  body: string,
  headers: Record<string, string> = {
    'x-square-hmacsha256-signature': sign(body),
  }
) {
  return server.app.request('/api/webhooks/square', {
    method: 'POST',
    headers: {'content-type': 'application/json', ...headers},
    body,
  });
}

let events = 0;

/** A Square event envelope (api.json PaymentUpdatedEvent and the others). */
export function squareEvent(
  type: string,
  object: Record<string, unknown>,
  eventId = `evt-${process.pid}-${++events}`
): string {
  const kind = Object.keys(object)[0];
  const inner = object[kind] as {id?: string};
  return JSON.stringify({
    merchant_id: 'MLTEST',
    type,
    event_id: eventId,
    created_at: new Date().toISOString(),
    data: {type: kind, id: inner?.id, object},
  });
}

export function payment(
  orderId: string,
  paymentId: string,
  fields: Record<string, unknown> = {}
) {
  return {
    payment: {
      id: paymentId,
      status: 'COMPLETED',
      amount_money: {amount: 5000, currency: 'USD'},
      total_money: {amount: 5000, currency: 'USD'},
      reference_id: orderId,
      location_id: 'L_USD',
      source_type: 'CARD',
      ...fields,
    },
  };
}

/** A pending Square order of 50.00 USD (two tees), straight through the store. */
export async function seedSquareOrder(
  store: OrderStore,
  id: string,
  paymentId?: string,
  total = 5000,
  tokenHash = 'unused-token-hash'
): Promise<Order> {
  await store.create(
    {
      id,
      provider: 'square',
      currency: 'usd',
      subtotal: total,
      discount: 0,
      shipping: 0,
      tax: 0,
      taxInclusive: false,
      total,
      lines: [
        {
          sku: 'tee-black-m',
          name: 'Black tee, size M',
          unitAmount: total / 2,
          quantity: 2,
          amount: total,
          discount: 0,
          tax: 0,
          shippable: true,
        },
      ],
      email: 'buyer@example.com',
    },
    tokenHash
  );
  if (paymentId) await store.update(id, () => ({providerPaymentId: paymentId}));
  return (await store.get(id))!;
}
