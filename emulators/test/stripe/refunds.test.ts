/** The Stripe emulator's refunds and disputes on a paid PaymentIntent. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {stripeError} from './helpers.js';
import {
  emulator,
  raw,
  stripe,
  succeededIntent,
  useEmulator,
} from './api-helpers.js';

useEmulator();

describe('Stripe emulator', () => {
  describe('refunds', () => {
    it('refunds in full by PaymentIntent', async () => {
      const intent = await succeededIntent(5000);
      const refund = await stripe.refunds.create({payment_intent: intent.id});
      assert.match(refund.id, /^re_/);
      assert.equal(refund.amount, 5000);
      assert.equal(refund.status, 'succeeded');
      assert.equal(refund.payment_intent, intent.id);
      const charge = await stripe.charges.retrieve(
        String(intent.latest_charge)
      );
      assert.equal(charge.amount_refunded, 5000);
      assert.equal(charge.refunded, true);
      assert.equal(charge.refunds?.data[0].id, refund.id);
      assert.deepEqual(await stripe.refunds.retrieve(refund.id), refund);
      const again = await stripeError(
        stripe.refunds.create({payment_intent: intent.id})
      );
      assert.equal(again.code, 'charge_already_refunded');
    });

    it('refunds partially by charge, and refuses more than what remains', async () => {
      const intent = await succeededIntent(5000);
      const chargeId = String(intent.latest_charge);
      await stripe.refunds.create({
        charge: chargeId,
        amount: 2000,
        reason: 'requested_by_customer',
      });
      const tooMuch = await stripeError(
        stripe.refunds.create({charge: chargeId, amount: 3001})
      );
      assert.equal(tooMuch.statusCode, 400);
      assert.equal(tooMuch.param, 'amount');
      assert.equal(
        tooMuch.message,
        'Refund amount ($30.01) is greater than unrefunded amount on charge ($30.00)'
      );
      await stripe.refunds.create({charge: chargeId, amount: 3000});
      const charge = await stripe.charges.retrieve(chargeId);
      assert.equal(charge.amount_refunded, 5000);
      assert.equal(charge.refunded, true);
      assert.equal(charge.refunds?.data.length, 2);
    });

    it('refuses to refund an intent that has not succeeded, or more than the charge', async () => {
      const open = await stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
      });
      const early = await stripeError(
        stripe.refunds.create({payment_intent: open.id})
      );
      assert.equal(early.statusCode, 400);
      const intent = await succeededIntent(1000);
      const over = await stripeError(
        stripe.refunds.create({payment_intent: intent.id, amount: 1001})
      );
      assert.equal(
        over.message,
        'Refund amount ($10.01) is greater than charge amount ($10.00)'
      );
    });
  });

  describe('disputes', () => {
    it('opens and closes a dispute through the emulator controls', async () => {
      const intent = await succeededIntent(7000);
      const opened = await raw(
        `/_emulator/payment_intents/${intent.id}/dispute`,
        {form: {reason: 'product_not_received'}}
      );
      assert.equal(opened.status, 200);
      assert.match(String(opened.body.id), /^dp_/);
      assert.equal(opened.body.status, 'needs_response');
      assert.equal(opened.body.amount, 7000);
      assert.equal(opened.body.charge, intent.latest_charge);
      assert.equal(opened.body.payment_intent, intent.id);
      assert.equal(opened.body.reason, 'product_not_received');
      assert.equal(
        (await stripe.charges.retrieve(String(intent.latest_charge))).disputed,
        true
      );
      const refund = await stripeError(
        stripe.refunds.create({payment_intent: intent.id})
      );
      assert.equal(refund.code, 'charge_disputed');

      const closed = await raw(
        `/_emulator/disputes/${String(opened.body.id)}/close`,
        {form: {status: 'won'}}
      );
      assert.equal(closed.body.status, 'won');
      assert.equal(
        (await stripe.disputes.retrieve(String(opened.body.id))).status,
        'won'
      );
      const types = emulator.events
        .list()
        .filter((e) => e.data.object.id === opened.body.id)
        .map((e) => e.type);
      assert.deepEqual(types, [
        'charge.dispute.created',
        'charge.dispute.closed',
      ]);
    });

    it('needs the secret key', async () => {
      const intent = await succeededIntent();
      const anonymous = await raw(
        `/_emulator/payment_intents/${intent.id}/dispute`,
        {auth: null, form: {}}
      );
      assert.equal(anonymous.status, 401);
      const browser = await raw(
        `/_emulator/payment_intents/${intent.id}/dispute`,
        {
          auth: `Bearer ${emulator.publishableKey}`,
          form: {},
        }
      );
      assert.equal(browser.status, 401);
    });
  });
});
