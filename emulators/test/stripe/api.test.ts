/**
 * The Stripe API emulator, driven by the official `stripe` package the way the companion
 * server drives it (plus raw requests where Stripe.js or a misbehaving client would differ):
 * authentication, parameters, idempotency.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import Stripe from 'stripe';
import {stripeError} from './helpers.js';
import {
  client,
  emulator,
  NOW,
  raw,
  RETURN_URL,
  stripe,
  useEmulator,
} from './api-helpers.js';

useEmulator();

/** A response header; with the fetch client, `lastResponse.headers` is a `Headers`. */
function header(
  response: {lastResponse: {headers: unknown}},
  name: string
): string | null {
  const headers = response.lastResponse.headers;
  return headers instanceof Headers
    ? headers.get(name)
    : ((headers as Record<string, string>)[name.toLowerCase()] ?? null);
}

describe('Stripe emulator', () => {
  describe('authentication', () => {
    it('refuses a request without an API key', async () => {
      const answer = await raw('/v1/payment_intents', {
        auth: null,
        form: {amount: '1000', currency: 'usd'},
      });
      assert.equal(answer.status, 401);
      assert.equal(answer.body.error?.type, 'invalid_request_error');
      assert.match(
        answer.body.error?.message ?? '',
        /^You did not provide an API key/
      );
    });

    it('refuses a wrong secret key without echoing it', async () => {
      const wrongKey = 'sk_test_thisIsNotTheRightKeyAtAll1234';
      const error = await stripeError(
        client(wrongKey).paymentIntents.create({amount: 100, currency: 'usd'})
      );
      assert.equal(error.type, 'StripeAuthenticationError');
      assert.equal(error.statusCode, 401);
      assert.equal(
        error.message,
        `Invalid API Key provided: sk_test_${'*'.repeat(wrongKey.length - 12)}1234`
      );
      assert.ok(!error.message.includes(wrongKey));
    });

    it('accepts the secret key as a Basic user name, as curl -u sends it', async () => {
      const created = await raw('/v1/payment_intents', {
        auth: `Basic ${btoa(`${emulator.secretKey}:`)}`,
        form: {amount: '1000', currency: 'usd'},
      });
      assert.equal(created.status, 200);
      assert.equal(created.body.object, 'payment_intent');
    });

    it('puts a Request-Id on every answer, errors included', async () => {
      const ok = await raw('/v1/payment_intents', {
        form: {amount: '1000', currency: 'usd'},
      });
      const unauthorised = await raw('/v1/payment_intents', {
        auth: null,
        form: {},
      });
      const unknown = await raw('/v1/nothing_here', {method: 'GET'});
      for (const answer of [ok, unauthorised, unknown]) {
        assert.match(answer.headers.get('Request-Id') ?? '', /^req_\w+$/);
      }
      assert.equal(unknown.status, 404);
      assert.match(
        unknown.body.error?.message ?? '',
        /^Unrecognized request URL \(GET: \/v1\/nothing_here\)/
      );
    });
  });

  describe('parameters', () => {
    it('answers Stripe-shaped objects and keeps bracketed metadata', async () => {
      const intent = await stripe.paymentIntents.create({
        amount: 1999,
        currency: 'USD',
        metadata: {order_id: 'ord_42', cart: 'a b&c'},
        description: 'Order 42',
        receipt_email: 'buyer@example.com',
      });
      assert.match(intent.id, /^pi_\w{24}$/);
      assert.equal(intent.object, 'payment_intent');
      assert.equal(intent.created, NOW / 1000);
      assert.equal(intent.livemode, false);
      assert.equal(intent.currency, 'usd');
      assert.equal(intent.status, 'requires_payment_method');
      assert.equal(
        intent.client_secret,
        `${intent.id}_secret_${intent.client_secret?.split('_secret_')[1]}`
      );
      assert.deepEqual(intent.metadata, {order_id: 'ord_42', cart: 'a b&c'});
      assert.equal(intent.receipt_email, 'buyer@example.com');
      // On by default since API version 2023-08-16.
      assert.deepEqual(intent.automatic_payment_methods, {
        enabled: true,
        allow_redirects: 'always',
      });
    });

    it('refuses unknown parameters, top-level and nested, naming them', async () => {
      const topLevel = await stripeError(
        stripe.paymentIntents.create({
          amount: 1000,
          currency: 'usd',
          colour: 'red',
        } as Stripe.PaymentIntentCreateParams)
      );
      assert.equal(topLevel.type, 'StripeInvalidRequestError');
      assert.equal(topLevel.message, 'Received unknown parameter: colour');
      assert.equal(topLevel.param, 'colour');
      assert.equal(topLevel.code, 'parameter_unknown');

      const nested = await stripeError(
        stripe.paymentIntents.create({
          amount: 1000,
          currency: 'usd',
          automatic_payment_methods: {enabled: true, colour: 'red'},
        } as Stripe.PaymentIntentCreateParams)
      );
      assert.equal(
        nested.message,
        'Received unknown parameter: automatic_payment_methods[colour]'
      );
    });

    it('needs amount and currency', async () => {
      const noAmount = await stripeError(
        stripe.paymentIntents.create({
          currency: 'usd',
        } as Stripe.PaymentIntentCreateParams)
      );
      assert.equal(noAmount.message, 'Missing required param: amount.');
      assert.equal(noAmount.param, 'amount');
      const noCurrency = await stripeError(
        stripe.paymentIntents.create({
          amount: 1000,
        } as Stripe.PaymentIntentCreateParams)
      );
      assert.equal(noCurrency.param, 'currency');
    });

    it('wants a positive integer amount in a real currency, above the minimum', async () => {
      for (const amount of ['0', '-5', '10.5', 'ten']) {
        const answer = await raw('/v1/payment_intents', {
          form: {amount, currency: 'usd'},
        });
        assert.equal(answer.status, 400, amount);
        assert.equal(answer.body.error?.param, 'amount');
      }
      const currency = await raw('/v1/payment_intents', {
        form: {amount: '1000', currency: 'usdx'},
      });
      assert.equal(currency.body.error?.param, 'currency');
      const tooSmall = await stripeError(
        stripe.paymentIntents.create({amount: 49, currency: 'usd'})
      );
      assert.equal(tooSmall.code, 'amount_too_small');
      assert.equal(tooSmall.message, 'Amount must be at least $0.50 usd');
    });

    it('takes payment_method_types only from requests pinned before API version 2026-09-30', async () => {
      const form = {
        amount: '1000',
        currency: 'usd',
        'payment_method_types[0]': 'card',
      };
      const current = await raw('/v1/payment_intents', {form});
      assert.equal(
        current.body.error?.message,
        'Received unknown parameter: payment_method_types'
      );
      const pinned = await raw('/v1/payment_intents', {
        form,
        headers: {'Stripe-Version': '2024-06-20'},
      });
      assert.equal(pinned.status, 200);
      assert.equal(pinned.body.automatic_payment_methods, null);
      assert.deepEqual(pinned.body.payment_method_types, ['card']);
    });
  });

  describe('idempotency', () => {
    it('replays the first answer for the same key and parameters', async () => {
      const params = {
        amount: 1000,
        currency: 'usd',
        metadata: {order_id: 'ord_idem'},
      };
      const first = await stripe.paymentIntents.create(params, {
        idempotencyKey: 'order-ord_idem-1',
      });
      const second = await stripe.paymentIntents.create(params, {
        idempotencyKey: 'order-ord_idem-1',
      });
      assert.equal(second.id, first.id);
      assert.equal(header(second, 'Idempotent-Replayed'), 'true');
      assert.equal(
        header(second, 'Original-Request'),
        first.lastResponse.requestId
      );
      assert.notEqual(
        second.lastResponse.requestId,
        first.lastResponse.requestId
      );
      const created = emulator.events
        .list('payment_intent.created')
        .filter((e) => e.data.object.id === first.id);
      assert.equal(created.length, 1);
    });

    it('refuses the same key with other parameters or on another endpoint', async () => {
      await stripe.paymentIntents.create(
        {amount: 1000, currency: 'usd'},
        {idempotencyKey: 'key-mismatch'}
      );
      const changed = await stripeError(
        stripe.paymentIntents.create(
          {amount: 2000, currency: 'usd'},
          {idempotencyKey: 'key-mismatch'}
        )
      );
      assert.equal(changed.type, 'StripeIdempotencyError');
      assert.equal(changed.statusCode, 400);
      assert.match(
        changed.message,
        /^Keys for idempotent requests can only be used with the same parameters they were first used with/
      );
      const elsewhere = await stripeError(
        stripe.paymentMethods.create(
          {
            type: 'card',
            card: {number: '4242424242424242', exp_month: 1, exp_year: 2032},
          },
          {idempotencyKey: 'key-mismatch'}
        )
      );
      assert.equal(elsewhere.type, 'StripeIdempotencyError');
    });

    it('replays a decline without charging again', async () => {
      const intent = await stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
      });
      const confirm = () =>
        stripe.paymentIntents.confirm(
          intent.id,
          {payment_method: 'pm_card_chargeDeclined', return_url: RETURN_URL},
          {idempotencyKey: `confirm-${intent.id}`}
        );
      const first = await stripeError(confirm());
      const second = await stripeError(confirm());
      assert.equal(second.statusCode, 402);
      assert.equal(second.charge, first.charge);
      assert.equal(second.headers?.['idempotent-replayed'], 'true');
      assert.equal(
        emulator.events
          .list('charge.failed')
          .filter((e) => e.data.object.id === first.charge).length,
        1
      );
    });

    it('does not save an answer to a request that failed validation', async () => {
      const key = 'fix-and-retry';
      const bad = await stripeError(
        stripe.paymentIntents.create(
          {amount: 1000, currency: 'usdx'},
          {idempotencyKey: key}
        )
      );
      assert.equal(bad.param, 'currency');
      const good = await stripe.paymentIntents.create(
        {amount: 1000, currency: 'usd'},
        {idempotencyKey: key}
      );
      assert.equal(good.status, 'requires_payment_method');
    });

    it('refuses a key longer than 255 characters', async () => {
      const error = await stripeError(
        stripe.paymentIntents.create(
          {amount: 1000, currency: 'usd'},
          {idempotencyKey: 'k'.repeat(256)}
        )
      );
      assert.equal(error.statusCode, 400);
    });
  });
});
