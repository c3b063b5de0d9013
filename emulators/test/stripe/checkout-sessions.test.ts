/**
 * Checkout Sessions in the Stripe emulator, driven by the official `stripe` package the way the
 * companion server will drive them, with the events checked where the server meets them: on a
 * loopback webhook receiver, through stripe-node's own verifier. Paying goes through the same
 * calls the hosted page's script makes (the page itself is tested in Chromium, in
 * test/e2e/stripe-hosted-checkout.test.ts).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import Stripe from 'stripe';
import {stripeError} from './helpers.js';
import {
  client,
  createSession,
  emulator,
  payOnPage,
  SHOP,
  START,
  stripe,
  TEE,
  TOTE,
  types,
  useCheckoutEmulator,
} from './checkout-helpers.js';

useCheckoutEmulator();

describe('Stripe emulator: Checkout Sessions', () => {
  describe('POST /v1/checkout/sessions', () => {
    it('creates an open, unpaid session shaped like Stripe’s, with a URL on the emulator', async () => {
      const session = await createSession({locale: 'en'});
      assert.match(session.id, /^cs_test_\w{58}$/);
      assert.equal(session.object, 'checkout.session');
      assert.equal(session.url, `${emulator.url}/checkout/pay/${session.id}`);
      assert.equal(session.mode, 'payment');
      assert.equal(session.ui_mode, 'hosted_page');
      assert.equal(session.status, 'open');
      assert.equal(session.payment_status, 'unpaid');
      // Since API version 2022-08-01 the PaymentIntent is created when the buyer pays.
      assert.equal(session.payment_intent, null);
      assert.equal(session.amount_subtotal, 2 * 2400 + 1250);
      assert.equal(session.amount_total, 6050);
      assert.equal(session.currency, 'usd');
      assert.equal(session.client_reference_id, 'order_42');
      assert.equal(session.customer_email, 'buyer@example.com');
      assert.equal(session.customer_details?.email, 'buyer@example.com');
      assert.deepEqual(session.metadata, {order_id: 'order_42'});
      assert.equal(
        session.success_url,
        `${SHOP}/thanks?session_id={CHECKOUT_SESSION_ID}`
      );
      assert.equal(session.cancel_url, `${SHOP}/cart`);
      assert.equal(session.created, START / 1000);
      assert.equal(session.expires_at, START / 1000 + 24 * 3600);
      assert.equal(session.livemode, false);
      assert.equal(session.locale, 'en');
      assert.deepEqual(session.payment_method_types, ['card']);
      assert.deepEqual(session.total_details, {
        amount_discount: 0,
        amount_shipping: 0,
        amount_tax: 0,
      });
      assert.equal(session.line_items, undefined, 'only when expanded');
      // Stripe has no checkout.session.created event.
      assert.deepEqual(types(emulator.events.list()), []);
    });

    it('lists the line items with their inline prices and products', async () => {
      const session = await createSession();
      const items = await stripe.checkout.sessions.listLineItems(session.id, {
        expand: ['data.price.product'],
      });
      assert.equal(items.object, 'list');
      assert.equal(items.has_more, false);
      assert.equal(items.url, `/v1/checkout/sessions/${session.id}/line_items`);
      const [tee, tote] = items.data;
      assert.match(tee!.id, /^li_/);
      assert.equal(tee!.object, 'item');
      assert.equal(tee!.description, 'Organic cotton tee');
      assert.equal(tee!.quantity, 2);
      assert.equal(tee!.amount_subtotal, 4800);
      assert.equal(tee!.amount_total, 4800);
      assert.equal(tee!.currency, 'usd');
      assert.equal(tee!.price?.object, 'price');
      assert.equal(tee!.price?.unit_amount, 2400);
      assert.equal(tee!.price?.type, 'one_time');
      assert.equal(tee!.price?.active, false, 'inline prices are not reusable');
      const product = tee!.price?.product as Stripe.Product;
      assert.equal(product.object, 'product');
      assert.equal(product.name, 'Organic cotton tee');
      assert.equal(product.description, 'Black, size M');
      assert.deepEqual(product.images, ['https://shop.example/tee.png']);
      assert.equal(tote!.amount_total, 1250);
      assert.equal(
        (tote!.price?.product as Stripe.Product).name,
        'Canvas tote'
      );

      const first = await stripe.checkout.sessions.listLineItems(session.id, {
        limit: 1,
      });
      assert.deepEqual(
        [first.data.length, first.has_more, first.data[0]!.id],
        [1, true, tee!.id]
      );
      const next = await stripe.checkout.sessions.listLineItems(session.id, {
        limit: 1,
        starting_after: tee!.id,
      });
      assert.deepEqual([next.data[0]!.id, next.has_more], [tote!.id, false]);
    });

    it('retrieves the session, with line_items and payment_intent expanded', async () => {
      const created = await createSession();
      const session = await stripe.checkout.sessions.retrieve(created.id, {
        expand: ['line_items', 'payment_intent'],
      });
      assert.equal(session.id, created.id);
      assert.equal(session.payment_intent, null);
      assert.equal(session.line_items?.data.length, 2);
      const missing = await stripeError(
        stripe.checkout.sessions.retrieve('cs_test_nope')
      );
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.code, 'resource_missing');
      assert.equal(missing.message, "No such checkout.session: 'cs_test_nope'");
    });

    it('needs the secret key', async () => {
      const error = await stripeError(
        client(emulator.publishableKey).checkout.sessions.create({
          mode: 'payment',
          line_items: [TOTE],
        })
      );
      assert.equal(error.statusCode, 401);
    });

    it('refuses invalid requests with Stripe’s errors, creating nothing', async () => {
      const cases: [
        Partial<Stripe.Checkout.SessionCreateParams>,
        {message: RegExp; param?: string; code?: string},
      ][] = [
        [
          {line_items: []},
          {
            message:
              /^The `line_items` parameter is required in payment mode\.$/,
            param: 'line_items',
          },
        ],
        [
          {mode: undefined},
          {message: /^Missing required param: mode\.$/, param: 'mode'},
        ],
        [
          {
            line_items: [
              TEE,
              {...TOTE, price_data: {...TOTE.price_data!, currency: 'eur'}},
            ],
          },
          {
            message: /same currency/,
            param: 'line_items[1][price_data][currency]',
          },
        ],
        [
          {
            line_items: [
              {...TOTE, price_data: {...TOTE.price_data!, unit_amount: 20}},
            ],
          },
          {
            message:
              /^The Checkout Session's total amount due must add up to at least \$0\.50 usd$/,
          },
        ],
        [
          {
            line_items: [
              {...TOTE, price_data: {...TOTE.price_data!, unit_amount: -1}},
            ],
          },
          {
            message: /greater than or equal to 0/,
            param: 'line_items[0][price_data][unit_amount]',
          },
        ],
        [
          {line_items: [{...TOTE, quantity: 0}]},
          {
            message: /greater than or equal to 1/,
            param: 'line_items[0][quantity]',
          },
        ],
        [
          {line_items: [{price_data: TOTE.price_data}]},
          {
            message: /^Missing required param: line_items\[0\]\[quantity\]\.$/,
            param: 'line_items[0][quantity]',
            code: 'parameter_missing',
          },
        ],
        [
          {
            line_items: [
              {
                quantity: 1,
                price_data: {currency: 'usd', unit_amount: 500} as never,
              },
            ],
          },
          {
            message: /product_data/,
            param: 'line_items[0][price_data][product_data]',
          },
        ],
        [
          {
            line_items: [
              {
                ...TOTE,
                price_data: {
                  ...TOTE.price_data!,
                  recurring: {interval: 'month'},
                },
              },
            ],
          },
          {
            message:
              /^You specified `payment` mode but passed a recurring price/,
            param: 'line_items[0][price_data][recurring]',
          },
        ],
        [
          {line_items: [{price: 'price_123', quantity: 1}]},
          {
            message: /^No such price: 'price_123'$/,
            param: 'line_items[0][price]',
            code: 'resource_missing',
          },
        ],
        [
          {line_items: [{...TOTE, tax_rates: ['txr_1']}]},
          {
            message: /^No such tax_rate: 'txr_1'$/,
            param: 'line_items[0][tax_rates][0]',
            code: 'resource_missing',
          },
        ],
        [
          {discounts: [{coupon: 'SUMMER'}]},
          {
            message: /^No such coupon: 'SUMMER'$/,
            param: 'discounts[0][coupon]',
            code: 'resource_missing',
          },
        ],
        [
          {discounts: [{promotion_code: 'promo_1'}]},
          {
            message:
              /does not support the parameter `discounts\[0\]\[promotion_code\]`/,
          },
        ],
        [
          {mode: 'subscription'},
          {message: /supports only mode=payment/, param: 'mode'},
        ],
        [
          {expires_at: START / 1000 + 10 * 60},
          {
            message:
              /^The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation\.$/,
            param: 'expires_at',
          },
        ],
        [
          {expires_at: START / 1000 + 25 * 3600},
          {
            message:
              /^The `expires_at` timestamp must be less than 24 hours from Checkout Session creation\.$/,
            param: 'expires_at',
          },
        ],
        [
          {success_url: 'javascript:alert(1)'},
          {
            message: /^Not a valid URL$/,
            param: 'success_url',
            code: 'url_invalid',
          },
        ],
        [
          {customer_email: 'not-an-email'},
          {message: /^Invalid email address/, param: 'customer_email'},
        ],
        [
          {locale: 'xx' as never},
          {
            message: /^Invalid locale: must be one of auto, bg/,
            param: 'locale',
          },
        ],
        // Renamed to `hosted_page` in API version 2026-03-25.dahlia; the old name fails.
        [
          {ui_mode: 'hosted' as never},
          {message: /^Invalid ui_mode: must be one of/, param: 'ui_mode'},
        ],
      ];
      for (const [params, expected] of cases) {
        const error = await stripeError(createSession(params));
        const label = JSON.stringify(params);
        assert.equal(error.type, 'StripeInvalidRequestError', label);
        assert.equal(error.statusCode, 400, label);
        assert.match(error.message, expected.message, label);
        if (expected.param) assert.equal(error.param, expected.param, label);
        if (expected.code) assert.equal(error.code, expected.code, label);
      }
      const error = await stripeError(
        createSession({shipping_rate: 'shr_1'} as never)
      );
      assert.equal(error.message, 'Received unknown parameter: shipping_rate');
      assert.equal(error.code, 'parameter_unknown');
      const list = await stripe.checkout.sessions.list();
      assert.deepEqual(list.data, []);
    });

    it('takes the names of older API versions from requests pinned to them', async () => {
      const pinned = {apiVersion: '2025-03-31.basil'};
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          ui_mode: 'hosted' as never,
          payment_method_types: ['card'],
          line_items: [TOTE],
        } as Stripe.Checkout.SessionCreateParams,
        pinned
      );
      assert.equal(session.ui_mode, 'hosted');
      const error = await stripeError(
        stripe.checkout.sessions.create(
          {mode: 'payment', ui_mode: 'hosted_page', line_items: [TOTE]},
          pinned
        )
      );
      assert.match(error.message, /^Invalid ui_mode/);
      const current = await stripeError(
        createSession({payment_method_types: ['card']} as never)
      );
      assert.equal(
        current.message,
        'Received unknown parameter: payment_method_types'
      );
    });

    it('replays an idempotent create and refuses the key with other parameters', async () => {
      const key = 'order_42:checkout:1';
      const first = await createSession({}, {idempotencyKey: key});
      const again = await createSession({}, {idempotencyKey: key});
      assert.equal(again.id, first.id);
      // With the fetch client, `lastResponse.headers` is a `Headers`.
      const headers = again.lastResponse.headers as unknown as Headers;
      assert.equal(headers.get('idempotent-replayed'), 'true');
      const changed = await stripeError(
        createSession({line_items: [TOTE]}, {idempotencyKey: key})
      );
      assert.equal(changed.type, 'StripeIdempotencyError');
      assert.match(changed.message, /same parameters/);
      // A request that failed validation is not saved: the same key works once it is fixed.
      const retryKey = 'order_43:checkout:1';
      await stripeError(
        createSession({line_items: []}, {idempotencyKey: retryKey})
      );
      const fixed = await createSession({}, {idempotencyKey: retryKey});
      assert.equal(fixed.status, 'open');
      const list = await stripe.checkout.sessions.list();
      assert.equal(list.data.length, 2);
    });
  });

  describe('GET /v1/checkout/sessions', () => {
    it('lists sessions newest first, filtered by status and PaymentIntent', async () => {
      const first = await createSession();
      const second = await createSession();
      await stripe.checkout.sessions.expire(first.id);
      const all = await stripe.checkout.sessions.list();
      assert.deepEqual(
        all.data.map((s) => s.id),
        [second.id, first.id]
      );
      const open = await stripe.checkout.sessions.list({status: 'open'});
      assert.deepEqual(
        open.data.map((s) => s.id),
        [second.id]
      );
      await payOnPage(second.id, '4242424242424242');
      const paid = await stripe.checkout.sessions.retrieve(second.id);
      const byIntent = await stripe.checkout.sessions.list({
        payment_intent: paid.payment_intent as string,
      });
      assert.deepEqual(
        byIntent.data.map((s) => s.id),
        [second.id]
      );
    });
  });
});
