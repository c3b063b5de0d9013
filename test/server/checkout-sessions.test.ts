/**
 * POST /api/stripe/checkout-sessions and the hosted Checkout loop against the Stripe emulator:
 * the buyer pays on Stripe's page, checkout.session.completed marks the order paid.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {type Harness, startHarness} from './harness.js';
import {postJson} from './helpers.js';

const request = {
  items: [{sku: 'hoodie-grey-l', quantity: 1, price: 1}],
  email: 'buyer@example.com',
  successUrl: 'http://localhost/return.html?pay_checkout_return=success',
  cancelUrl: 'http://localhost/return.html?pay_checkout_return=cancel',
};

describe('POST /api/stripe/checkout-sessions', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({
      publicUrl: 'http://localhost',
      allowedOrigins: ['https://shop.example'],
    });
  });
  after(() => h.close());

  const create = async (body: unknown = request) => {
    const res = await postJson(
      h.server.app,
      'http://localhost/api/stripe/checkout-sessions',
      body
    );
    return {res, json: await res.json()};
  };

  /** What the buyer does on Stripe's page: pays with a test card. */
  async function payOnHostedPage(url: string, paymentMethod = 'pm_card_visa') {
    const id = new URL(url).pathname.split('/').pop()!;
    const res = await fetch(`${h.emulator.url}/checkout/pay/${id}/confirm`, {
      method: 'POST',
      headers: {'content-type': 'application/x-www-form-urlencoded'},
      body: new URLSearchParams({
        key: h.emulator.publishableKey,
        payment_method: paymentMethod,
        email: 'buyer@example.com',
      }),
    });
    await h.emulator.flush();
    return {id, res};
  }

  it('creates a session with the catalog’s line items, whatever the client sent', async () => {
    const {res, json} = await create();
    assert.equal(res.status, 201);
    assert.match(json.orderId, /^ord_/);
    assert.ok(json.url.startsWith(`${h.emulator.url}/checkout/pay/`));
    const session = await h.stripe.checkout.sessions.retrieve(
      new URL(json.url).pathname.split('/').pop()!
    );
    assert.deepEqual(
      [session.amount_total, session.currency, session.metadata?.order_id],
      [5900, 'usd', json.orderId]
    );
    assert.equal(session.customer_email, 'buyer@example.com');
    assert.equal(session.success_url, request.successUrl);
    const order = await h.server.store.get(json.orderId);
    assert.deepEqual(
      [order?.status, order?.providerPaymentId],
      ['pending', session.id]
    );
  });

  it('refuses return URLs on a foreign origin (no open redirect), and creates nothing', async () => {
    const before = (await h.stripe.checkout.sessions.list()).data.length;
    for (const urls of [
      {successUrl: 'https://evil.example/x', cancelUrl: request.cancelUrl},
      {successUrl: request.successUrl, cancelUrl: 'javascript:alert(1)'},
    ]) {
      const {res, json} = await create({...request, ...urls});
      assert.equal(res.status, 400);
      assert.equal(json.error.code, 'invalid_request');
    }
    assert.equal((await h.stripe.checkout.sessions.list()).data.length, before);
    const allowed = await create({
      ...request,
      successUrl: 'https://shop.example/thanks',
    });
    assert.equal(allowed.res.status, 201);
  });

  it('marks the order paid from checkout.session.completed, and refunds find it through the intent', async () => {
    const {json} = await create();
    const {res} = await payOnHostedPage(json.url);
    assert.equal(res.status, 200);
    const order = await h.server.store.get(json.orderId);
    assert.equal(order?.status, 'paid');
    assert.match(
      order!.providerPaymentId!,
      /^pi_/,
      'handed over to the PaymentIntent'
    );
    assert.deepEqual(
      (await h.server.settled()).filter((o) => o.id === json.orderId).length,
      1
    );

    await h.stripe.refunds.create({payment_intent: order!.providerPaymentId!});
    await h.emulator.flush();
    assert.equal((await h.server.store.get(json.orderId))?.status, 'refunded');
  });

  it('follows a delayed payment: processing, then paid or failed', async () => {
    for (const [outcome, status] of [
      ['succeeded', 'paid'],
      ['failed', 'failed'],
    ]) {
      const {json} = await create();
      const id = new URL(json.url).pathname.split('/').pop()!;
      const control = (body: Record<string, string>) =>
        fetch(`${h.emulator.url}/_emulator/checkout/sessions/${id}/async`, {
          method: 'POST',
          headers: {authorization: `Bearer ${h.emulator.secretKey}`},
          body: new URLSearchParams(body),
        });
      assert.equal((await control({})).status, 200);
      await h.emulator.flush();
      assert.equal(
        (await h.server.store.get(json.orderId))?.status,
        'processing'
      );
      await control({outcome});
      await h.emulator.flush();
      assert.equal(
        (await h.server.store.get(json.orderId))?.status,
        status,
        outcome
      );
    }
  });

  it('heals a session whose webhooks were lost, by reconciliation', async () => {
    h.emulator.faults.dropNextEvents(100);
    const {json} = await create();
    await payOnHostedPage(json.url);
    assert.equal((await h.server.store.get(json.orderId))?.status, 'pending');
    h.emulator.faults.reset();
    await h.server.reconciler.runOnce(0);
    assert.equal((await h.server.store.get(json.orderId))?.status, 'paid');
  });
});
