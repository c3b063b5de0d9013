/**
 * POST /api/paypal/orders (and the PayPal OAuth token it needs) through app.request(), with
 * PayPal played by an in-memory fake reached through the injected fetch. Capture:
 * paypal-capture.test.ts.
 */
import assert from 'node:assert/strict';
import {after, beforeEach, describe, it} from 'node:test';
import {parseCatalog} from '../../server/catalog/index.js';
import type {PaypalOrderRequest} from '../../server/providers/paypal/types.js';
import {demoCatalog, makeServer, postJson} from './helpers.js';
import {createFakePaypal} from './paypal-fake.js';
import {makePaypalServer, type PaypalTestServer} from './paypal-fixtures.js';
import {PAYPAL_CLIENT_SECRET} from './paypal-webhook-fixtures.js';
import {cart, createOrder} from './paypal-order-helpers.js';

describe('POST /api/paypal/orders', () => {
  let server: PaypalTestServer;
  beforeEach(async () => {
    server = await makePaypalServer({catalog: demoCatalog({withRules: true})});
  });
  after(() => server.close());

  it('creates the order and a PayPal order for the catalog price, whatever the client sent', async () => {
    const {res, json} = await createOrder(server, {
      ...cart,
      items: [{sku: 'tee-black-m', quantity: 2, price: 1, name: 'Free tee'}],
      amount: 1,
    });
    assert.equal(res.status, 201, JSON.stringify(json));
    assert.deepEqual(Object.keys(json).sort(), [
      'orderId',
      'orderToken',
      'paypalOrderId',
    ]);
    assert.match(json.orderId, /^ord_/);
    assert.ok(json.orderToken.length >= 43);

    const [call] = server.fake.calls.filter(
      (c) => c.path === '/v2/checkout/orders'
    );
    assert.equal(
      call.headers.get('paypal-request-id'),
      `pay-checkout-${json.orderId}-create`
    );
    assert.equal(call.headers.get('prefer'), 'return=representation');
    const usd = (value: string) => ({currency_code: 'USD', value});
    assert.deepEqual(call.body, {
      intent: 'CAPTURE',
      purchase_units: [
        {
          custom_id: json.orderId,
          invoice_id: json.orderId,
          items: [
            {
              name: 'Black tee, size M',
              quantity: '2',
              unit_amount: usd('25.00'),
              sku: 'tee-black-m',
              category: 'PHYSICAL_GOODS',
            },
          ],
          // Oregon: no sales tax; standard shipping is free from 50.00.
          amount: {
            ...usd('50.00'),
            breakdown: {item_total: usd('50.00'), shipping: usd('0.00')},
          },
          shipping: {
            name: {full_name: 'Ada Buyer'},
            address: {
              country_code: 'US',
              address_line_1: '1 Main St',
              admin_area_2: 'Portland',
              admin_area_1: 'OR',
              postal_code: '97201',
            },
            options: [
              {
                id: 'standard',
                label: 'Standard',
                type: 'SHIPPING',
                amount: usd('0.00'),
                selected: true,
              },
              {
                id: 'express',
                label: 'Express',
                type: 'SHIPPING',
                amount: usd('15.99'),
                selected: false,
              },
            ],
          },
        },
      ],
      payment_source: {
        paypal: {experience_context: {shipping_preference: 'GET_FROM_FILE'}},
      },
    });

    const order = await server.store.get(json.orderId);
    assert.deepEqual(
      [
        order?.status,
        order?.provider,
        order?.providerPaymentId,
        order?.total,
        order?.email,
      ],
      ['pending', 'paypal', json.paypalOrderId, 5000, 'buyer@example.com']
    );
  });

  it('asks PayPal for no address when nothing ships', async () => {
    const {res, json} = await createOrder(server, {
      items: [{sku: 'field-guide-ebook', quantity: 1}],
    });
    assert.equal(res.status, 201, JSON.stringify(json));
    const body = server.fake.orders.get(json.paypalOrderId)!
      .requestBody as unknown as PaypalOrderRequest;
    assert.equal(
      body.payment_source?.paypal.experience_context.shipping_preference,
      'NO_SHIPPING'
    );
    const [unit] = body.purchase_units;
    assert.equal(unit.shipping, undefined);
    assert.equal(unit.items[0].category, 'DIGITAL_GOODS');
    assert.deepEqual(unit.amount.breakdown, {
      item_total: {currency_code: 'USD', value: '12.00'},
    });
  });

  it('creates nothing for an unknown SKU, a bad quantity or an unpriced currency', async () => {
    for (const body of [
      {items: [{sku: 'nope', quantity: 1}]},
      {items: [{sku: 'tee-black-m', quantity: 11}]},
      {items: [{sku: 'tee-black-m', quantity: 1.5}]},
      {items: [{sku: 'tee-black-m', quantity: 1}], currency: 'gbp'},
      {items: []},
    ]) {
      const {res} = await createOrder(server, body);
      assert.equal(res.status, 400, JSON.stringify(body));
    }
    assert.equal(server.fake.calls.length, 0, 'PayPal was never called');
  });

  it('answers 409 price_changed with the fresh quote when the buyer saw another total, and creates nothing', async () => {
    const {res, json} = await createOrder(server, {
      ...cart,
      expectedTotal: 4000,
    });
    assert.equal(res.status, 409);
    assert.equal(json.error.code, 'price_changed');
    assert.equal(json.error.quote.total, 5000);
    assert.equal(server.fake.calls.length, 0);
    assert.equal(
      (await createOrder(server, {...cart, expectedTotal: 5000})).res.status,
      201
    );
  });

  it('refuses with currency_not_supported, creating nothing, what PayPal cannot take exactly', async () => {
    const catalog = parseCatalog({
      defaultCurrency: 'usd',
      products: [
        {
          sku: 'paprika',
          name: 'Paprika',
          maxQuantity: 5,
          prices: {usd: 500, huf: 1050, twd: 30000, krw: 5000},
        },
      ],
    });
    const shop = await makePaypalServer({catalog});
    // 10.50 HUF: PayPal takes HUF in whole forints only. KRW: PayPal does not take it at all.
    for (const currency of ['huf', 'krw']) {
      const res = await postJson(shop.app, '/api/paypal/orders', {
        items: [{sku: 'paprika', quantity: 1}],
        currency,
      });
      assert.equal(res.status, 400, currency);
      assert.equal((await res.json()).error.code, 'currency_not_supported');
    }
    assert.equal(shop.fake.calls.length, 0);
    // 300.00 TWD is whole: sent as "300".
    const ok = await postJson(shop.app, '/api/paypal/orders', {
      items: [{sku: 'paprika', quantity: 2}],
      currency: 'twd',
    });
    assert.equal(ok.status, 201);
    const [call] = shop.fake.calls.filter(
      (c) => c.path === '/v2/checkout/orders'
    );
    assert.deepEqual(
      (call.body as {purchase_units: {amount: {value: string}}[]})
        .purchase_units[0].amount.value,
      '600'
    );
    await shop.close();
  });

  it('never sends a secret or PayPal’s access token to the browser', async () => {
    const res = await postJson(server.app, '/api/paypal/orders', cart);
    const text = await res.text();
    const tokenCall = server.fake.calls.find(
      (c) => c.path === '/v1/oauth2/token'
    );
    assert.ok(tokenCall);
    const accessToken = /^Bearer (.+)$/.exec(
      server.fake.calls.at(-1)!.headers.get('authorization')!
    )![1];
    for (const secret of [PAYPAL_CLIENT_SECRET, accessToken]) {
      assert.ok(!text.includes(secret));
      for (const [, value] of res.headers) assert.ok(!value.includes(secret));
    }
  });

  it('maps PayPal refusing the order to 502 provider_error, without PayPal’s text', async () => {
    server.fake.fault(
      'POST',
      '/v2/checkout/orders',
      Response.json(
        {
          name: 'UNPROCESSABLE_ENTITY',
          message: 'secret internals',
          details: [{issue: 'AMOUNT_MISMATCH'}],
        },
        {status: 422}
      )
    );
    const {res, json} = await createOrder(server);
    assert.equal(res.status, 502);
    assert.equal(json.error.code, 'provider_error');
    assert.doesNotMatch(
      JSON.stringify(json),
      /internals|AMOUNT_MISMATCH|paypal\.com/i
    );
  });

  it('answers 503 provider_unavailable within its timeout when PayPal hangs or fails', async () => {
    server.fake.fault('POST', '/v2/checkout/orders', 'hang');
    const started = Date.now();
    const hung = await createOrder(server);
    assert.equal(hung.res.status, 503);
    assert.equal(hung.json.error.code, 'provider_unavailable');
    assert.ok(Date.now() - started < 2000);
    server.fake.fault(
      'POST',
      '/v2/checkout/orders',
      new Response('upstream exploded', {status: 500})
    );
    const failed = await createOrder(server);
    assert.equal(failed.res.status, 503);
    assert.doesNotMatch(JSON.stringify(failed.json), /exploded/);
  });

  it('answers 503 provider_not_configured without PayPal', async () => {
    const noPaypal = await makeServer();
    const res = await postJson(noPaypal.app, '/api/paypal/orders', cart);
    assert.equal(res.status, 503);
    assert.equal((await res.json()).error.code, 'provider_not_configured');
    await noPaypal.close();
  });
});

describe('PayPal OAuth token', () => {
  it('is fetched once for many calls, and concurrent callers share one request', async () => {
    const server = await makePaypalServer();
    await Promise.all([1, 2, 3, 4, 5].map(() => createOrder(server)));
    await createOrder(server);
    assert.equal(server.fake.count('POST', '/v2/checkout/orders'), 6);
    assert.equal(server.fake.count('POST', '/v1/oauth2/token'), 1);
    const tokenCall = server.fake.calls.find(
      (c) => c.path === '/v1/oauth2/token'
    )!;
    assert.equal(
      tokenCall.headers.get('content-type'),
      'application/x-www-form-urlencoded'
    );
    assert.equal(tokenCall.body, 'grant_type=client_credentials');
    await server.close();
  });

  it('is renewed before it expires', async () => {
    let now = Date.now();
    const fake = createFakePaypal({tokenLifetimeS: 3600});
    const server = await makePaypalServer({
      fake,
      settings: {now: () => new Date(now)},
    });
    await createOrder(server);
    now += 3000 * 1000; // within the hour, but inside the renewal margin
    await createOrder(server);
    now += 5 * 60 * 1000;
    await createOrder(server);
    assert.equal(fake.count('POST', '/v1/oauth2/token'), 2);
    await server.close();
  });

  it('is refreshed once on a 401 and the call retried, never in a loop', async () => {
    const server = await makePaypalServer();
    await createOrder(server);
    server.fake.revokeTokens();
    const {res} = await createOrder(server);
    assert.equal(res.status, 201);
    assert.equal(server.fake.count('POST', '/v1/oauth2/token'), 2);

    // PayPal refusing every token: one refresh, one retry, then a stable error.
    const before = server.fake.calls.length;
    server.fake.fault(
      'POST',
      '/v2/checkout/orders',
      new Response('{}', {status: 401})
    );
    server.fake.fault(
      'POST',
      '/v2/checkout/orders',
      new Response('{}', {status: 401})
    );
    const refused = await createOrder(server);
    assert.equal(refused.res.status, 502);
    assert.equal(refused.json.error.code, 'provider_error');
    const made = server.fake.calls
      .slice(before)
      .map((c) => `${c.method} ${c.path}`);
    assert.deepEqual(made, [
      'POST /v2/checkout/orders',
      'POST /v1/oauth2/token',
      'POST /v2/checkout/orders',
    ]);
    await server.close();
  });

  it('maps refused client credentials to provider_error without the secret', async () => {
    const server = await makePaypalServer({
      settings: {clientSecret: 'wrong-secret'},
    });
    const {res, json} = await createOrder(server);
    assert.equal(res.status, 502);
    assert.equal(json.error.code, 'provider_error');
    assert.doesNotMatch(JSON.stringify(json), /wrong-secret|invalid_client/);
    await server.close();
  });
});
