/**
 * Refunds and voids of Braintree orders through refundOrder (POST /api/admin/orders/:id/refunds),
 * and the transaction read back (polling and reconciliation), with the SDK's calls answered in
 * memory (braintree-sdk-fake.ts).
 */
import assert from 'node:assert/strict';
import {after, beforeEach, describe, it} from 'node:test';
import type {FakeBraintree} from './braintree-sdk-fake.js';
import {makeFakedBraintreeServer} from './braintree-helpers.js';
import {demoCatalog, postJson, type TestServer} from './helpers.js';

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789abcdef';
let server: TestServer;
let fake: FakeBraintree;

const cart = {
  items: [{sku: 'tee-black-m', quantity: 2}],
  currency: 'usd',
  paymentMethodNonce: 'fake-valid-nonce',
};

async function paidOrder() {
  const res = await postJson(server.app, '/api/braintree/transactions', cart);
  assert.equal(res.status, 201);
  const {orderId} = await res.json();
  const order = (await server.store.get(orderId))!;
  assert.equal(order.status, 'paid');
  return order;
}

function refund(orderId: string, key: string, amount?: number) {
  return server.app.request(`/api/admin/orders/${orderId}/refunds`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      'idempotency-key': key,
      'content-type': 'application/json',
    },
    body: JSON.stringify(amount === undefined ? {} : {amount}),
  });
}

describe('Braintree refunds and voids', () => {
  beforeEach(async () => {
    await server?.close();
    ({server, fake} = await makeFakedBraintreeServer({
      catalog: demoCatalog(),
      admin: {token: ADMIN_TOKEN},
    }));
  });
  after(() => server.close());

  it('before settlement, a full refund voids the sale and the order is refunded', async () => {
    const order = await paidOrder();
    const res = await refund(order.id, 'void-1');
    assert.equal(res.status, 201, await res.clone().text());
    assert.equal((await res.json()).refund.status, 'succeeded');
    assert.equal(
      fake.transactions.get(order.providerPaymentId!)?.status,
      'voided'
    );
    assert.ok(fake.calls.includes(`void ${order.providerPaymentId}`));
    const refunded = await server.store.get(order.id);
    assert.equal(refunded?.status, 'refunded');
    assert.equal(refunded?.amountRefunded, 5000);
  });

  it('before settlement, a partial refund is refused (409 order_not_refundable, saying why), and the amount is free again', async () => {
    const order = await paidOrder();
    const res = await refund(order.id, 'part-early', 1000);
    assert.equal(res.status, 409);
    const {error} = await res.json();
    assert.equal(error.code, 'order_not_refundable');
    assert.match(error.message, /settle/);
    assert.equal((await server.store.get(order.id))?.status, 'paid');
    assert.ok(
      !fake.calls.some(
        (call) => call.startsWith('void') || call.startsWith('refund')
      )
    );
  });

  it('after settlement: partial refunds as credits, the same key answers the same refund, over-refund is 422', async () => {
    const order = await paidOrder();
    fake.settle(order.providerPaymentId!);
    const first = await refund(order.id, 'part-1', 1000);
    assert.equal(first.status, 201);
    const {refund: made} = await first.json();
    assert.equal(made.status, 'succeeded');
    assert.ok(fake.calls.includes(`refund ${order.providerPaymentId} 10.00`));
    assert.equal(
      (await server.store.get(order.id))?.status,
      'partially_refunded'
    );

    const again = await refund(order.id, 'part-1', 1000);
    assert.equal(again.status, 200);
    assert.equal((await again.json()).refund.id, made.id);
    assert.equal(
      fake.calls.filter((call) => call.startsWith('refund')).length,
      1
    );

    const tooMuch = await refund(order.id, 'too-much', 5000);
    assert.equal(tooMuch.status, 422);

    const rest = await refund(order.id, 'rest');
    assert.equal(rest.status, 201);
    assert.ok(fake.calls.includes(`refund ${order.providerPaymentId} 40.00`));
    const refunded = await server.store.get(order.id);
    assert.equal(refunded?.status, 'refunded');
    assert.equal(refunded?.amountRefunded, 5000);
  });

  it('a refund whose answer was lost is found under its key on the retry: one credit, not two', async () => {
    const order = await paidOrder();
    fake.settle(order.providerPaymentId!);
    // Braintree makes the credit, then the connection drops before its answer.
    fake.loseNextRefundAnswer = true;
    const firstTry = await refund(order.id, 'lost-answer', 2000);
    assert.equal(firstTry.status, 503);
    assert.equal((await firstTry.json()).error.code, 'provider_unavailable');
    const credits = [...fake.transactions.values()].filter(
      (t) => t.type === 'credit'
    );
    assert.equal(credits.length, 1);

    const retry = await refund(order.id, 'lost-answer', 2000);
    assert.equal(retry.status, 201, await retry.clone().text());
    assert.equal((await retry.json()).refund.providerRefundId, credits[0].id);
    assert.equal(
      [...fake.transactions.values()].filter((t) => t.type === 'credit').length,
      1
    );
    assert.equal(
      (await server.store.get(order.id))?.status,
      'partially_refunded'
    );
  });

  it('Braintree not answering a void: 503, nothing moves, and the retry voids it', async () => {
    const order = await paidOrder();
    fake.failNext = 'serviceUnavailableError';
    const down = await refund(order.id, 'void-down');
    assert.equal(down.status, 503);
    assert.equal((await server.store.get(order.id))?.status, 'paid');
    const retry = await refund(order.id, 'void-down');
    assert.equal(retry.status, 201);
    assert.equal((await server.store.get(order.id))?.status, 'refunded');
  });

  // runOnce(-60 s): every open order, however recently it changed.
  describe('reading the transaction back', () => {
    it('reconciliation pays an order whose sale answer never arrived (found by its transaction)', async () => {
      const order = await paidOrder();
      // As if the process had stopped after storing the transaction id, before applying it.
      await server.store.update(order.id, () => ({
        status: 'pending',
        paidAt: undefined,
      }));
      assert.equal((await server.store.get(order.id))?.status, 'pending');
      await server.reconciler.runOnce(-60_000);
      assert.equal((await server.store.get(order.id))?.status, 'paid');
    });

    it('a voided sale read back cancels an open order', async () => {
      const order = await paidOrder();
      await server.store.update(order.id, () => ({status: 'pending'}));
      fake.transactions.get(order.providerPaymentId!)!.status = 'voided';
      await server.reconciler.runOnce(-60_000);
      assert.equal((await server.store.get(order.id))?.status, 'canceled');
    });

    it('Braintree not answering the read changes nothing', async () => {
      const order = await paidOrder();
      await server.store.update(order.id, () => ({status: 'pending'}));
      fake.failNext = 'unexpectedError';
      await server.reconciler.runOnce(-60_000);
      assert.equal((await server.store.get(order.id))?.status, 'pending');
    });
  });
});
