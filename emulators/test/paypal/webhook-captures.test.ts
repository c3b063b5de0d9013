/** The PayPal emulator's capture-event controls: what happens to a capture later, as webhooks. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {type RunningPaypalEmulator} from '../../paypal/index.js';
import {closeAfterEach, paidOrder, setup, verifies} from './webhook-helpers.js';

closeAfterEach();

describe('PayPal emulator webhooks: what happens to a capture later', () => {
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

  it('PENDING, then COMPLETED; DENIED', async () => {
    const {emulator, receiver} = await setup();
    const {orderId, captureId} = await paidOrder(emulator);
    const pending = await trigger(emulator, captureId, 'pending');
    assert.equal(pending.body.event_type, 'PAYMENT.CAPTURE.PENDING');
    assert.equal(pending.body.resource.status, 'PENDING');
    assert.deepEqual(pending.body.resource.status_details, {
      reason: 'PENDING_REVIEW',
    });
    const completed = await trigger(emulator, captureId, 'completed');
    assert.equal(completed.body.resource.status, 'COMPLETED');
    const denied = await trigger(emulator, captureId, 'denied');
    assert.equal(denied.body.event_type, 'PAYMENT.CAPTURE.DENIED');
    assert.equal(denied.body.resource.status, 'DECLINED');
    assert.equal(
      denied.body.resource.supplementary_data.related_ids.order_id,
      orderId
    );
    const deliveries = await receiver.received(5);
    for (const d of deliveries)
      assert.equal(await verifies(d, emulator.webhookId), true);
    assert.equal(
      emulator.order(orderId)?.purchase_units?.[0]?.payments?.captures?.[0]
        ?.status,
      'DECLINED'
    );
  });

  it('REFUNDED: a refund resource linked to the capture; partly, then the rest', async () => {
    const {emulator} = await setup();
    const {orderId, captureId} = await paidOrder(emulator, '20.00');
    const partial = await trigger(emulator, captureId, 'refunded', {
      amount: '5.00',
    });
    assert.equal(partial.status, 200);
    const event = partial.body;
    assert.equal(event.event_type, 'PAYMENT.CAPTURE.REFUNDED');
    assert.equal(event.resource_type, 'refund');
    assert.equal(event.resource.status, 'COMPLETED');
    assert.deepEqual(event.resource.amount, {
      currency_code: 'USD',
      value: '5.00',
    });
    assert.equal(event.resource.custom_id, 'order_42');
    const up = event.resource.links.find((l: {rel: string}) => l.rel === 'up');
    assert.equal(
      new URL(up.href).pathname,
      `/v2/payments/captures/${captureId}`
    );
    assert.equal(
      emulator.order(orderId)?.purchase_units?.[0]?.payments?.captures?.[0]
        ?.status,
      'PARTIALLY_REFUNDED'
    );
    const rest = await trigger(emulator, captureId, 'refunded');
    assert.deepEqual(rest.body.resource.amount, {
      currency_code: 'USD',
      value: '15.00',
    });
    assert.deepEqual(
      rest.body.resource.seller_payable_breakdown.total_refunded_amount,
      {currency_code: 'USD', value: '20.00'}
    );
    const unit = emulator.order(orderId)?.purchase_units?.[0];
    assert.equal(unit?.payments?.captures?.[0]?.status, 'REFUNDED');
    assert.equal(unit?.payments?.refunds?.length, 2);
    const more = await trigger(emulator, captureId, 'refunded', {
      amount: '1.00',
    });
    assert.equal(more.status, 422);
  });

  it('REVERSED (a chargeback) and CUSTOMER.DISPUTE.CREATED', async () => {
    const {emulator} = await setup();
    const {captureId} = await paidOrder(emulator);
    const dispute = await trigger(emulator, captureId, 'dispute');
    assert.equal(dispute.body.event_type, 'CUSTOMER.DISPUTE.CREATED');
    assert.equal(dispute.body.resource_type, 'dispute');
    assert.match(dispute.body.resource.dispute_id, /^PP-D-\d+$/);
    assert.equal(
      dispute.body.resource.disputed_transactions[0].seller_transaction_id,
      captureId
    );
    assert.deepEqual(dispute.body.resource.dispute_amount, {
      currency_code: 'USD',
      value: '19.99',
    });
    const reversed = await trigger(emulator, captureId, 'reversed');
    assert.equal(reversed.body.event_type, 'PAYMENT.CAPTURE.REVERSED');
    assert.equal(reversed.body.resource_type, 'refund');
    assert.deepEqual(reversed.body.resource.amount, {
      currency_code: 'USD',
      value: '19.99',
    });
  });

  it('needs the app’s credentials, a known capture and a known event', async () => {
    const {emulator} = await setup();
    const {captureId} = await paidOrder(emulator);
    const anonymous = await fetch(
      `${emulator.url}/_emulator/captures/${captureId}/refunded`,
      {method: 'POST'}
    );
    assert.equal(anonymous.status, 403);
    assert.equal(
      (await trigger(emulator, 'NOSUCHCAPTURE', 'refunded')).status,
      404
    );
    assert.equal((await trigger(emulator, captureId, 'exploded')).status, 400);
  });
});
