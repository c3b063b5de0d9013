import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseCatalog} from '../../server/catalog/index.js';
import {ApiError} from '../../server/errors.js';
import {price, SHOP} from './pricing-catalog.js';

const to = (country: string, region?: string) => ({
  country,
  ...(region && {region}),
});

describe('priceCart: shipping', () => {
  const cases: {
    what: string;
    items: {sku: string; quantity: number}[];
    currency?: string;
    country: string;
    rate?: string;
    code?: string;
    rates: [string, number][];
    charged: string;
  }[] = [
    {
      what: 'flat plus per item, under free-above (US, 1 tee)',
      items: [{sku: 'tee', quantity: 1}],
      country: 'US',
      rates: [
        ['standard', 599 + 100],
        ['express', 1500],
      ],
      charged: 'standard',
    },
    {
      what: 'per item counts shippable quantity only (3 mugs and an e-book)',
      items: [
        {sku: 'mug', quantity: 3},
        {sku: 'ebook', quantity: 1},
      ],
      country: 'CA',
      rates: [
        ['standard', 599 + 3 * 100],
        ['express', 1500],
      ],
      charged: 'standard',
    },
    {
      what: 'free at exactly free-above (2 tees = 5000)',
      items: [{sku: 'tee', quantity: 2}],
      country: 'US',
      rates: [
        ['standard', 0],
        ['express', 1500],
      ],
      charged: 'standard',
    },
    {
      what: 'free-above reads the discounted shippable subtotal (2 tees − 10 % = 4500)',
      items: [{sku: 'tee', quantity: 2}],
      country: 'US',
      code: 'WELCOME10',
      rates: [
        ['standard', 599 + 200],
        ['express', 1500],
      ],
      charged: 'standard',
    },
    {
      what: 'free-above ignores what is not shipped (1 tee + 2 gift cards)',
      items: [
        {sku: 'tee', quantity: 1},
        {sku: 'gift-card', quantity: 2},
      ],
      country: 'US',
      rates: [
        ['standard', 699],
        ['express', 1500],
      ],
      charged: 'standard',
    },
    {
      what: 'the rate asked for',
      items: [{sku: 'tee', quantity: 1}],
      country: 'US',
      rate: 'express',
      rates: [
        ['standard', 699],
        ['express', 1500],
      ],
      charged: 'express',
    },
    {
      what: 'an unknown rate id: the cheapest',
      items: [{sku: 'tee', quantity: 1}],
      country: 'US',
      rate: 'overnight',
      rates: [
        ['standard', 699],
        ['express', 1500],
      ],
      charged: 'standard',
    },
    {
      what: 'EUR in the EU: flat, and per item on Express',
      items: [{sku: 'mug', quantity: 2}],
      currency: 'eur',
      country: 'DE',
      rate: 'express',
      rates: [
        ['standard', 490],
        ['express', 1490 + 2 * 200],
      ],
      charged: 'express',
    },
    {
      what: 'a rate not priced in the currency is not offered (USD to France)',
      items: [{sku: 'mug', quantity: 2}],
      country: 'FR',
      rate: 'express',
      rates: [['standard', 600]],
      charged: 'standard',
    },
    {
      what: 'the rest of the world ("*", listed first or last alike)',
      items: [{sku: 'tee', quantity: 1}],
      country: 'BR',
      rates: [['international', 1900]],
      charged: 'international',
    },
  ];
  for (const c of cases) {
    it(c.what, () => {
      const quote = price({
        items: c.items,
        currency: c.currency,
        shippingAddress: to(c.country),
        shippingRate: c.rate,
        discountCode: c.code,
      });
      assert.equal(quote.requiresShipping, true);
      assert.deepEqual(
        quote.shippingRates.map((r) => [r.id, r.amount]),
        c.rates
      );
      assert.equal(quote.shippingRate, c.charged);
      assert.equal(
        quote.shipping,
        c.rates.find(([id]) => id === c.charged)![1]
      );
    });
  }

  it('answers each rate’s name and estimate', () => {
    const quote = price({
      items: [{sku: 'tee', quantity: 1}],
      shippingAddress: to('US'),
    });
    assert.deepEqual(quote.shippingRates, [
      {
        id: 'standard',
        name: 'Standard',
        amount: 699,
        estimate: {minDays: 3, maxDays: 5},
      },
      {
        id: 'express',
        name: 'Express',
        amount: 1500,
        estimate: {minDays: 1, maxDays: 2},
      },
    ]);
  });

  it('without an address: needs shipping, no rates, shipping 0, no tax', () => {
    const quote = price({items: [{sku: 'tee', quantity: 1}]});
    assert.equal(quote.requiresShipping, true);
    assert.deepEqual(quote.shippingRates, []);
    assert.equal(quote.shippingRate, undefined);
    assert.deepEqual([quote.shipping, quote.tax, quote.total], [0, 0, 2500]);
  });

  it('a digital-only cart ships nothing, to any address', () => {
    for (const country of [undefined, 'US', 'BR']) {
      const quote = price({
        items: [
          {sku: 'ebook', quantity: 1},
          {sku: 'gift-card', quantity: 1},
        ],
        shippingAddress: country ? to(country) : undefined,
      });
      assert.equal(quote.requiresShipping, false);
      assert.deepEqual(quote.shippingRates, []);
      assert.equal(quote.shipping, 0);
      assert.deepEqual(
        quote.lines.map((l) => l.shippable),
        [false, false]
      );
    }
  });

  it('an address in no zone is 400 shipping_not_available, naming the country', () => {
    const noWorld = parseCatalog({
      ...SHOP,
      shipping: {
        zones: SHOP.shipping.zones.filter((z) => z.id !== 'world'),
      },
    });
    assert.throws(
      () =>
        price(
          {items: [{sku: 'tee', quantity: 1}], shippingAddress: to('BR')},
          {catalog: noWorld}
        ),
      (error: unknown) =>
        error instanceof ApiError &&
        error.status === 400 &&
        error.code === 'shipping_not_available' &&
        error.message === 'The shop does not ship to Brazil.'
    );
  });

  it('a zone with no rate in the currency is 400 shipping_not_available too', () => {
    assert.throws(
      () =>
        price({
          items: [{sku: 'tee', quantity: 1}],
          currency: 'jpy',
          shippingAddress: to('US'),
        }),
      (error: unknown) =>
        error instanceof ApiError &&
        error.code === 'shipping_not_available' &&
        /United States in JPY/.test(error.message)
    );
  });

  it('a catalog without shipping ships nothing and asks for no address', () => {
    const {shipping: _, ...rest} = SHOP;
    const quote = price(
      {items: [{sku: 'tee', quantity: 1}], shippingAddress: to('BR')},
      {catalog: parseCatalog(rest)}
    );
    assert.deepEqual(
      [quote.requiresShipping, quote.shipping, quote.shippingRates.length],
      [false, 0, 0]
    );
    assert.equal(quote.lines[0].shippable, true);
  });
});
