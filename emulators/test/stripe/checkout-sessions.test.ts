/**
 * Checkout Sessions in the Stripe emulator, driven by the official `stripe` package the way the
 * companion server will drive them, with the events checked where the server meets them: on a
 * loopback webhook receiver, through stripe-node's own verifier. Paying goes through the same
 * calls the hosted page's script makes (the page itself is tested in Chromium, in
 * test/e2e/stripe-hosted-checkout.test.ts).
 */
import assert from 'node:assert/strict';
import {afterEach, beforeEach, describe, it} from 'node:test';
import Stripe from 'stripe';
import {
  startStripeEmulator,
  type RunningStripeEmulator,
} from '../../stripe/index.js';
import {startReceiver, type Receiver} from '../receiver.js';
import {stripeClient, stripeError} from './helpers.js';

// A clock the tests move, so expiry does not depend on waiting.
const START = Date.UTC(2030, 5, 15, 12, 0, 0);
const SHOP = 'https://shop.example';

let clock: number;
let receiver: Receiver;
let emulator: RunningStripeEmulator;
let stripe: Stripe;

function client(key: string, config: Stripe.StripeConfig = {}): Stripe {
  return stripeClient(key, emulator.port, config);
}

beforeEach(async () => {
  clock = START;
  receiver = await startReceiver({path: '/webhooks/stripe'});
  emulator = await startStripeEmulator({
    now: () => clock,
    webhookUrl: receiver.url,
    retryDelaysMs: [5, 5],
  });
  stripe = client(emulator.secretKey);
});

afterEach(async () => {
  await emulator.close();
  await receiver.close();
});

const TEE: Stripe.Checkout.SessionCreateParams.LineItem = {
  price_data: {
    currency: 'usd',
    unit_amount: 2400,
    product_data: {
      name: 'Organic cotton tee',
      description: 'Black, size M',
      images: ['https://shop.example/tee.png'],
    },
  },
  quantity: 2,
};
const TOTE: Stripe.Checkout.SessionCreateParams.LineItem = {
  price_data: {
    currency: 'usd',
    unit_amount: 1250,
    product_data: {name: 'Canvas tote'},
  },
  quantity: 1,
};

function createSession(
  params: Partial<Stripe.Checkout.SessionCreateParams> = {},
  options: Stripe.RequestOptions = {}
) {
  return stripe.checkout.sessions.create(
    {
      mode: 'payment',
      line_items: [TEE, TOTE],
      success_url: `${SHOP}/thanks?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${SHOP}/cart`,
      customer_email: 'buyer@example.com',
      client_reference_id: 'order_42',
      metadata: {order_id: 'order_42'},
      payment_intent_data: {metadata: {order_id: 'order_42'}},
      ...params,
    },
    options
  );
}

interface PageAnswer {
  status: number;
  body: {
    status?: string;
    payment_status?: string;
    redirect_url?: string | null;
    next_action?: {payment_intent: string; client_secret: string};
    error?: {
      type?: string;
      code?: string;
      decline_code?: string;
      message?: string;
    };
  };
}

/** What the hosted page's script does when the buyer presses Pay. */
async function payOnPage(
  sessionId: string,
  number: string,
  email = 'buyer@example.com'
): Promise<PageAnswer> {
  const form = (params: Record<string, string>) => ({
    method: 'POST',
    headers: {'content-type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({...params, key: emulator.publishableKey}),
  });
  const created = await fetch(
    `${emulator.url}/v1/payment_methods`,
    form({
      type: 'card',
      'card[number]': number,
      'card[exp_month]': '12',
      'card[exp_year]': '2034',
      'card[cvc]': '123',
      'billing_details[address][postal_code]': '12345',
      'billing_details[email]': email,
    })
  );
  assert.equal(created.status, 200);
  const method = (await created.json()) as {id: string};
  const confirmed = await fetch(
    `${emulator.url}/checkout/pay/${sessionId}/confirm`,
    form({payment_method: method.id, email})
  );
  return {status: confirmed.status, body: await confirmed.json()};
}

/**
 * Events delivered to the receiver, verified as the companion server verifies them, in the
 * order the emulator created them: deliveries run concurrently and may arrive in any order,
 * as at Stripe.
 */
async function delivered(): Promise<Stripe.Event[]> {
  await emulator.flush();
  const events = await Promise.all(
    receiver.deliveries.map((delivery) =>
      stripe.webhooks.constructEventAsync(
        delivery.body,
        String(delivery.headers['stripe-signature']),
        emulator.webhookSecret,
        undefined,
        undefined,
        Math.floor(clock / 1000)
      )
    )
  );
  const created = emulator.events.list().map((event) => event.id);
  return events.sort((a, b) => created.indexOf(a.id) - created.indexOf(b.id));
}

function types(events: {type: string}[]): string[] {
  return events.map((event) => event.type);
}

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
            message:
              /does not support the parameter `line_items\[0\]\[tax_rates\]`/,
            param: 'line_items[0][tax_rates]',
          },
        ],
        [
          {discounts: [{coupon: 'SUMMER'}]},
          {message: /does not support the parameter `discounts`/},
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
      clock = START + 3599_000;
      assert.equal(
        (await stripe.checkout.sessions.retrieve(session.id)).status,
        'open'
      );
      clock = START + 3600_000;
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
