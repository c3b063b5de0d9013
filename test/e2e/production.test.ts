/**
 * Production mode on the real server process (`server/bin.ts`): started with live-looking
 * Stripe keys (pointed at a Stripe emulator this test runs, since nothing here reaches Stripe)
 * and no PayPal credentials, nothing of development mode is reachable — no emulator, no
 * /dev/mail, no demo, no PayPal — and no request header changes a redirect target.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {connect} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {
  type RunningStripeEmulator,
  startStripeEmulator,
} from '../../emulators/stripe/index.js';
import {checkoutPagePolicy} from '../../server/csp.js';
import {GATEWAYS} from '../../server/providers/registry.js';
import {freePorts} from './ports.js';
import {type Shop, startShop} from './shop.js';
import {rawPost} from '../raw-post.js';
import {SPRINGFIELD} from './addresses.js';

const LIVE = {
  secretKey: 'sk_live_emulated_0000000000000000',
  publishableKey: 'pk_live_emulated_0000000000000000',
  webhookSecret: 'whsec_emulated_live_0000000000000000',
};

function liveEnv(emulator: RunningStripeEmulator, port: number) {
  return {
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    CATALOG: 'demo/catalog.json',
    STRIPE_SECRET_KEY: LIVE.secretKey,
    STRIPE_PUBLISHABLE_KEY: LIVE.publishableKey,
    STRIPE_WEBHOOK_SECRET: LIVE.webhookSecret,
    STRIPE_API_BASE: emulator.url,
  };
}

/** Whether anything accepts a connection on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('production mode: live keys for Stripe, nothing for PayPal', () => {
  let emulator: RunningStripeEmulator;
  let shop: Shop;
  let port: number;
  before(async () => {
    emulator = await startStripeEmulator(LIVE);
    port = await freePorts(3);
    shop = await startShop(liveEnv(emulator, port));
  });
  after(async () => {
    await shop?.stop();
    await emulator?.close();
  });

  it('says so on its first line, then what runs', () => {
    const lines = shop.output().split('\n');
    assert.match(
      lines[0]!,
      /^pay-checkout: production mode \(a live Stripe key is set\)/
    );
    const banner = lines.slice(0, 8).join('\n');
    assert.match(banner, /Stripe: http:\/\/127\.0\.0\.1:\d+ \(sk_live_…\)/);
    assert.match(banner, /PayPal: not configured, so not offered/);
    assert.match(banner, /Demo: {3}off/);
    assert.match(
      banner,
      /Email: {2}off: no SMTP_URL set, so buyers get no emails/
    );
    assert.doesNotMatch(shop.output(), /emulator runs at|\/dev\/mail/);
    assert.doesNotMatch(
      shop.output(),
      /sk_live_emulated_0|whsec_emulated/,
      'no secret printed'
    );
  });

  it('starts no emulator: nothing listens where development would put them', async () => {
    assert.equal(await listening(port + 1), false);
    assert.equal(await listening(port + 2), false);
    const config = await (await fetch(`${shop.url}/api/config`)).json();
    assert.deepEqual(config.providers, {
      stripe: {publishableKey: LIVE.publishableKey},
    });
  });

  it('answers PayPal’s create route with provider_not_configured', async () => {
    const res = await fetch(`${shop.url}/api/paypal/orders`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({
        items: [{sku: 'mug-enamel', quantity: 1}],
        shippingAddress: SPRINGFIELD,
      }),
    });
    assert.equal(res.status, 503);
    assert.equal((await res.json()).error.code, 'provider_not_configured');
  });

  it('serves no development page and no demo, in the contract’s 404; the bundle stays', async () => {
    for (const path of [
      '/dev/mail',
      '/dev/mail/style.css',
      '/',
      '/index.html',
      '/return.html',
      '/catalog.json',
      '/shop.js',
    ]) {
      const res = await fetch(`${shop.url}${path}`);
      assert.equal(res.status, 404, path);
      assert.equal((await res.json()).error.code, 'not_found', path);
    }
    const bundle = await fetch(`${shop.url}/pay-checkout.js`);
    assert.equal(bundle.status, 200);
    assert.equal(bundle.headers.get('access-control-allow-origin'), '*');
  });

  it('is ready, and sends no HSTS over plain http', async () => {
    const res = await fetch(`${shop.url}/readyz`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('strict-transport-security'), null);
  });

  it('lets no Host header change a redirect target', async () => {
    const spoofed = await rawPost(
      port,
      '/api/stripe/checkout-sessions',
      {
        items: [{sku: 'mug-enamel', quantity: 1}],
        shippingAddress: SPRINGFIELD,
        successUrl: 'http://evil.example/paid',
        cancelUrl: 'http://evil.example/cancel',
      },
      {host: 'evil.example', 'x-forwarded-host': 'evil.example'}
    );
    assert.equal(spoofed.status, 400);
    assert.equal(spoofed.json.error?.code, 'invalid_request');
    const own = await rawPost(port, '/api/stripe/checkout-sessions', {
      items: [{sku: 'mug-enamel', quantity: 1}],
      shippingAddress: SPRINGFIELD,
      successUrl: `${shop.url}/thanks`,
      cancelUrl: `${shop.url}/cart`,
    });
    assert.equal(own.status, 201);
    assert.ok(own.json.url?.startsWith(emulator.url));
  });
});

describe('production mode with SERVE_DEMO=1', () => {
  let emulator: RunningStripeEmulator;
  let shop: Shop;
  before(async () => {
    emulator = await startStripeEmulator(LIVE);
    const port = await freePorts(1);
    shop = await startShop({...liveEnv(emulator, port), SERVE_DEMO: '1'});
  });
  after(async () => {
    await shop?.stop();
    await emulator?.close();
  });

  it('serves the demo under the checkout-page policy for the real Stripe.js', async () => {
    const res = await fetch(`${shop.url}/`);
    assert.equal(res.status, 200);
    assert.equal(
      res.headers.get('content-security-policy'),
      checkoutPagePolicy({
        server: ["'self'"],
        gateways: [GATEWAYS.stripe.node.page.policy],
      })
    );
    assert.match(await res.text(), /<pay-checkout nonce="[A-Za-z0-9+/=]{24}"/);
    assert.equal((await fetch(`${shop.url}/dev/mail`)).status, 404);
  });
});

describe('production mode refuses to start without what it needs', () => {
  const run = (env: Record<string, string>) => {
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !/^(STRIPE|PAYPAL|PUBLIC_URL|CATALOG|NODE_ENV)/.test(name)
      )
    );
    return spawnSync(process.execPath, ['--import', 'tsx', 'server/bin.ts'], {
      env: {...clean, PORT: '0', DATABASE_URL: 'sqlite::memory:', ...env},
      encoding: 'utf8',
      timeout: 60_000,
    });
  };

  it('with NODE_ENV=production and no provider, PUBLIC_URL or CATALOG: exit 1, each named, no stack trace', () => {
    const {status, stderr, stdout} = run({NODE_ENV: 'production'});
    assert.equal(status, 1);
    assert.match(stderr, /PUBLIC_URL is required in production/);
    assert.match(stderr, /CATALOG is required in production/);
    assert.match(stderr, /No payment provider is configured/);
    assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
    assert.doesNotMatch(stdout, /emulator/);
  });

  it('with a live key and no webhook secret: exit 1, never fails open', () => {
    const {status, stderr} = run({
      PUBLIC_URL: 'https://shop.example',
      CATALOG: 'demo/catalog.json',
      STRIPE_SECRET_KEY: LIVE.secretKey,
      STRIPE_PUBLISHABLE_KEY: LIVE.publishableKey,
    });
    assert.equal(status, 1);
    assert.match(stderr, /STRIPE_WEBHOOK_SECRET is required/);
    assert.doesNotMatch(stderr, /sk_live_emulated/);
  });
});
