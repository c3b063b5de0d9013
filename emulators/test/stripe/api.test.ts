/**
 * The Stripe API emulator, driven by the official `stripe` package the way the companion
 * server drives it (plus raw requests where Stripe.js or a misbehaving client would differ).
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import Stripe from 'stripe';
import {
  startStripeEmulator,
  type RunningStripeEmulator,
} from '../../stripe/index.js';
import {stripeClient, stripeError} from './helpers.js';

// A fixed clock, so expiry checks and `created` fields do not depend on the day tests run.
const NOW = Date.UTC(2030, 5, 15, 12, 0, 0);
const RETURN_URL = 'https://shop.example/checkout/return';

let emulator: RunningStripeEmulator;
let stripe: Stripe;

function client(key: string, config: Stripe.StripeConfig = {}): Stripe {
  return stripeClient(key, emulator.port, config);
}

interface RawAnswer {
  status: number;
  headers: Headers;
  body: {
    error?: {type: string; code?: string; message: string; param?: string};
  } & Record<string, unknown>;
}

/** A request as Stripe.js (or curl) sends it: form-encoded, key in a header or a parameter. */
async function raw(
  path: string,
  init: {
    method?: string;
    auth?: string | null;
    form?: Record<string, string>;
    headers?: Record<string, string>;
  } = {}
): Promise<RawAnswer> {
  const headers: Record<string, string> = {...init.headers};
  const auth =
    init.auth === undefined ? `Bearer ${emulator.secretKey}` : init.auth;
  if (auth) headers.Authorization = auth;
  let body: string | undefined;
  if (init.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  }
  const response = await fetch(`${emulator.url}${path}`, {
    method: init.method ?? 'POST',
    headers,
    body,
  });
  return {
    status: response.status,
    headers: response.headers,
    body: await response.json(),
  };
}

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

async function succeededIntent(amount = 5000) {
  return stripe.paymentIntents.create({
    amount,
    currency: 'usd',
    payment_method: 'pm_card_visa',
    confirm: true,
    return_url: RETURN_URL,
  });
}

before(async () => {
  emulator = await startStripeEmulator({now: () => NOW});
  stripe = client(emulator.secretKey);
});

after(() => emulator.close());

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
