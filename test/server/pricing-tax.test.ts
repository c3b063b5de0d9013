import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseCatalog} from '../../server/catalog/index.js';
import {price} from './pricing-catalog.js';

type Item = {sku: string; quantity: number};

describe('priceCart: tax', () => {
  const cases: {
    what: string;
    items: Item[];
    currency?: string;
    address: {country: string; region?: string};
    rate?: string;
    inclusive: boolean;
    lineTax: number[];
    shippingTax: number;
  }[] = [
    {
      what: 'DE inclusive 19 %: the share a price contains, shipping taxed',
      // 2300 × 19/119 = 367.23; shipping 490 × 19/119 = 78.24
      items: [{sku: 'tee', quantity: 1}],
      currency: 'eur',
      address: {country: 'DE'},
      inclusive: true,
      lineTax: [367],
      shippingTax: 78,
    },
    {
      what: 'DE reduced 7 % for books, zero for gift cards',
      // 3600 × 7/107 = 235.51; gift cards 0; free shipping (3600 < 5000: no, 490 → 78.24)
      items: [
        {sku: 'book', quantity: 2},
        {sku: 'gift-card', quantity: 1},
      ],
      currency: 'eur',
      address: {country: 'DE'},
      inclusive: true,
      lineTax: [236, 0],
      shippingTax: 78,
    },
    {
      what: 'FR reduced 5.5 %: 1800 × 5.5/105.5 = 93.84',
      items: [{sku: 'book', quantity: 1}],
      currency: 'eur',
      address: {country: 'FR'},
      rate: 'express',
      inclusive: true,
      lineTax: [94],
      // Express 1490 + 200 = 1690 × 20/120 = 281.67
      shippingTax: 282,
    },
    {
      what: 'AT has no reduced rate: the standard 20 %; shipping not taxed',
      // 1800 × 20/120 = 300
      items: [{sku: 'book', quantity: 1}],
      currency: 'eur',
      address: {country: 'AT'},
      inclusive: true,
      lineTax: [300],
      shippingTax: 0,
    },
    {
      what: 'a country with no rule (IT): no tax, not inclusive',
      items: [{sku: 'book', quantity: 1}],
      currency: 'eur',
      address: {country: 'IT'},
      inclusive: false,
      lineTax: [0],
      shippingTax: 0,
    },
    {
      what: 'US-CA exclusive 7.25 %, added per line, shipping untaxed',
      // 2500 × 7.25 % = 181.25; 1999 × 7.25 % = 144.93
      items: [
        {sku: 'tee', quantity: 1},
        {sku: 'book', quantity: 1},
      ],
      address: {country: 'US', region: 'CA'},
      inclusive: false,
      lineTax: [181, 145],
      shippingTax: 0,
    },
    {
      what: 'a region in any case overrides its country: us-ny 8.875 % with shipping',
      // 1450 × 8.875 % = 128.6875; shipping 599 + 100 = 699 × 8.875 % = 62.03
      items: [{sku: 'mug', quantity: 1}],
      address: {country: 'US', region: 'ny'},
      inclusive: false,
      lineTax: [129],
      shippingTax: 62,
    },
    {
      what: 'a region with no rule of its own (TX) falls back to the country’s (0 %)',
      items: [{sku: 'mug', quantity: 1}],
      address: {country: 'US', region: 'TX'},
      inclusive: false,
      lineTax: [0],
      shippingTax: 0,
    },
    {
      what: 'JP inclusive 10 % / 8 % in yen',
      // 3800 × 10/110 = 345.45; 2900 × 8/108 = 214.81; shipping 0 (6700 ≥ 5000)
      items: [
        {sku: 'tee', quantity: 1},
        {sku: 'book', quantity: 1},
      ],
      currency: 'jpy',
      address: {country: 'JP'},
      inclusive: true,
      lineTax: [345, 215],
      shippingTax: 0,
    },
  ];
  for (const c of cases) {
    it(c.what, () => {
      const quote = price({
        items: c.items,
        currency: c.currency,
        shippingAddress: c.address,
        shippingRate: c.rate,
      });
      const lineTaxes = quote.lines.map((l) => l.tax);
      assert.deepEqual(lineTaxes, c.lineTax);
      assert.equal(quote.taxInclusive, c.inclusive);
      const lines = lineTaxes.reduce((a, b) => a + b, 0);
      assert.equal(quote.tax - lines, c.shippingTax, 'shipping tax');
      assert.equal(
        quote.total,
        quote.subtotal -
          quote.discount +
          quote.shipping +
          (c.inclusive ? 0 : quote.tax)
      );
    });
  }

  it('rounds per line, not once on the total', () => {
    // NY 8.875 %: a mug 128.6875 → 129, two tees 443.75 → 444: 573, where the total's
    // 6450 × 8.875 % = 572.4375 would have been 572.
    const quote = price({
      items: [
        {sku: 'mug', quantity: 1},
        {sku: 'tee', quantity: 2},
      ],
      shippingAddress: {country: 'US', region: 'NY'},
    });
    assert.deepEqual(
      quote.lines.map((l) => l.tax),
      [129, 444]
    );
  });

  it('rounds half up: exactly half a cent is a cent', () => {
    const half = parseCatalog({
      defaultCurrency: 'usd',
      products: [
        {sku: 'a', name: 'A', maxQuantity: 9, prices: {usd: 200}},
        {sku: 'b', name: 'B', maxQuantity: 9, prices: {usd: 100}},
        {sku: 'c', name: 'C', maxQuantity: 9, prices: {usd: 9}},
      ],
      tax: {
        rules: [
          {country: 'US', rates: {standard: 7.25}},
          {country: 'DE', inclusive: true, rates: {standard: 20}},
        ],
      },
    });
    const quote = (country: string) =>
      price(
        {
          items: [
            {sku: 'a', quantity: 1},
            {sku: 'b', quantity: 2},
          ],
          shippingAddress: {country},
        },
        {catalog: half}
      );
    // 200 × 7.25 % = 14.5 → 15, twice: 15 + 15, not 29 on the total.
    assert.deepEqual(
      quote('US').lines.map((l) => l.tax),
      [15, 15]
    );
    assert.equal(quote('US').total, 430);
    // Inclusive 20 %: 9 × 20/120 = 1.5 → 2, and 200 × 20/120 = 33.33 → 33.
    const inclusive = price(
      {
        items: [
          {sku: 'a', quantity: 1},
          {sku: 'c', quantity: 1},
        ],
        shippingAddress: {country: 'DE'},
      },
      {catalog: half}
    );
    assert.deepEqual(
      inclusive.lines.map((l) => l.tax),
      [33, 2]
    );
    assert.deepEqual([inclusive.tax, inclusive.total], [35, 209]);
  });

  it('taxes each line after its share of the discount', () => {
    // MUGS5 takes 500 off the mugs only: (2 × 1450 − 500) × 7.25 % = 174 and the tee's 181.25.
    const quote = price({
      items: [
        {sku: 'mug', quantity: 2},
        {sku: 'tee', quantity: 1},
      ],
      shippingAddress: {country: 'US', region: 'CA'},
      discountCode: 'MUGS5',
    });
    assert.deepEqual(
      quote.lines.map((l) => [l.discount, l.tax]),
      [
        [500, 174],
        [0, 181],
      ]
    );
    assert.equal(quote.tax, 355);
    assert.equal(quote.total, 2900 + 2500 - 500 + 599 + 300 + 355);
  });
});
