/** The Stripe emulator's events: what each call records, and listing them. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import Stripe from 'stripe';
import {stripeError} from './helpers.js';
import {
  emulator,
  NOW,
  raw,
  RETURN_URL,
  stripe,
  succeededIntent,
  useEmulator,
} from './api-helpers.js';

useEmulator();

describe('Stripe emulator', () => {
  describe('events', () => {
    it('records every state change with a snapshot and the request that caused it', async () => {
      const intent = await stripe.paymentIntents.create(
        {
          amount: 1000,
          currency: 'usd',
          payment_method: 'pm_card_visa',
          confirm: true,
          return_url: RETURN_URL,
        },
        {idempotencyKey: 'events-snapshot'}
      );
      const events = emulator.events.list().filter((e) => {
        const object = e.data.object;
        return (
          object.id === intent.id ||
          ('payment_intent' in object && object.payment_intent === intent.id)
        );
      });
      assert.deepEqual(
        events.map((e) => e.type),
        [
          'payment_intent.created',
          'charge.succeeded',
          'payment_intent.succeeded',
        ]
      );
      const [created, , succeeded] = events;
      assert.equal(
        (created.data.object as Stripe.PaymentIntent).status,
        'requires_confirmation'
      );
      assert.equal(
        (succeeded.data.object as Stripe.PaymentIntent).status,
        'succeeded'
      );
      assert.equal(succeeded.request.id, intent.lastResponse.requestId);
      assert.equal(succeeded.request.idempotency_key, 'events-snapshot');
      assert.equal(succeeded.livemode, false);
      assert.equal(succeeded.created, NOW / 1000);
      assert.equal(succeeded.pending_webhooks, 0);

      const fetched = await stripe.events.retrieve(succeeded.id);
      assert.equal(fetched.type, 'payment_intent.succeeded');
      assert.equal(fetched.api_version, Stripe.API_VERSION);
    });

    it('lists newest first, by type, a page at a time', async () => {
      await succeededIntent();
      await succeededIntent();
      const page = await stripe.events.list({
        type: 'payment_intent.succeeded',
        limit: 1,
      });
      assert.equal(page.data.length, 1);
      assert.equal(page.has_more, true);
      const next = await stripe.events.list({
        type: 'payment_intent.succeeded',
        limit: 1,
        starting_after: page.data[0].id,
      });
      assert.notEqual(next.data[0].id, page.data[0].id);
      const all = emulator.events.list('payment_intent.succeeded');
      assert.equal(page.data[0].id, all[all.length - 1].id);
      const wildcard = await stripe.events.list({type: 'charge.*', limit: 100});
      assert.ok(wildcard.data.every((e) => e.type.startsWith('charge.')));
    });

    it('moves an intent through processing with the test controls', async () => {
      const intent = await stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        payment_method: 'pm_card_visa',
      });
      const processing = await raw(
        `/_emulator/payment_intents/${intent.id}/processing`,
        {form: {}}
      );
      assert.equal(processing.body.status, 'processing');
      const update = await stripeError(
        stripe.paymentIntents.update(intent.id, {amount: 1200})
      );
      assert.equal(update.code, 'payment_intent_unexpected_state');
      const settled = await raw(
        `/_emulator/payment_intents/${intent.id}/settle`,
        {form: {outcome: 'succeeded'}}
      );
      assert.equal(settled.body.status, 'succeeded');
      const types = emulator.events
        .list()
        .filter((e) => e.data.object.id === intent.id)
        .map((e) => e.type);
      assert.deepEqual(types, [
        'payment_intent.created',
        'payment_intent.processing',
        'payment_intent.succeeded',
      ]);
    });
  });
});
