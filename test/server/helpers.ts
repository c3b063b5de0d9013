/**
 * Builds servers for tests: a fresh store, the demo catalog, and Stripe where asked. The store
 * is an in-memory SQLite, or with TEST_STORE=postgres (`npm run test:server:pg`) a schema of
 * its own in TEST_DATABASE_URL: the whole server suite runs on both.
 */
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after} from 'node:test';
import pg from 'pg';
import Stripe from 'stripe';
import {
  createCheckoutServer,
  type CheckoutServerOptions,
} from '../../server/app.js';
import {type Catalog, parseCatalog} from '../../server/catalog/index.js';
import {ConfigError, parseConfig} from '../../server/config.js';
import type {Order} from '../../server/orders/order.js';
import {createSqlStore} from '../../server/orders/sql-store.js';
import type {OrderStore} from '../../server/orders/store.js';
import {
  createStripeProvider,
  type StripeSettings,
} from '../../server/providers/stripe/client.js';

export const WEBHOOK_SECRET = 'whsec_test_secret_for_unit_tests';

/** The dialect this run of the suite uses. */
export const TEST_STORE: 'sqlite' | 'postgres' =
  process.env.TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

export interface TestDatabase {
  /** A DATABASE_URL for createSqlStore or the server. */
  url: string;
  /** Removes it (the schema, or the file). */
  drop(): Promise<void>;
}

let admin: pg.Pool | undefined;
let schemas = 0;

function postgresAdmin(): pg.Pool {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_STORE=postgres needs TEST_DATABASE_URL=postgres://… (npm run test:server:pg checks this)'
    );
  }
  // allowExitOnIdle: the pool never keeps a finished test file's process alive.
  admin ??= new pg.Pool({connectionString: url, max: 2, allowExitOnIdle: true});
  return admin;
}

/**
 * A new, empty database. SQLite: in memory, or a file when `shared` (several stores, or
 * several processes, open it). PostgreSQL: a schema of its own in TEST_DATABASE_URL, named
 * after the process, so test files (and tests) never see each other's rows and can run in
 * parallel.
 */
export async function testDatabase({
  shared = false,
  dialect = TEST_STORE,
}: {
  shared?: boolean;
  dialect?: 'sqlite' | 'postgres';
} = {}): Promise<TestDatabase> {
  if (dialect === 'postgres') {
    const pool = postgresAdmin();
    const schema = `test_${process.pid}_${++schemas}_${randomBytes(3).toString('hex')}`;
    await pool.query(`CREATE SCHEMA "${schema}"`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return {
      url: url.href,
      drop: async () => {
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      },
    };
  }
  if (!shared) return {url: 'sqlite::memory:', drop: async () => {}};
  const dir = mkdtempSync(join(tmpdir(), 'pay-checkout-test-'));
  return {
    url: `sqlite:${join(dir, 'orders.sqlite')}`,
    drop: async () => rmSync(dir, {recursive: true, force: true}),
  };
}

// Stores a test left open are closed (and their schemas dropped) when the file ends, so a
// PostgreSQL pool never holds the process and no schema is left behind.
const unclosed = new Set<() => Promise<void>>();
after(async () => {
  for (const close of unclosed) await close();
});

/**
 * The demo's products without its shipping, tax and discount rules: the suites that test
 * payments, orders and webhooks charge the items' prices (no address needed). The rules have
 * their own suites; `withRules` gives the demo catalog as the shop serves it.
 */
export function demoCatalog({withRules = false} = {}): Catalog {
  const data = JSON.parse(readFileSync('demo/catalog.json', 'utf8')) as {
    shipping?: unknown;
    tax?: unknown;
    discounts?: unknown;
  };
  if (!withRules) {
    delete data.shipping;
    delete data.tax;
    delete data.discounts;
  }
  return parseCatalog(data, 'demo/catalog.json');
}

export interface TestServer {
  app: ReturnType<typeof createCheckoutServer>['app'];
  outbox: ReturnType<typeof createCheckoutServer>['outbox'];
  reconciler: ReturnType<typeof createCheckoutServer>['reconciler'];
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
  const database = await testDatabase();
  const store = await createSqlStore({
    databaseUrl: database.url,
    now: options.now,
  });
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      unclosed.delete(close);
      await outbox.idle();
      await store.close();
      await database.drop();
    })());
  unclosed.add(close);
  const fulfilled: Order[] = [];
  const {stripeSettings, ...rest} = options;
  const {app, outbox, reconciler} = createCheckoutServer({
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
    close,
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
      email,
    },
    'unused-token-hash'
  );
  await store.update(id, () => ({providerPaymentId: intentId}));
  return (await store.get(id))!;
}

/** The message a refused configuration gives (it must be refused). */
export function configProblems(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  assert.fail('expected the configuration to be refused');
}

/** A PaymentIntent's id, from the client secret the server answered with. */
export const intentIdOf = (clientSecret: string) =>
  clientSecret.split('_secret_')[0];
