/** Checkout Sessions expiring in the Stripe emulator, on the clock the tests move. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import Stripe from 'stripe';
import {stripeError} from './helpers.js';
import {
  createSession,
  delivered,
  payOnPage,
  setClock,
  START,
  stripe,
  types,
  useCheckoutEmulator,
} from './checkout-helpers.js';

useCheckoutEmulator();

describe('Stripe emulator: Checkout Sessions', () => {
  describe('expiring', () => {
    it('POST /expire ends an open session and sends checkout.session.expired', async () => {
      const session = await createSession();
      const expired = await stripe.checkout.sessions.expire(session.id);
      assert.equal(expired.status, 'expired');
      assert.equal(expired.payment_status, 'unpaid');
      assert.equal(expired.url, null);
      const events = await delivered();
      assert.deepEqual(types(events), ['checkout.session.expired']);
      assert.equal(
        (events[0]!.data.object as Stripe.Checkout.Session).status,
        'expired'
      );
      assert.match(String(events[0]!.request?.id), /^req_/);

      const again = await stripeError(
        stripe.checkout.sessions.expire(session.id)
      );
      assert.equal(again.statusCode, 400);
      assert.match(again.message, /status of expired/);
    });

    it('cancels the PaymentIntent of a session that saw a declined attempt', async () => {
      const session = await createSession();
      await payOnPage(session.id, '4000000000000002');
      await stripe.checkout.sessions.expire(session.id);
      const {payment_intent: id} = await stripe.checkout.sessions.retrieve(
        session.id
      );
      const intent = await stripe.paymentIntents.retrieve(id as string);
      assert.equal(intent.status, 'canceled');
      assert.deepEqual(types(await delivered()).slice(-2), [
        'payment_intent.canceled',
        'checkout.session.expired',
      ]);
    });

    it('expires by itself once expires_at has passed', async () => {
      const session = await createSession({expires_at: START / 1000 + 3600});
      assert.equal(session.expires_at, START / 1000 + 3600);
      setClock(START + 3599_000);
      assert.equal(
        (await stripe.checkout.sessions.retrieve(session.id)).status,
        'open'
      );
      setClock(START + 3600_000);
      // Any request after the deadline (here, an unrelated one) expires it.
      await stripe.paymentIntents.create({amount: 500, currency: 'usd'});
      const events = await delivered();
      assert.ok(types(events).includes('checkout.session.expired'));
      const expired = await stripe.checkout.sessions.retrieve(session.id);
      assert.equal(expired.status, 'expired');
      const page = await fetch(session.url!);
      assert.match(await page.text(), /This checkout has expired/);
    });

    it('cannot expire a completed session', async () => {
      const session = await createSession();
      await payOnPage(session.id, '4242424242424242');
      const error = await stripeError(
        stripe.checkout.sessions.expire(session.id)
      );
      assert.match(error.message, /status of complete/);
    });
  });
});
