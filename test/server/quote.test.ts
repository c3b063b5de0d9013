import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {readFileSync} from 'node:fs';
import {parseCatalog} from '../../server/catalog/index.js';
import {makeServer, postJson, type TestServer} from './helpers.js';

/** The demo shop's products without its rules: the cart alone (quote-rules.test.ts has the rest). */
const {defaultCurrency, products} = JSON.parse(
  readFileSync('demo/catalog.json', 'utf8')
);
const productsOnly = parseCatalog(
  {defaultCurrency, products},
  'demo/catalog.json'
);

describe('POST /api/quote', () => {
  let server: TestServer;
  before(async () => {
    server = await makeServer({catalog: productsOnly});
  });
  after(() => server.close());

  const quote = (body: unknown, headers?: Record<string, string>) =>
    postJson(server.app, '/api/quote', body, headers);

  it('prices the cart from the catalog and ignores any price the client sent', async () => {
    const res = await quote({
      items: [
        {
          sku: 'tee-black-m',
          quantity: 2,
          price: 1,
          unitAmount: 1,
          name: 'Free tee',
        },
      ],
      currency: 'usd',
      total: 2,
    });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      currency: 'usd',
      lines: [
        {
          sku: 'tee-black-m',
          name: 'Black tee, size M',
          unitAmount: 2500,
          quantity: 2,
          amount: 5000,
          discount: 0,
          tax: 0,
          shippable: true,
        },
      ],
      subtotal: 5000,
      discount: 0,
      shipping: 0,
      tax: 0,
      taxInclusive: false,
      total: 5000,
      requiresShipping: false,
      shippingRates: [],
    });
  });

  it('uses the catalog’s default currency, and accepts a currency in any case', async () => {
    assert.equal(
      (await (await quote({items: [{sku: 'mug-enamel', quantity: 1}]})).json())
        .currency,
      'usd'
    );
    const jpy = await (
      await quote({items: [{sku: 'mug-enamel', quantity: 1}], currency: 'JPY'})
    ).json();
    assert.deepEqual([jpy.currency, jpy.total], ['jpy', 2200]);
  });

  const refusals: [string, unknown, number, string][] = [
    [
      'an unknown SKU',
      {items: [{sku: 'nope', quantity: 1}]},
      400,
      'unknown_sku',
    ],
    [
      'quantity 0',
      {items: [{sku: 'mug-enamel', quantity: 0}]},
      400,
      'quantity_out_of_range',
    ],
    [
      'a negative quantity',
      {items: [{sku: 'mug-enamel', quantity: -1}]},
      400,
      'quantity_out_of_range',
    ],
    [
      'a fractional quantity',
      {items: [{sku: 'mug-enamel', quantity: 1.5}]},
      400,
      'quantity_out_of_range',
    ],
    [
      'a string quantity',
      {items: [{sku: 'mug-enamel', quantity: '2'}]},
      400,
      'invalid_request',
    ],
    [
      'a quantity above the maximum',
      {items: [{sku: 'mug-enamel', quantity: 21}]},
      400,
      'quantity_out_of_range',
    ],
    [
      'an 11-digit quantity',
      {items: [{sku: 'mug-enamel', quantity: 12345678901}]},
      400,
      'quantity_out_of_range',
    ],
    ['an empty cart', {items: []}, 400, 'invalid_request'],
    ['no items at all', {}, 400, 'invalid_request'],
    [
      'more than 100 lines',
      {
        items: Array.from({length: 101}, () => ({
          sku: 'sticker-pack',
          quantity: 1,
        })),
      },
      400,
      'invalid_request',
    ],
    [
      'a currency the catalog does not price',
      {items: [{sku: 'mug-enamel', quantity: 1}], currency: 'gbp'},
      400,
      'currency_not_supported',
    ],
    [
      'a malformed currency',
      {items: [{sku: 'mug-enamel', quantity: 1}], currency: 'dollars'},
      400,
      'invalid_request',
    ],
    ['a body that is not JSON', '{"items": [', 400, 'invalid_request'],
    ['a JSON array', '[1,2]', 400, 'invalid_request'],
  ];
  for (const [what, body, status, code] of refusals) {
    it(`answers ${status} ${code} for ${what}`, async () => {
      const res = await quote(body);
      assert.equal(res.status, status);
      const json = await res.json();
      assert.equal(json.error.code, code);
      assert.equal(typeof json.error.message, 'string');
      assert.doesNotMatch(
        JSON.stringify(json),
        /at .*\.ts|node_modules/,
        'no stack trace'
      );
    });
  }

  it('refuses a body that is not declared as JSON', async () => {
    const res = await server.app.request('/api/quote', {
      method: 'POST',
      headers: {'content-type': 'text/plain'},
      body: JSON.stringify({items: [{sku: 'mug-enamel', quantity: 1}]}),
    });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.code, 'invalid_request');
  });

  it('refuses a body over 64 KB with 413', async () => {
    const res = await quote({
      items: [{sku: 'mug-enamel', quantity: 1}],
      padding: 'x'.repeat(70_000),
    });
    assert.equal(res.status, 413);
    assert.equal((await res.json()).error.code, 'payload_too_large');
  });
});

describe('GET /api/config', () => {
  it('names the currency and the publishable key, and no secret', async () => {
    const server = await makeServer({
      locale: 'fr',
      stripeSettings: {jsUrl: 'http://127.0.0.1:9/js/stripe.js'},
    });
    const res = await server.app.request('/api/config');
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.deepEqual(JSON.parse(text), {
      currency: 'usd',
      locale: 'fr',
      providers: {
        stripe: {
          publishableKey: 'pk_test_unit',
          jsUrl: 'http://127.0.0.1:9/js/stripe.js',
        },
      },
    });
    assert.doesNotMatch(text, /sk_|whsec_/);
    await server.close();
  });

  it('lists no provider that is not configured', async () => {
    const server = await makeServer({stripe: undefined});
    const res = await server.app.request('/api/config');
    assert.deepEqual((await res.json()).providers, {});
    await server.close();
  });
});

describe('the API’s edges', () => {
  let server: TestServer;
  before(async () => {
    server = await makeServer({
      publicUrl: 'http://localhost',
      allowedOrigins: ['https://shop.example'],
    });
  });
  after(() => server.close());

  it('answers an unknown endpoint with the contract’s 404', async () => {
    const res = await server.app.request('/api/nothing-here');
    assert.equal(res.status, 404);
    assert.equal((await res.json()).error.code, 'not_found');
  });

  it('serves /healthz', async () => {
    assert.deepEqual(await (await server.app.request('/healthz')).json(), {
      ok: true,
    });
  });

  it('sends CORS headers to an allowed origin only', async () => {
    const ok = await server.app.request('/api/config', {
      headers: {origin: 'https://shop.example'},
    });
    assert.equal(
      ok.headers.get('access-control-allow-origin'),
      'https://shop.example'
    );
    const preflight = await server.app.request('/api/quote', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
      },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
  });

  it('refuses requests from an origin that is not allowed', async () => {
    const res = await postJson(
      server.app,
      '/api/quote',
      {items: [{sku: 'mug-enamel', quantity: 1}]},
      {
        origin: 'https://evil.example',
      }
    );
    assert.equal(res.status, 403);
    assert.equal((await res.json()).error.code, 'forbidden_origin');
  });

  it('accepts its own origin, the one its public URL names', async () => {
    const res = await server.app.request('http://localhost/api/config', {
      headers: {origin: 'http://localhost'},
    });
    assert.equal(res.status, 200);
  });

  it('sets secure headers (HSTS only for an https public URL: see origins.test.ts)', async () => {
    const res = await server.app.request('/api/config');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('strict-transport-security'), null);
    assert.equal(
      res.headers.get('content-security-policy'),
      "default-src 'none'; frame-ancestors 'none'"
    );
  });
});
