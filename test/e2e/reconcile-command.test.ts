/**
 * `npm run reconcile`: a payment whose webhook never arrived, healed by running the command
 * once against the same database and provider.
 */
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {after, before, describe, it} from 'node:test';
import Stripe from 'stripe';
import {
  type RunningStripeEmulator,
  startStripeEmulator,
} from '../../emulators/stripe/index.js';
import {type Shop, startShop} from './shop.js';
import {SPRINGFIELD} from './addresses.js';

const run = promisify(execFile);

describe('npm run reconcile', () => {
  let emulator: RunningStripeEmulator;
  let shop: Shop;
  let env: Record<string, string>;
  const databaseFile = join(
    mkdtempSync(join(tmpdir(), 'pay-checkout-reconcile-')),
    'orders.sqlite'
  );
  before(async () => {
    emulator = await startStripeEmulator();
    env = {
      STRIPE_SECRET_KEY: emulator.secretKey,
      STRIPE_PUBLISHABLE_KEY: emulator.publishableKey,
      STRIPE_WEBHOOK_SECRET: emulator.webhookSecret,
      STRIPE_API_BASE: emulator.url,
      RECONCILE_INTERVAL_SECONDS: '0',
      MAIL_DIR: join(databaseFile, '..', 'mail'),
    };
    shop = await startShop(env, {databaseFile});
    emulator.setWebhookUrl(`${shop.url}/api/webhooks/stripe`);
  });
  after(async () => {
    await shop?.stop();
    await emulator?.close();
  });

  it('marks paid an order whose webhook was lost, and says what it did', async () => {
    const res = await fetch(`${shop.url}/api/stripe/payment-intents`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({
        items: [{sku: 'tote-canvas', quantity: 1}],
        shippingAddress: SPRINGFIELD,
      }),
    });
    const {orderId, clientSecret} = await res.json();
    emulator.faults.dropNextEvents(100);
    const stripe = new Stripe(emulator.secretKey, {
      host: '127.0.0.1',
      port: emulator.port,
      protocol: 'http',
      telemetry: false,
      httpClient: Stripe.createFetchHttpClient(),
    });
    await stripe.paymentIntents.confirm(clientSecret.split('_secret_')[0], {
      payment_method: 'pm_card_visa',
      return_url: 'https://shop.example/return',
    });
    await emulator.flush();
    const status = () =>
      shop.query<{status: string}>(
        'SELECT status FROM orders WHERE id = ?',
        orderId
      )[0].status;
    assert.equal(status(), 'pending');

    const {stdout} = await run(
      process.execPath,
      ['--import', 'tsx', 'server/bin.ts', 'reconcile', '0'],
      {
        env: {
          ...process.env,
          ...env,
          DATABASE_URL: `sqlite:${databaseFile}`,
          LOG_LEVEL: 'silent',
        },
      }
    );
    assert.match(stdout, /checked 1 open order\(s\) older than 0 s, 1 changed/);
    assert.equal(status(), 'paid');
  });

  it('refuses to run without provider keys', async () => {
    await assert.rejects(
      run(process.execPath, ['--import', 'tsx', 'server/bin.ts', 'reconcile'], {
        env: {...process.env, DATABASE_URL: `sqlite:${databaseFile}`},
      }),
      (error: {stderr: string}) => /set the provider keys/.test(error.stderr)
    );
  });
});
