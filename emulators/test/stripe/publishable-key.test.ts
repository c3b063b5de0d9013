/** What the Stripe emulator lets a publishable key do (Stripe.js's calls), and refuses. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {stripeError} from './helpers.js';
import {
  client,
  emulator,
  raw,
  RETURN_URL,
  stripe,
  useEmulator,
} from './api-helpers.js';

useEmulator();

describe('Stripe emulator', () => {
  describe('publishable key', () => {
    it('creates PaymentMethods, with the key in a header or as Stripe.js sends it', async () => {
      const browser = client(emulator.publishableKey);
      const method = await browser.paymentMethods.create({
        type: 'card',
        card: {
          number: '4242424242424242',
          exp_month: 1,
          exp_year: 2032,
          cvc: '314',
        },
      });
      assert.equal(method.card?.last4, '4242');
      const stripeJs = await raw('/v1/payment_methods', {
        auth: null,
        form: {
          key: emulator.publishableKey,
          type: 'card',
          'card[number]': '4000000000009995',
          'card[exp_month]': '1',
          'card[exp_year]': '2032',
          payment_user_agent: 'stripe.js/emulator',
        },
      });
      assert.equal(stripeJs.status, 200);
      assert.equal(stripeJs.body.object, 'payment_method');
    });

    it('retrieves and confirms a PaymentIntent only with its client_secret', async () => {
      const intent = await stripe.paymentIntents.create({
        amount: 1200,
        currency: 'usd',
        metadata: {order_id: 'secret-ish'},
      });
      const path = `/v1/payment_intents/${intent.id}`;
      const withoutSecret = await raw(
        `${path}?key=${emulator.publishableKey}`,
        {method: 'GET', auth: null}
      );
      assert.equal(withoutSecret.status, 400);
      assert.equal(withoutSecret.body.error?.param, 'client_secret');
      const wrongSecret = await raw(
        `${path}?key=${emulator.publishableKey}&client_secret=${intent.id}_secret_nope`,
        {
          method: 'GET',
          auth: null,
        }
      );
      assert.equal(
        wrongSecret.body.error?.message,
        'The client_secret provided does not match the client_secret associated with the PaymentIntent.'
      );
      const visible = await raw(
        `${path}?key=${emulator.publishableKey}&client_secret=${intent.client_secret}`,
        {
          method: 'GET',
          auth: null,
        }
      );
      assert.equal(visible.status, 200);
      assert.equal(visible.body.status, 'requires_payment_method');
      assert.equal(visible.body.client_secret, intent.client_secret);
      // A publishable key sees a subset: no metadata, no charge.
      assert.equal(visible.body.metadata, undefined);
      assert.equal(visible.body.latest_charge, undefined);

      const confirmed = await raw(`${path}/confirm`, {
        auth: null,
        form: {
          key: emulator.publishableKey,
          client_secret: String(intent.client_secret),
          payment_method: 'pm_card_visa',
          return_url: RETURN_URL,
        },
      });
      assert.equal(confirmed.status, 200);
      assert.equal(confirmed.body.status, 'succeeded');
    });

    it('may not create, update or cancel PaymentIntents, refund, or list events', async () => {
      const browser = client(emulator.publishableKey);
      const intent = await stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
      });
      const calls = [
        () => browser.paymentIntents.create({amount: 1000, currency: 'usd'}),
        () => browser.paymentIntents.update(intent.id, {amount: 1}),
        () => browser.paymentIntents.cancel(intent.id),
        () => browser.refunds.create({payment_intent: intent.id}),
        () => browser.events.list(),
      ];
      for (const call of calls) {
        const error = await stripeError(call());
        assert.equal(error.statusCode, 401);
        assert.match(
          error.message,
          /^This API call cannot be made with a publishable API key/
        );
      }
    });

    it('answers browsers from any origin', async () => {
      const preflight = await fetch(`${emulator.url}/v1/payment_methods`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://shop.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('Access-Control-Allow-Origin'), '*');
    });
  });
});
