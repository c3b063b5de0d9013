import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {price} from './pricing-catalog.js';

describe('priceCart: currencies', () => {
  it('prices JPY in whole yen: discount, free shipping, inclusive tax', () => {
    const quote = price({
      items: [
        {sku: 'tee', quantity: 1},
        {sku: 'book', quantity: 1},
      ],
      currency: 'jpy',
      shippingAddress: {country: 'JP'},
      discountCode: 'WELCOME10',
    });
    // 10 % of 6700 = 670, split 380 + 290; 6030 ≥ 5000 ships free; 3420 × 10/110 = 310.9 and
    // 2610 × 8/108 = 193.3 are included.
    assert.deepEqual(
      quote.lines.map((l) => [l.amount, l.discount, l.tax]),
      [
        [3800, 380, 311],
        [2900, 290, 193],
      ]
    );
    assert.deepEqual(
      [quote.discount, quote.shipping, quote.tax, quote.total],
      [670, 0, 504, 6030]
    );
    assert.equal(quote.taxInclusive, true);
  });

  it('prices a three-decimal currency (BHD) in steps of 10 fils', () => {
    const quote = price({
      items: [
        {sku: 'mug', quantity: 1},
        {sku: 'ebook', quantity: 1},
      ],
      currency: 'bhd',
      shippingAddress: {country: 'BH'},
      discountCode: 'THIRD',
    });
    // ⌊8780 × 33.3333 % / 10⌋ × 10 = 2920 = 292 units: 181.25 and 110.75 → 181 + 111 (the
    // larger remainder gets the last unit). Bases 3640 and 2220; 10 % exclusive: 364 → 360
    // and 222 → 220. Shipping 1500 + 250 for the one shipped mug, taxed: 175 → 180 (half up).
    assert.deepEqual(
      quote.lines.map((l) => [l.discount, l.tax]),
      [
        [1810, 360],
        [1110, 220],
      ]
    );
    assert.deepEqual(
      [quote.discount, quote.shipping, quote.tax, quote.total],
      [2920, 1750, 760, 8780 - 2920 + 1750 + 760]
    );
    for (const amount of [
      quote.total,
      quote.tax,
      quote.discount,
      quote.shipping,
      ...quote.lines.flatMap((l) => [l.discount, l.tax]),
    ]) {
      assert.equal(amount % 10, 0, `${amount} is a whole number of 10 fils`);
    }
  });

  it('takes a BHD fixed amount larger than the cart as the whole cart', () => {
    const quote = price({
      items: [{sku: 'tee', quantity: 1}],
      currency: 'bhd',
      discountCode: 'BIG',
    });
    assert.deepEqual([quote.discount, quote.total], [9500, 0]);
  });
});
