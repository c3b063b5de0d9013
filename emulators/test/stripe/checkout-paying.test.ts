/**
 * Paying a Checkout Session in the Stripe emulator through the calls the hosted page's script
 * makes, delayed payments, and the hosted page's answers (the page itself is tested in
 * Chromium, in test/e2e/stripe-hosted-checkout.test.ts).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import Stripe from 'stripe';
import {stripeError} from './helpers.js';
import {
  createSession,
  delivered,
  emulator,
  payOnPage,
  SHOP,
  stripe,
  types,
  useCheckoutEmulator,
} from './checkout-helpers.js';

useCheckoutEmulator();

async function control(path: string, body: Record<string, string> = {}) {
  const response = await fetch(`${emulator.url}/_emulator${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${emulator.secretKey}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & {
      error?: {message: string};
    },
  };
}

describe('Stripe emulator: Checkout Sessions', () => {
  describe('paying (the hosted page’s calls)', () => {
    it('4242 completes the session as paid and sends checkout.session.completed after the intent’s events', async () => {
      const session = await createSession();
      const answer = await payOnPage(session.id, '4242424242424242');
      assert.equal(answer.status, 200);
      assert.equal(answer.body.status, 'complete');
      assert.equal(answer.body.payment_status, 'paid');
      assert.equal(
        answer.body.redirect_url,
        `${SHOP}/thanks?session_id=${session.id}`
      );

      const paid = await stripe.checkout.sessions.retrieve(session.id, {
        expand: ['payment_intent'],
      });
      assert.equal(paid.status, 'complete');
      assert.equal(paid.payment_status, 'paid');
      assert.equal(paid.url, null, 'only an open session has a URL');
      assert.equal(paid.customer_details?.email, 'buyer@example.com');
      assert.equal(paid.customer_details?.address?.postal_code, '12345');
      const intent = paid.payment_intent as Stripe.PaymentIntent;
      assert.equal(intent.status, 'succeeded');
      assert.equal(intent.amount, 6050);
      assert.equal(intent.currency, 'usd');
      assert.deepEqual(intent.metadata, {order_id: 'order_42'});

      const events = await delivered();
      assert.deepEqual(types(events), [
        'payment_intent.created',
        'charge.succeeded',
        'payment_intent.succeeded',
        'checkout.session.completed',
      ]);
      const completed = events[3]!.data.object as Stripe.Checkout.Session;
      assert.equal(completed.id, session.id);
      assert.equal(completed.payment_status, 'paid');
      assert.equal(completed.payment_intent, intent.id);
      assert.equal(completed.client_reference_id, 'order_42');
      assert.deepEqual(completed.metadata, {order_id: 'order_42'});
      assert.equal(completed.amount_total, 6050);
    });

    it('a decline leaves the session open; the retry reuses its PaymentIntent', async () => {
      const session = await createSession();
      const declined = await payOnPage(session.id, '4000000000000002');
      assert.equal(declined.status, 402);
      assert.deepEqual(
        [
          declined.body.error?.type,
          declined.body.error?.code,
          declined.body.error?.decline_code,
          declined.body.error?.message,
        ],
        [
          'card_error',
          'card_declined',
          'generic_decline',
          'Your card was declined.',
        ]
      );
      const open = await stripe.checkout.sessions.retrieve(session.id);
      assert.equal(open.status, 'open');
      assert.equal(open.payment_status, 'unpaid');
      const intentId = open.payment_intent as string;
      assert.match(intentId, /^pi_/);
      assert.equal(
        (await stripe.paymentIntents.retrieve(intentId)).status,
        'requires_payment_method'
      );

      const funds = await payOnPage(session.id, '4000000000009995');
      assert.equal(funds.body.error?.decline_code, 'insufficient_funds');
      const paid = await payOnPage(session.id, '4242424242424242');
      assert.equal(paid.body.status, 'complete');
      const done = await stripe.checkout.sessions.retrieve(session.id);
      assert.equal(done.payment_intent, intentId);
      assert.deepEqual(types(await delivered()), [
        'payment_intent.created',
        'charge.failed',
        'payment_intent.payment_failed',
        'charge.failed',
        'payment_intent.payment_failed',
        'charge.succeeded',
        'payment_intent.succeeded',
        'checkout.session.completed',
      ]);
    });

    it('3-D Secure: the session completes once the challenge is answered Complete', async () => {
      const session = await createSession();
      const answer = await payOnPage(session.id, '4000002500003155');
      assert.equal(answer.body.status, 'open');
      const action = answer.body.next_action!;
      assert.match(action.payment_intent, /^pi_/);
      const challenged = await fetch(
        `${emulator.url}/_emulator/3ds/${action.payment_intent}`,
        {
          method: 'POST',
          headers: {'content-type': 'application/json'},
          body: JSON.stringify({
            client_secret: action.client_secret,
            outcome: 'complete',
          }),
        }
      );
      assert.equal(challenged.status, 200);
      const status = await fetch(
        `${emulator.url}/checkout/pay/${session.id}/status?key=${emulator.publishableKey}`
      );
      assert.equal(
        ((await status.json()) as {status: string}).status,
        'complete'
      );
      assert.equal(
        (await stripe.checkout.sessions.retrieve(session.id)).payment_status,
        'paid'
      );
      assert.deepEqual(types(await delivered()), [
        'payment_intent.created',
        'payment_intent.requires_action',
        'charge.succeeded',
        'payment_intent.succeeded',
        'checkout.session.completed',
      ]);
    });

    it('the session’s PaymentIntent cannot be confirmed or canceled through the API', async () => {
      const session = await createSession();
      await payOnPage(session.id, '4000000000000002');
      const intentId = (await stripe.checkout.sessions.retrieve(session.id))
        .payment_intent as string;
      const confirm = await stripeError(
        stripe.paymentIntents.confirm(intentId, {
          payment_method: 'pm_card_visa',
        })
      );
      assert.match(confirm.message, /created by the Checkout Session/);
      const cancel = await stripeError(stripe.paymentIntents.cancel(intentId));
      assert.match(cancel.message, /Expire the Checkout Session instead/);
    });

    it('needs the publishable key, and refuses a session that is not open', async () => {
      const session = await createSession();
      const noKey = await fetch(
        `${emulator.url}/checkout/pay/${session.id}/status`
      );
      assert.equal(noKey.status, 401);
      await stripe.checkout.sessions.expire(session.id);
      const answer = await payOnPage(session.id, '4242424242424242');
      assert.equal(answer.status, 400);
      assert.equal(
        answer.body.error?.message,
        'This Checkout Session has expired.'
      );
    });
  });

  describe('delayed payments (POST /_emulator/checkout/sessions/:id/async)', () => {
    it('completes unpaid first, then sends async_payment_succeeded when it settles', async () => {
      const session = await createSession();
      const pending = await control(`/checkout/sessions/${session.id}/async`);
      assert.equal(pending.status, 200);
      assert.deepEqual(
        [pending.body.status, pending.body.payment_status],
        ['complete', 'unpaid']
      );
      const intentId = pending.body.payment_intent as string;
      assert.equal(
        (await stripe.paymentIntents.retrieve(intentId)).status,
        'processing'
      );
      let events = await delivered();
      assert.deepEqual(types(events), [
        'payment_intent.created',
        'payment_intent.processing',
        'checkout.session.completed',
      ]);
      assert.equal(
        (events[2]!.data.object as Stripe.Checkout.Session).payment_status,
        'unpaid'
      );

      const settled = await control(`/checkout/sessions/${session.id}/async`, {
        outcome: 'succeeded',
      });
      assert.equal(settled.body.payment_status, 'paid');
      events = await delivered();
      assert.deepEqual(types(events).slice(3), [
        'charge.succeeded',
        'payment_intent.succeeded',
        'checkout.session.async_payment_succeeded',
      ]);
      const last = events.at(-1)!.data.object as Stripe.Checkout.Session;
      assert.deepEqual(
        [last.status, last.payment_status, last.payment_intent],
        ['complete', 'paid', intentId]
      );
      const intent = await stripe.paymentIntents.retrieve(intentId);
      assert.deepEqual(intent.metadata, {order_id: 'order_42'});
    });

    it('with outcome=failed in one call: completed (unpaid), then async_payment_failed', async () => {
      const session = await createSession();
      const answer = await control(`/checkout/sessions/${session.id}/async`, {
        outcome: 'failed',
      });
      assert.deepEqual(
        [answer.body.status, answer.body.payment_status],
        ['complete', 'unpaid']
      );
      const events = await delivered();
      assert.deepEqual(types(events), [
        'payment_intent.created',
        'payment_intent.processing',
        'checkout.session.completed',
        'charge.failed',
        'payment_intent.payment_failed',
        'checkout.session.async_payment_failed',
      ]);
      assert.equal(
        (events.at(-1)!.data.object as Stripe.Checkout.Session).payment_status,
        'unpaid'
      );
    });

    it('refuses a session that is not waiting, and needs the secret key', async () => {
      const session = await createSession();
      const early = await control(`/checkout/sessions/${session.id}/async`, {
        outcome: 'bogus',
      });
      assert.equal(early.status, 400);
      await payOnPage(session.id, '4242424242424242');
      const paid = await control(`/checkout/sessions/${session.id}/async`, {
        outcome: 'succeeded',
      });
      assert.equal(paid.status, 400);
      assert.match(paid.body.error?.message ?? '', /no delayed payment/);
      const anonymous = await fetch(
        `${emulator.url}/_emulator/checkout/sessions/${session.id}/async`,
        {method: 'POST'}
      );
      assert.equal(anonymous.status, 401);
      const missing = await control('/checkout/sessions/cs_test_nope/async');
      assert.equal(missing.status, 404);
    });
  });

  describe('the hosted page', () => {
    it('shows the order and the card fields, and no form once the session is paid', async () => {
      const session = await createSession();
      const page = await fetch(session.url!);
      assert.equal(page.status, 200);
      assert.match(
        page.headers.get('content-security-policy') ?? '',
        /frame-ancestors 'none'/
      );
      const html = await page.text();
      assert.match(html, /Organic cotton tee/);
      assert.match(html, /\$60\.50/);
      for (const name of ['email', 'number', 'expiry', 'cvc', 'postalCode']) {
        assert.match(html, new RegExp(`name="${name}"`));
      }
      await payOnPage(session.id, '4242424242424242');
      const done = await (await fetch(session.url!)).text();
      assert.match(done, /Thanks for your payment/);
      assert.doesNotMatch(done, /name="number"/);
    });

    it('escapes the merchant’s text', async () => {
      const session = await createSession({
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: 'usd',
              unit_amount: 500,
              product_data: {name: '<script>alert(1)</script> "Tee"'},
            },
          },
        ],
      });
      const html = await (await fetch(session.url!)).text();
      assert.doesNotMatch(html, /<script>alert/);
      assert.match(
        html,
        /&lt;script&gt;alert\(1\)&lt;\/script&gt; &quot;Tee&quot;/
      );
    });

    it('answers 404 for a session that does not exist', async () => {
      const page = await fetch(`${emulator.url}/checkout/pay/cs_test_nope`);
      assert.equal(page.status, 404);
      assert.match(await page.text(), /This page is not available/);
    });
  });
});
