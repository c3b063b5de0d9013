/**
 * After the sale, through the SDK: submit for settlement, void, `testing.settle` and
 * `settlementDecline`, refunds (a new credit transaction; partial; over-refund; before
 * settlement), and search by order id (advanced_search_ids + advanced_search).
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {codesOn, sale, start, type Loose, type Setup} from './helpers.js';

let setup: Setup;
before(async () => {
  setup = await start();
});
after(() => setup.emulator.close());

const tx = (): Loose => setup.gateway.transaction;
const testing = (): Loose => setup.gateway.testing;

async function settledSale(
  amount = '100.00',
  orderId?: string
): Promise<Loose> {
  const {transaction} = await sale(setup, {
    amount,
    paymentMethodNonce: 'fake-valid-nonce',
    options: {submitForSettlement: true},
    ...(orderId && {orderId}),
  });
  await testing().settle(transaction.id);
  return tx().find(transaction.id);
}

describe('Braintree emulator: settlement', () => {
  it('submitForSettlement moves authorized on (a smaller amount too), and refuses it twice (91507)', async () => {
    const {transaction} = await sale(setup, {
      amount: '50.00',
      paymentMethodNonce: 'fake-valid-nonce',
    });
    const submitted = await tx().submitForSettlement(transaction.id, '40.00');
    assert.equal(submitted.success, true);
    assert.equal(submitted.transaction.status, 'submitted_for_settlement');
    assert.equal(submitted.transaction.amount, '40.00');
    const again = await tx().submitForSettlement(transaction.id);
    assert.equal(again.success, false);
    assert.deepEqual(codesOn(again, ['transaction'], 'base'), ['91507']);
  });

  it('refuses to settle more than was authorised (91522)', async () => {
    const {transaction} = await sale(setup, {
      amount: '50.00',
      paymentMethodNonce: 'fake-valid-nonce',
    });
    const result = await tx().submitForSettlement(transaction.id, '50.01');
    assert.deepEqual(codesOn(result, ['transaction'], 'amount'), ['91522']);
  });

  it('testing.settle settles: settling then settled in the status history, with a batch id', async () => {
    const t = await settledSale();
    assert.equal(t.status, 'settled');
    assert.deepEqual(
      t.statusHistory.map((e: {status: string}) => e.status),
      ['authorized', 'submitted_for_settlement', 'settling', 'settled']
    );
    assert.match(t.settlementBatchId, /^\d{4}-\d{2}-\d{2}_shop_usd$/);
  });

  it('4001.00 settles as settlement_declined, with the amount as response code; so does settlementDecline', async () => {
    const {transaction} = await sale(setup, {
      amount: '4001.00',
      paymentMethodNonce: 'fake-valid-nonce',
      options: {submitForSettlement: true},
    });
    assert.equal(transaction.status, 'submitted_for_settlement');
    await testing().settle(transaction.id);
    const declined = await tx().find(transaction.id);
    assert.equal(declined.status, 'settlement_declined');
    assert.equal(declined.processorSettlementResponseCode, '4001');
    const other = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: 'fake-valid-nonce',
      options: {submitForSettlement: true},
    });
    const answer = await testing().settlementDecline(other.transaction.id);
    assert.equal(answer.transaction.status, 'settlement_declined');
  });

  it('cannot settle an authorized-only sale (91575)', async () => {
    const {transaction} = await sale(setup, {
      amount: '5.00',
      paymentMethodNonce: 'fake-valid-nonce',
    });
    const answer = await testing().settle(transaction.id);
    assert.equal(
      answer.apiErrorResponse.errors.transaction.errors[0].code,
      '91575'
    );
  });
});

describe('Braintree emulator: void', () => {
  it('voids an authorized or submitted sale; not a settled one (91504)', async () => {
    const {transaction} = await sale(setup, {
      amount: '12.00',
      paymentMethodNonce: 'fake-valid-nonce',
      options: {submitForSettlement: true},
    });
    const voided = await tx().void(transaction.id);
    assert.equal(voided.success, true);
    assert.equal(voided.transaction.status, 'voided');
    const settled = await settledSale();
    const refused = await tx().void(settled.id);
    assert.equal(refused.success, false);
    assert.deepEqual(codesOn(refused, ['transaction'], 'base'), ['91504']);
  });
});

describe('Braintree emulator: refunds', () => {
  it('refunds in full as a new credit transaction pointing at the sale', async () => {
    const t = await settledSale('30.00', 'order-r1');
    const result = await tx().refund(t.id);
    assert.equal(result.success, true);
    const credit = result.transaction;
    assert.equal(credit.type, 'credit');
    assert.equal(credit.amount, '30.00');
    assert.equal(credit.refundedTransactionId, t.id);
    assert.equal(credit.status, 'submitted_for_settlement');
    assert.equal(credit.processorResponseCode, '1002');
    assert.equal(credit.orderId, 'order-r1');
    const after = await tx().find(t.id);
    assert.deepEqual(after.refundIds, [credit.id]);
    assert.equal(after.refundId, credit.id);
  });

  it('refunds in parts until nothing is left: 91521 too large, 91512 already refunded', async () => {
    const t = await settledSale('30.00');
    const first = await tx().refund(t.id, '10.00');
    assert.equal(first.transaction.amount, '10.00');
    const tooMuch = await tx().refund(t.id, '20.01');
    assert.equal(tooMuch.success, false);
    assert.deepEqual(codesOn(tooMuch, ['transaction'], 'amount'), ['91521']);
    const rest = await tx().refund(t.id, '20.00');
    assert.equal(rest.success, true);
    const done = await tx().refund(t.id);
    assert.deepEqual(codesOn(done, ['transaction'], 'base'), ['91512']);
    assert.equal((await tx().find(t.id)).refundIds.length, 2);
  });

  it('refuses a refund before settlement (91506) and of a credit (91505)', async () => {
    const {transaction} = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: 'fake-valid-nonce',
      options: {submitForSettlement: true},
    });
    const early = await tx().refund(transaction.id);
    assert.deepEqual(codesOn(early, ['transaction'], 'base'), ['91506']);
    const t = await settledSale();
    const credit = (await tx().refund(t.id, '1.00')).transaction;
    const ofCredit = await tx().refund(credit.id);
    assert.deepEqual(codesOn(ofCredit, ['transaction'], 'base'), ['91505']);
  });
});

describe('Braintree emulator: search', () => {
  it('finds the transactions of an order id through advanced search', async () => {
    const orderId = `order-s-${Date.now()}`;
    const first = await sale(setup, {
      amount: '2000.00',
      paymentMethodNonce: 'fake-valid-nonce',
      orderId,
    });
    const second = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: 'fake-valid-nonce',
      orderId,
    });
    await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: 'fake-valid-nonce',
      orderId: 'other',
    });
    const found: Loose[] = [];
    await new Promise<void>((resolve, reject) => {
      const stream = tx().search((search: Loose) =>
        search.orderId().is(orderId)
      );
      stream.on('data', (t: Loose) => found.push(t));
      stream.on('error', reject);
      stream.on('end', () => resolve());
    });
    assert.deepEqual(
      found.map((t) => t.id).sort(),
      [first.transaction.id, second.transaction.id].sort()
    );
    assert.deepEqual(found.map((t) => t.status).sort(), [
      'authorized',
      'processor_declined',
    ]);
  });

  it('an order id nothing has finds nothing', async () => {
    const found: Loose[] = [];
    await new Promise<void>((resolve, reject) => {
      const stream = tx().search((search: Loose) =>
        search.orderId().is('nobody-ordered-this')
      );
      stream.on('data', (t: Loose) => found.push(t));
      stream.on('error', reject);
      stream.on('end', () => resolve());
    });
    assert.deepEqual(found, []);
  });
});
