import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseConfig} from '../../server/config.js';
import {configProblems} from './helpers.js';
import {createStripeProvider} from '../../server/providers/stripe/client.js';

const keys = {
  STRIPE_SECRET_KEY: 'sk_test_abc',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_abc',
  STRIPE_WEBHOOK_SECRET: 'whsec_abc',
};

describe('configuration', () => {
  it('starts with no variables at all: the emulators stand in', () => {
    const config = parseConfig({});
    assert.equal(config.stripe, undefined);
    assert.equal(config.port, 4242);
    // Unset: the server sells the demo catalog it ships with (server/demo-files.ts).
    assert.equal(config.catalogPath, undefined);
    assert.deepEqual(config.allowedOrigins, []);
  });

  it('takes a complete set of Stripe keys', () => {
    assert.deepEqual(parseConfig(keys).stripe, {
      secretKey: 'sk_test_abc',
      publishableKey: 'pk_test_abc',
      webhookSecret: 'whsec_abc',
      apiBase: undefined,
    });
  });

  it('refuses to start with a live key and no webhook secret, naming the variable', () => {
    const message = configProblems({
      STRIPE_SECRET_KEY: 'sk_live_abc',
      STRIPE_PUBLISHABLE_KEY: 'pk_live_abc',
    });
    assert.match(message, /STRIPE_WEBHOOK_SECRET is required/);
    assert.doesNotMatch(
      message,
      /sk_live_abc/,
      'the secret itself is never printed'
    );
  });

  it('refuses a test key without its webhook secret too: it never fails open', () => {
    assert.match(
      configProblems({
        STRIPE_SECRET_KEY: 'sk_test_abc',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_abc',
      }),
      /STRIPE_WEBHOOK_SECRET/
    );
  });

  it('refuses a secret with whitespace (a pasted newline), keys of the wrong kind, and mixed modes', () => {
    assert.match(
      configProblems({...keys, STRIPE_WEBHOOK_SECRET: 'whsec_abc\n'}),
      /STRIPE_WEBHOOK_SECRET contains whitespace/
    );
    assert.match(
      configProblems({...keys, STRIPE_SECRET_KEY: 'pk_test_abc'}),
      /STRIPE_SECRET_KEY must be a Stripe secret/
    );
    assert.match(
      configProblems({...keys, STRIPE_SECRET_KEY: 'sk_live_abc'}),
      /both be test keys or both live keys/
    );
  });

  it('allows plain http for a Stripe-compatible API only on loopback', () => {
    assert.equal(
      parseConfig({...keys, STRIPE_API_BASE: 'http://127.0.0.1:12111'}).stripe
        ?.apiBase,
      'http://127.0.0.1:12111'
    );
    assert.ok(
      parseConfig({...keys, STRIPE_API_BASE: 'http://localhost:12111'})
    );
    assert.ok(
      parseConfig({...keys, STRIPE_API_BASE: 'https://stripe-proxy.example'})
    );
    assert.match(
      configProblems({...keys, STRIPE_API_BASE: 'http://stripe-proxy.example'}),
      /STRIPE_API_BASE must use https/
    );
    assert.match(
      configProblems({...keys, STRIPE_API_BASE: 'http://10.0.0.5:12111'}),
      /STRIPE_API_BASE/
    );
    assert.throws(() =>
      createStripeProvider({
        ...{
          secretKey: 'sk_test_1',
          publishableKey: 'pk_test_1',
          webhookSecret: 'whsec_1',
        },
        apiBase: 'http://192.168.1.2',
      })
    );
  });

  it('validates PORT, LOG_LEVEL and ALLOWED_ORIGINS', () => {
    assert.match(configProblems({PORT: 'eighty'}), /PORT/);
    assert.match(configProblems({LOG_LEVEL: 'loud'}), /LOG_LEVEL/);
    assert.match(
      configProblems({ALLOWED_ORIGINS: 'not an origin'}),
      /ALLOWED_ORIGINS/
    );
    assert.deepEqual(
      parseConfig({ALLOWED_ORIGINS: 'https://a.example, https://b.example'})
        .allowedOrigins,
      ['https://a.example', 'https://b.example']
    );
  });

  it('refuses MERCHANT_EMAIL in production without SMTP_URL: its emails could never be sent', () => {
    const production = {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://shop.example',
      CATALOG: './catalog.json',
      ...keys,
      MERCHANT_EMAIL: 'owner@shop.example',
    };
    assert.match(
      configProblems(production),
      /MERCHANT_EMAIL is set but SMTP_URL is not/
    );
    assert.equal(
      parseConfig({...production, SMTP_URL: 'smtp://mail.example:587'})
        .merchantEmail,
      'owner@shop.example'
    );
    // Development writes the merchant's emails to the mail folder, as the buyers'.
    assert.equal(
      parseConfig({MERCHANT_EMAIL: 'owner@shop.example'}).merchantEmail,
      'owner@shop.example'
    );
  });
});
