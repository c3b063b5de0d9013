/**
 * What a Checkout Session charges besides its line items: coupons, shipping options, tax rates
 * and the shipping address, added up as Stripe documents (amount_subtotal − amount_discount +
 * exclusive tax + amount_shipping = amount_total), through stripe-node.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type Stripe from 'stripe';
import {stripeError} from './helpers.js';
import {
  createDiscountedTaxedSession,
  createSession,
  emulator,
  payOnPage,
  stripe,
} from './checkout-helpers.js';
import {useCheckoutEmulator} from './checkout-helpers.js';

useCheckoutEmulator();

const STANDARD: Stripe.Checkout.SessionCreateParams.ShippingOption = {
  shipping_rate_data: {
    type: 'fixed_amount',
    display_name: 'Standard',
    fixed_amount: {amount: 990, currency: 'usd'},
    delivery_estimate: {
      minimum: {unit: 'business_day', value: 3},
      maximum: {unit: 'business_day', value: 6},
    },
  },
};

const ADDRESS = {
  'shipping[name]': 'Erika Mustermann',
  'shipping[address][line1]': 'Hauptstraße 5',
  'shipping[address][city]': 'Berlin',
  'shipping[address][postal_code]': '10115',
  'shipping[address][country]': 'DE',
};

async function lineItems(id: string) {
  return (await stripe.checkout.sessions.listLineItems(id)).data.map((l) => [
    l.amount_subtotal,
    l.amount_discount,
    l.amount_tax,
    l.amount_total,
  ]);
}

describe('Stripe emulator: what a Checkout Session charges', () => {
  describe('coupons and tax rates', () => {
    it('creates coupons with amount_off or percent_off, and refuses what Stripe refuses', async () => {
      const fixed = await stripe.coupons.create({
        amount_off: 500,
        currency: 'usd',
        duration: 'once',
        max_redemptions: 1,
        name: 'WELCOME5',
      });
      assert.deepEqual(
        [fixed.object, fixed.amount_off, fixed.currency, fixed.percent_off],
        ['coupon', 500, 'usd', null]
      );
      assert.deepEqual(
        [fixed.max_redemptions, fixed.times_redeemed, fixed.valid],
        [1, 0, true]
      );
      assert.deepEqual(await stripe.coupons.retrieve(fixed.id), fixed);
      const percent = await stripe.coupons.create({percent_off: 12.5});
      assert.deepEqual([percent.percent_off, percent.duration], [12.5, 'once']);

      for (const [params, message] of [
        [{amount_off: 500}, /currency/],
        [
          {amount_off: 500, currency: 'usd', percent_off: 10},
          /only specify one/,
        ],
        [{}, /either amount_off or percent_off/],
        [{percent_off: 120}, /less than or equal to 100/],
        [{percent_off: 10, duration: 'repeating'}, /duration_in_months/],
        [{amount_off: 0, currency: 'usd'}, /greater than or equal to 1/],
        [{percent_off: 10, name: 'x'.repeat(41)}, /at most 40/],
      ] as const) {
        const error = await stripeError(stripe.coupons.create(params as never));
        assert.equal(error.type, 'StripeInvalidRequestError');
        assert.match(error.message, message, JSON.stringify(params));
      }
      const taken = await stripeError(
        stripe.coupons.create({id: fixed.id, percent_off: 5})
      );
      assert.equal(taken.code, 'resource_already_exists');
    });

    it('creates tax rates, inclusive or exclusive, and needs what Stripe needs', async () => {
      const rate = await stripe.taxRates.create({
        display_name: 'Sales tax',
        percentage: 7.25,
        inclusive: false,
        country: 'US',
        state: 'CA',
        jurisdiction: 'US - CA',
        tax_type: 'sales_tax',
      });
      assert.match(rate.id, /^txr_/);
      assert.deepEqual(
        [rate.percentage, rate.inclusive, rate.active, rate.state],
        [7.25, false, true, 'CA']
      );
      assert.deepEqual(await stripe.taxRates.retrieve(rate.id), rate);
      for (const [params, param] of [
        [{percentage: 19, inclusive: true}, 'display_name'],
        [{display_name: 'VAT', inclusive: true}, 'percentage'],
        [{display_name: 'VAT', percentage: 19}, 'inclusive'],
      ] as const) {
        const error = await stripeError(
          stripe.taxRates.create(params as never)
        );
        assert.equal(error.code, 'parameter_missing');
        assert.equal(error.param, param);
      }
    });
  });

  describe('POST /v1/checkout/sessions', () => {
    it('adds up a coupon, exclusive tax and shipping: subtotal − discount + tax + shipping', async () => {
      const {coupon, session} = await createDiscountedTaxedSession(7.25, {
        shipping_options: [STANDARD],
      });
      // 4800 + 1250; the coupon spread 397 / 103; 7.25 % of 4403 and of 1147, rounded per line.
      assert.equal(session.amount_subtotal, 6050);
      assert.deepEqual(session.total_details, {
        amount_discount: 500,
        amount_shipping: 990,
        amount_tax: 402,
      });
      assert.equal(session.amount_total, 6050 - 500 + 402 + 990);
      assert.deepEqual(session.discounts, [
        {coupon: coupon.id, promotion_code: null},
      ]);
      assert.deepEqual(await lineItems(session.id), [
        [4800, 397, 319, 4722],
        [1250, 103, 83, 1230],
      ]);
      const rateId = session.shipping_cost?.shipping_rate as string;
      assert.match(rateId, /^shr_/);
      assert.deepEqual(session.shipping_cost, {
        amount_subtotal: 990,
        amount_tax: 0,
        amount_total: 990,
        shipping_rate: rateId,
      });
      assert.deepEqual(session.shipping_options, [
        {shipping_amount: 990, shipping_rate: rateId},
      ]);

      // The buyer is charged that total, and the coupon is redeemed.
      const paid = await payOnPage(session.id, '4242424242424242');
      assert.equal(paid.body.status, 'complete');
      const done = await stripe.checkout.sessions.retrieve(session.id, {
        expand: ['payment_intent'],
      });
      const intent = done.payment_intent as Stripe.PaymentIntent;
      assert.equal(intent.amount_received, 6942);
      assert.equal(
        (await stripe.coupons.retrieve(coupon.id)).times_redeemed,
        1
      );
    });

    it('charges a JPY session in whole yen, a percentage coupon rounded to the yen', async () => {
      const coupon = await stripe.coupons.create({percent_off: 15});
      const yen = (name: string, unit_amount: number, quantity: number) => ({
        price_data: {currency: 'jpy', unit_amount, product_data: {name}},
        quantity,
      });
      const session = await createSession({
        line_items: [yen('Mug', 1500, 2), yen('Coaster', 333, 1)],
        discounts: [{coupon: coupon.id}],
        shipping_options: [
          {
            shipping_rate_data: {
              display_name: 'Japan Post',
              fixed_amount: {amount: 500, currency: 'jpy'},
            },
          },
        ],
      });
      // 15 % of ¥3,333 is ¥499.95: ¥500 off, spread ¥450 / ¥50.
      assert.equal(session.currency, 'jpy');
      assert.equal(session.amount_subtotal, 3333);
      assert.equal(session.total_details?.amount_discount, 500);
      assert.equal(session.amount_total, 3333 - 500 + 500);
      assert.deepEqual(await lineItems(session.id), [
        [3000, 450, 0, 2550],
        [333, 50, 0, 283],
      ]);

      const dollars = await stripe.coupons.create({
        amount_off: 100,
        currency: 'usd',
      });
      const error = await stripeError(
        createSession({
          line_items: [yen('Mug', 1500, 1)],
          discounts: [{coupon: dollars.id}],
        })
      );
      assert.match(
        error.message,
        /is in usd, but this Checkout Session is in jpy/
      );
    });

    it('shows inclusive tax without adding it to the total', async () => {
      const vat = (percentage: number) =>
        stripe.taxRates.create({
          display_name: 'VAT',
          percentage,
          inclusive: true,
          country: 'DE',
        });
      const [standard, reduced] = [await vat(19), await vat(7)];
      const euro = (name: string, unit_amount: number, quantity: number) => ({
        price_data: {
          currency: 'eur',
          unit_amount,
          product_data: {name},
          tax_behavior: 'inclusive' as const,
        },
        quantity,
      });
      const session = await createSession({
        line_items: [
          {...euro('Hoodie', 2380, 1), tax_rates: [standard.id]},
          {...euro('E-book', 1190, 2), tax_rates: [reduced.id]},
        ],
        shipping_options: [
          {
            shipping_rate_data: {
              display_name: 'DHL',
              fixed_amount: {amount: 490, currency: 'eur'},
            },
          },
        ],
      });
      // 2380 × 19/119 = 380; 2380 × 7/107 = 155.70 → 156: shown, already in the prices.
      assert.equal(session.total_details?.amount_tax, 536);
      assert.equal(session.amount_total, 4760 + 490);
      assert.deepEqual(await lineItems(session.id), [
        [2380, 0, 380, 2380],
        [2380, 0, 156, 2380],
      ]);
      const page = await (
        await fetch(`${emulator.url}/checkout/pay/${session.id}`)
      ).text();
      assert.match(page, /Tax \(included\)<\/dt><dd>€5\.36</);
    });

    it('takes shipping rate ids, up to five options, in the session’s currency', async () => {
      const first = await createSession({shipping_options: [STANDARD]});
      const rate = first.shipping_cost?.shipping_rate as string;
      const again = await createSession({
        shipping_options: [{shipping_rate: rate}],
      });
      assert.equal(again.shipping_cost?.shipping_rate, rate);
      assert.equal(again.amount_total, 6050 + 990);

      for (const [params, match] of [
        [
          {shipping_options: [{shipping_rate: 'shr_nope'}]},
          /^No such shipping_rate: 'shr_nope'$/,
        ],
        [
          {shipping_options: Array(6).fill(STANDARD)},
          /up to 5 shipping options/,
        ],
        [
          {
            shipping_options: [
              {
                shipping_rate_data: {
                  display_name: 'Euro post',
                  fixed_amount: {amount: 500, currency: 'eur'},
                },
              },
            ],
          },
          /currency \(eur\) must match the currency of the line items \(usd\)/,
        ],
        [
          {
            shipping_options: [
              {
                shipping_rate_data: {
                  fixed_amount: {amount: 500, currency: 'usd'},
                },
              },
            ],
          },
          /^Missing required param: shipping_options\[0\]\[shipping_rate_data\]\[display_name\]\.$/,
        ],
        [
          {
            shipping_address_collection: {allowed_countries: ['IR']},
          },
          /not a country Checkout can ship to/,
        ],
      ] as const) {
        const error = await stripeError(createSession(params as never));
        assert.match(error.message, match);
      }
    });

    it('refuses a coupon that has been redeemed as often as it may be', async () => {
      const coupon = await stripe.coupons.create({
        amount_off: 500,
        currency: 'usd',
        max_redemptions: 1,
      });
      const session = await createSession({discounts: [{coupon: coupon.id}]});
      await payOnPage(session.id, '4242424242424242');
      const used = await stripe.coupons.retrieve(coupon.id);
      assert.deepEqual([used.times_redeemed, used.valid], [1, false]);
      const error = await stripeError(
        createSession({discounts: [{coupon: coupon.id}]})
      );
      assert.match(error.message, /no longer valid/);
    });
  });

  describe('the shipping address', () => {
    it('puts payment_intent_data[shipping] on the PaymentIntent the buyer pays', async () => {
      const shipping = {
        name: 'Kim Lee',
        address: {
          line1: '1 Main St',
          city: 'Oakland',
          state: 'CA',
          postal_code: '94607',
          country: 'US',
        },
      };
      const session = await createSession({payment_intent_data: {shipping}});
      await payOnPage(session.id, '4242424242424242');
      const done = await stripe.checkout.sessions.retrieve(session.id, {
        expand: ['payment_intent'],
      });
      const intent = done.payment_intent as Stripe.PaymentIntent;
      assert.equal(intent.shipping?.name, 'Kim Lee');
      assert.equal(intent.shipping?.address?.state, 'CA');
      assert.equal(done.collected_information, null);

      const error = await stripeError(
        createSession({
          payment_intent_data: {
            shipping: {name: 'Kim', address: {city: 'Oakland'}} as never,
          },
        })
      );
      assert.equal(
        error.param,
        'payment_intent_data[shipping][address][line1]'
      );
    });

    it('collects the address on the page with shipping_address_collection, in an allowed country', async () => {
      const session = await createSession({
        shipping_address_collection: {allowed_countries: ['DE', 'AT']},
      });
      assert.deepEqual(session.shipping_address_collection, {
        allowed_countries: ['DE', 'AT'],
      });
      const page = await (
        await fetch(`${emulator.url}/checkout/pay/${session.id}`)
      ).text();
      assert.match(page, /<legend>Shipping address<\/legend>/);
      assert.match(page, /<option value="AT">Austria<\/option>/);

      const withoutAddress = await payOnPage(session.id, '4242424242424242');
      assert.equal(withoutAddress.status, 400);
      assert.match(
        withoutAddress.body.error?.message ?? '',
        /shipping\[name\]/
      );
      const france = await payOnPage(
        session.id,
        '4242424242424242',
        undefined,
        {
          ...ADDRESS,
          'shipping[address][country]': 'FR',
        }
      );
      assert.equal(france.status, 400);
      assert.match(france.body.error?.message ?? '', /does not ship to FR/);

      const paid = await payOnPage(
        session.id,
        '4242424242424242',
        undefined,
        ADDRESS
      );
      assert.equal(paid.body.status, 'complete');
      const done = await stripe.checkout.sessions.retrieve(session.id, {
        expand: ['payment_intent'],
      });
      assert.deepEqual(done.collected_information?.shipping_details, {
        name: 'Erika Mustermann',
        address: {
          line1: 'Hauptstraße 5',
          line2: null,
          city: 'Berlin',
          postal_code: '10115',
          state: null,
          country: 'DE',
        },
      });
      const intent = done.payment_intent as Stripe.PaymentIntent;
      assert.equal(intent.shipping?.address?.city, 'Berlin');
    });
  });

  describe('the hosted page', () => {
    it('lists the discount, shipping and tax between the subtotal and the total', async () => {
      const {session} = await createDiscountedTaxedSession(7.25, {
        shipping_options: [STANDARD],
        locale: 'en',
      });
      const page = await (
        await fetch(`${emulator.url}/checkout/pay/${session.id}`)
      ).text();
      // Items at their own amounts, before the coupon and the tax.
      assert.match(page, /<p class="Line-amount">\$48\.00<\/p>/);
      assert.match(page, /<p class="Line-amount">\$12\.50<\/p>/);
      const totals = page.slice(page.indexOf('<dl class="Totals">'));
      const rows = [
        /<dt>Subtotal<\/dt><dd>\$60\.50<\/dd>/,
        /<dt>WELCOME5<\/dt><dd>−\$5\.00<\/dd>/,
        /<dt>Shipping <span class="Totals-note">Standard<\/span><\/dt><dd>\$9\.90<\/dd>/,
        /<dt>Tax<\/dt><dd>\$4\.02<\/dd>/,
        /<dt>Total due<\/dt><dd>\$69\.42<\/dd>/,
      ];
      let at = 0;
      for (const row of rows) {
        const found = row.exec(totals.slice(at));
        assert.ok(found, `${row} after position ${at}`);
        at += found.index + found[0].length;
      }
    });
  });
});
