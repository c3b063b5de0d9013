/**
 * POST /api/admin/orders/:id/refunds over the whole loop: our server, the Stripe emulator (and
 * the PayPal emulator), webhooks flowing back. Who may refund, what a request must carry, and
 * what Stripe and PayPal are asked and answer.
 */
import assert from 'node:assert/strict';
import type {AddressInfo} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {serve} from '@hono/node-server';
import {startPaypalEmulator} from '../../emulators/paypal/index.js';
import {createPaypalProvider} from '../../server/providers/paypal/client.js';
import {type Harness, startHarness} from './harness.js';
import {intentIdOf, makeServer, postJson, type TestServer} from './helpers.js';

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789abcdef';
const cart = {
  items: [{sku: 'tee-black-m', quantity: 2}],
  email: 'buyer@example.com',
};

function postRefund(
  server: TestServer,
  orderId: string,
  {
    body,
    key,
    token = ADMIN_TOKEN,
  }: {body?: unknown; key?: string; token?: string | null} = {}
) {
  return server.app.request(`/api/admin/orders/${orderId}/refunds`, {
    method: 'POST',
    headers: {
      ...(token !== null && {authorization: `Bearer ${token}`}),
      ...(key !== undefined && {'idempotency-key': key}),
      ...(body !== undefined && {'content-type': 'application/json'}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('POST /api/admin/orders/:id/refunds with Stripe', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({admin: {token: ADMIN_TOKEN}});
  });
  after(() => h.close());

  /** A paid order: created through our API, confirmed as the buyer's browser would. */
  async function paidOrder() {
    const res = await postJson(
      h.server.app,
      '/api/stripe/payment-intents',
      cart
    );
    const json = await res.json();
    await h.stripe.paymentIntents.confirm(intentIdOf(json.clientSecret), {
      payment_method: 'pm_card_visa',
      return_url: 'https://shop.example/return',
    });
    await h.emulator.flush();
    const order = (await h.server.store.get(json.orderId))!;
    assert.equal(order.status, 'paid');
    return order;
  }

  const refundsAtStripe = () => h.emulator.events.list('refund.created').length;

  it('without the admin token, or with another, refuses with 401 and refunds nothing', async () => {
    const order = await paidOrder();
    const before = refundsAtStripe();
    for (const token of [null, 'wrong-token-0123456789abcdef0123456789', '']) {
      const res = await postRefund(h.server, order.id, {key: 'k', token});
      assert.equal(res.status, 401, String(token));
      assert.equal((await res.json()).error.code, 'unauthorized');
      assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
    }
    assert.equal(refundsAtStripe(), before);
    assert.equal((await h.server.store.refunds.forOrder(order.id)).length, 0);
    assert.equal((await h.server.store.get(order.id))!.status, 'paid');
  });

  it('needs an Idempotency-Key and a valid body (400), before anything is asked', async () => {
    const order = await paidOrder();
    const before = refundsAtStripe();
    const noKey = await postRefund(h.server, order.id, {body: {amount: 100}});
    assert.equal(noKey.status, 400);
    assert.equal((await noKey.json()).error.code, 'invalid_request');
    for (const body of [{amount: -1}, {amount: 1.5}, {amount: '100'}, {x: 1}]) {
      const res = await postRefund(h.server, order.id, {body, key: 'bad'});
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal((await res.json()).error.code, 'invalid_request');
    }
    assert.equal(refundsAtStripe(), before);
  });

  it('refunds part (201), the same key again answers it (200), over-refund is 422, the rest refunds it', async () => {
    const order = await paidOrder();
    const first = await postRefund(h.server, order.id, {
      body: {amount: 1000},
      key: 'part-1',
    });
    assert.equal(first.status, 201);
    const {refund} = await first.json();
    assert.equal(refund.amount, 1000);
    assert.equal(refund.status, 'succeeded');
    assert.match(refund.providerRefundId, /^re_/);
    assert.equal(first.headers.get('cache-control'), 'no-store');

    const again = await postRefund(h.server, order.id, {
      body: {amount: 1000},
      key: 'part-1',
    });
    assert.equal(again.status, 200);
    assert.equal((await again.json()).refund.id, refund.id);

    const tooMuch = await postRefund(h.server, order.id, {
      body: {amount: order.total},
      key: 'too-much',
    });
    assert.equal(tooMuch.status, 422);
    const error = (await tooMuch.json()).error;
    assert.equal(error.code, 'refund_amount_too_large');

    await h.emulator.flush();
    let stored = (await h.server.store.get(order.id))!;
    assert.equal(stored.status, 'partially_refunded');
    assert.equal(stored.amountRefunded, 1000);

    const rest = await postRefund(h.server, order.id, {key: 'rest'});
    assert.equal(rest.status, 201);
    assert.equal((await rest.json()).refund.amount, order.total - 1000);
    await h.emulator.flush();
    stored = (await h.server.store.get(order.id))!;
    assert.equal(stored.status, 'refunded');
    assert.equal(stored.amountRefunded, order.total);
    // Each request is in the audit log, refused ones too, as the API's.
    const audited = (
      await h.server.store.admin.auditLog({orderId: order.id, limit: 10})
    )
      .filter((entry) => entry.action === 'refund')
      .map((entry) => `${entry.actor} ${entry.detail}`)
      .reverse();
    assert.deepEqual(audited, [
      'api amount 1000: succeeded, 1000',
      'api amount 1000: repeat, succeeded, 1000',
      `api amount ${order.total}: refund_amount_too_large`,
      `api full: succeeded, ${order.total - 1000}`,
    ]);
    const refunds = h.emulator.events
      .list('refund.created')
      .map((e) => (e.data.object as {payment_intent: string}).payment_intent);
    assert.equal(
      refunds.filter((pi) => pi === stored.providerPaymentId).length,
      2
    );
    // One of each side effect per new refunded total: the one refund confirmed twice (its
    // answer, then charge.refunded) owes nothing twice.
    const refundJobs = (await h.server.store.jobs(order.id))
      .map((job) => job.kind)
      .filter((kind) => kind.includes('order.refunded'))
      .sort();
    assert.deepEqual(refundJobs, [
      'hook:order.refunded:1000',
      `hook:order.refunded:${order.total}`,
    ]);
  });

  it('refuses an order that is not paid (409) and an unknown one (404)', async () => {
    const res = await postJson(
      h.server.app,
      '/api/stripe/payment-intents',
      cart
    );
    const {orderId} = await res.json();
    const pending = await postRefund(h.server, orderId, {key: 'p'});
    assert.equal(pending.status, 409);
    assert.equal((await pending.json()).error.code, 'order_not_refundable');
    const unknown = await postRefund(h.server, 'ord_nope', {key: 'u'});
    assert.equal(unknown.status, 404);
  });

  it('does not exist without ADMIN_TOKEN', async () => {
    const server = await makeServer();
    const res = await postRefund(server, 'ord_x', {key: 'k'});
    assert.equal(res.status, 404);
    assert.equal((await res.json()).error.code, 'not_found');
    await server.close();
  });
});

describe('POST /api/admin/orders/:id/refunds with PayPal', () => {
  it('refunds the capture in part, then the rest; PayPal’s webhook changes nothing more', async () => {
    const emulator = await startPaypalEmulator({
      retryDelaysMs: [20, 50, 100, 200],
    });
    const server = await makeServer({
      admin: {token: ADMIN_TOKEN},
      paypal: createPaypalProvider({
        clientId: emulator.clientId,
        clientSecret: emulator.clientSecret,
        webhookId: emulator.webhookId,
        apiBase: emulator.url,
        timeoutMs: 10_000,
      }),
    });
    const listener = serve({
      fetch: server.app.fetch,
      hostname: '127.0.0.1',
      port: 0,
    });
    await new Promise((resolve) => listener.once('listening', resolve));
    emulator.setWebhookUrl(
      `http://127.0.0.1:${(listener.address() as AddressInfo).port}/api/webhooks/paypal`
    );
    try {
      const created = await postJson(server.app, '/api/paypal/orders', cart);
      const order = await created.json();
      emulator.approve(order.paypalOrderId);
      const captured = await server.app.request(
        `/api/paypal/orders/${order.paypalOrderId}/capture`,
        {
          method: 'POST',
          headers: {authorization: `Bearer ${order.orderToken}`},
        }
      );
      assert.equal((await captured.json()).status, 'paid');
      const total = (await server.store.get(order.orderId))!.total;

      const part = await postRefund(server, order.orderId, {
        body: {amount: 999},
        key: 'pp-1',
      });
      assert.equal(part.status, 201);
      const {refund} = await part.json();
      assert.equal(refund.status, 'succeeded');
      const capture = () =>
        emulator.order(order.paypalOrderId)!.purchase_units![0].payments!;
      assert.equal(capture().captures![0].status, 'PARTIALLY_REFUNDED');
      assert.deepEqual(capture().refunds![0].amount, {
        currency_code: 'USD',
        value: '9.99',
      });
      assert.equal(capture().refunds![0].custom_id, order.orderId);
      await emulator.flush();
      assert.equal(
        (await server.store.get(order.orderId))!.status,
        'partially_refunded'
      );

      const tooMuch = await postRefund(server, order.orderId, {
        body: {amount: total},
        key: 'pp-2',
      });
      assert.equal(tooMuch.status, 422);
      const rest = await postRefund(server, order.orderId, {key: 'pp-3'});
      assert.equal(rest.status, 201);
      await emulator.flush();
      const stored = (await server.store.get(order.orderId))!;
      assert.equal(stored.status, 'refunded');
      assert.equal(stored.amountRefunded, total);
      assert.equal(capture().captures![0].status, 'REFUNDED');
      // Two refunds, two events; each answered 200 in the end (a slow answer may be retried).
      const deliveries = emulator.events
        .deliveries()
        .filter((d) => d.eventType === 'PAYMENT.CAPTURE.REFUNDED');
      const events = new Set(deliveries.map((d) => d.eventId));
      assert.equal(events.size, 2);
      for (const id of events)
        assert.equal(
          deliveries.filter((d) => d.eventId === id).at(-1)?.status,
          200,
          JSON.stringify(deliveries)
        );
    } finally {
      await emulator.close();
      await new Promise((resolve) => listener.close(resolve));
      await server.close();
    }
  });
});
