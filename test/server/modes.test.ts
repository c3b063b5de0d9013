/**
 * Development and production: which one a configuration means, and what production refuses.
 * Production never falls back to something meant for development (the emulators, the demo
 * catalog, an origin guessed from the request).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseConfig} from '../../server/config.js';
import {configProblems} from './helpers.js';

const liveStripe = {
  STRIPE_SECRET_KEY: 'sk_live_abc',
  STRIPE_PUBLISHABLE_KEY: 'pk_live_abc',
  STRIPE_WEBHOOK_SECRET: 'whsec_abc',
};
const testStripe = {
  STRIPE_SECRET_KEY: 'sk_test_abc',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_abc',
  STRIPE_WEBHOOK_SECRET: 'whsec_abc',
};
const paypal = {
  PAYPAL_CLIENT_ID: 'client',
  PAYPAL_CLIENT_SECRET: 'secret',
  PAYPAL_WEBHOOK_ID: 'WH123',
};
const deployed = {PUBLIC_URL: 'https://shop.example', CATALOG: 'catalog.json'};

describe('server modes', () => {
  it('is development with nothing set: demo on, no proxy trusted, 10 s to shut down', () => {
    const config = parseConfig({});
    assert.equal(config.mode, 'development');
    assert.equal(config.serveDemo, true);
    assert.equal(config.trustProxy, false);
    assert.equal(config.shutdownTimeoutMs, 10_000);
  });

  it('stays development with test keys (which replace that provider’s emulator)', () => {
    const config = parseConfig(testStripe);
    assert.equal(config.mode, 'development');
    assert.equal(config.stripe?.secretKey, 'sk_test_abc');
    assert.equal(config.paypal, undefined);
  });

  it('is production with NODE_ENV=production, any live Stripe key, or PayPal live', () => {
    for (const [env, reason] of [
      [{NODE_ENV: 'production', ...testStripe}, /NODE_ENV=production/],
      [liveStripe, /live Stripe key/],
      [
        {
          ...liveStripe,
          STRIPE_SECRET_KEY: 'rk_live_abc',
        },
        /live Stripe key/,
      ],
      [{...paypal, PAYPAL_ENVIRONMENT: 'live'}, /PAYPAL_ENVIRONMENT=live/],
    ] as const) {
      const config = parseConfig({...deployed, ...env});
      assert.equal(config.mode, 'production', JSON.stringify(env));
      assert.match(config.modeReason, reason);
      assert.equal(config.serveDemo, false, 'no demo unless asked');
    }
    // A live publishable key alone says production too, and then refuses the half-set keys.
    assert.match(
      configProblems({...deployed, STRIPE_PUBLISHABLE_KEY: 'pk_live_abc'}),
      /STRIPE_SECRET_KEY is required/
    );
  });

  it('requires PUBLIC_URL and CATALOG in production, naming why it is production', () => {
    const message = configProblems(liveStripe);
    assert.match(message, /PUBLIC_URL is required in production/);
    assert.match(message, /CATALOG is required in production/);
    assert.match(message, /a live Stripe key is set/);
    assert.doesNotMatch(message, /sk_live_abc/, 'no secret in the message');
  });

  it('refuses to start in production with no provider at all: no emulator stands in', () => {
    assert.match(
      configProblems({NODE_ENV: 'production', ...deployed}),
      /No payment provider is configured, and production mode .* never starts the emulators/
    );
  });

  it('accepts one provider in production; the other is simply not offered', () => {
    const config = parseConfig({...deployed, ...liveStripe});
    assert.ok(config.stripe);
    assert.equal(config.paypal, undefined);
  });

  it('wants an https PUBLIC_URL in production (plain http only on loopback)', () => {
    assert.match(
      configProblems({
        ...liveStripe,
        ...deployed,
        PUBLIC_URL: 'http://shop.example',
      }),
      /PUBLIC_URL must be https in production/
    );
    assert.equal(
      parseConfig({
        ...liveStripe,
        ...deployed,
        PUBLIC_URL: 'http://127.0.0.1:4242',
      }).publicUrl,
      'http://127.0.0.1:4242'
    );
    assert.match(
      configProblems({PUBLIC_URL: 'ftp://shop.example'}),
      /PUBLIC_URL must be an http\(s\) URL/
    );
    assert.match(
      configProblems({PUBLIC_URL: 'https://user:pw@shop.example'}),
      /PUBLIC_URL must not contain a user name or password/
    );
  });

  it('refuses ALLOWED_ORIGINS=* in production', () => {
    assert.match(
      configProblems({...liveStripe, ...deployed, ALLOWED_ORIGINS: '*'}),
      /ALLOWED_ORIGINS=\* is refused in production/
    );
    assert.deepEqual(parseConfig({ALLOWED_ORIGINS: '*'}).allowedOrigins, ['*']);
  });

  it('reads SERVE_DEMO, TRUST_PROXY and SHUTDOWN_TIMEOUT_SECONDS', () => {
    const config = parseConfig({
      ...liveStripe,
      ...deployed,
      SERVE_DEMO: '1',
      TRUST_PROXY: 'true',
      SHUTDOWN_TIMEOUT_SECONDS: '2.5',
    });
    assert.deepEqual(
      [config.serveDemo, config.trustProxy, config.shutdownTimeoutMs],
      [true, true, 2500]
    );
    assert.equal(parseConfig({SERVE_DEMO: '0'}).serveDemo, false);
    assert.match(
      configProblems({TRUST_PROXY: 'maybe'}),
      /TRUST_PROXY must be 1 or 0/
    );
    assert.match(
      configProblems({SHUTDOWN_TIMEOUT_SECONDS: '-1'}),
      /SHUTDOWN_TIMEOUT_SECONDS/
    );
  });
});
