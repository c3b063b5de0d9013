/**
 * The Stripe emulator's refunds as the companion server calls them
 * (`refunds.create({payment_intent, amount, metadata}, {idempotencyKey})`): Stripe's error code
 * for too much (docs.stripe.com/error-codes#amount-too-large), an Idempotency-Key replaying the
 * first refund (docs.stripe.com/api/idempotent_requests), and the events a refund sends
 * (docs.stripe.com/api/events/types: refund.created, charge.refunded).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {stripeError} from './helpers.js';
import {emulator, stripe, succeededIntent, useEmulator} from './api-helpers.js';

useEmulator();

describe('Stripe emulator refunds, as the server asks for them', () => {
  it('more than is left is invalid_request_error amount_too_large on amount', async () => {
    const intent = await succeededIntent(5000);
    await stripe.refunds.create({payment_intent: intent.id, amount: 4000});
    const error = await stripeError(
      stripe.refunds.create({payment_intent: intent.id, amount: 1001})
    );
    assert.equal(error.statusCode, 400);
    assert.equal(error.type, 'StripeInvalidRequestError');
    assert.equal(error.code, 'amount_too_large');
    assert.equal(error.param, 'amount');
  });

  it('the same Idempotency-Key answers the first refund and refunds nothing more', async () => {
    const intent = await succeededIntent(5000);
    const params = {
      payment_intent: intent.id,
      amount: 1500,
      metadata: {order_id: 'ord_1'},
    };
    const first = await stripe.refunds.create(params, {
      idempotencyKey: 'refund-ord_1-a',
    });
    const again = await stripe.refunds.create(params, {
      idempotencyKey: 'refund-ord_1-a',
    });
    assert.equal(again.id, first.id);
    assert.deepEqual(first.metadata, {order_id: 'ord_1'});
    const charge = await stripe.charges.retrieve(String(intent.latest_charge));
    assert.equal(charge.amount_refunded, 1500);
    assert.equal(charge.refunds?.data.length, 1);
    const other = await stripeError(
      stripe.refunds.create(
        {...params, amount: 1600},
        {idempotencyKey: 'refund-ord_1-a'}
      )
    );
    assert.equal(other.type, 'StripeIdempotencyError');
  });

  it('a refund sends refund.created and charge.refunded with the cumulative amount', async () => {
    const intent = await succeededIntent(5000);
    const refund = await stripe.refunds.create({
      payment_intent: intent.id,
      amount: 700,
    });
    await stripe.refunds.create({payment_intent: intent.id, amount: 300});
    const events = emulator.events
      .list()
      .filter(
        (e) =>
          (e.data.object as {payment_intent?: string}).payment_intent ===
            intent.id && e.type !== 'payment_intent.created'
      );
    const refunds = events.filter((e) => e.type === 'refund.created');
    assert.equal(refunds.length, 2);
    assert.ok(
      refunds.some((e) => (e.data.object as {id: string}).id === refund.id)
    );
    const charged = events
      .filter((e) => e.type === 'charge.refunded')
      .map((e) => (e.data.object as {amount_refunded: number}).amount_refunded)
      .sort((a, b) => a - b);
    assert.deepEqual(charged, [700, 1000]);
  });
});
