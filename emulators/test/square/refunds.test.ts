/**
 * The Square emulator's Refunds API through the SDK: PENDING then COMPLETED (api.json's
 * examples), partial and full refunds, the payment's `refund_ids`/`refunded_money`, the refusals,
 * idempotency, and the controls that hold, fail or complete a pending refund.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  closeAfterEach,
  key,
  money,
  paid,
  raw,
  setup,
  squareError,
} from './helpers.js';

closeAfterEach();

describe('Square emulator: RefundPayment', () => {
  it('answers PENDING, then completes: refunded_money counts it, refund_ids lists it', async () => {
    const {emulator, client} = await setup({refundSettleMs: null});
    const payment = await paid(client, 5000);
    const {refund} = await client.refunds.refundPayment({
      idempotencyKey: key(),
      paymentId: payment.id!,
      amountMoney: money(1500),
      reason: 'Returned mug',
    });
    assert.equal(refund?.status, 'PENDING');
    assert.ok(
      refund?.id?.startsWith(`${payment.id}_`),
      'refund ids are <payment id>_<suffix>'
    );
    assert.equal(refund?.paymentId, payment.id);
    assert.equal(refund?.orderId, payment.orderId);
    assert.equal(refund?.locationId, payment.locationId);
    assert.equal(refund?.reason, 'Returned mug');
    const during = (await client.payments.get({paymentId: payment.id!}))
      .payment;
    assert.deepEqual(during?.refundIds, [refund!.id]);
    assert.equal(
      during?.refundedMoney,
      undefined,
      'a pending refund is not yet refunded money'
    );
    emulator.completeRefund(refund!.id!);
    assert.equal(
      (await client.refunds.get({refundId: refund!.id!})).refund?.status,
      'COMPLETED'
    );
    const after = (await client.payments.get({paymentId: payment.id!})).payment;
    assert.deepEqual(after?.refundedMoney, {amount: 1500n, currency: 'USD'});
    assert.equal(
      after?.status,
      'COMPLETED',
      'a refunded payment stays COMPLETED'
    );
  });

  it('completes on its own by default (refundSettleMs 0)', async () => {
    const {emulator, client} = await setup();
    const payment = await paid(client, 800);
    const {refund} = await client.refunds.refundPayment({
      idempotencyKey: key(),
      paymentId: payment.id!,
      amountMoney: money(800),
    });
    assert.equal(refund?.status, 'PENDING');
    await emulator.flush();
    assert.equal(
      (await client.refunds.get({refundId: refund!.id!})).refund?.status,
      'COMPLETED'
    );
  });

  it('refunds in parts up to the total, and refuses more: REFUND_AMOUNT_INVALID', async () => {
    const {emulator, client} = await setup();
    const payment = await paid(client, 1000);
    for (const amount of [400, 600]) {
      await client.refunds.refundPayment({
        idempotencyKey: key(),
        paymentId: payment.id!,
        amountMoney: money(amount),
      });
    }
    const error = await squareError(
      client.refunds.refundPayment({
        idempotencyKey: key(),
        paymentId: payment.id!,
        amountMoney: money(1),
      })
    );
    assert.equal(error.statusCode, 400);
    assert.equal(error.errors[0]?.code, 'REFUND_AMOUNT_INVALID');
    await emulator.flush();
    const after = (await client.payments.get({paymentId: payment.id!})).payment;
    assert.deepEqual(after?.refundedMoney, {amount: 1000n, currency: 'USD'});
    assert.equal(after?.refundIds?.length, 2);
  });

  it('refuses a refund of an APPROVED payment, a canceled one, an unknown one, another currency', async () => {
    const {client} = await setup();
    const held = await paid(client, 1000, {autocomplete: false});
    const approved = await squareError(
      client.refunds.refundPayment({
        idempotencyKey: key(),
        paymentId: held.id!,
        amountMoney: money(100),
      })
    );
    assert.equal(
      approved.errors[0]?.code,
      'REFUND_ERROR_PAYMENT_NEEDS_COMPLETION'
    );
    await client.payments.cancel({paymentId: held.id!});
    const canceled = await squareError(
      client.refunds.refundPayment({
        idempotencyKey: key(),
        paymentId: held.id!,
        amountMoney: money(100),
      })
    );
    assert.equal(canceled.errors[0]?.code, 'PAYMENT_NOT_REFUNDABLE');
    const unknown = await squareError(
      client.refunds.refundPayment({
        idempotencyKey: key(),
        paymentId: 'nope',
        amountMoney: money(100),
      })
    );
    assert.equal(unknown.statusCode, 404);
    const done = await paid(client, 1000);
    const currency = await squareError(
      client.refunds.refundPayment({
        idempotencyKey: key(),
        paymentId: done.id!,
        amountMoney: money(100, 'EUR'),
      })
    );
    assert.equal(currency.errors[0]?.field, 'amount_money.currency');
  });

  it('refuses a refund while the payment is disputed', async () => {
    const {emulator, client} = await setup();
    const payment = await paid(client, 1000);
    const dispute = emulator.openDispute(payment.id!);
    const error = await squareError(
      client.refunds.refundPayment({
        idempotencyKey: key(),
        paymentId: payment.id!,
        amountMoney: money(100),
      })
    );
    assert.equal(
      error.errors[0]?.code,
      'PAYMENT_NOT_REFUNDABLE_DUE_TO_DISPUTE'
    );
    emulator.moveDispute(dispute.id, 'WON');
    assert.equal(
      (
        await client.refunds.refundPayment({
          idempotencyKey: key(),
          paymentId: payment.id!,
          amountMoney: money(100),
        })
      ).refund?.status,
      'PENDING'
    );
  });

  it('replays a retry with the same key (one refund) and refuses the key for another request', async () => {
    const {emulator, client} = await setup();
    const payment = await paid(client, 1000);
    const request = {
      idempotencyKey: key(),
      paymentId: payment.id!,
      amountMoney: money(300),
    };
    const first = await client.refunds.refundPayment(request);
    const again = await client.refunds.refundPayment(request);
    assert.equal(again.refund?.id, first.refund?.id);
    assert.equal(emulator.events.list('refund.created').length, 1);
    const reused = await squareError(
      client.refunds.refundPayment({...request, amountMoney: money(301)})
    );
    assert.equal(reused.errors[0]?.code, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses a stale payment_version_token, and requires idempotency_key and amount_money', async () => {
    const {emulator, client} = await setup();
    const payment = await paid(client, 1000);
    const stale = await squareError(
      client.refunds.refundPayment({
        idempotencyKey: key(),
        paymentId: payment.id!,
        amountMoney: money(100),
        paymentVersionToken: 'old',
      })
    );
    assert.equal(stale.errors[0]?.code, 'VERSION_MISMATCH');
    const answer = await raw(emulator, '/v2/refunds', {
      body: {payment_id: payment.id},
    });
    assert.deepEqual(
      answer.body.errors.map((e: {code: string; field: string}) => [
        e.code,
        e.field,
      ]),
      [
        ['MISSING_REQUIRED_PARAMETER', 'idempotency_key'],
        ['MISSING_REQUIRED_PARAMETER', 'amount_money'],
      ]
    );
  });
});

describe('Square emulator: ListPaymentRefunds', () => {
  it('lists refunds newest first, by status, and pages with a cursor the SDK follows', async () => {
    const {client} = await setup({refundSettleMs: null});
    const payment = await paid(client, 1000);
    const ids: string[] = [];
    for (const amount of [100, 200, 300]) {
      const {refund} = await client.refunds.refundPayment({
        idempotencyKey: key(),
        paymentId: payment.id!,
        amountMoney: money(amount),
      });
      ids.push(refund!.id!);
    }
    const seen: string[] = [];
    for await (const refund of await client.refunds.list({limit: 2}))
      seen.push(refund.id!);
    assert.deepEqual(seen, [...ids].reverse());
    const completed = await client.refunds.list({status: 'COMPLETED'});
    assert.deepEqual(completed.data, []);
    const asc = await client.refunds.list({
      sortOrder: 'ASC',
      status: 'PENDING',
    });
    assert.deepEqual(
      asc.data.map((r) => r.id),
      ids
    );
  });
});

describe('Square emulator: pending refunds held for a test', () => {
  it('keeps a refund PENDING with refundSettleMs: null, then fails it: nothing refunded, the amount free again', async () => {
    const {emulator, client} = await setup({refundSettleMs: null});
    const payment = await paid(client, 1000);
    const {refund} = await client.refunds.refundPayment({
      idempotencyKey: key(),
      paymentId: payment.id!,
      amountMoney: money(1000),
    });
    await emulator.flush();
    assert.equal(emulator.refund(refund!.id!)?.status, 'PENDING');
    const failed = await raw(
      emulator,
      `/_emulator/refunds/${refund!.id}/fail`,
      {body: {}}
    );
    assert.equal(failed.body.refund.status, 'FAILED');
    assert.equal(
      (await client.payments.get({paymentId: payment.id!})).payment
        ?.refundedMoney,
      undefined
    );
    const retry = await client.refunds.refundPayment({
      idempotencyKey: key(),
      paymentId: payment.id!,
      amountMoney: money(1000),
    });
    const completed = await raw(
      emulator,
      `/_emulator/refunds/${retry.refund!.id}/complete`,
      {body: {}}
    );
    assert.equal(completed.body.refund.status, 'COMPLETED');
    const again = await raw(
      emulator,
      `/_emulator/refunds/${retry.refund!.id}/complete`,
      {body: {}}
    );
    assert.equal(again.status, 400, 'a settled refund stays settled');
    assert.deepEqual(
      emulator.events
        .list()
        .filter((e) => e.type.startsWith('refund.'))
        .map((e) => [e.type, e.data.object.refund?.status]),
      [
        ['refund.created', 'PENDING'],
        ['refund.updated', 'FAILED'],
        ['refund.created', 'PENDING'],
        ['refund.updated', 'COMPLETED'],
      ]
    );
  });

  it('REJECTED is the other way a refund fails', async () => {
    const {emulator, client} = await setup({refundSettleMs: null});
    const payment = await paid(client, 1000);
    const {refund} = await client.refunds.refundPayment({
      idempotencyKey: key(),
      paymentId: payment.id!,
      amountMoney: money(10),
    });
    assert.equal(
      emulator.failRefund(refund!.id!, 'REJECTED').status,
      'REJECTED'
    );
    assert.equal(
      (await client.refunds.get({refundId: refund!.id!})).refund?.status,
      'REJECTED'
    );
  });
});
