/**
 * POST /api/stripe/payment-intents and the whole Stripe loop over real HTTP: our server on a
 * loopback port, the Stripe emulator on another, webhooks flowing between them.
 */
import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import Stripe from 'stripe';
import {type Harness, startHarness} from './harness.js';
import {intentIdOf, postJson} from './helpers.js';

const cart = {
  items: [{sku: 'tee-black-m', quantity: 2}],
  email: 'buyer@example.com',
};

async function createIntent(h: Harness, body: unknown = cart) {
  const res = await postJson(h.server.app, '/api/stripe/payment-intents', body);
  return {res, json: await res.json()};
}

describe('POST /api/stripe/payment-intents', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());
  beforeEach(() => h.emulator.faults.reset());

  const intentsCreated = () =>
    h.emulator.events.list('payment_intent.created').length;

  it('creates the order and a PaymentIntent for the catalog price, whatever the client sent', async () => {
    const {res, json} = await createIntent(h, {
      items: [{sku: 'tee-black-m', quantity: 2, price: 1, amount: 1}],
      currency: 'usd',
      amount: 2,
      email: 'buyer@example.com',
    });
    assert.equal(res.status, 201);
    assert.match(json.orderId, /^ord_/);
    assert.ok(json.orderToken.length >= 43, 'at least 256 bits of token');
    assert.deepEqual([json.amount, json.currency], [5000, 'usd']);

    const intent = await h.stripe.paymentIntents.retrieve(
      intentIdOf(json.clientSecret)
    );
    assert.equal(intent.amount, 5000);
    assert.equal(intent.currency, 'usd');
    assert.equal(intent.metadata.order_id, json.orderId);
    assert.equal(intent.receipt_email, 'buyer@example.com');
    const created = h.emulator.events
      .list('payment_intent.created')
      .find((e) => e.data.object.id === intent.id);
    assert.equal(
      created?.request.idempotency_key,
      `pay-checkout:${json.orderId}:payment-intent:1`
    );

    const order = await h.server.store.get(json.orderId);
    assert.deepEqual(
      [order?.status, order?.providerPaymentId, order?.total],
      ['pending', intent.id, 5000]
    );
  });

  it('charges JPY in whole yen', async () => {
    const {json} = await createIntent(h, {
      items: [{sku: 'mug-enamel', quantity: 3}],
      currency: 'JPY',
    });
    const intent = await h.stripe.paymentIntents.retrieve(
      intentIdOf(json.clientSecret)
    );
    assert.deepEqual([intent.amount, intent.currency], [6600, 'jpy']);
  });

  it('creates nothing for an unknown SKU, a bad quantity or an unpriced currency', async () => {
    const before = intentsCreated();
    for (const body of [
      {items: [{sku: 'nope', quantity: 1}]},
      {items: [{sku: 'tee-black-m', quantity: 11}]},
      {items: [{sku: 'tee-black-m', quantity: 1}], currency: 'gbp'},
      {items: [{sku: 'tee-black-m', quantity: 1}], email: 'not-an-email'},
    ]) {
      const {res} = await createIntent(h, body);
      assert.equal(res.status, 400, JSON.stringify(body));
    }
    assert.equal(intentsCreated(), before);
  });

  it('answers 409 price_changed with the fresh quote when the buyer saw another total, and creates nothing', async () => {
    const before = intentsCreated();
    const {res, json} = await createIntent(h, {...cart, expectedTotal: 1000});
    assert.equal(res.status, 409);
    assert.equal(json.error.code, 'price_changed');
    assert.equal(json.error.quote.total, 5000);
    assert.equal(intentsCreated(), before);
    const ok = await createIntent(h, {...cart, expectedTotal: 5000});
    assert.equal(ok.res.status, 201);
  });

  it('never sends a secret to the browser', async () => {
    const res = await postJson(
      h.server.app,
      '/api/stripe/payment-intents',
      cart
    );
    const text = await res.text();
    assert.doesNotMatch(text, /sk_test|whsec_/);
    for (const [, value] of res.headers)
      assert.doesNotMatch(value, /sk_test|whsec_/);
  });

  it('maps a Stripe outage to 503 provider_unavailable without Stripe’s text', async () => {
    h.emulator.faults.failNextRequests(1);
    const {res, json} = await createIntent(h);
    assert.equal(res.status, 503);
    assert.equal(json.error.code, 'provider_unavailable');
    assert.doesNotMatch(JSON.stringify(json), /stripe\.com|api_error|sk_/i);
  });
});

describe('Stripe network retries', () => {
  it('a timed-out create retried by the SDK makes one PaymentIntent, under the same key', async () => {
    // The first call is still running at Stripe when the SDK gives up on it; its retries meet
    // the same idempotency key (409 while in flight, then the saved response).
    const h = await startHarness({
      stripeSettings: {timeoutMs: 300, maxNetworkRetries: 3},
    });
    h.emulator.faults.hangNextRequests(1, 500);
    const {res, json} = await createIntent(h);
    assert.equal(res.status, 201);
    const created = h.emulator.events.list('payment_intent.created');
    assert.equal(created.length, 1);
    assert.equal(created[0].data.object.id, intentIdOf(json.clientSecret));
    await h.close();
  });

  it('answers within its timeout when Stripe hangs', async () => {
    const h = await startHarness({
      stripeSettings: {timeoutMs: 300, maxNetworkRetries: 0},
    });
    h.emulator.faults.hangNextRequests(1);
    const {res, json} = await createIntent(h);
    assert.equal(res.status, 503);
    assert.equal(json.error.code, 'provider_unavailable');
    await h.close();
  });
});

describe('the Stripe payment loop', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({staleAfterMs: 60_000});
  });
  after(() => h.close());
  beforeEach(() => h.emulator.faults.reset());

  async function pay(paymentMethod: string) {
    const {json} = await createIntent(h);
    const id = intentIdOf(json.clientSecret);
    const result = await h.stripe.paymentIntents
      .confirm(id, {
        payment_method: paymentMethod,
        return_url: 'https://shop.example/return',
      })
      .catch((error: Stripe.errors.StripeError) => error);
    await h.emulator.flush();
    return {json, id, result, order: () => h.server.store.get(json.orderId)};
  }

  it('marks the order paid from the signed webhook and fulfils it once', async () => {
    const before = (await h.server.settled()).length;
    const {json, order} = await pay('pm_card_visa');
    assert.equal((await order())?.status, 'paid');
    assert.equal((await h.server.settled()).length, before + 1);
    assert.equal((await h.server.settled()).at(-1)?.id, json.orderId);
    const read = await h.server.app.request(`/api/orders/${json.orderId}`, {
      headers: {authorization: `Bearer ${json.orderToken}`},
    });
    assert.equal((await read.json()).status, 'paid');
  });

  it('fulfils once when Stripe delivers every event twice at the same time', async () => {
    h.emulator.faults.duplicateNextEvents(10);
    const before = (await h.server.settled()).length;
    const {order} = await pay('pm_card_visa');
    assert.equal((await order())?.status, 'paid');
    assert.equal((await h.server.settled()).length, before + 1);
  });

  it('stays paid when events arrive in reverse order', async () => {
    h.emulator.faults.holdEvents();
    const {order} = await pay('pm_card_visa');
    h.emulator.faults.releaseEvents('reverse');
    await h.emulator.flush();
    assert.equal((await order())?.status, 'paid');
  });

  it('marks a declined payment failed, and paid after a retry on the same intent', async () => {
    const {id, result, order} = await pay('pm_card_chargeDeclined');
    assert.ok(result instanceof Stripe.errors.StripeCardError);
    assert.equal((await order())?.status, 'failed');
    await h.stripe.paymentIntents.confirm(id, {
      payment_method: 'pm_card_visa',
      return_url: 'https://shop.example/r',
    });
    await h.emulator.flush();
    assert.equal((await order())?.status, 'paid');
  });

  it('refunds: partial, then full', async () => {
    const {id, order} = await pay('pm_card_visa');
    await h.stripe.refunds.create({payment_intent: id, amount: 1000});
    await h.emulator.flush();
    assert.deepEqual(
      [(await order())?.status, (await order())?.amountRefunded],
      ['partially_refunded', 1000]
    );
    await h.stripe.refunds.create({payment_intent: id});
    await h.emulator.flush();
    assert.deepEqual(
      [(await order())?.status, (await order())?.amountRefunded],
      ['refunded', 5000]
    );
  });

  it('marks a dispute', async () => {
    const {id, order} = await pay('pm_card_visa');
    const res = await fetch(
      `${h.emulator.url}/_emulator/payment_intents/${id}/dispute`,
      {
        method: 'POST',
        headers: {authorization: `Bearer ${h.emulator.secretKey}`},
      }
    );
    assert.equal(res.status, 200);
    await h.emulator.flush();
    assert.equal((await order())?.status, 'disputed');
  });

  it('heals a dropped webhook when the buyer’s page reads the order', async () => {
    const healing = await startHarness({staleAfterMs: 0});
    healing.emulator.faults.dropNextEvents(10);
    const {json} = await createIntent(healing);
    await healing.stripe.paymentIntents.confirm(intentIdOf(json.clientSecret), {
      payment_method: 'pm_card_visa',
      return_url: 'https://shop.example/r',
    });
    await healing.emulator.flush();
    assert.equal(
      (await healing.server.store.get(json.orderId))?.status,
      'pending'
    );
    const read = await healing.server.app.request(
      `/api/orders/${json.orderId}`,
      {
        headers: {authorization: `Bearer ${json.orderToken}`},
      }
    );
    assert.equal((await read.json()).status, 'paid');
    assert.equal((await healing.server.settled()).length, 1);
    await healing.close();
  });

  it('heals a dropped webhook by reconciliation, once, and leaves recent orders alone', async () => {
    const healing = await startHarness({staleAfterMs: 60_000});
    healing.emulator.faults.dropNextEvents(100);
    const paid = await createIntent(healing);
    await healing.stripe.paymentIntents.confirm(
      intentIdOf(paid.json.clientSecret),
      {
        payment_method: 'pm_card_visa',
        return_url: 'https://shop.example/r',
      }
    );
    const unpaid = await createIntent(healing);
    await healing.emulator.flush();
    assert.equal(
      (await healing.server.store.get(paid.json.orderId))?.status,
      'pending'
    );

    // Orders changed in the last five minutes are left to their webhooks.
    assert.deepEqual(await healing.server.reconciler.runOnce(), {
      checked: 0,
      changed: 0,
    });
    assert.deepEqual(await healing.server.reconciler.runOnce(0), {
      checked: 2,
      changed: 1,
    });
    assert.equal(
      (await healing.server.store.get(paid.json.orderId))?.status,
      'paid'
    );
    assert.equal(
      (await healing.server.store.get(unpaid.json.orderId))?.status,
      'pending'
    );
    assert.deepEqual(await healing.server.reconciler.runOnce(0), {
      checked: 1,
      changed: 0,
    });
    assert.deepEqual(
      (await healing.server.settled()).map((o) => o.id),
      [paid.json.orderId]
    );
    await healing.close();
  });
});
