/**
 * The admin area on the real server process in production mode (live-looking Stripe keys
 * pointed at an emulator this test runs): the session cookie is Secure (and `__Secure-`) even
 * behind a plain-http loopback PUBLIC_URL, a short ADMIN_TOKEN stops the start naming the
 * variable, and without ADMIN_TOKEN there is no /admin at all.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {after, before, describe, it} from 'node:test';
import {
  type RunningStripeEmulator,
  startStripeEmulator,
} from '../../emulators/stripe/index.js';
import {freePorts} from './ports.js';
import {type Shop, startShop} from './shop.js';

const TOKEN = 'production-admin-token-0123456789-abcdef';
const LIVE = {
  secretKey: 'sk_live_emulated_0000000000000000',
  publishableKey: 'pk_live_emulated_0000000000000000',
  webhookSecret: 'whsec_emulated_live_0000000000000000',
};

describe('the admin area in production mode', {timeout: 120_000}, () => {
  let emulator: RunningStripeEmulator;
  let port: number;
  const env = (extra: Record<string, string>) => ({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    CATALOG: 'demo/catalog.json',
    STRIPE_SECRET_KEY: LIVE.secretKey,
    STRIPE_PUBLISHABLE_KEY: LIVE.publishableKey,
    STRIPE_WEBHOOK_SECRET: LIVE.webhookSecret,
    STRIPE_API_BASE: emulator.url,
    ...extra,
  });
  before(async () => {
    emulator = await startStripeEmulator(LIVE);
    port = await freePorts(1);
  });
  after(() => emulator?.close());

  it('signs in with a Secure, HttpOnly, SameSite=Strict cookie under /admin', async () => {
    const shop: Shop = await startShop(env({ADMIN_TOKEN: TOKEN}));
    try {
      const login = await fetch(`${shop.url}/admin/login`);
      assert.equal(login.status, 200);
      assert.equal(login.headers.get('cache-control'), 'no-store');
      assert.match(
        login.headers.get('content-security-policy') ?? '',
        /^default-src 'none'; style-src 'self';/
      );
      const signedIn = await fetch(`${shop.url}/admin/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: shop.url,
        },
        body: new URLSearchParams({secret: TOKEN}),
      });
      assert.equal(signedIn.status, 303);
      const cookie = signedIn.headers.get('set-cookie') ?? '';
      assert.match(cookie, /^__Secure-pc_admin=/);
      for (const flag of [
        /; Secure/i,
        /; HttpOnly/i,
        /; SameSite=Strict/i,
        /; Path=\/admin/,
      ])
        assert.match(cookie, flag);
    } finally {
      await shop.stop();
    }
  });

  it('without ADMIN_TOKEN, /admin is the contract’s 404', async () => {
    const shop: Shop = await startShop(env({}));
    try {
      const response = await fetch(`${shop.url}/admin/login`);
      assert.equal(response.status, 404);
      assert.equal((await response.json()).error.code, 'not_found');
    } finally {
      await shop.stop();
    }
  });

  it('a short ADMIN_TOKEN stops the start with a message naming it', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/bin.ts'],
      {
        env: {
          ...process.env,
          ...env({ADMIN_TOKEN: 'too-short'}),
          DATABASE_URL: 'sqlite::memory:',
        },
        encoding: 'utf8',
        timeout: 30_000,
      }
    );
    assert.equal(run.status, 1);
    assert.match(run.stderr, /ADMIN_TOKEN must be at least 32 characters/);
    assert.doesNotMatch(run.stderr, /too-short/, 'the value is not printed');
  });
});
