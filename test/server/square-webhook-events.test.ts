/**
 * What each Square event does to an order, delivered signed by hand: payment statuses, late
 * and reordered reports, disputes, and signed events whose fields are unusable (answered 200,
 * logged, nothing applied, never a 500).
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import type {TestServer} from './helpers.js';
import {assertQuietLog, collectingLogger} from './hostile-helpers.js';
import {
  deliver,
  payment,
  seedSquareOrder,
  squareEvent,
  squareServer,
} from './square-webhook-helpers.js';

let orders = 0;

describe('Square webhook events', () => {
  let server: TestServer;
  const {logger, lines} = collectingLogger();
  before(async () => {
    server = await squareServer({logger});
  });
  after(() => server.close());

  const fresh = async (paymentId?: string) => {
    const id = `ord_ev_${++orders}`;
    return seedSquareOrder(
      server.store,
      id,
      paymentId === undefined ? `pay_${id}` : paymentId || undefined
    );
  };
  const send = async (type: string, object: Record<string, unknown>) => {
    const res = await deliver(server, squareEvent(type, object));
    assert.equal(res.status, 200, await res.clone().text());
    return ((await res.json()) as {outcome: string}).outcome;
  };
  const status = async (id: string) => (await server.store.get(id))?.status;

  it('payment statuses: COMPLETED paid, FAILED failed, CANCELED canceled, PENDING and APPROVED processing', async () => {
    for (const [paymentStatus, expected] of [
      ['COMPLETED', 'paid'],
      ['FAILED', 'failed'],
      ['CANCELED', 'canceled'],
      ['PENDING', 'processing'],
      ['APPROVED', 'processing'],
    ] as const) {
      const order = await fresh();
      assert.equal(
        await send(
          'payment.updated',
          payment(order.id, order.providerPaymentId!, {status: paymentStatus})
        ),
        'applied'
      );
      assert.equal(await status(order.id), expected, paymentStatus);
    }
  });

  it('payment.created works as payment.updated does', async () => {
    const order = await fresh();
    await send('payment.created', payment(order.id, order.providerPaymentId!));
    assert.equal(await status(order.id), 'paid');
  });

  it('late and reordered reports never move a paid order back', async () => {
    const order = await fresh();
    const pid = order.providerPaymentId!;
    await send('payment.updated', payment(order.id, pid));
    for (const late of ['APPROVED', 'PENDING', 'FAILED', 'CANCELED']) {
      assert.equal(
        await send('payment.created', payment(order.id, pid, {status: late})),
        'unchanged',
        late
      );
    }
    // Another delivery of the same state under a new event id changes nothing either.
    assert.equal(
      await send('payment.updated', payment(order.id, pid)),
      'unchanged'
    );
    assert.equal(await status(order.id), 'paid');
    await server.settled();
    assert.equal(server.fulfilled.filter((o) => o.id === order.id).length, 1);
  });

  it('an order whose payment id was never stored is found by reference_id and takes the payment', async () => {
    const order = await fresh('');
    await send('payment.updated', payment(order.id, 'pay_adopted'));
    const stored = (await server.store.get(order.id))!;
    assert.equal(stored.status, 'paid');
    assert.equal(stored.providerPaymentId, 'pay_adopted');
  });

  it('a report about another payment of the order is ignored', async () => {
    const order = await fresh();
    assert.equal(
      await send('payment.updated', payment(order.id, 'pay_someone_else')),
      'unchanged'
    );
    assert.equal(await status(order.id), 'pending');
  });

  it('a COMPLETED payment for another amount, or naming another order, needs review', async () => {
    const short = await fresh();
    await send(
      'payment.updated',
      payment(short.id, short.providerPaymentId!, {
        amount_money: {amount: 1, currency: 'USD'},
        total_money: {amount: 1, currency: 'USD'},
      })
    );
    assert.equal(await status(short.id), 'needs_review');

    const other = await fresh();
    await send(
      'payment.updated',
      payment('ord_not_this_one', other.providerPaymentId!)
    );
    const stored = (await server.store.get(other.id))!;
    assert.equal(stored.status, 'needs_review');
    assert.match(stored.reviewReason!, /reference_id/);
  });

  it('disputes: opened on a paid order, won back to paid; lost stays disputed', async () => {
    for (const [end, expected] of [
      ['WON', 'paid'],
      ['LOST', 'disputed'],
      ['ACCEPTED', 'disputed'],
    ] as const) {
      const order = await fresh();
      const pid = order.providerPaymentId!;
      await send('payment.updated', payment(order.id, pid));
      const dispute = (state: string) => ({
        dispute: {
          id: `dp_${order.id}`,
          amount_money: {amount: 5000, currency: 'USD'},
          reason: 'NOT_AS_DESCRIBED',
          state,
          disputed_payment: {payment_id: pid},
        },
      });
      await send('dispute.created', dispute('EVIDENCE_REQUIRED'));
      const disputed = (await server.store.get(order.id))!;
      assert.equal(disputed.status, 'disputed');
      assert.equal(disputed.disputeStatus, 'evidence_required');
      assert.deepEqual(disputed.dispute, {
        id: `dp_${order.id}`,
        amount: 5000,
        reason: 'NOT_AS_DESCRIBED',
      });
      await send('dispute.state.updated', dispute('PROCESSING'));
      assert.equal(
        (await server.store.get(order.id))?.disputeStatus,
        'processing'
      );
      await send('dispute.state.updated', dispute(end));
      assert.equal(await status(order.id), expected, end);
    }
  });

  it('a dispute under data.object.object (the SDK’s spelling) and with dispute_id is read too', async () => {
    const order = await fresh();
    await send('payment.updated', payment(order.id, order.providerPaymentId!));
    await send('dispute.created', {
      object: {
        dispute_id: 'dp_old_spelling',
        state: 'INQUIRY_EVIDENCE_REQUIRED',
        disputed_payment: {payment_id: order.providerPaymentId},
      },
    });
    const stored = (await server.store.get(order.id))!;
    assert.equal(stored.status, 'disputed');
    assert.equal(stored.dispute?.id, 'dp_old_spelling');
  });

  it('a refund still PENDING, REJECTED or FAILED refunds nothing (and asks Square nothing)', async () => {
    const order = await fresh();
    const pid = order.providerPaymentId!;
    await send('payment.updated', payment(order.id, pid));
    for (const refundStatus of ['PENDING', 'REJECTED', 'FAILED']) {
      assert.equal(
        await send('refund.updated', {
          refund: {
            id: `${pid}_r1`,
            status: refundStatus,
            payment_id: pid,
            amount_money: {amount: 1000, currency: 'USD'},
          },
        }),
        'ignored'
      );
    }
    assert.equal((await server.store.get(order.id))?.amountRefunded, 0);
  });

  it('a COMPLETED refund while Square cannot be asked: 503 (Square delivers it again), nothing applied', async () => {
    const order = await fresh();
    const pid = order.providerPaymentId!;
    await send('payment.updated', payment(order.id, pid));
    const res = await deliver(
      server,
      squareEvent('refund.updated', {
        refund: {
          id: `${pid}_r2`,
          status: 'COMPLETED',
          payment_id: pid,
          amount_money: {amount: 1000, currency: 'USD'},
        },
      })
    );
    assert.equal(res.status, 503);
    assert.equal((await res.json()).error.code, 'provider_unavailable');
    assert.equal(await status(order.id), 'paid');
  });

  it('unknown types, unknown payments and unusable fields: 200 ignored, nothing applied, no error logged', async () => {
    const order = await fresh();
    const pid = order.providerPaymentId!;
    lines.length = 0;
    for (const [type, object] of [
      ['payment.deleted', payment(order.id, pid)],
      ['constructor', payment(order.id, pid)],
      ['__proto__', payment(order.id, pid)],
      ['payment.updated', payment('ord_unknown', 'pay_unknown')],
      ['payment.updated', {payment: 'a string'}],
      ['payment.updated', payment(order.id, pid, {reference_id: {}})],
      ['payment.updated', payment(order.id, pid, {id: 42})],
      ['payment.updated', payment(order.id, pid, {status: ['COMPLETED']})],
      ['refund.updated', {refund: {id: 'r', status: 'COMPLETED'}}],
      ['dispute.created', {dispute: {id: 'd', state: 'EVIDENCE_REQUIRED'}}],
      ['dispute.created', {nothing: true}],
    ] as const) {
      const outcome = await send(type, object as Record<string, unknown>);
      assert.equal(outcome, 'ignored', `${type} ${JSON.stringify(object)}`);
    }
    // An amount Square would never send: not a payment of this order's total.
    await send(
      'payment.updated',
      payment(order.id, pid, {
        amount_money: {amount: '5000', currency: 'USD'},
        total_money: {amount: 5000.5, currency: 'USD'},
      })
    );
    assert.equal(await status(order.id), 'needs_review');
    assertQuietLog(lines);
  });
});
