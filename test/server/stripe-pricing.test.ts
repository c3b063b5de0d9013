/**
 * Stripe gets the order's numbers: a discounted, shipped and taxed order, through the Stripe
 * emulator, charges `order.total` to the minor unit on a PaymentIntent and on hosted Checkout,
 * and the webhook then marks it paid (not needs_review).
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import type Stripe from 'stripe';
import {silentLogger} from '../../server/log.js';
import type {NewOrder, Order} from '../../server/orders/order.js';
import {createStripeProvider} from '../../server/providers/stripe/client.js';
import {createStripeGateway} from '../../server/providers/stripe/gateway.js';
import {type Harness, startHarness} from './harness.js';
import {demoCatalog, intentIdOf, postJson} from './helpers.js';

const URLS = {
  successUrl: 'http://localhost/return.html?pay_checkout_return=success',
  cancelUrl: 'http://localhost/return.html?pay_checkout_return=cancel',
};

const NEW_YORK = {
  name: 'Kim Lee',
  line1: '350 5th Ave',
  line2: 'Floor 3',
  city: 'New York',
  region: 'NY',
  postalCode: '10118',
  country: 'US',
};

/** A cart over WELCOME10's minimum, sent Express to New York (4 % tax, shipping taxed). */
const NY_CART = {
  items: [
    {sku: 'tee-black-m', quantity: 2},
    {sku: 'mug-enamel', quantity: 1},
  ],
  currency: 'usd',
  email: 'kim@example.com',
  shippingAddress: NEW_YORK,
  shippingRate: 'express',
  discountCode: 'welcome10',
};

function sessionIdOf(url: string): string {
  return new URL(url).pathname.split('/').pop()!;
}

describe('Stripe gets the order’s numbers', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({
      publicUrl: 'http://localhost',
      catalog: demoCatalog({withRules: true}),
    });
  });
  after(() => h.close());

  async function create(path: string, body: unknown) {
    const res = await postJson(h.server.app, `http://localhost${path}`, body);
    const json = await res.json();
    assert.equal(res.status, 201, JSON.stringify(json));
    const order = (await h.server.store.get(json.orderId))!;
    return {json, order};
  }

  /** What the buyer does on Stripe's page: pays with a test card. */
  async function payOnHostedPage(sessionId: string) {
    const res = await fetch(
      `${h.emulator.url}/checkout/pay/${sessionId}/confirm`,
      {
        method: 'POST',
        headers: {'content-type': 'application/x-www-form-urlencoded'},
        body: new URLSearchParams({
          key: h.emulator.publishableKey,
          payment_method: 'pm_card_visa',
          email: 'kim@example.com',
        }),
      }
    );
    assert.equal(res.status, 200, await res.clone().text());
    await h.emulator.flush();
  }

  async function lineItems(sessionId: string) {
    return (await h.stripe.checkout.sessions.listLineItems(sessionId)).data.map(
      (line) => [line.description, line.amount_subtotal]
    );
  }

  it('a PaymentIntent charges the total of a discounted, shipped, taxed order, and ships to its address', async () => {
    const {json, order} = await create('/api/stripe/payment-intents', NY_CART);
    assert.ok(order.discount > 0 && order.shipping > 0 && order.tax > 0);
    assert.equal(order.taxInclusive, false);
    const intent = await h.stripe.paymentIntents.retrieve(
      intentIdOf(json.clientSecret)
    );
    assert.equal(intent.amount, order.total);
    assert.equal(json.amount, order.total);
    assert.deepEqual(intent.shipping, {
      name: 'Kim Lee',
      address: {
        line1: '350 5th Ave',
        line2: 'Floor 3',
        city: 'New York',
        state: 'NY',
        postal_code: '10118',
        country: 'US',
      },
      carrier: null,
      phone: null,
      tracking_number: null,
    });
    assert.deepEqual(intent.metadata, {
      order_id: order.id,
      discount_code: 'WELCOME10',
      shipping_rate: 'express',
    });
  });

  it('a hosted Checkout Session adds up to the order total, and its webhook marks the order paid', async () => {
    // WELCOME10 is once per email: another buyer than the PaymentIntent test's.
    const {json, order} = await create('/api/stripe/checkout-sessions', {
      ...NY_CART,
      email: 'lee@example.com',
      ...URLS,
    });
    const id = sessionIdOf(json.url);
    const session = await h.stripe.checkout.sessions.retrieve(id, {
      expand: ['payment_intent'],
    });
    assert.equal(session.amount_total, order.total);
    assert.deepEqual(session.total_details, {
      amount_discount: order.discount,
      amount_shipping: order.shipping,
      amount_tax: 0,
    });
    assert.deepEqual(await lineItems(id), [
      ...order.lines.map((line) => [line.name, line.amount]),
      ['Tax', order.tax],
    ]);
    const coupon = await h.stripe.coupons.retrieve(
      session.discounts![0]!.coupon as string
    );
    assert.deepEqual(
      [coupon.amount_off, coupon.currency, coupon.max_redemptions, coupon.name],
      [order.discount, 'usd', 1, 'WELCOME10']
    );
    assert.equal(session.shipping_options.length, 1, 'only the chosen rate');

    await payOnHostedPage(id);
    const paid = (await h.server.store.get(order.id))!;
    assert.equal(paid.status, 'paid', paid.reviewReason);
    const intent = await h.stripe.paymentIntents.retrieve(
      paid.providerPaymentId!
    );
    assert.equal(intent.amount_received, order.total);
    assert.equal(intent.shipping?.address?.state, 'NY');
  });

  it('inclusive VAT: nothing is added on top, and the total is the order’s', async () => {
    const {json, order} = await create('/api/stripe/checkout-sessions', {
      items: [
        {sku: 'hoodie-grey-l', quantity: 1},
        {sku: 'field-guide-book', quantity: 1},
      ],
      currency: 'eur',
      shippingAddress: {
        name: 'Erika Mustermann',
        line1: 'Hauptstraße 5',
        city: 'Berlin',
        postalCode: '10115',
        country: 'DE',
      },
      shippingRate: 'express',
      ...URLS,
    });
    assert.equal(order.taxInclusive, true);
    assert.ok(order.tax > 0);
    const id = sessionIdOf(json.url);
    const session = await h.stripe.checkout.sessions.retrieve(id);
    assert.equal(session.amount_total, order.total);
    assert.equal(session.amount_total, order.subtotal + order.shipping);
    assert.deepEqual(
      (await lineItems(id)).map(([name]) => name),
      order.lines.map((line) => line.name),
      'no Tax line'
    );
    await payOnHostedPage(id);
    assert.equal((await h.server.store.get(order.id))?.status, 'paid');
  });

  it('charges JPY in whole yen, with a fixed-amount code', async () => {
    const {json, order} = await create('/api/stripe/checkout-sessions', {
      items: [{sku: 'mug-enamel', quantity: 2}],
      currency: 'jpy',
      discountCode: 'MUGS5',
      shippingAddress: {
        name: 'Yamada Hanako',
        line1: '1-1 Chiyoda',
        city: 'Chiyoda-ku',
        region: '13',
        postalCode: '100-0001',
        country: 'JP',
      },
      ...URLS,
    });
    assert.equal(order.discount, 700);
    const session = await h.stripe.checkout.sessions.retrieve(
      sessionIdOf(json.url)
    );
    assert.deepEqual(
      [session.currency, session.amount_total],
      ['jpy', order.total]
    );
  });

  describe('an order whose tax Stripe would round differently', () => {
    // 5997 + 1250, 10 % off allocated 600 / 125 by largest remainder, 8.875 % tax per line
    // rounded half up (479 + 100) and on the 9.90 shipping (88): 7247 − 725 + 990 + 667.
    const order: NewOrder = {
      id: 'ord_rounding_trap',
      provider: 'stripe',
      currency: 'usd',
      lines: [
        {
          sku: 'notebook',
          name: 'Notebook',
          unitAmount: 1999,
          quantity: 3,
          amount: 5997,
          discount: 600,
          tax: 479,
          shippable: true,
        },
        {
          sku: 'tote',
          name: 'Tote',
          unitAmount: 1250,
          quantity: 1,
          amount: 1250,
          discount: 125,
          tax: 100,
          shippable: true,
        },
      ],
      subtotal: 7247,
      discount: 725,
      shipping: 990,
      tax: 667,
      taxInclusive: false,
      total: 8179,
      discountCode: 'TEN',
      shippingRate: {id: 'standard', name: 'Standard', amount: 990},
      shippingAddress: {...NEW_YORK},
      email: 'kim@example.com',
    };

    it('is the order’s total on Stripe, where Stripe’s own tax rates would not be', async () => {
      const stored: Order = await h.server.store.create(order, 'token-hash');
      const gateway = createStripeGateway(
        createStripeProvider({
          secretKey: h.emulator.secretKey,
          publishableKey: h.emulator.publishableKey,
          webhookSecret: h.emulator.webhookSecret,
          apiBase: h.emulator.url,
          maxNetworkRetries: 0,
        }),
        {logger: silentLogger, now: () => new Date()}
      );
      const created = await gateway.createPayment(stored, {
        number: 1,
        hosted: URLS,
      });
      assert.equal(created.amount, 8179);
      await h.server.store.update(stored.id, () => ({
        providerPaymentId: created.paymentId,
      }));
      const session = await h.stripe.checkout.sessions.retrieve(
        created.paymentId
      );
      assert.equal(session.amount_total, 8179);

      // A retry of the same attempt answers the same session (and the same coupon).
      const again = await gateway.createPayment(stored, {
        number: 1,
        hosted: URLS,
      });
      assert.equal(again.paymentId, created.paymentId);

      // The same order told to Stripe as an 8.875 % TaxRate: Stripe taxes the lines on its
      // own share of the coupon and never the shipping, and lands elsewhere.
      const rate = await h.stripe.taxRates.create({
        display_name: 'Sales tax',
        percentage: 8.875,
        inclusive: false,
      });
      const coupon = await h.stripe.coupons.create({
        amount_off: 725,
        currency: 'usd',
      });
      const theirs = await h.stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: order.lines.map((line) => ({
          quantity: line.quantity,
          price_data: {
            currency: 'usd',
            unit_amount: line.unitAmount,
            product_data: {name: line.name},
          },
          tax_rates: [rate.id],
        })),
        discounts: [{coupon: coupon.id}],
        shipping_options: [
          {
            shipping_rate_data: {
              display_name: 'Standard',
              fixed_amount: {amount: 990, currency: 'usd'},
            },
          },
        ],
        success_url: URLS.successUrl,
      } satisfies Stripe.Checkout.SessionCreateParams);
      assert.notEqual(theirs.amount_total, 8179);

      await payOnHostedPage(created.paymentId);
      const paid = (await h.server.store.get(stored.id))!;
      assert.equal(paid.status, 'paid', paid.reviewReason);
    });
  });
});
