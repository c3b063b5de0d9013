/**
 * Two server processes (`server/bin.ts`) on one PostgreSQL, as behind a load balancer: orders
 * are created on both, 2,000 signed Stripe deliveries (each event several times, shuffled,
 * many at once, to either instance) and both instances' reconcilers race to settle them, and
 * every order ends paid, fulfilled, emailed and announced exactly once. Runs in
 * `npm run test:server:pg` (TEST_STORE=postgres); skipped on SQLite.
 */
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, describe, it} from 'node:test';
import pg from 'pg';
import Stripe from 'stripe';
import {
  type RunningStripeEmulator,
  startStripeEmulator,
} from '../../emulators/stripe/index.js';
import {productsOnlyCatalog, type Shop, startShop} from '../e2e/shop.js';
import {type TestDatabase, TEST_STORE, testDatabase} from './helpers.js';
import {startSmtpServer} from './smtp.js';

const ORDERS = 200;
/** Per order: the success event 6 times, processing twice, an event type we ignore twice. */
const DELIVERIES_PER_ORDER = 10;
const CONCURRENCY = 24;

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T, R>(
  items: T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({length: limit}, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index], index);
      }
    })
  );
  return results;
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

describe(
  'two server instances on one PostgreSQL',
  {
    skip:
      TEST_STORE !== 'postgres' &&
      'needs PostgreSQL: runs in npm run test:server:pg',
  },
  () => {
    let database: TestDatabase;
    let db: pg.Pool;
    let emulator: RunningStripeEmulator;
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    let shops: Shop[] = [];
    const announced: {type: string; orderId: string; key: string}[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const event = JSON.parse(body);
        announced.push({
          type: event.type,
          orderId: event.data.order.id,
          key: String(req.headers['idempotency-key']),
        });
        res.end();
      });
    });

    before(async () => {
      database = await testDatabase();
      emulator = await startStripeEmulator();
      smtp = await startSmtpServer();
      await new Promise<void>((resolve) =>
        receiver.listen(0, '127.0.0.1', resolve)
      );
      const env = {
        HOST: '127.0.0.1',
        DATABASE_URL: database.url,
        LOG_LEVEL: 'info',
        STRIPE_SECRET_KEY: emulator.secretKey,
        STRIPE_PUBLISHABLE_KEY: emulator.publishableKey,
        STRIPE_WEBHOOK_SECRET: emulator.webhookSecret,
        STRIPE_API_BASE: emulator.url,
        // PayPal is configured but never called: no emulator starts in either process.
        PAYPAL_CLIENT_ID: 'two-instances',
        PAYPAL_CLIENT_SECRET: 'two-instances',
        PAYPAL_WEBHOOK_ID: 'TWOINSTANCES',
        PAYPAL_API_BASE: 'http://127.0.0.1:9',
        SMTP_URL: smtp.url,
        ORDER_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/orders`,
        ORDER_WEBHOOK_SECRET: 'two-instances-merchant-secret-0123',
        // Both reconcilers look at every open order every second, racing the webhooks.
        RECONCILE_INTERVAL_SECONDS: '1',
        RECONCILE_AFTER_SECONDS: '0',
        RATE_LIMIT_CREATE_PER_MINUTE: '0',
        RATE_LIMIT_QUOTE_PER_MINUTE: '10',
        // The demo's products at their prices: these orders ship nowhere.
        CATALOG: productsOnlyCatalog(),
      };
      // One after the other: the first runs the migrations.
      shops.push(await startShop(env));
      shops.push(await startShop(env));
      db = new pg.Pool({connectionString: database.url, max: 2});
    });

    after(async () => {
      await Promise.all(shops.map((shop) => shop.stop()));
      shops = [];
      await db?.end();
      await emulator?.close();
      await smtp?.close();
      await new Promise((resolve) => receiver.close(resolve));
      await database?.drop();
    });

    const count = async (query: string) =>
      Number((await db.query(query)).rows[0].n);

    it('shares one rate limit between them', async () => {
      const statuses = [];
      for (let i = 0; i < 12; i++) {
        const res = await fetch(`${shops[i % 2].url}/api/quote`, {
          method: 'POST',
          headers: {'content-type': 'application/json'},
          body: JSON.stringify({items: [{sku: 'tee-black-m', quantity: 1}]}),
        });
        statuses.push(res.status);
      }
      assert.deepEqual(statuses, [...Array(10).fill(200), 429, 429]);
    });

    it('pays, fulfils, emails and announces every order exactly once under a webhook storm on both', async (t) => {
      const started = Date.now();
      const stripe = new Stripe(emulator.secretKey, {
        host: '127.0.0.1',
        port: emulator.port,
        protocol: 'http',
        maxNetworkRetries: 0,
        telemetry: false,
        httpClient: Stripe.createFetchHttpClient(),
      });

      // Orders on both instances.
      const orders = await pool(
        Array.from({length: ORDERS}, (_, i) => i),
        8,
        async (i) => {
          const res = await fetch(
            `${shops[i % 2].url}/api/stripe/payment-intents`,
            {
              method: 'POST',
              headers: {'content-type': 'application/json'},
              body: JSON.stringify({
                items: [{sku: 'tee-black-m', quantity: 1 + (i % 3)}],
                email: `buyer${i}@example.com`,
              }),
            }
          );
          assert.equal(res.status, 201);
          const body = await res.json();
          return {
            orderId: body.orderId as string,
            intentId: (body.clientSecret as string).split('_secret_')[0],
          };
        }
      );

      // The buyers pay: each intent succeeds at Stripe (whose own webhooks go nowhere here).
      const intents = await pool(orders, 8, ({intentId}) =>
        stripe.paymentIntents.confirm(intentId, {
          payment_method: 'pm_card_visa',
          return_url: 'https://shop.test/done',
        })
      );
      assert.ok(intents.every((intent) => intent.status === 'succeeded'));

      // The storm: every event several times, shuffled, concurrently, to either instance.
      let sequence = 0;
      const event = (type: string, object: unknown, id: string) =>
        JSON.stringify({
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
      const deliveries = shuffle(
        intents.flatMap((intent, i) => {
          const succeeded = event(
            'payment_intent.succeeded',
            intent,
            `evt_ok_${i}`
          );
          const processing = event(
            'payment_intent.processing',
            {...intent, status: 'processing'},
            `evt_proc_${i}`
          );
          const ignored = event(
            'charge.succeeded',
            {id: `ch_${i}`, object: 'charge'},
            `evt_ch_${i}`
          );
          return [
            ...Array(6).fill(succeeded),
            ...Array(2).fill(processing),
            ...Array(2).fill(ignored),
          ] as string[];
        })
      );
      assert.equal(deliveries.length, ORDERS * DELIVERIES_PER_ORDER);
      const storm = Date.now();
      const statuses = await pool(deliveries, CONCURRENCY, async (payload) => {
        const shop = shops[++sequence % 2];
        const res = await fetch(`${shop.url}/api/webhooks/stripe`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'stripe-signature': Stripe.webhooks.generateTestHeaderString({
              payload,
              secret: emulator.webhookSecret,
            }),
          },
          body: payload,
        });
        await res.body?.cancel();
        return res.status;
      });
      const stormMs = Date.now() - storm;
      assert.deepEqual(
        [...new Set(statuses)],
        [200],
        'every delivery answered 200, none 5xx'
      );

      // Wait for the outboxes of both instances to deliver everything.
      const deadline = Date.now() + 30_000;
      for (;;) {
        const open = await count(
          'SELECT count(*) AS n FROM outbox WHERE done_at IS NULL'
        );
        if (
          (open === 0 &&
            announced.length >= ORDERS &&
            smtp.received.length >= ORDERS) ||
          Date.now() > deadline
        )
          break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      // A moment more, for anything that would arrive twice.
      await new Promise((resolve) => setTimeout(resolve, 1_500));

      const ids = new Set(orders.map((o) => o.orderId));
      assert.equal(ids.size, ORDERS);
      assert.deepEqual(
        (
          await db.query(
            'SELECT status, count(*)::int AS n FROM orders GROUP BY status'
          )
        ).rows,
        [{status: 'paid', n: ORDERS}]
      );
      assert.equal(
        await count(
          'SELECT count(*) AS n FROM orders WHERE fulfilled_at IS NULL'
        ),
        0,
        'every order fulfilled'
      );
      // The ledger holds each order's two events once; the ignored type is not recorded.
      assert.equal(
        await count('SELECT count(*) AS n FROM processed_events'),
        2 * ORDERS
      );
      // One job per order and channel, each done at its first attempt: never run twice.
      assert.deepEqual(
        (
          await db.query(
            'SELECT channel, count(*)::int AS n, max(attempts)::int AS attempts, count(done_at)::int AS done FROM outbox GROUP BY channel ORDER BY channel'
          )
        ).rows,
        ['email', 'hook', 'webhook'].map((channel) => ({
          channel,
          n: ORDERS,
          attempts: 1,
          done: ORDERS,
        }))
      );

      // Announced once each (the merchant's webhook), emailed once each.
      assert.equal(announced.length, ORDERS);
      assert.deepEqual(new Set(announced.map((a) => a.orderId)), ids);
      assert.ok(announced.every((a) => a.type === 'order.paid'));
      assert.equal(smtp.received.length, ORDERS);
      assert.deepEqual(
        new Set(smtp.received.flatMap((m) => m.to)),
        new Set(orders.map((_, i) => `buyer${i}@example.com`))
      );

      // The fulfilment hook ran once per order, in one instance or the other.
      const logged = shops.map((shop) =>
        shop
          .output()
          .split('\n')
          .filter((line) => line.includes('"msg":"order paid"'))
          .map((line) => JSON.parse(line).orderId as string)
      );
      const hooked = logged.flat();
      assert.equal(hooked.length, ORDERS);
      assert.deepEqual(new Set(hooked), ids);
      const jobsRun = shops.map(
        (shop) => shop.output().split('"msg":"outbox job done"').length - 1
      );
      assert.equal(jobsRun[0] + jobsRun[1], 3 * ORDERS);
      t.diagnostic(
        `${deliveries.length} deliveries in ${stormMs} ms (${Math.round(
          (deliveries.length * 1000) / stormMs
        )}/s); fulfilment hooks per instance ${logged.map((l) => l.length).join(' + ')}; ` +
          `outbox jobs per instance ${jobsRun.join(' + ')}; whole test ${Date.now() - started} ms`
      );
    });
  }
);
