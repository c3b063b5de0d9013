/**
 * SIGTERM on the real server process, in production mode against a Stripe emulator this test
 * runs (its webhooks outlive the server): a request under way is answered, new connections are
 * refused, and a SIGTERM in the middle of a webhook storm (every event delivered twice,
 * concurrently) loses and doubles nothing. Deliveries that failed while the server was down
 * are re-delivered by the emulator to the restarted server; afterwards every order is paid
 * once, has one outbox job per side effect, one email and one merchant webhook.
 */
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import {connect, type AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import Database from 'better-sqlite3';
import type Stripe from 'stripe';
import {
  type RunningStripeEmulator,
  startStripeEmulator,
} from '../../emulators/stripe/index.js';
import {type ReceivedEmail, startSmtpServer} from '../server/smtp.js';
import {emulatorClient} from '../server/harness.js';
import {freePorts} from './ports.js';
import {type Shop, startShop} from './shop.js';
import {SPRINGFIELD} from './addresses.js';

// Below the default per-client create limit (30 a minute), whether or not RATE_LIMIT_* is read.
const ORDERS = 24;

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ECONNREFUSED')
    );
  });
}

async function until(what: string, check: () => boolean, ms = 30_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('SIGTERM', () => {
  let emulator: RunningStripeEmulator;
  let stripe: Stripe;
  let receiver: Server;
  let smtp: {url: string; received: ReceivedEmail[]; close(): Promise<void>};
  /** Merchant webhook deliveries (ORDER_WEBHOOK_URL) per order id. */
  const announced = new Map<string, number>();
  let dir: string;
  let port: number;
  let env: Record<string, string>;
  const shops: Shop[] = [];

  before(async () => {
    // Retries long enough to outlive a restart (the whole schedule is about 25 s).
    emulator = await startStripeEmulator({
      retryDelaysMs: [100, 200, 400, 800, 1600, 3200, 6400, 12_800],
    });
    stripe = emulatorClient(emulator);
    receiver = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => {
        const {data} = JSON.parse(text) as {data: {order: {id: string}}};
        announced.set(data.order.id, (announced.get(data.order.id) ?? 0) + 1);
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) =>
      receiver.listen(0, '127.0.0.1', resolve)
    );
    // Production sends email over SMTP only: a real SMTP server counts what arrives.
    smtp = await startSmtpServer();
    dir = mkdtempSync(join(tmpdir(), 'pay-checkout-shutdown-'));
    port = await freePorts(1);
    env = {
      NODE_ENV: 'production',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      CATALOG: 'demo/catalog.json',
      STRIPE_SECRET_KEY: emulator.secretKey,
      STRIPE_PUBLISHABLE_KEY: emulator.publishableKey,
      STRIPE_WEBHOOK_SECRET: emulator.webhookSecret,
      STRIPE_API_BASE: emulator.url,
      SMTP_URL: smtp.url,
      ORDER_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/orders`,
      ORDER_WEBHOOK_SECRET: 'a-test-secret-of-more-than-24-characters',
      // Orders are paid by webhooks alone here: no reconciliation behind the test's back.
      RECONCILE_INTERVAL_SECONDS: '0',
      RATE_LIMIT_CREATE_PER_MINUTE: '0',
      SHUTDOWN_TIMEOUT_SECONDS: '10',
    };
    emulator.setWebhookUrl(`http://127.0.0.1:${port}/api/webhooks/stripe`);
  });

  after(async () => {
    for (const shop of shops) await shop.stop();
    await emulator?.close();
    await new Promise((resolve) => receiver?.close(resolve));
    await smtp?.close();
    rmSync(dir, {recursive: true, force: true});
  });

  const start = async () => {
    const shop = await startShop(env, {
      databaseFile: join(dir, 'orders.sqlite'),
    });
    shops.push(shop);
    return shop;
  };

  const createOrder = async (shop: Shop, i: number) => {
    const res = await fetch(`${shop.url}/api/stripe/payment-intents`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({
        items: [{sku: 'mug-enamel', quantity: 1}],
        shippingAddress: SPRINGFIELD,
        email: `buyer${i}@example.com`,
      }),
    });
    assert.equal(res.status, 201);
    return (await res.json()) as {orderId: string; clientSecret: string};
  };

  it('answers the request under way, refuses new connections, and exits cleanly', async () => {
    const shop = await start();
    // The PaymentIntent call hangs at "Stripe" for a while: the request is in flight.
    emulator.faults.hangNextRequests(1, 1500);
    const inFlight = createOrder(shop, 0);
    await emulator.faults.whenHanging(1);
    const stopping = shop.stop();
    await until('the listener to close', () =>
      shop.output().includes('Stopping:')
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await refused(port), true, 'no new connection accepted');
    const answered = await inFlight;
    assert.match(answered.orderId, /^ord_/);
    await stopping;
    assert.match(shop.output(), /^Stopped\.$/m);
  });

  it('loses and doubles nothing when it comes in the middle of a webhook storm', async () => {
    const first = await start();
    const orders = [];
    for (let i = 0; i < ORDERS; i++) orders.push(await createOrder(first, i));
    await emulator.flush();

    // Every event from now on is delivered twice, concurrently; the buyers pay one after another.
    emulator.faults.duplicateNextEvents(10_000);
    const paying = (async () => {
      for (const [i, order] of orders.entries()) {
        await stripe.paymentIntents.confirm(
          order.clientSecret.split('_secret_')[0]!,
          {
            payment_method: 'pm_card_visa',
            return_url: 'https://shop.example/return',
          }
        );
        if (i % 4 === 3)
          await new Promise((resolve) => setTimeout(resolve, 30));
      }
    })();
    const paid = () =>
      first.query<{n: number}>(
        "SELECT count(*) AS n FROM orders WHERE status = 'paid'"
      )[0]!.n;
    await until('some orders to be paid', () => paid() >= ORDERS / 4);
    await first.stop();
    assert.match(first.output(), /^Stopped\.$/m, 'within the timeout');
    // What the stopped server left behind, read from its file directly.
    const file = new Database(join(dir, 'orders.sqlite'), {readonly: true});
    const paidAtStop = (
      file
        .prepare("SELECT count(*) AS n FROM orders WHERE status = 'paid'")
        .get() as {n: number}
    ).n;
    file.close();
    await paying;

    const second = await start();
    await emulator.flush();
    const ids = orders.map((o) => o.orderId);
    const rows = () =>
      second.query<{id: string; status: string; fulfilled_at: string | null}>(
        `SELECT id, status, fulfilled_at FROM orders WHERE id IN (${ids.map(() => '?').join(',')})`,
        ...ids
      );
    await until('every order to be paid', () =>
      rows().every((r) => r.status === 'paid')
    );
    const jobs = () =>
      second.query<{order_id: string; kind: string; done_at: string | null}>(
        'SELECT order_id, kind, done_at FROM outbox'
      );
    await until(
      'every outbox job to be done',
      () => jobs().length === ids.length * 3 && jobs().every((j) => j.done_at),
      40_000
    );

    // The storm spanned the restart: some deliveries failed and were delivered again.
    const deliveries = emulator.events.deliveries();
    const eventIds = [...new Set(deliveries.map((d) => d.eventId))];
    const retried = eventIds.filter((id) => {
      const attempts = deliveries.filter((d) => d.eventId === id);
      return attempts.some((d) => !d.ok) && attempts.some((d) => d.ok);
    });
    assert.ok(paidAtStop < ORDERS, 'some orders were paid after the restart');
    assert.ok(retried.length > 0, 'some events were re-delivered');
    for (const id of eventIds) {
      assert.ok(
        deliveries.some((d) => d.eventId === id && d.ok),
        `${id} was delivered`
      );
    }
    // Nothing lost: every payment_intent.succeeded is in the ledger, once.
    const succeeded = emulator.events
      .list('payment_intent.succeeded')
      .map((e) => e.id);
    const ledger = second.query<{event_id: string}>(
      "SELECT event_id FROM processed_events WHERE type = 'payment_intent.succeeded'"
    );
    assert.deepEqual(
      ledger.map((r) => r.event_id).sort(),
      [...succeeded].sort()
    );
    // Nothing doubled: one job per side effect, one email, one announcement per order.
    assert.ok(rows().every((r) => r.fulfilled_at));
    for (const id of ids) {
      assert.deepEqual(
        jobs()
          .filter((j) => j.order_id === id)
          .map((j) => j.kind)
          .sort(),
        ['email:order.paid', 'hook:order.paid', 'webhook:order.paid'],
        id
      );
      assert.equal(announced.get(id), 1, `${id} announced once`);
    }
    // One confirmation per buyer (the first test's order was never paid: none for it).
    const recipients = smtp.received.flatMap((email) => email.to).sort();
    assert.deepEqual(
      recipients,
      orders.map((_, i) => `buyer${i}@example.com`).sort()
    );
    console.log(
      `# storm: ${deliveries.length} deliveries of ${eventIds.length} events, ${retried.length} re-delivered after failing; ${paidAtStop}/${ORDERS} paid at SIGTERM`
    );
  });
});
