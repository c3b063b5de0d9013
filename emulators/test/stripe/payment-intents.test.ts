/** The Stripe emulator's PaymentIntents, and 3-D Secure on them, through stripe-node. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import Stripe from 'stripe';
import {stripeError} from './helpers.js';
import {
  emulator,
  NOW,
  RETURN_URL,
  stripe,
  succeededIntent,
  useEmulator,
} from './api-helpers.js';

useEmulator();

describe('Stripe emulator', () => {
  describe('PaymentIntents', () => {
    it('goes from requires_payment_method to succeeded, with a charge', async () => {
      const created = await stripe.paymentIntents.create({
        amount: 2500,
        currency: 'eur',
      });
      const retrieved = await stripe.paymentIntents.retrieve(created.id);
      assert.equal(retrieved.status, 'requires_payment_method');

      const updated = await stripe.paymentIntents.update(created.id, {
        amount: 3000,
        metadata: {order_id: 'ord_7'},
        payment_method: 'pm_card_mastercard',
      });
      assert.equal(updated.amount, 3000);
      assert.equal(updated.status, 'requires_confirmation');

      const confirmed = await stripe.paymentIntents.confirm(created.id, {
        return_url: RETURN_URL,
      });
      assert.equal(confirmed.status, 'succeeded');
      assert.equal(confirmed.amount_received, 3000);
      assert.match(String(confirmed.latest_charge), /^ch_/);

      const charge = await stripe.charges.retrieve(
        String(confirmed.latest_charge)
      );
      assert.equal(charge.status, 'succeeded');
      assert.equal(charge.paid, true);
      assert.equal(charge.amount, 3000);
      assert.equal(charge.payment_intent, created.id);
      assert.equal(charge.payment_method_details?.card?.brand, 'mastercard');
      assert.deepEqual(charge.metadata, {order_id: 'ord_7'});
    });

    it('creates and confirms in one call, and expands latest_charge', async () => {
      const intent = await stripe.paymentIntents.create({
        amount: 1500,
        currency: 'usd',
        payment_method: 'pm_card_visa',
        confirm: true,
        return_url: RETURN_URL,
        expand: ['latest_charge'],
      });
      assert.equal(intent.status, 'succeeded');
      assert.equal((intent.latest_charge as Stripe.Charge).object, 'charge');
    });

    it('needs a return_url to confirm unless redirects are ruled out', async () => {
      const automatic = await stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
      });
      const refused = await stripeError(
        stripe.paymentIntents.confirm(automatic.id, {
          payment_method: 'pm_card_visa',
        })
      );
      assert.equal(refused.statusCode, 400);
      assert.match(refused.message, /^A `return_url` must be specified/);
      assert.equal(
        (await stripe.paymentIntents.retrieve(automatic.id)).status,
        'requires_payment_method'
      );

      const noRedirects = await stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        automatic_payment_methods: {enabled: true, allow_redirects: 'never'},
      });
      const cardsOnly = await stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        allowed_payment_method_types: ['card'],
      });
      for (const intent of [noRedirects, cardsOnly]) {
        const confirmed = await stripe.paymentIntents.confirm(intent.id, {
          payment_method: 'pm_card_visa',
        });
        assert.equal(confirmed.status, 'succeeded');
      }
    });

    it('refuses to confirm without a payment method', async () => {
      const intent = await stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
      });
      const error = await stripeError(
        stripe.paymentIntents.confirm(intent.id, {return_url: RETURN_URL})
      );
      assert.equal(error.code, 'payment_intent_unexpected_state');
      assert.match(error.message, /missing a payment method/);
    });

    it('locks the amount once succeeded but still takes metadata', async () => {
      const intent = await succeededIntent();
      const error = await stripeError(
        stripe.paymentIntents.update(intent.id, {amount: 9999})
      );
      assert.equal(error.code, 'payment_intent_unexpected_state');
      assert.equal(error.param, 'amount');
      assert.equal(
        error.message,
        "This PaymentIntent's amount could not be updated because it has a status of succeeded. You may only update the amount of a PaymentIntent with one of the following statuses: requires_payment_method, requires_confirmation, requires_action."
      );
      assert.equal(error.payment_intent?.id, intent.id);
      const tagged = await stripe.paymentIntents.update(intent.id, {
        metadata: {invoice: 'inv_1'},
      });
      assert.equal(tagged.metadata.invoice, 'inv_1');
    });

    it('cancels with a reason, and then refuses to confirm or cancel again', async () => {
      const intent = await stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
      });
      const canceled = await stripe.paymentIntents.cancel(intent.id, {
        cancellation_reason: 'abandoned',
      });
      assert.equal(canceled.status, 'canceled');
      assert.equal(canceled.cancellation_reason, 'abandoned');
      assert.equal(canceled.canceled_at, NOW / 1000);
      const confirm = await stripeError(
        stripe.paymentIntents.confirm(intent.id, {
          payment_method: 'pm_card_visa',
          return_url: RETURN_URL,
        })
      );
      assert.equal(confirm.code, 'payment_intent_unexpected_state');
      const again = await stripeError(stripe.paymentIntents.cancel(intent.id));
      assert.match(
        again.message,
        /^You cannot cancel this PaymentIntent because it has a status of canceled/
      );
      const succeeded = await succeededIntent();
      const late = await stripeError(
        stripe.paymentIntents.cancel(succeeded.id)
      );
      assert.equal(late.code, 'payment_intent_unexpected_state');
    });

    it('answers 404 for an unknown PaymentIntent', async () => {
      const error = await stripeError(
        stripe.paymentIntents.retrieve('pi_doesNotExist')
      );
      assert.equal(error.statusCode, 404);
      assert.equal(error.code, 'resource_missing');
      assert.equal(error.message, "No such payment_intent: 'pi_doesNotExist'");
    });
  });

  describe('3-D Secure', () => {
    async function challenged(
      paymentMethod = 'pm_card_authenticationRequired'
    ) {
      const intent = await stripe.paymentIntents.create({
        amount: 4200,
        currency: 'usd',
        payment_method: paymentMethod,
        confirm: true,
        return_url: RETURN_URL,
      });
      assert.equal(intent.status, 'requires_action');
      return intent;
    }

    function answer(
      intent: Stripe.PaymentIntent,
      outcome: string,
      clientSecret = intent.client_secret
    ) {
      return fetch(`${emulator.url}/_emulator/3ds/${intent.id}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Origin: 'https://shop.example',
        },
        body: JSON.stringify({client_secret: clientSecret, outcome}),
      });
    }

    it('redirects a server-side confirmation with a return_url to the challenge page', async () => {
      const intent = await challenged();
      assert.equal(intent.next_action?.type, 'redirect_to_url');
      assert.equal(intent.next_action?.redirect_to_url?.return_url, RETURN_URL);
      const url = new URL(String(intent.next_action?.redirect_to_url?.url));
      assert.equal(url.origin, emulator.url);
      assert.equal(url.pathname, `/elements/3ds/${intent.id}`);
      assert.equal(url.searchParams.get('client_secret'), intent.client_secret);
    });

    it('succeeds when the challenge is completed', async () => {
      const intent = await challenged();
      const response = await answer(intent, 'complete');
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*');
      const body = (await response.json()) as {
        payment_intent: {status: string};
        redirect_url: string;
      };
      assert.equal(body.payment_intent.status, 'succeeded');
      const redirect = new URL(body.redirect_url);
      assert.equal(redirect.searchParams.get('payment_intent'), intent.id);
      assert.equal(redirect.searchParams.get('redirect_status'), 'succeeded');

      const after = await stripe.paymentIntents.retrieve(intent.id, {
        expand: ['latest_charge'],
      });
      assert.equal(after.status, 'succeeded');
      const charge = after.latest_charge as Stripe.Charge;
      assert.equal(
        charge.payment_method_details?.card?.three_d_secure?.result,
        'authenticated'
      );
    });

    it('returns to requires_payment_method when the challenge fails', async () => {
      const intent = await challenged();
      const response = await answer(intent, 'fail');
      const body = (await response.json()) as {redirect_url: string};
      assert.equal(
        new URL(body.redirect_url).searchParams.get('redirect_status'),
        'failed'
      );
      const after = await stripe.paymentIntents.retrieve(intent.id);
      assert.equal(after.status, 'requires_payment_method');
      assert.equal(
        after.last_payment_error?.code,
        'payment_intent_authentication_failure'
      );
      assert.equal(
        after.last_payment_error?.message,
        'We are unable to authenticate your payment method. Please choose a different payment method and try again.'
      );
      assert.equal(after.latest_charge, null);
    });

    it('declines after authentication when the card has no funds', async () => {
      const intent = await challenged(
        'pm_card_authenticationRequiredChargeDeclinedInsufficientFunds'
      );
      await answer(intent, 'complete');
      const after = await stripe.paymentIntents.retrieve(intent.id);
      assert.equal(after.status, 'requires_payment_method');
      assert.equal(
        after.last_payment_error?.decline_code,
        'insufficient_funds'
      );
    });

    it('needs the right client_secret and an intent that awaits authentication', async () => {
      const intent = await challenged();
      const wrong = await answer(
        intent,
        'complete',
        `${intent.id}_secret_wrong`
      );
      assert.equal(wrong.status, 400);
      assert.equal(
        (await stripe.paymentIntents.retrieve(intent.id)).status,
        'requires_action'
      );
      await answer(intent, 'complete');
      const twice = await answer(intent, 'complete');
      assert.equal(twice.status, 400);
    });
  });
});
