/** `shipping` on the Stripe emulator's PaymentIntents: taken, validated as Stripe does, echoed. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {stripeError} from './helpers.js';
import {
  client,
  emulator,
  RETURN_URL,
  stripe,
  useEmulator,
} from './api-helpers.js';

useEmulator();

const SHIPPING = {
  name: 'Erika Mustermann',
  address: {
    line1: 'Hauptstraße 5',
    line2: '2. OG',
    city: 'Berlin',
    postal_code: '10115',
    country: 'DE',
  },
};

describe('Stripe emulator', () => {
  describe('PaymentIntents with shipping', () => {
    it('echoes the shipping details on the intent and its charge', async () => {
      const intent = await stripe.paymentIntents.create({
        amount: 4990,
        currency: 'eur',
        shipping: SHIPPING,
      });
      assert.deepEqual(intent.shipping, {
        name: 'Erika Mustermann',
        address: {...SHIPPING.address, state: null},
        carrier: null,
        phone: null,
        tracking_number: null,
      });
      const paid = await stripe.paymentIntents.confirm(intent.id, {
        payment_method: 'pm_card_visa',
        return_url: RETURN_URL,
        expand: ['latest_charge'],
      });
      const charge = paid.latest_charge as {shipping: unknown};
      assert.deepEqual(charge.shipping, intent.shipping);
    });

    it('refuses shipping without a name or an address, in Stripe’s words', async () => {
      for (const [shipping, param] of [
        [{address: SHIPPING.address}, 'shipping[name]'],
        [{name: 'Erika'}, 'shipping[address]'],
      ] as const) {
        const error = await stripeError(
          stripe.paymentIntents.create({
            amount: 4990,
            currency: 'eur',
            shipping: shipping as never,
          })
        );
        assert.equal(error.type, 'StripeInvalidRequestError');
        assert.equal(error.code, 'parameter_missing');
        assert.equal(error.param, param);
        assert.equal(error.message, `Missing required param: ${param}.`);
      }
    });

    it('takes the shipping details with the confirmation, as Stripe.js sends an Address Element’s', async () => {
      const intent = await stripe.paymentIntents.create({
        amount: 4990,
        currency: 'eur',
      });
      const browser = client(emulator.publishableKey);
      const confirmed = await browser.paymentIntents.confirm(intent.id, {
        client_secret: intent.client_secret!,
        payment_method: 'pm_card_visa',
        return_url: RETURN_URL,
        shipping: SHIPPING,
        // Stripe.js's parameter: stripe-node's server-side types do not name it.
      } as never);
      assert.equal(confirmed.status, 'succeeded');
      assert.equal(confirmed.shipping?.address?.city, 'Berlin');
      const stored = await stripe.paymentIntents.retrieve(intent.id);
      assert.equal(stored.shipping?.name, 'Erika Mustermann');
    });

    it('updates the shipping details, and unsets them with an empty value', async () => {
      const intent = await stripe.paymentIntents.create({
        amount: 4990,
        currency: 'eur',
      });
      assert.equal(intent.shipping, null);
      const updated = await stripe.paymentIntents.update(intent.id, {
        shipping: {name: 'Kim', address: {country: 'US', state: 'CA'}},
      });
      assert.equal(updated.shipping?.name, 'Kim');
      assert.equal(updated.shipping?.address?.state, 'CA');
      const unset = await stripe.paymentIntents.update(intent.id, {
        shipping: '',
      });
      assert.equal(unset.shipping, null);
    });
  });
});
