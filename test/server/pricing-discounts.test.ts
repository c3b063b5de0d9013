import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {DiscountUsage} from '../../server/catalog/index.js';
import {parseCatalog} from '../../server/catalog/index.js';
import {price, SHOP} from './pricing-catalog.js';

type Item = {sku: string; quantity: number};
const tees = (quantity: number): Item[] => [{sku: 'tee', quantity}];

describe('priceCart: discount codes', () => {
  const statuses: {
    what: string;
    code: string;
    items: Item[];
    currency?: string;
    now?: string;
    usage?: DiscountUsage;
    status: string;
    discount: number;
  }[] = [
    {
      what: 'a code the catalog does not have',
      code: 'FREESTUFF',
      items: tees(2),
      status: 'unknown',
      discount: 0,
    },
    {
      what: 'a percentage, in any case',
      code: 'welcome10',
      items: tees(2),
      status: 'applied',
      discount: 500,
    },
    {
      what: 'after its end',
      code: 'WELCOME10',
      items: tees(2),
      now: '2027-01-01T00:00:00Z',
      status: 'expired',
      discount: 0,
    },
    {
      what: 'at the very instant it ends',
      code: 'WELCOME10',
      items: tees(2),
      now: '2026-12-31T23:59:59Z',
      status: 'applied',
      discount: 500,
    },
    {
      what: 'before it starts',
      code: 'SPRING27',
      items: tees(2),
      status: 'expired',
      discount: 0,
    },
    {
      what: 'from the instant it starts',
      code: 'SPRING27',
      items: tees(2),
      now: '2027-03-01T00:00:00Z',
      status: 'applied',
      discount: 750,
    },
    {
      what: 'below its minimum subtotal (2500 < 3000)',
      code: 'WELCOME10',
      items: tees(1),
      status: 'minimum_not_met',
      discount: 0,
    },
    {
      what: 'at its minimum in another currency (EUR 2800 ≤ 2 × 2300)',
      code: 'WELCOME10',
      items: tees(2),
      currency: 'eur',
      status: 'applied',
      discount: 460,
    },
    {
      what: 'with its last use taken (100 of 100)',
      code: 'WELCOME10',
      items: tees(2),
      usage: {uses: 100, byEmail: false},
      status: 'used_up',
      discount: 0,
    },
    {
      what: 'with one use left (99 of 100)',
      code: 'WELCOME10',
      items: tees(2),
      usage: {uses: 99, byEmail: false},
      status: 'applied',
      discount: 500,
    },
    {
      what: 'once per email, used by this email',
      code: 'WELCOME10',
      items: tees(2),
      usage: {uses: 1, byEmail: true},
      status: 'used_up',
      discount: 0,
    },
    {
      what: 'an unlimited code whatever its uses',
      code: 'THIRD',
      items: tees(1),
      usage: {uses: 1_000_000, byEmail: true},
      status: 'applied',
      discount: 833,
    },
    {
      what: 'for named SKUs, none in the cart',
      code: 'MUGS5',
      items: tees(2),
      status: 'not_applicable',
      discount: 0,
    },
    {
      what: 'a fixed amount not priced in the cart’s currency',
      code: 'MUGS5',
      items: [{sku: 'mug', quantity: 2}],
      currency: 'jpy',
      status: 'not_applicable',
      discount: 0,
    },
    {
      what: 'a fixed amount larger than the cart: all of it, no more',
      code: 'BIG',
      items: tees(1),
      status: 'applied',
      discount: 2500,
    },
    {
      what: 'a percentage rounds down (33.3333 % of 2500 = 833.33)',
      code: 'THIRD',
      items: tees(1),
      status: 'applied',
      discount: 833,
    },
  ];
  for (const c of statuses) {
    it(`${c.status}: ${c.what}`, () => {
      const quote = price(
        {items: c.items, currency: c.currency, discountCode: c.code},
        {now: c.now ? new Date(c.now) : undefined, usage: c.usage}
      );
      assert.deepEqual(quote.discountCode, {
        code: c.code.toUpperCase(),
        status: c.status,
      });
      assert.equal(quote.discount, c.discount);
      assert.equal(
        quote.lines.reduce((sum, l) => sum + l.discount, 0),
        c.discount
      );
      assert.equal(quote.total, quote.subtotal - c.discount);
    });
  }

  it('says nothing about a code when none was asked for', () => {
    assert.equal(price({items: tees(1)}).discountCode, undefined);
    assert.equal(
      price({items: tees(1), discountCode: '  '}).discountCode,
      undefined
    );
  });

  it('takes a fixed amount off the named SKUs only', () => {
    const quote = price({
      items: [
        {sku: 'tee', quantity: 1},
        {sku: 'mug', quantity: 2},
      ],
      discountCode: 'MUGS5',
    });
    assert.deepEqual(
      quote.lines.map((l) => [l.sku, l.discount]),
      [
        ['tee', 0],
        ['mug', 500],
      ]
    );
  });

  it('allocates a percentage over the lines by largest remainder', () => {
    // ⌊5949 × 33.3333 %⌋ = 1982; exact shares 832.91, 483.09, 665.997: floors 832 + 483 +
    // 665 = 1980, and the 2 left go to the book (.997) and the tee (.913).
    const quote = price({
      items: [
        {sku: 'tee', quantity: 1},
        {sku: 'mug', quantity: 1},
        {sku: 'book', quantity: 1},
      ],
      discountCode: 'THIRD',
    });
    assert.deepEqual(
      quote.lines.map((l) => l.discount),
      [833, 483, 666]
    );
    assert.equal(quote.discount, 1982);
  });

  it('breaks a tie in remainders toward the earlier line', () => {
    const even = parseCatalog({
      defaultCurrency: 'usd',
      products: ['a', 'b', 'c'].map((sku) => ({
        sku,
        name: sku,
        maxQuantity: 1,
        prices: {usd: 100},
      })),
      discounts: [
        {code: 'ONE', amountOff: {usd: 100}},
        {code: 'TWO', amountOff: {usd: 200}},
      ],
    });
    const items = ['c', 'a', 'b'].map((sku) => ({sku, quantity: 1}));
    const split = (code: string) =>
      price({items, discountCode: code}, {catalog: even}).lines.map(
        (l) => l.discount
      );
    assert.deepEqual(split('ONE'), [34, 33, 33]);
    assert.deepEqual(split('TWO'), [67, 67, 66]);
  });

  it('never discounts a line below zero: a fixed amount larger than the cart, with shipping', () => {
    const quote = price({
      items: [
        {sku: 'tee', quantity: 1},
        {sku: 'ebook', quantity: 1},
      ],
      discountCode: 'BIG',
      shippingAddress: {country: 'US', region: 'NY'},
    });
    assert.deepEqual(
      quote.lines.map((l) => [l.discount, l.tax]),
      [
        [2500, 0],
        [900, 0],
      ]
    );
    // Free-above reads the discounted subtotal (0): shipping is charged, and taxed in NY.
    assert.equal(quote.shipping, 699);
    assert.equal(quote.tax, 62);
    assert.equal(quote.total, 699 + 62);
  });

  it('refuses a code that only prices a minimum in other currencies', () => {
    const usdOnly = parseCatalog({
      ...SHOP,
      discounts: [{code: 'USONLY', percentOff: 5, minimumSubtotal: {usd: 100}}],
    });
    const status = (currency: string) =>
      price(
        {items: tees(1), currency, discountCode: 'usonly'},
        {catalog: usdOnly}
      ).discountCode?.status;
    assert.equal(status('usd'), 'applied');
    assert.equal(status('eur'), 'not_applicable');
  });
});
