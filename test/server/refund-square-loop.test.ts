/**
 * The refund row follows Square's word over real HTTP: the Square emulator holds refunds
 * PENDING (`refundSettleMs: null`, as RefundPayment answers in api.json's examples), its
 * controls complete or fail them, and its signed `refund.updated` reaches our webhook route,
 * duplicated or out of order when its faults say so.
 */
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {after, before, describe, it} from 'node:test';
import type {Refund} from '../../server/orders/refunds.js';
import {
  paidOrder,
  type SquareHarness,
  startSquareHarness,
} from './square-harness.js';

const ADMIN_TOKEN = 'admin-token-for-refund-square-loop-0123456789';

describe('Square refunds held PENDING: the row follows refund.updated', () => {
  let h: SquareHarness;
  const sent: {to: string; messageId: string}[] = [];
  before(async () => {
    h = await startSquareHarness({
      admin: {token: ADMIN_TOKEN},
      mailer: {send: async (message) => void sent.push(message)},
      emulatorOptions: {refundSettleMs: null},
    });
  });
  after(() => h.close());

  const refund = async (orderId: string, amount: number) => {
    const res = await h.server.app.request(
      `/api/admin/orders/${orderId}/refunds`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          'idempotency-key': randomUUID(),
          'content-type': 'application/json',
        },
        body: JSON.stringify({amount}),
      }
    );
    return {
      status: res.status,
      refund: ((await res.json()) as {refund?: Refund}).refund,
    };
  };
  const rows = (orderId: string) => h.server.store.refunds.forOrder(orderId);
  /** The buyer's refund emails for the order, by the outbox job that sent each. */
  const refundEmails = async (orderId: string) => {
    await h.server.outbox.idle();
    const jobs = (await h.server.store.jobs(orderId)).filter((job) =>
      job.kind.startsWith('email:order.refunded')
    );
    return jobs.map((job) => ({
      kind: job.kind,
      sent: sent.filter((message) => message.messageId.includes(job.id)).length,
    }));
  };

  it('COMPLETED: the row succeeded, the order refunded once, one email, duplicates and all', async () => {
    const order = await paidOrder(h);
    const asked = await refund(order.orderId, 2000);
    assert.equal(asked.status, 201);
    assert.equal(asked.refund!.status, 'pending');
    await h.emulator.flush();

    h.emulator.faults.duplicateNextEvents(2);
    h.emulator.completeRefund(asked.refund!.providerRefundId!);
    await h.emulator.flush();

    const [row] = await rows(order.orderId);
    assert.equal(row.status, 'succeeded');
    const now = (await h.server.store.get(order.orderId))!;
    assert.equal(now.status, 'partially_refunded');
    assert.equal(now.amountRefunded, 2000);
    assert.deepEqual(await refundEmails(order.orderId), [
      {kind: 'email:order.refunded:2000', sent: 1},
    ]);
  });

  it('REJECTED: the row failed, the order unmoved, the same amount refundable again', async () => {
    const order = await paidOrder(h);
    const asked = await refund(order.orderId, 5000);
    assert.equal(asked.refund!.status, 'pending');
    assert.equal((await refund(order.orderId, 1)).status, 409);
    await h.emulator.flush();

    // refund.created (PENDING) and refund.updated (REJECTED) delivered newest first.
    h.emulator.faults.holdEvents();
    h.emulator.failRefund(asked.refund!.providerRefundId!, 'REJECTED');
    h.emulator.faults.releaseEvents('reverse');
    await h.emulator.flush();

    const [row] = await rows(order.orderId);
    assert.equal(row.status, 'failed');
    const now = (await h.server.store.get(order.orderId))!;
    assert.equal(now.status, 'paid');
    assert.equal(now.amountRefunded, 0);
    assert.deepEqual(await refundEmails(order.orderId), []);

    const again = await refund(order.orderId, 5000);
    assert.equal(again.status, 201);
    assert.equal(again.refund!.status, 'pending');
  });
});
