/**
 * POST /api/paypal/orders/:paypalOrderId/capture through app.request(), with PayPal played by
 * an in-memory fake reached through the injected fetch.
 */
import assert from 'node:assert/strict';
import {after, beforeEach, describe, it} from 'node:test';
import {makePaypalServer, type PaypalTestServer} from './paypal-fixtures.js';
import {createOrder} from './paypal-order-helpers.js';

function capture(
  server: PaypalTestServer,
  paypalOrderId: string,
  token?: string
) {
  return server.app.request(`/api/paypal/orders/${paypalOrderId}/capture`, {
    method: 'POST',
    headers: token === undefined ? {} : {authorization: `Bearer ${token}`},
  });
}

/** Creates an order, lets the buyer approve it at the fake PayPal, and returns its ids. */
async function approvedOrder(
  server: PaypalTestServer,
  setup: Parameters<PaypalTestServer['fake']['approve']>[1] = {}
) {
  const {json} = await createOrder(server);
  server.fake.approve(json.paypalOrderId, setup);
  return json as {orderId: string; orderToken: string; paypalOrderId: string};
}

describe('POST /api/paypal/orders/:paypalOrderId/capture', () => {
  let server: PaypalTestServer;
  beforeEach(async () => {
    server = await makePaypalServer();
  });
  after(() => server.close());

  const status = async (id: string) => (await server.store.get(id))!.status;

  it('marks the order paid from a COMPLETED capture and fulfils it once', async () => {
    const {orderId, orderToken, paypalOrderId} = await approvedOrder(server);
    const res = await capture(server, paypalOrderId, orderToken);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {orderId, status: 'paid'});
    assert.equal(await status(orderId), 'paid');
    assert.deepEqual(
      (await server.settled()).map((o) => o.id),
      [orderId]
    );
    const [call] = server.fake.calls.filter((c) => c.path.endsWith('/capture'));
    assert.equal(
      call.headers.get('paypal-request-id'),
      `pay-checkout-${orderId}-capture`
    );
  });

  it('needs the order token: 401 without it, 404 with another order’s or for an unknown PayPal order', async () => {
    const {orderToken, paypalOrderId} = await approvedOrder(server);
    const other = await approvedOrder(server);
    assert.equal((await capture(server, paypalOrderId)).status, 401);
    assert.equal(
      (await capture(server, paypalOrderId, other.orderToken)).status,
      404
    );
    assert.equal(
      (await capture(server, 'UNKNOWN00000000000', orderToken)).status,
      404
    );
    assert.equal(
      (await capture(server, '..%2F..%2Fconfig', orderToken)).status,
      404
    );
    assert.equal(
      server.fake.count('POST', '/v2/checkout/orders/*'),
      0,
      'nothing was captured'
    );
  });

  it('answers 402 instrument_declined, and a capture after the buyer chose again succeeds under a new request id', async () => {
    // A clock that moves a second per reading: each refusal is written at its own time.
    let now = Date.now();
    await server.close();
    server = await makePaypalServer({now: () => new Date((now += 1000))});
    const {orderId, orderToken, paypalOrderId} = await approvedOrder(server, {
      decline: 'INSTRUMENT_DECLINED',
    });
    const declined = await capture(server, paypalOrderId, orderToken);
    assert.equal(declined.status, 402);
    const body = await declined.json();
    assert.equal(body.error.code, 'instrument_declined');
    assert.doesNotMatch(JSON.stringify(body), /processor or bank|dbg/);
    assert.equal(await status(orderId), 'failed');
    assert.equal((await server.settled()).length, 0);

    // actions.restart(): the buyer approves again with another funding source, which is
    // declined too; then with a third, which pays.
    server.fake.approve(paypalOrderId, {decline: 'INSTRUMENT_DECLINED'});
    assert.equal(
      (await capture(server, paypalOrderId, orderToken)).status,
      402
    );
    server.fake.approve(paypalOrderId);
    const retried = await capture(server, paypalOrderId, orderToken);
    assert.deepEqual(await retried.json(), {orderId, status: 'paid'});
    const ids = server.fake.calls
      .filter((c) => c.path.endsWith('/capture'))
      .map((c) => c.headers.get('paypal-request-id'));
    assert.equal(ids.length, 3);
    assert.equal(new Set(ids).size, 3, 'each attempt under its own request id');
    assert.equal((await server.settled()).length, 1);
  });

  it('maps PayPal’s other refusals to stable codes without PayPal’s text', async () => {
    for (const [issue, httpStatus, code] of [
      ['TRANSACTION_REFUSED', 402, 'payment_refused'],
      ['PAYER_ACTION_REQUIRED', 422, 'payer_action_required'],
      ['REDIRECT_PAYER_FOR_ALTERNATE_FUNDING', 402, 'instrument_declined'],
      ['PAYER_CANNOT_PAY', 402, 'payment_refused'],
    ] as const) {
      const {orderToken, paypalOrderId} = await approvedOrder(server, {
        decline: issue,
      });
      const res = await capture(server, paypalOrderId, orderToken);
      assert.equal(res.status, httpStatus, issue);
      const text = await res.text();
      assert.equal(JSON.parse(text).error.code, code);
      assert.ok(!text.includes(issue), `${issue} leaked`);
    }
  });

  it('answers 409 order_not_approved before the buyer approves, and captures once they have', async () => {
    const {json} = await createOrder(server);
    const early = await capture(server, json.paypalOrderId, json.orderToken);
    assert.equal(early.status, 409);
    assert.equal((await early.json()).error.code, 'order_not_approved');
    server.fake.approve(json.paypalOrderId);
    const res = await capture(server, json.paypalOrderId, json.orderToken);
    assert.equal((await res.json()).status, 'paid');
  });

  it('captures once on a double click, under one request id', async () => {
    const {orderId, orderToken, paypalOrderId} = await approvedOrder(server);
    const results = await Promise.all([
      capture(server, paypalOrderId, orderToken),
      capture(server, paypalOrderId, orderToken),
    ]);
    for (const res of results)
      assert.deepEqual(await res.json(), {orderId, status: 'paid'});
    const ids = new Set(
      server.fake.calls
        .filter((c) => c.path.endsWith('/capture'))
        .map((c) => c.headers.get('paypal-request-id'))
    );
    assert.equal(ids.size, 1);
    assert.equal((await server.settled()).length, 1);
    // A click after the order is paid does not even reach PayPal.
    const before = server.fake.calls.length;
    assert.deepEqual(
      await (await capture(server, paypalOrderId, orderToken)).json(),
      {orderId, status: 'paid'}
    );
    assert.equal(server.fake.calls.length, before);
  });

  it('reads the order back after ORDER_ALREADY_CAPTURED (captured by another tab) and settles it', async () => {
    const {orderId, orderToken, paypalOrderId} = await approvedOrder(server);
    // Captured at PayPal by someone else: our request id was never used.
    const fakeOrder = server.fake.orders.get(paypalOrderId)!;
    fakeOrder.status = 'COMPLETED';
    fakeOrder.capture = {
      id: 'CAPOTHER',
      status: 'COMPLETED',
      amount: {currency_code: 'USD', value: '50.00'},
      custom_id: orderId,
    };
    const res = await capture(server, paypalOrderId, orderToken);
    assert.deepEqual(await res.json(), {orderId, status: 'paid'});
    assert.equal(
      server.fake.count('GET', `/v2/checkout/orders/${paypalOrderId}`),
      1
    );
    assert.equal((await server.settled()).length, 1);
  });

  it('marks a PENDING capture processing, without fulfilment', async () => {
    const {orderId, orderToken, paypalOrderId} = await approvedOrder(server, {
      captureStatus: 'PENDING',
    });
    assert.deepEqual(
      await (await capture(server, paypalOrderId, orderToken)).json(),
      {orderId, status: 'processing'}
    );
    assert.equal((await server.settled()).length, 0);
  });

  it('sends a capture for another amount, currency or order id to review instead of marking it paid', async () => {
    for (const setup of [
      {captureAmount: {currency_code: 'USD', value: '49.99'}},
      {captureAmount: {currency_code: 'EUR', value: '50.00'}},
      {captureAmount: {currency_code: 'USD', value: '50.001'}},
      {captureCustomId: 'ord_someone_else'},
    ]) {
      const {orderId, orderToken, paypalOrderId} = await approvedOrder(
        server,
        setup
      );
      const res = await capture(server, paypalOrderId, orderToken);
      assert.deepEqual(
        await res.json(),
        {orderId, status: 'needs_review'},
        JSON.stringify(setup)
      );
      assert.ok((await server.store.get(orderId))!.reviewReason);
    }
    assert.equal((await server.settled()).length, 0);
  });

  it('answers 503 provider_unavailable when PayPal is down, and the retry reuses the request id', async () => {
    const {orderId, orderToken, paypalOrderId} = await approvedOrder(server);
    server.fake.fault(
      'POST',
      `/v2/checkout/orders/${paypalOrderId}/capture`,
      'hang'
    );
    const hung = await capture(server, paypalOrderId, orderToken);
    assert.equal(hung.status, 503);
    assert.equal((await hung.json()).error.code, 'provider_unavailable');
    assert.equal(await status(orderId), 'pending');
    const retry = await capture(server, paypalOrderId, orderToken);
    assert.equal((await retry.json()).status, 'paid');
    const ids = server.fake.calls
      .filter((c) => c.path.endsWith('/capture'))
      .map((c) => c.headers.get('paypal-request-id'));
    assert.deepEqual(ids, [
      `pay-checkout-${orderId}-capture`,
      `pay-checkout-${orderId}-capture`,
    ]);
  });

  it('answers paid even when the merchant’s hook fails: the outbox retries the fulfilment', async () => {
    let calls = 0;
    const failing = await makePaypalServer({
      onOrderPaid: () => {
        calls += 1;
        throw new Error('warehouse API down');
      },
    });
    const {orderId, orderToken, paypalOrderId} = await approvedOrder(failing);
    const res = await capture(failing, paypalOrderId, orderToken);
    assert.deepEqual(await res.json(), {orderId, status: 'paid'});
    await failing.outbox.idle();
    assert.equal(calls, 1);
    assert.equal((await failing.store.get(orderId))!.status, 'paid');
    await failing.close();
  });
});
