/**
 * The worst moment to die: the provider has charged the buyer, the webhook has not arrived.
 * The server is killed with SIGKILL and started again; the order must end paid, with one
 * confirmation email, and stay that way across further restarts.
 */
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import Stripe from 'stripe';
import {
  type RunningStripeEmulator,
  startStripeEmulator,
} from '../../emulators/stripe/index.js';
import {startSmtpServer} from '../server/smtp.js';
import {type Shop, startShop} from './shop.js';
import {SPRINGFIELD} from './addresses.js';

describe('a crash between the charge and the webhook', () => {
  let emulator: RunningStripeEmulator;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const shops: Shop[] = [];
  before(async () => {
    [emulator, smtp] = await Promise.all([
      startStripeEmulator({retryDelaysMs: [50]}),
      startSmtpServer(),
    ]);
  });
  after(async () => {
    for (const shop of shops) await shop.stop();
    await emulator?.close();
    await smtp?.close();
  });

  async function start(databaseFile: string) {
    const shop = await startShop(
      {
        STRIPE_SECRET_KEY: emulator.secretKey,
        STRIPE_PUBLISHABLE_KEY: emulator.publishableKey,
        STRIPE_WEBHOOK_SECRET: emulator.webhookSecret,
        STRIPE_API_BASE: emulator.url,
        SMTP_URL: smtp.url,
        // Check every open order at start-up, however recent.
        RECONCILE_AFTER_SECONDS: '0',
        RECONCILE_INTERVAL_SECONDS: '0',
      },
      {databaseFile}
    );
    shops.push(shop);
    emulator.setWebhookUrl(`${shop.url}/api/webhooks/stripe`);
    return shop;
  }

  it('ends paid, fulfilled and emailed exactly once after a SIGKILL and a restart', async () => {
    const databaseFile = join(
      mkdtempSync(join(tmpdir(), 'pay-checkout-crash-')),
      'orders.sqlite'
    );
    const first = await start(databaseFile);
    const res = await fetch(`${first.url}/api/stripe/payment-intents`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({
        items: [{sku: 'cap-navy', quantity: 1}],
        shippingAddress: SPRINGFIELD,
        email: 'crash@example.com',
        locale: 'de',
      }),
    });
    assert.equal(res.status, 201);
    const {orderId, clientSecret} = await res.json();

    // Stripe charges the card; its webhook is held back, and the server dies before it comes.
    emulator.faults.holdEvents();
    const stripe = new Stripe(emulator.secretKey, {
      host: '127.0.0.1',
      port: emulator.port,
      protocol: 'http',
      telemetry: false,
      httpClient: Stripe.createFetchHttpClient(),
    });
    const intent = await stripe.paymentIntents.confirm(
      clientSecret.split('_secret_')[0],
      {
        payment_method: 'pm_card_visa',
        return_url: 'https://shop.example/return',
      }
    );
    assert.equal(intent.status, 'succeeded');
    await first.kill();
    emulator.faults.reset(); // the held events are lost for good

    const second = await start(databaseFile);
    await until(
      () => smtp.received.some((m) => m.to.includes('crash@example.com')),
      'the confirmation email'
    );
    const row = second.query<{status: string; fulfilled_at: string | null}>(
      'SELECT * FROM orders WHERE id = ?',
      orderId
    )[0];
    assert.equal(row.status, 'paid');
    assert.ok(row.fulfilled_at);

    // Another restart changes nothing: the outbox remembers what it has sent.
    await second.stop();
    const third = await start(databaseFile);
    await fetch(`${third.url}/healthz`);
    const mails = smtp.received.filter((m) =>
      m.to.includes('crash@example.com')
    );
    assert.equal(mails.length, 1);
    assert.match(mails[0].raw, /Bestellung/);
  });
});

async function until(check: () => boolean, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
