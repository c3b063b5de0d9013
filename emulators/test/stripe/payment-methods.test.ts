/** The Stripe emulator's test PaymentMethods and test card numbers, through stripe-node. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import Stripe from 'stripe';
import {stripeError} from './helpers.js';
import {RETURN_URL, stripe, useEmulator} from './api-helpers.js';

useEmulator();

describe('Stripe emulator', () => {
  describe('test PaymentMethods', () => {
    const declines: [string, string, string, string][] = [
      [
        'pm_card_chargeDeclined',
        'card_declined',
        'generic_decline',
        'Your card was declined.',
      ],
      [
        'pm_card_chargeDeclinedInsufficientFunds',
        'card_declined',
        'insufficient_funds',
        'Your card has insufficient funds.',
      ],
      [
        'pm_card_chargeDeclinedExpiredCard',
        'expired_card',
        'expired_card',
        'Your card has expired.',
      ],
      [
        'pm_card_chargeDeclinedIncorrectCvc',
        'incorrect_cvc',
        'incorrect_cvc',
        "Your card's security code is incorrect.",
      ],
    ];
    for (const [paymentMethod, code, declineCode, message] of declines) {
      it(`${paymentMethod} is declined with ${declineCode}`, async () => {
        const intent = await stripe.paymentIntents.create({
          amount: 1000,
          currency: 'usd',
        });
        const error = await stripeError(
          stripe.paymentIntents.confirm(intent.id, {
            payment_method: paymentMethod,
            return_url: RETURN_URL,
          })
        );
        assert.equal(error.type, 'StripeCardError');
        assert.equal(error.statusCode, 402);
        assert.equal(error.code, code);
        assert.equal(error.decline_code, declineCode);
        assert.equal(error.message, message);
        assert.equal(error.payment_intent?.id, intent.id);
        assert.equal(error.payment_intent?.status, 'requires_payment_method');

        const after = await stripe.paymentIntents.retrieve(intent.id);
        assert.equal(after.status, 'requires_payment_method');
        assert.equal(after.payment_method, null);
        assert.equal(after.last_payment_error?.code, code);
        assert.equal(after.last_payment_error?.decline_code, declineCode);
        const charge = await stripe.charges.retrieve(
          String(after.latest_charge)
        );
        assert.equal(charge.status, 'failed');
        assert.equal(charge.failure_code, code);
      });
    }

    it('pm_card_visa and pm_card_mastercard succeed, and a declined intent can be retried', async () => {
      const intent = await stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
      });
      await stripeError(
        stripe.paymentIntents.confirm(intent.id, {
          payment_method: 'pm_card_chargeDeclined',
          return_url: RETURN_URL,
        })
      );
      const retried = await stripe.paymentIntents.confirm(intent.id, {
        payment_method: 'pm_card_visa',
        return_url: RETURN_URL,
      });
      assert.equal(retried.status, 'succeeded');
      assert.equal(retried.last_payment_error, null);
      const mastercard = await stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        payment_method: 'pm_card_mastercard',
        confirm: true,
        return_url: RETURN_URL,
      });
      assert.equal(mastercard.status, 'succeeded');
    });

    for (const paymentMethod of [
      'pm_card_authenticationRequired',
      'pm_card_threeDSecure2Required',
    ]) {
      it(`${paymentMethod} requires 3-D Secure`, async () => {
        const intent = await stripe.paymentIntents.create({
          amount: 1000,
          currency: 'usd',
          payment_method: paymentMethod,
          confirm: true,
          return_url: RETURN_URL,
          use_stripe_sdk: true,
        });
        assert.equal(intent.status, 'requires_action');
        assert.equal(intent.next_action?.type, 'use_stripe_sdk');
        assert.match(
          String(intent.next_action?.use_stripe_sdk?.stripe_js),
          new RegExp(`/elements/3ds/${intent.id}\\?`)
        );
      });
    }
  });

  describe('card numbers', () => {
    async function card(
      number: string,
      extra: {exp_month?: number; exp_year?: number} = {}
    ) {
      return stripe.paymentMethods.create({
        type: 'card',
        card: {number, exp_month: 12, exp_year: 2031, cvc: '123', ...extra},
        billing_details: {address: {postal_code: '94107'}},
      });
    }

    it('creates a card PaymentMethod that does not reveal the number', async () => {
      const method = await card('4242424242424242');
      assert.match(method.id, /^pm_/);
      assert.equal(method.card?.brand, 'visa');
      assert.equal(method.card?.last4, '4242');
      assert.equal(method.card?.exp_month, 12);
      assert.equal(method.card?.exp_year, 2031);
      assert.equal(method.card?.checks?.address_postal_code_check, 'pass');
      assert.ok(!JSON.stringify(method).includes('4242424242424242'));
      assert.deepEqual(await stripe.paymentMethods.retrieve(method.id), method);
    });

    const outcomes: [string, string, string | null][] = [
      ['4242424242424242', 'succeeded', null],
      ['4000000000000002', 'requires_payment_method', 'generic_decline'],
      ['4000000000009995', 'requires_payment_method', 'insufficient_funds'],
      ['4000000000000069', 'requires_payment_method', 'expired_card'],
      ['4000000000000127', 'requires_payment_method', 'incorrect_cvc'],
      ['4000002500003155', 'requires_action', null],
      ['4000000000003220', 'requires_action', null],
    ];
    for (const [number, status, declineCode] of outcomes) {
      it(`${number} ends in ${status}${declineCode ? ` (${declineCode})` : ''}`, async () => {
        const method = await card(number);
        const intent = await stripe.paymentIntents.create({
          amount: 1000,
          currency: 'usd',
          payment_method: method.id,
        });
        const result = await stripe.paymentIntents
          .confirm(intent.id, {return_url: RETURN_URL})
          .catch((error: Stripe.errors.StripeError) => error);
        const after = await stripe.paymentIntents.retrieve(intent.id);
        assert.equal(after.status, status);
        if (declineCode) {
          assert.ok(result instanceof Stripe.errors.StripeCardError);
          assert.equal(result.decline_code, declineCode);
        } else {
          assert.ok(!(result instanceof Error));
        }
      });
    }

    it('refuses a number that fails the Luhn check', async () => {
      const error = await stripeError(card('4242424242424241'));
      assert.equal(error.type, 'StripeCardError');
      assert.equal(error.code, 'incorrect_number');
      assert.equal(error.message, 'Your card number is incorrect.');
    });

    it('refuses an expiry in the past', async () => {
      const lastYear = await stripeError(
        card('4242424242424242', {exp_year: 2029})
      );
      assert.equal(lastYear.code, 'invalid_expiry_year');
      const lastMonth = await stripeError(
        card('4242424242424242', {exp_month: 5, exp_year: 2030})
      );
      assert.equal(lastMonth.code, 'invalid_expiry_month');
      const thisMonth = await card('4242424242424242', {
        exp_month: 6,
        exp_year: 2030,
      });
      assert.equal(thisMonth.card?.exp_month, 6);
    });

    it('refuses a real (non-test) card number, as test mode does', async () => {
      const error = await stripeError(card('4111111111111111'));
      assert.equal(error.decline_code, 'test_mode_live_card');
    });

    it('lets a PaymentMethod pay only once', async () => {
      const method = await card('4242424242424242');
      const first = {
        amount: 1000,
        currency: 'usd',
        payment_method: method.id,
        confirm: true,
        return_url: RETURN_URL,
      };
      await stripe.paymentIntents.create(first);
      const error = await stripeError(stripe.paymentIntents.create(first));
      assert.match(
        error.message,
        /^The provided PaymentMethod was previously used/
      );
    });
  });
});
