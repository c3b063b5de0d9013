/**
 * The whole Square loop against the emulator: its signed webhooks delivered twice, dropped,
 * held and released in reverse; refunds through refundOrder (the admin API) settled by
 * refund.updated; disputes; and the payment read back when no webhook came (polling and the
 * reconciler).
 */
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {after, before, beforeEach, describe, it} from 'node:test';
import {SquareClient} from 'square';
import {
  paidOrder,
  type SquareHarness,
  startSquareHarness,
} from './square-harness.js';
import {hashToken, newOrderToken} from '../../server/orders/token.js';
import {seedSquareOrder} from './square-webhook-helpers.js';

const ADMIN_TOKEN = 'admin-token-for-square-tests-0123456789';

describe('the Square loop, against the emulator', () => {
  let h: SquareHarness;
  before(async () => {
    h = await startSquareHarness({
      admin: {token: ADMIN_TOKEN},
      staleAfterMs: 0,
    });
  });
  after(() => h.close());
  beforeEach(() => h.emulator.faults.reset());

  const stored = async (id: string) => (await h.server.store.get(id))!;
  const fulfilledTimes = async (id: string) =>
    (await h.server.settled()).filter((o) => o.id === id).length;
  const deliveriesOf = (paymentId: string) =>
    h.emulator.events
      .list()
      .filter((event) => JSON.stringify(event.data).includes(paymentId))
      .flatMap((event) => h.emulator.events.deliveries(event.event_id));

  /** A payment Square took for an order whose answer never reached us (as if the server died). */
  async function paidBehindOurBack(orderId: string) {
    const client = new SquareClient({
      token: h.emulator.accessToken,
      baseUrl: h.emulator.url,
      maxRetries: 0,
    });
    const {payment} = await client.payments.create({
      sourceId: h.emulator.cardNonce(),
      idempotencyKey: randomUUID(),
      amountMoney: {amount: 5000n, currency: 'USD'},
      locationId: h.emulator.locations.USD,
      referenceId: orderId,
      autocomplete: true,
    });
    return payment!.id!;
  }

  const refund = (orderId: string, body: unknown, key = randomUUID()) =>
    h.server.app.request(`/api/admin/orders/${orderId}/refunds`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        'idempotency-key': key,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });

  it('pays once: the route’s answer first, its webhooks verified and finding nothing left to do', async () => {
    const order = await paidOrder(h);
    await h.emulator.flush();
    const deliveries = deliveriesOf(order.paymentId);
    assert.ok(deliveries.length >= 2, JSON.stringify(deliveries));
    assert.ok(
      deliveries.every((d) => d.status === 200),
      JSON.stringify(deliveries)
    );
    assert.equal(await fulfilledTimes(order.orderId), 1);
  });

  it('duplicated deliveries are recorded once: one ledger entry per event, the jobs made once', async () => {
    h.emulator.faults.duplicateNextEvents(10);
    const order = await paidOrder(h);
    await h.emulator.flush();
    await h.server.settled();
    const ledger = await h.server.store.admin.ledger(order.orderId);
    const ids = ledger.map((row) => row.eventId);
    assert.equal(new Set(ids).size, ids.length);
    const jobs = await h.server.store.admin.orderJobs(order.orderId);
    const kinds = jobs.map((job) => job.channel);
    assert.equal(new Set(kinds).size, kinds.length, JSON.stringify(kinds));
    assert.equal(await fulfilledTimes(order.orderId), 1);
  });

  it('the answer lost and the events held then released in reverse: paid once from the webhook', async () => {
    const order = await seedSquareOrder(h.server.store, 'ord_loop_reverse');
    h.emulator.faults.holdEvents();
    const paymentId = await paidBehindOurBack(order.id);
    assert.ok(h.emulator.faults.releaseEvents('reverse') >= 2);
    await h.emulator.flush();
    const now = await stored(order.id);
    assert.equal(now.status, 'paid');
    assert.equal(now.providerPaymentId, paymentId);
    assert.equal(await fulfilledTimes(order.id), 1);
  });

  it('no webhook at all: polling the order reads the payment from Square', async () => {
    const order = await seedSquareOrder(h.server.store, 'ord_loop_poll');
    h.emulator.faults.dropNextEvents(10);
    const paymentId = await paidBehindOurBack(order.id);
    await h.server.store.update(order.id, () => ({
      providerPaymentId: paymentId,
    }));
    assert.equal((await stored(order.id)).status, 'pending');
    // The reconciler finds it too; here the order is read back as Square has it.
    const report = await h.server.reconciler.runOnce(0);
    assert.ok(report.changed >= 1, JSON.stringify(report));
    assert.equal((await stored(order.id)).status, 'paid');
    assert.equal(await fulfilledTimes(order.id), 1);
  });

  it('polling: GET /api/orders/:id reads a stale pending order’s payment back from Square', async () => {
    const token = newOrderToken();
    const order = await seedSquareOrder(
      h.server.store,
      'ord_loop_get',
      undefined,
      5000,
      hashToken(token)
    );
    h.emulator.faults.dropNextEvents(10);
    const paymentId = await paidBehindOurBack(order.id);
    await h.server.store.update(order.id, () => ({
      providerPaymentId: paymentId,
    }));
    const res = await h.server.app.request(`/api/orders/${order.id}`, {
      headers: {authorization: `Bearer ${token}`},
    });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).status, 'paid');
    assert.equal(await fulfilledTimes(order.id), 1);
  });

  it('readPayment never moves money: a FAILED or unknown payment leaves the order as it is', async () => {
    const order = await seedSquareOrder(
      h.server.store,
      'ord_loop_unknown',
      'no-such-payment'
    );
    await h.server.reconciler.runOnce(0);
    assert.equal((await stored(order.id)).status, 'pending');
  });

  it('refunds through refundOrder: partial, then the rest; refund.updated moves the order', async () => {
    const order = await paidOrder(h);
    const partial = await refund(order.orderId, {amount: 1500});
    assert.equal(partial.status, 201, await partial.clone().text());
    await h.emulator.flush();
    let now = await stored(order.orderId);
    assert.equal(now.status, 'partially_refunded');
    assert.equal(now.amountRefunded, 1500);
    const payment = h.emulator.payment(order.paymentId)!;
    assert.deepEqual(payment.refunded_money, {amount: 1500, currency: 'USD'});

    const rest = await refund(order.orderId, {});
    assert.equal(rest.status, 201, await rest.clone().text());
    await h.emulator.flush();
    now = await stored(order.orderId);
    assert.equal(now.status, 'refunded');
    assert.equal(now.amountRefunded, 5000);
    // Replays of every refund event change nothing: cumulative amounts.
    const nothingLeft = await refund(order.orderId, {amount: 1});
    assert.equal(nothingLeft.status, 409);
  });

  it('the same refund key twice is one refund at Square', async () => {
    const order = await paidOrder(h);
    const key = randomUUID();
    assert.equal((await refund(order.orderId, {amount: 700}, key)).status, 201);
    const again = await refund(order.orderId, {amount: 700}, key);
    assert.ok(again.status === 200 || again.status === 201, `${again.status}`);
    await h.emulator.flush();
    assert.equal(h.emulator.payment(order.paymentId)!.refund_ids?.length, 1);
    assert.equal((await stored(order.orderId)).amountRefunded, 700);
  });

  it('a refund Square rejects later refunds nothing', async () => {
    const held = await startSquareHarness({
      admin: {token: ADMIN_TOKEN},
      emulatorOptions: {refundSettleMs: null},
    });
    try {
      const order = await paidOrder(held);
      const res = await held.server.app.request(
        `/api/admin/orders/${order.orderId}/refunds`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${ADMIN_TOKEN}`,
            'idempotency-key': randomUUID(),
            'content-type': 'application/json',
          },
          body: JSON.stringify({amount: 2000}),
        }
      );
      assert.equal(res.status, 201, await res.clone().text());
      const refundId = held.emulator.payment(order.paymentId)!.refund_ids![0];
      held.emulator.failRefund(refundId, 'REJECTED');
      await held.emulator.flush();
      const now = (await held.server.store.get(order.orderId))!;
      assert.equal(now.status, 'paid');
      assert.equal(now.amountRefunded, 0);
    } finally {
      await held.close();
    }
  });

  it('a dispute opened, then won: disputed, then paid again; the merchant’s dispute id kept', async () => {
    const order = await paidOrder(h);
    const dispute = h.emulator.openDispute(order.paymentId, {
      reason: 'NOT_AS_DESCRIBED',
    });
    await h.emulator.flush();
    let now = await stored(order.orderId);
    assert.equal(now.status, 'disputed');
    assert.equal(now.dispute?.id, dispute.id);
    h.emulator.moveDispute(dispute.id!, 'WON');
    await h.emulator.flush();
    now = await stored(order.orderId);
    assert.equal(now.status, 'paid');
    assert.equal(now.disputeStatus, 'won');
  });
});
