/** What the Stripe gateway sends for an order (payloads.ts), read directly: each branch of it. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Order} from '../../server/orders/order.js';
import {
  checkoutSessionParams,
  couponParams,
  paymentIntentParams,
} from '../../server/providers/stripe/payloads.js';

const URLS = {
  successUrl: 'https://shop.example/ok',
  cancelUrl: 'https://shop.example/cart',
};

function order(fields: Partial<Order> = {}): Order {
  return {
    id: 'ord_1',
    status: 'pending',
    provider: 'stripe',
    currency: 'eur',
    lines: [
      {
        sku: 'ebook',
        name: 'Field guide (e-book)',
        unitAmount: 1100,
        quantity: 1,
        amount: 1100,
        discount: 0,
        tax: 0,
        shippable: false,
      },
    ],
    subtotal: 1100,
    discount: 0,
    shipping: 0,
    tax: 0,
    taxInclusive: false,
    total: 1100,
    amountRefunded: 0,
    createdAt: '2026-12-01T00:00:00Z',
    updatedAt: '2026-12-01T00:00:00Z',
    ...fields,
  };
}

const BERLIN = {
  name: 'Erika Mustermann',
  line1: 'Hauptstraße 5',
  city: 'Berlin',
  postalCode: '10115',
  country: 'DE',
};

describe('Stripe payloads', () => {
  it('a digital order without a code: no shipping, no coupon, no tax line', () => {
    const digital = order({shippingAddress: {country: 'DE'}});
    const intent = paymentIntentParams(digital);
    assert.equal(intent.amount, 1100);
    assert.equal(intent.shipping, undefined);
    assert.deepEqual(intent.metadata, {order_id: 'ord_1'});
    assert.equal(couponParams(digital), null);
    const session = checkoutSessionParams(digital, URLS, null);
    assert.equal(session.line_items?.length, 1);
    assert.equal(session.shipping_options, undefined);
    assert.equal(session.discounts, undefined);
    assert.equal(session.payment_intent_data?.shipping, undefined);
    assert.equal(session.shipping_address_collection, undefined);
  });

  it('inclusive VAT adds no line; shipping is the one chosen rate, and the address is fixed', () => {
    const vat = order({
      lines: [
        {
          sku: 'hoodie',
          name: 'Hoodie',
          unitAmount: 5500,
          quantity: 1,
          amount: 5500,
          discount: 550,
          tax: 790,
          shippable: true,
        },
      ],
      subtotal: 5500,
      discount: 550,
      shipping: 1490,
      tax: 1028,
      taxInclusive: true,
      total: 6440,
      discountCode: 'A-VERY-LONG-DISCOUNT-CODE-THAT-GOES-ON-AND-ON',
      shippingRate: {id: 'express', name: 'Express', amount: 1490},
      shippingAddress: BERLIN,
    });
    const session = checkoutSessionParams(vat, URLS, 'coupon_1');
    assert.deepEqual(
      session.line_items?.map((l) => [
        l.price_data?.product_data?.name,
        l.price_data?.unit_amount,
        l.price_data?.tax_behavior,
      ]),
      [['Hoodie', 5500, 'inclusive']]
    );
    assert.deepEqual(session.discounts, [{coupon: 'coupon_1'}]);
    assert.deepEqual(session.shipping_options, [
      {
        shipping_rate_data: {
          type: 'fixed_amount',
          display_name: 'Express',
          fixed_amount: {amount: 1490, currency: 'eur'},
          tax_behavior: 'inclusive',
          metadata: {shipping_rate: 'express'},
        },
      },
    ]);
    assert.deepEqual(session.payment_intent_data?.shipping, {
      name: 'Erika Mustermann',
      address: {
        line1: 'Hauptstraße 5',
        city: 'Berlin',
        postal_code: '10115',
        country: 'DE',
      },
    });
    const coupon = couponParams(vat)!;
    assert.deepEqual(
      [coupon.amount_off, coupon.currency, coupon.duration],
      [550, 'eur', 'once']
    );
    assert.equal(coupon.max_redemptions, 1);
    assert.equal(coupon.name?.length, 40, 'Stripe allows 40 characters');
    // What Stripe will add up: the line − the coupon + shipping, tax already inside.
    assert.equal(5500 - 550 + 1490, vat.total);
  });

  it('exclusive tax is one Tax line of exactly the order’s tax', () => {
    const taxed = order({
      currency: 'usd',
      subtotal: 1100,
      tax: 80,
      total: 1180,
    });
    const lines = checkoutSessionParams(taxed, URLS, null).line_items!;
    assert.deepEqual(
      lines.map((l) => [
        l.price_data?.product_data?.name,
        l.price_data?.unit_amount,
        l.quantity,
      ]),
      [
        ['Field guide (e-book)', 1100, 1],
        ['Tax', 80, 1],
      ]
    );
    assert.equal(lines[1]!.price_data?.tax_behavior, undefined);
  });
});

describe('Stripe Checkout: the session’s locale', () => {
  // Checkout's column of https://docs.stripe.com/js/appendix/supported_locales.
  const cases: [string, string | undefined][] = [
    ['en', 'en'],
    ['en-US', 'en'],
    ['en-GB', 'en-GB'],
    ['de', 'de'],
    ['de-AT', 'de'],
    ['fr', 'fr'],
    ['fr-CA', 'fr-CA'],
    ['es', 'es'],
    ['es-MX', 'es-419'],
    ['it', 'it'],
    ['nl-BE', 'nl'],
    ['pt', 'pt-BR'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt'],
    ['ja', 'ja'],
    ['zh-Hans', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-HK'],
    // Checkout has no Arabic: Stripe reads the browser's language.
    ['ar', undefined],
    ['ar-EG', undefined],
  ];
  for (const [tag, locale] of cases) {
    it(`${tag} → ${locale ?? 'none (auto)'}`, () => {
      const session = checkoutSessionParams(order({locale: tag}), URLS, null);
      assert.equal(session.locale, locale);
      assert.equal('locale' in session, locale !== undefined);
    });
  }

  it('an order without a locale leaves it to Stripe', () => {
    assert.ok(!('locale' in checkoutSessionParams(order(), URLS, null)));
  });
});
