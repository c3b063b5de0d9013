/**
 * Client idempotency on the create endpoints: the same Idempotency-Key with the same body gets
 * the same answer (one order, one PaymentIntent, one PayPal order), another body 409
 * idempotency_key_reused, concurrent requests one order; what is stored reveals no token.
 */
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {after, before, beforeEach, describe, it} from 'node:test';
import {
  fingerprint,
  openAnswer,
  sealAnswer,
} from '../../server/middleware/idempotency.js';
import {type Harness, startHarness} from './harness.js';
import {postJson} from './helpers.js';
import {makePaypalServer} from './paypal-fixtures.js';

const cart = {
  items: [{sku: 'tee-black-m', quantity: 2}],
  email: 'buyer@example.com',
};

describe('Idempotency-Key on the create endpoints', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({allowedOrigins: ['https://shop.test']});
  });
  after(() => h.close());
  beforeEach(() => h.emulator.faults.reset());

  const create = (key: string | undefined, body: unknown = cart) =>
    postJson(
      h.server.app,
      '/api/stripe/payment-intents',
      body,
      key === undefined ? {} : {'idempotency-key': key}
    );
  const intents = () => h.emulator.events.list('payment_intent.created').length;
  const openOrders = () =>
    h.server.store.openOrders(
      new Date(Date.now() + 60_000).toISOString(),
      1000
    );

  it('answers a retry with the same key and body with the same order, token and client secret, and creates nothing more', async () => {
    const key = randomUUID();
    const intentsBefore = intents();
    const ordersBefore = (await openOrders()).length;
    const first = await create(key);
    assert.equal(first.status, 201);
    const answer = await first.json();
    // The same body with its keys in another order is the same request.
    const retry = await create(key, {
      email: cart.email,
      items: [{quantity: 2, sku: 'tee-black-m'}],
    });
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await retry.json(), answer);
    assert.equal(intents(), intentsBefore + 1, 'one PaymentIntent');
    assert.equal((await openOrders()).length, ordersBefore + 1, 'one order');

    // The replayed token opens the order.
    const read = await h.server.app.request(`/api/orders/${answer.orderId}`, {
      headers: {authorization: `Bearer ${answer.orderToken}`},
    });
    assert.equal(read.status, 200);
  });

  it('refuses the same key with another body, or on another endpoint, with 409 idempotency_key_reused', async () => {
    const key = randomUUID();
    assert.equal((await create(key)).status, 201);
    const intentsBefore = intents();
    const other = await create(key, {
      ...cart,
      items: [{sku: 'tee-black-m', quantity: 3}],
    });
    assert.equal(other.status, 409);
    assert.equal((await other.json()).error.code, 'idempotency_key_reused');
    const elsewhere = await postJson(
      h.server.app,
      '/api/stripe/checkout-sessions',
      {
        ...cart,
        successUrl: 'https://shop.test/ok',
        cancelUrl: 'https://shop.test/no',
      },
      {'idempotency-key': key}
    );
    assert.equal(elsewhere.status, 409);
    assert.equal(intents(), intentsBefore, 'nothing was created');
  });

  it('makes one order of concurrent requests with one key, and answers each with it', async () => {
    const key = randomUUID();
    const ordersBefore = (await openOrders()).length;
    const intentsBefore = intents();
    const answers = await Promise.all(
      Array.from({length: 6}, () => create(key))
    );
    assert.deepEqual(
      answers.map((r) => r.status),
      [201, 201, 201, 201, 201, 201]
    );
    const bodies = await Promise.all(answers.map((r) => r.json()));
    assert.equal(new Set(bodies.map((b) => b.orderId)).size, 1);
    assert.equal(new Set(bodies.map((b) => b.clientSecret)).size, 1);
    assert.equal((await openOrders()).length, ordersBefore + 1);
    assert.equal(intents(), intentsBefore + 1);
  });

  it('does not replay a failure: a retry after Stripe failed runs again', async () => {
    const key = randomUUID();
    h.emulator.faults.failNextRequests(1);
    const failed = await create(key);
    assert.ok(failed.status >= 500, String(failed.status));
    const retry = await create(key);
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), null);
  });

  it('is the same Checkout Session URL on a retry of a hosted Checkout', async () => {
    const key = randomUUID();
    const body = {
      ...cart,
      successUrl: 'https://shop.test/ok',
      cancelUrl: 'https://shop.test/no',
    };
    const post = () =>
      postJson(h.server.app, '/api/stripe/checkout-sessions', body, {
        'idempotency-key': key,
      });
    const first = await (await post()).json();
    const second = await (await post()).json();
    assert.match(first.url, /^http/);
    assert.deepEqual(second, first);
  });

  it('refuses a key that is too short or not printable, and works as before without one', async () => {
    for (const key of ['short', 'a'.repeat(256), 'spaces are not ok here']) {
      const res = await create(key);
      assert.equal(res.status, 400, key);
      assert.equal((await res.json()).error.code, 'invalid_request');
    }
    const a = await (await create(undefined)).json();
    const b = await (await create(undefined)).json();
    assert.notEqual(a.orderId, b.orderId);
  });
});

describe('Idempotency-Key on PayPal orders', () => {
  it('answers a retry with the same PayPal order, created once', async () => {
    const server = await makePaypalServer();
    const key = randomUUID();
    const post = () =>
      postJson(server.app, '/api/paypal/orders', cart, {
        'idempotency-key': key,
      });
    const [first, second] = await Promise.all([post(), post()]);
    assert.deepEqual([first.status, second.status], [201, 201]);
    assert.deepEqual(await second.json(), await first.json());
    assert.equal(server.fake.count('POST', '/v2/checkout/orders'), 1);
    await server.close();
  });
});

describe('the stored answer', () => {
  it('is readable only with the Idempotency-Key it was stored under', () => {
    const print = fingerprint('POST', '/api/paypal/orders', '{"b":1,"a":2}');
    assert.equal(
      print,
      fingerprint('POST', '/api/paypal/orders', '{"a":2,"b":1}')
    );
    const text = '{"orderId":"ord_1","orderToken":"secret-token"}';
    const sealed = sealAnswer('key-0123456789abcdef', print, text);
    assert.ok(!sealed.includes('secret-token'));
    assert.ok(!Buffer.from(sealed, 'base64').toString().includes('secret'));
    assert.equal(openAnswer('key-0123456789abcdef', print, sealed), text);
    assert.throws(() => openAnswer('key-0123456789abcdeX', print, sealed));
  });
});
