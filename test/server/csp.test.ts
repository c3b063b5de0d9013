/**
 * The Content Security Policy `pay-checkout-server csp` prints for a checkout page: the
 * companion server, and per provider the origins its documentation names (or, in development,
 * the emulators' origins). The end-to-end proof that it is enough is test/e2e/csp.test.ts.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseConfig} from '../../server/config.js';
import {checkoutPagePolicyFor} from '../../server/csp-cli.js';
import {checkoutPageDirectives} from '../../server/csp.js';

const stripeLive = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://pay.shop.example',
  CATALOG: 'catalog.json',
  STRIPE_SECRET_KEY: 'sk_live_abc',
  STRIPE_PUBLISHABLE_KEY: 'pk_live_abc',
  STRIPE_WEBHOOK_SECRET: 'whsec_abc',
};
const paypalLive = {
  PAYPAL_CLIENT_ID: 'client',
  PAYPAL_CLIENT_SECRET: 'secret',
  PAYPAL_WEBHOOK_ID: 'WH123',
  PAYPAL_ENVIRONMENT: 'live',
};

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split('; ').map((part) => {
      const [name, ...sources] = part.split(' ');
      return [name!, sources];
    })
  );

describe('pay-checkout-server csp', () => {
  it('names the companion server and Stripe’s documented origins, and nothing of PayPal when it is not offered', () => {
    const {policy} = checkoutPagePolicyFor(parseConfig(stripeLive));
    const d = directives(policy);
    assert.deepEqual(d['script-src'], [
      "'self'",
      'https://pay.shop.example',
      'https://js.stripe.com',
      'https://*.js.stripe.com',
    ]);
    assert.ok(d['connect-src'].includes('https://pay.shop.example'));
    assert.ok(d['connect-src'].includes('https://api.stripe.com'));
    assert.ok(d['frame-src'].includes('https://hooks.stripe.com'));
    assert.deepEqual(d['style-src'], ["'self'"], 'Stripe.js needs no style');
    assert.doesNotMatch(policy, /paypal|nonce/);
  });

  it('adds PayPal’s origins and the page nonce for its styles', () => {
    const {policy, notes} = checkoutPagePolicyFor(
      parseConfig({...stripeLive, ...paypalLive})
    );
    const d = directives(policy);
    for (const name of ['script-src', 'style-src'])
      assert.ok(d[name].includes("'nonce-{NONCE}'"), name);
    for (const name of ['connect-src', 'frame-src', 'img-src', 'child-src'])
      assert.ok(d[name].includes('https://*.paypal.com'), name);
    assert.match(notes.join('\n'), /Replace \{NONCE\}/);
    const fixed = checkoutPagePolicyFor(
      parseConfig({...stripeLive, ...paypalLive}),
      'bm9uY2Utdmk='
    );
    assert.match(fixed.policy, /'nonce-bm9uY2Utdmk='/);
    assert.doesNotMatch(fixed.policy, /\{NONCE\}/);
  });

  it('never allows anything inline or eval', () => {
    for (const env of [
      stripeLive,
      {...stripeLive, ...paypalLive},
      {PORT: '4242'},
    ]) {
      const {policy} = checkoutPagePolicyFor(parseConfig(env));
      assert.doesNotMatch(policy, /unsafe-|\*(?!\.)|https?:(?!\/\/)/, policy);
      const d = directives(policy);
      assert.deepEqual(d['object-src'], ["'none'"]);
      assert.deepEqual(d['default-src'], ["'self'"]);
    }
  });

  it('names the emulators’ fixed origins in development (PORT+1 … PORT+4, in the registry’s order)', () => {
    const {policy} = checkoutPagePolicyFor(parseConfig({PORT: '5000'}));
    const d = directives(policy);
    assert.deepEqual(d['script-src'], [
      "'self'",
      'http://localhost:5000',
      'http://127.0.0.1:5000',
      'http://127.0.0.1:5001',
      'http://127.0.0.1:5002',
      // PayPal's emulator asks for the nonce; Square's and Braintree's origins follow, in the
      // registry's order (their SDK fakes need no nonce).
      "'nonce-{NONCE}'",
      'http://127.0.0.1:5003',
      'http://127.0.0.1:5004',
    ]);
    assert.deepEqual(d['frame-src'], [
      'http://127.0.0.1:5001',
      'http://127.0.0.1:5002',
      'http://127.0.0.1:5003',
      'http://127.0.0.1:5004',
    ]);
  });

  it('uses Stripe.js itself in development once test keys are set', () => {
    const {policy} = checkoutPagePolicyFor(
      parseConfig({
        PORT: '5000',
        STRIPE_SECRET_KEY: 'sk_test_abc',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_abc',
        STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      })
    );
    assert.match(policy, /https:\/\/js\.stripe\.com/);
    assert.doesNotMatch(policy, /127\.0\.0\.1:5001/);
    assert.match(policy, /127\.0\.0\.1:5002/, 'the PayPal emulator still runs');
  });

  it('cannot name a port that is chosen at start', () => {
    assert.throws(
      () => checkoutPagePolicyFor(parseConfig({PORT: '0'})),
      /PORT=0/
    );
  });

  it('refuses nothing but frames when no provider needs one', () => {
    assert.deepEqual(
      checkoutPageDirectives({server: ["'self'"]})['frame-src'],
      ["'none'"]
    );
  });
});
