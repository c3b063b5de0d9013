/**
 * Braintree's configuration: its variables and their checks, the client built from them
 * (sandbox, production, or an API base on loopback http only), GET /api/config's part, and the
 * amounts as Braintree writes them.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import braintree from 'braintree';
import {parseConfig} from '../../server/config.js';
import {checkoutPagePolicyFor} from '../../server/csp-cli.js';
import {
  braintreeOrderId,
  createBraintreeProvider,
  orderIdOf,
} from '../../server/providers/braintree/client.js';
import {parseMerchantAccounts} from '../../server/providers/braintree/command-line.js';
import {
  fromBraintreeAmount,
  toBraintreeAmount,
} from '../../server/providers/braintree/money.js';
import {BT_KEYS, makeBraintreeServer} from './braintree-helpers.js';
import {configProblems} from './helpers.js';

const credentials = {
  BRAINTREE_MERCHANT_ID: 'mymerchant',
  BRAINTREE_PUBLIC_KEY: 'mypublickey',
  BRAINTREE_PRIVATE_KEY: 'myprivatekey-do-not-print',
  BRAINTREE_MERCHANT_ACCOUNT_IDS: 'USD:shop_usd, eur:shop_eur',
};

describe('Braintree configuration', () => {
  it('is absent without credentials: the emulator stands in (in development)', () => {
    assert.equal(parseConfig({}).braintree, undefined);
  });

  it('takes a complete set, sandbox by default, the accounts by uppercase currency', () => {
    assert.deepEqual(parseConfig(credentials).braintree, {
      merchantId: 'mymerchant',
      publicKey: 'mypublickey',
      privateKey: 'myprivatekey-do-not-print',
      environment: 'sandbox',
      merchantAccounts: {USD: 'shop_usd', EUR: 'shop_eur'},
      apiBase: undefined,
    });
    const one = parseConfig({
      ...credentials,
      BRAINTREE_MERCHANT_ACCOUNT_IDS: '',
      BRAINTREE_MERCHANT_ACCOUNT_ID: 'JPY:shop_jpy',
    });
    assert.deepEqual(one.braintree?.merchantAccounts, {JPY: 'shop_jpy'});
  });

  it('makes BRAINTREE_ENVIRONMENT=production production, where missing settings stop the server', () => {
    assert.throws(
      () => parseConfig({BRAINTREE_ENVIRONMENT: 'production'}),
      /PUBLIC_URL is required in production \(BRAINTREE_ENVIRONMENT=production\)/
    );
    const live = parseConfig({
      ...credentials,
      PUBLIC_URL: 'https://shop.example',
      CATALOG: 'catalog.json',
      BRAINTREE_ENVIRONMENT: 'production',
    });
    assert.equal(live.mode, 'production');
    assert.equal(live.braintree?.environment, 'production');
  });

  it('refuses an incomplete set, naming the variables and never the private key', () => {
    const message = configProblems({
      BRAINTREE_MERCHANT_ID: 'mymerchant',
      BRAINTREE_PRIVATE_KEY: 'myprivatekey-do-not-print',
    });
    assert.match(message, /BRAINTREE_PUBLIC_KEY is required/);
    assert.match(message, /BRAINTREE_MERCHANT_ACCOUNT_IDS .* is required/);
    assert.doesNotMatch(message, /do-not-print/);
  });

  it('refuses merchant accounts without their currency, listed twice, or both variables', () => {
    assert.match(
      configProblems({
        ...credentials,
        BRAINTREE_MERCHANT_ACCOUNT_IDS: 'shop_usd',
      }),
      /BRAINTREE_MERCHANT_ACCOUNT_IDS: "shop_usd" is not CURRENCY:merchant-account-id/
    );
    assert.match(
      configProblems({
        ...credentials,
        BRAINTREE_MERCHANT_ACCOUNT_IDS: 'USD:a,usd:b',
      }),
      /USD is listed twice/
    );
    assert.match(
      configProblems({...credentials, BRAINTREE_MERCHANT_ACCOUNT_ID: 'USD:a'}),
      /cannot both be set/
    );
    assert.match(
      configProblems({
        ...credentials,
        BRAINTREE_MERCHANT_ACCOUNT_IDS: '',
        BRAINTREE_MERCHANT_ACCOUNT_ID: 'USD:a,EUR:b',
      }),
      /names one account/
    );
    assert.deepEqual(parseMerchantAccounts('usd:a-1_B'), {USD: 'a-1_B'});
  });

  it('refuses a stray newline in a key, and an API base on plain http off loopback', () => {
    assert.match(
      configProblems({...credentials, BRAINTREE_PRIVATE_KEY: 'key\n'}),
      /BRAINTREE_PRIVATE_KEY.*whitespace/
    );
    assert.match(
      configProblems({
        ...credentials,
        BRAINTREE_API_BASE: 'http://braintree.example',
      }),
      /BRAINTREE_API_BASE/
    );
  });
});

describe('the checkout page policy for Braintree', () => {
  const directives = (policy: string) =>
    Object.fromEntries(
      policy.split('; ').map((part) => {
        const [name, ...sources] = part.split(' ');
        return [name!, sources];
      })
    );

  it("names Drop-in's documented origins once credentials are set, and not the emulator's port", () => {
    const {policy} = checkoutPagePolicyFor(
      parseConfig({PORT: '5000', ...credentials})
    );
    const d = directives(policy);
    assert.ok(d['script-src'].includes('https://js.braintreegateway.com'));
    assert.ok(d['script-src'].includes('https://assets.braintreegateway.com'));
    assert.ok(d['frame-src'].includes('https://assets.braintreegateway.com'));
    for (const host of [
      'https://api.braintreegateway.com',
      'https://api.sandbox.braintreegateway.com',
      'https://client-analytics.braintreegateway.com',
    ])
      assert.ok(d['connect-src'].includes(host), host);
    assert.doesNotMatch(policy, /127\.0\.0\.1:5004/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
  });
});

describe('createBraintreeProvider', () => {
  const accounts = {usd: 'shop_usd'};

  it('talks to the sandbox, to production, or to an API base (its host, port and scheme)', () => {
    const host = (settings: object) =>
      createBraintreeProvider({
        ...BT_KEYS,
        merchantAccounts: accounts,
        ...settings,
      }).client.config.environment as braintree.Environment & {
        server: string;
        port: string;
        ssl: boolean;
      };
    assert.equal(host({}), braintree.Environment.Sandbox);
    assert.equal(
      host({environment: 'production'}),
      braintree.Environment.Production
    );
    const local = host({apiBase: 'http://127.0.0.1:4567'});
    assert.deepEqual(
      [local.server, local.port, local.ssl],
      ['127.0.0.1', '4567', false]
    );
    const ipv6 = host({apiBase: 'http://[::1]:4568'});
    assert.deepEqual([ipv6.server, ipv6.port], ['::1', '4568']);
    const tls = host({apiBase: 'https://braintree.example'});
    assert.deepEqual(
      [tls.server, tls.port, tls.ssl],
      ['braintree.example', '443', true]
    );
  });

  it('refuses plain http off loopback, and no merchant account at all', () => {
    assert.throws(
      () =>
        createBraintreeProvider({
          ...BT_KEYS,
          merchantAccounts: accounts,
          apiBase: 'http://10.0.0.2:4567',
        }),
      /BRAINTREE_API_BASE must use https/
    );
    assert.throws(
      () => createBraintreeProvider({...BT_KEYS, merchantAccounts: {}}),
      /merchant account/
    );
  });

  it('sets the SDK timeout the constructor fixes at 60 s', () => {
    const {client} = createBraintreeProvider({
      ...BT_KEYS,
      merchantAccounts: accounts,
      timeoutMs: 1234,
    });
    assert.equal(client.config.timeout, 1234);
  });

  it('keys the sale by our order id, and the attempt after the first', () => {
    assert.equal(braintreeOrderId('ord_a-b_c'), 'ord_a-b_c');
    assert.equal(braintreeOrderId('ord_a-b_c', 3), 'ord_a-b_c.3');
    assert.equal(orderIdOf('ord_a-b_c.3'), 'ord_a-b_c');
    assert.equal(orderIdOf('ord_a-b_c'), 'ord_a-b_c');
    assert.equal(orderIdOf({}), undefined);
  });
});

describe('GET /api/config with Braintree', () => {
  it('lists the currencies with a merchant account and the environment, never a key', async () => {
    const server = await makeBraintreeServer();
    try {
      const res = await server.app.request('/api/config');
      const body = await res.json();
      assert.deepEqual(body.providers.braintree, {
        currencies: ['USD', 'EUR', 'JPY'],
        environment: 'sandbox',
      });
      assert.doesNotMatch(
        JSON.stringify(body),
        /unit_private_key|unit_public_key/
      );
    } finally {
      await server.close();
    }
  });
});

describe('Braintree amounts', () => {
  it("writes minor units as the currency's decimal string (none for JPY)", () => {
    assert.equal(toBraintreeAmount(1050, 'usd'), '10.50');
    assert.equal(toBraintreeAmount(5, 'eur'), '0.05');
    assert.equal(toBraintreeAmount(0, 'usd'), '0.00');
    assert.equal(toBraintreeAmount(1200, 'jpy'), '1200');
    assert.equal(toBraintreeAmount(123456789012, 'usd'), '1234567890.12');
  });

  it("reads Braintree's strings back exactly, trailing zeros dropped or not, and refuses the rest", () => {
    assert.equal(fromBraintreeAmount('10.50', 'usd'), 1050);
    assert.equal(fromBraintreeAmount('100', 'usd'), 10000);
    assert.equal(fromBraintreeAmount('250.0', 'usd'), 25000);
    assert.equal(fromBraintreeAmount('1200', 'jpy'), 1200);
    assert.equal(fromBraintreeAmount('1200.00', 'jpy'), 1200);
    for (const bad of ['10.505', '1200.5', '-1.00', '1e3', '', ' 1.00', 12])
      assert.equal(
        fromBraintreeAmount(bad, bad === '1200.5' ? 'jpy' : 'usd'),
        undefined,
        String(bad)
      );
  });
});
