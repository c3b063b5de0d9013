/** Builds servers for tests: an in-memory store, the demo catalog, and Stripe where asked. */
import {readFileSync} from 'node:fs';
import Stripe from 'stripe';
import {createCheckout, type CheckoutServerOptions} from '../../server/app.js';
import {type Catalog, parseCatalog} from '../../server/catalog.js';
import type {Order} from '../../server/orders/order.js';
import {createSqlStore} from '../../server/orders/sql-store.js';
import type {OrderStore} from '../../server/orders/store.js';
import {
  createStripeProvider,
  type StripeSettings,
} from '../../server/providers/stripe.js';

export const WEBHOOK_SECRET = 'whsec_test_secret_for_unit_tests';

export function demoCatalog(): Catalog {
  return parseCatalog(
    JSON.parse(readFileSync('demo/catalog.json', 'utf8')),
    'demo/catalog.json'
  );
}

export interface TestServer {
  app: ReturnType<typeof createCheckout>['app'];
  outbox: ReturnType<typeof createCheckout>['outbox'];
  reconciler: ReturnType<typeof createCheckout>['reconciler'];
  store: OrderStore;
  /** Every order the fulfilment hook received so far. The hook runs from the outbox, after the
   * request that marked the order paid: await settled() (or outbox.idle()) before reading it. */
  fulfilled: Order[];
  /** Waits for the outbox, then answers `fulfilled`. */
  settled(): Promise<Order[]>;
  close(): Promise<void>;
}

export async function makeServer(
  options: Partial<CheckoutServerOptions> & {
    stripeSettings?: Partial<StripeSettings>;
  } = {}
): Promise<TestServer> {
  // One clock for the app and its store, so a test that pins time pins both.
  const store = await createSqlStore({
    databaseUrl: 'sqlite::memory:',
    now: options.now,
  });
  const fulfilled: Order[] = [];
  const {stripeSettings, ...rest} = options;
  const {app, outbox, reconciler} = createCheckout({
    catalog: demoCatalog(),
    store,
    stripe: createStripeProvider({
      secretKey: 'sk_test_unit',
      publishableKey: 'pk_test_unit',
      webhookSecret: WEBHOOK_SECRET,
      // Nothing listens here: tests that reach Stripe pass the emulator's URL instead.
      apiBase: 'http://127.0.0.1:9',
      maxNetworkRetries: 0,
      timeoutMs: 2000,
      ...stripeSettings,
    }),
    onOrderPaid: (order) => {
      fulfilled.push(order);
    },
    ...rest,
  });
  return {
    app,
    outbox,
    reconciler,
    store,
    fulfilled,
    async settled() {
      await outbox.idle();
      return fulfilled;
    },
    async close() {
      await outbox.idle();
      await store.close();
    },
  };
}

export function postJson(
  app: TestServer['app'],
  path: string,
  body: unknown,
  headers: Record<string, string> = {}
) {
  return app.request(path, {
    method: 'POST',
    headers: {'content-type': 'application/json', ...headers},
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A signed Stripe webhook delivery, as Stripe would send it. */
export function stripeSignature(
  payload: string,
  options: {secret?: string; timestamp?: number} = {}
): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? WEBHOOK_SECRET,
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
  });
}

export function deliverStripe(
  app: TestServer['app'],
  payload: string,
  signature = stripeSignature(payload)
) {
  return app.request('/api/webhooks/stripe', {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'stripe-signature': signature,
    },
    body: payload,
  });
}

let eventCounter = 0;

/** A Stripe event around a PaymentIntent-like object, as the API would send it. */
export function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  id = `evt_test_${++eventCounter}`
) {
  return JSON.stringify({
    id,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: {id: null, idempotency_key: null},
    data: {object},
  });
}

export function intentObject(
  orderId: string,
  intentId: string,
  fields: Record<string, unknown> = {}
) {
  return {
    id: intentId,
    object: 'payment_intent',
    amount: 5000,
    amount_received: 0,
    currency: 'usd',
    status: 'requires_payment_method',
    metadata: {order_id: orderId},
    ...fields,
  };
}

/** Opens a pending order with a given PaymentIntent id, straight through the store. */
export async function seedOrder(
  store: OrderStore,
  id: string,
  intentId: string,
  total = 5000,
  currency = 'usd',
  email?: string
) {
  await store.create(
    {
      id,
      provider: 'stripe',
      currency,
      subtotal: total,
      total,
      lines: [
        {
          sku: 'tee-black-m',
          name: 'Black tee, size M',
          unitAmount: total / 2,
          quantity: 2,
          amount: total,
        },
      ],
      email,
    },
    'unused-token-hash'
  );
  await store.update(id, () => ({providerPaymentId: intentId}));
  return (await store.get(id))!;
}
