/**
 * The PayPal emulator's disputes, as the Disputes v1 resource PayPal sends in
 * CUSTOMER.DISPUTE.CREATED / UPDATED / RESOLVED (paypal-rest-api-specifications,
 * openapi/customer_disputes_v1.json): the disputed transaction names the capture and repeats
 * its invoice_id and custom_id as invoice_number and custom, which is how the merchant's
 * server finds its order.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {type RunningPaypalEmulator} from '../../paypal/index.js';
import {closeAfterEach, paidOrder, setup, verifies} from './webhook-helpers.js';

closeAfterEach();

async function trigger(
  emulator: RunningPaypalEmulator,
  captureId: string,
  event: string,
  body: object = {}
) {
  const response = await fetch(
    `${emulator.url}/_emulator/captures/${captureId}/${event}`,
    {
      method: 'POST',
      headers: {
        Authorization: `Basic ${btoa(`${emulator.clientId}:${emulator.clientSecret}`)}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    }
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return {status: response.status, body: (await response.json()) as any};
}

describe('PayPal emulator disputes', () => {
  it('CREATED names the capture, its invoice_number and custom, its gross amount and the buyer', async () => {
    const {emulator, receiver} = await setup();
    const {captureId} = await paidOrder(emulator, '19.99');
    const {status, body} = await trigger(emulator, captureId, 'dispute');
    assert.equal(status, 200);
    assert.equal(body.event_type, 'CUSTOMER.DISPUTE.CREATED');
    assert.equal(body.resource_type, 'dispute');
    const dispute = body.resource;
    assert.match(dispute.dispute_id, /^PP-D-\d+$/);
    assert.equal(dispute.status, 'OPEN');
    assert.equal(dispute.reason, 'MERCHANDISE_OR_SERVICE_NOT_RECEIVED');
    assert.equal(dispute.dispute_life_cycle_stage, 'INQUIRY');
    assert.deepEqual(dispute.dispute_amount, {
      currency_code: 'USD',
      value: '19.99',
    });
    const [tx] = dispute.disputed_transactions;
    assert.equal(tx.seller_transaction_id, captureId);
    assert.equal(tx.invoice_number, 'INV-42');
    assert.equal(tx.custom, 'order_42');
    assert.equal(tx.transaction_status, 'COMPLETED');
    assert.deepEqual(tx.gross_amount, {currency_code: 'USD', value: '19.99'});
    assert.equal(typeof tx.buyer.name, 'string');
    assert.match(tx.seller.merchant_id, /^[A-Z0-9]{13}$/);
    // The seller has until then to answer the inquiry: 20 days.
    assert.equal(
      Date.parse(dispute.seller_response_due_date) -
        Date.parse(dispute.create_time),
      20 * 86_400_000
    );
    // Delivered (after the order's own events), signed like every webhook.
    let delivered;
    for (let count = 1; !delivered; count++)
      delivered = (await receiver.received(count)).find(
        (d) => d.event.id === body.id
      );
    assert.equal(delivered.event.event_type, 'CUSTOMER.DISPUTE.CREATED');
    assert.equal(await verifies(delivered, emulator.webhookId), true);
  });

  it('a part of the capture, for a given reason; a reason PayPal does not have, or more than was captured, is refused', async () => {
    const {emulator} = await setup();
    const {captureId} = await paidOrder(emulator, '19.99');
    const part = await trigger(emulator, captureId, 'dispute', {
      amount: '5.00',
      reason: 'MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED',
    });
    assert.deepEqual(part.body.resource.dispute_amount, {
      currency_code: 'USD',
      value: '5.00',
    });
    assert.equal(
      part.body.resource.reason,
      'MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED'
    );
    const badReason = await trigger(emulator, captureId, 'dispute', {
      reason: 'BECAUSE',
    });
    assert.equal(badReason.status, 400);
    assert.equal(badReason.body.details[0].issue, 'INVALID_PARAMETER_VALUE');
    const tooMuch = await trigger(emulator, captureId, 'dispute', {
      amount: '20.00',
    });
    assert.equal(tooMuch.status, 422);
    assert.equal(tooMuch.body.details[0].issue, 'MAX_VALUE_EXCEEDED');
  });

  it('UPDATED asks the seller, RESOLVED says how it ended, on the same dispute; a second one is a new dispute', async () => {
    const {emulator} = await setup();
    const {captureId} = await paidOrder(emulator);
    const created = await trigger(emulator, captureId, 'dispute');
    const id = created.body.resource.dispute_id;
    const updated = await trigger(emulator, captureId, 'dispute-updated');
    assert.equal(updated.body.event_type, 'CUSTOMER.DISPUTE.UPDATED');
    assert.equal(updated.body.resource.dispute_id, id);
    assert.equal(updated.body.resource.status, 'WAITING_FOR_SELLER_RESPONSE');
    assert.equal(
      updated.body.resource.disputed_transactions[0].custom,
      'order_42'
    );
    const resolved = await trigger(emulator, captureId, 'dispute-resolved', {
      outcome: 'RESOLVED_SELLER_FAVOUR',
    });
    assert.equal(resolved.body.event_type, 'CUSTOMER.DISPUTE.RESOLVED');
    assert.equal(resolved.body.resource.dispute_id, id);
    assert.equal(resolved.body.resource.status, 'RESOLVED');
    assert.deepEqual(resolved.body.resource.dispute_outcome, {
      outcome_code: 'RESOLVED_SELLER_FAVOUR',
    });
    // Nothing left open on the capture to update or resolve.
    const again = await trigger(emulator, captureId, 'dispute-resolved');
    assert.equal(again.status, 404);
    const second = await trigger(emulator, captureId, 'dispute');
    assert.notEqual(second.body.resource.dispute_id, id);
    const lost = await trigger(emulator, captureId, 'dispute-resolved');
    assert.deepEqual(lost.body.resource.dispute_outcome, {
      outcome_code: 'RESOLVED_BUYER_FAVOUR',
      amount_refunded: {currency_code: 'USD', value: '19.99'},
    });
    const unknown = await trigger(emulator, captureId, 'dispute-resolved', {
      outcome: 'MAYBE',
    });
    assert.equal(unknown.status, 400);
  });
});
