import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  CatalogError,
  parseCatalog,
  priceCart,
  type Catalog,
} from '../../server/catalog/index.js';
import {ApiError} from '../../server/errors.js';
import {currencyExponent} from '../../server/money.js';
import {
  fromPaypalValue,
  toPaypalValue,
} from '../../server/providers/paypal/money.js';
import type {CartItem} from '../../server/contract.js';
import {demoCatalog} from './helpers.js';

/** Products only, as catalogs were before shipping, tax and codes: nothing but the lines. */
const catalog = parseCatalog({
  defaultCurrency: 'usd',
  products: [
    ['tee-black-m', 'Black tee, size M', 10, 2500, 2300, 3800],
    ['hoodie-grey-l', 'Grey hoodie, size L', 5, 5900, 5500, 8900],
    ['mug-enamel', 'Enamel camp mug', 20, 1450, 1350, 2200],
    ['sticker-pack', 'Sticker pack (6)', 50, 499, 450, 750],
    ['cap-navy', 'Navy cap', 10, 2200, 2000, 3300],
  ].map(([sku, name, maxQuantity, usd, eur, jpy]) => ({
    sku,
    name,
    maxQuantity,
    prices: {usd, eur, jpy},
  })),
});
const NOW = {now: new Date('2026-06-01T12:00:00Z')};

/** The cart priced as before issue 11's rules: items and a currency only. */
function price(on: Catalog, items: CartItem[], currency?: string) {
  return priceCart(on, {items, currency}, NOW);
}

function priceError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ApiError, `expected an ApiError, got ${error}`);
    return error;
  }
  assert.fail('expected an error');
}

describe('money', () => {
  it('knows Stripe’s zero-, two- and three-decimal currencies', () => {
    assert.equal(currencyExponent('usd'), 2);
    assert.equal(currencyExponent('JPY'), 0);
    assert.equal(currencyExponent('krw'), 0);
    assert.equal(currencyExponent('kwd'), 3);
  });

  it('writes PayPal values exactly, without floats', () => {
    assert.equal(toPaypalValue(1234, 'usd'), '12.34');
    assert.equal(toPaypalValue(5, 'usd'), '0.05');
    assert.equal(toPaypalValue(1234, 'jpy'), '1234');
    // HUF has two decimals at Stripe but none at PayPal.
    assert.equal(toPaypalValue(150000, 'huf'), '1500');
    assert.equal(toPaypalValue(150050, 'huf'), undefined);
    assert.equal(toPaypalValue(30, 'usd') + '', '0.30');
    assert.equal(fromPaypalValue('12.34', 'usd'), 1234);
    assert.equal(fromPaypalValue('0.3', 'usd'), 30);
    assert.equal(fromPaypalValue('1234', 'jpy'), 1234);
    assert.equal(fromPaypalValue('12.345', 'usd'), undefined);
    assert.equal(fromPaypalValue('-1.00', 'usd'), undefined);
  });
});

describe('priceCart', () => {
  it('prices each line from the catalog in minor units', () => {
    const quote = price(catalog, [
      {sku: 'tee-black-m', quantity: 2},
      {sku: 'sticker-pack', quantity: 3},
    ]);
    assert.deepEqual(quote, {
      currency: 'usd',
      lines: [
        {
          sku: 'tee-black-m',
          name: 'Black tee, size M',
          unitAmount: 2500,
          quantity: 2,
          amount: 5000,
          discount: 0,
          tax: 0,
          shippable: true,
        },
        {
          sku: 'sticker-pack',
          name: 'Sticker pack (6)',
          unitAmount: 499,
          quantity: 3,
          amount: 1497,
          discount: 0,
          tax: 0,
          shippable: true,
        },
      ],
      subtotal: 6497,
      discount: 0,
      shipping: 0,
      tax: 0,
      taxInclusive: false,
      total: 6497,
      requiresShipping: false,
      shippingRates: [],
    });
  });

  it('prices JPY without decimals and EUR in cents', () => {
    assert.equal(
      price(catalog, [{sku: 'mug-enamel', quantity: 3}], 'jpy').total,
      6600
    );
    assert.equal(
      price(catalog, [{sku: 'mug-enamel', quantity: 3}], 'eur').total,
      4050
    );
  });

  it('adds integer cents with no float drift', () => {
    // 0.1 + 0.2 style: 10 × 4.99 is exactly 49.90.
    assert.equal(
      price(catalog, [{sku: 'sticker-pack', quantity: 10}]).total,
      4990
    );
  });

  it('merges the same SKU given twice into one line', () => {
    const quote = price(catalog, [
      {sku: 'mug-enamel', quantity: 1},
      {sku: 'cap-navy', quantity: 1},
      {sku: 'mug-enamel', quantity: 2},
    ]);
    assert.deepEqual(
      quote.lines.map((l) => [l.sku, l.quantity]),
      [
        ['mug-enamel', 3],
        ['cap-navy', 1],
      ]
    );
  });

  it('refuses an unknown SKU, a quantity above the maximum and an unpriced currency', () => {
    assert.equal(
      priceError(() => price(catalog, [{sku: 'nope', quantity: 1}])).code,
      'unknown_sku'
    );
    assert.equal(
      priceError(() => price(catalog, [{sku: 'hoodie-grey-l', quantity: 6}]))
        .code,
      'quantity_out_of_range'
    );
    // Merged duplicates count together against the maximum.
    assert.equal(
      priceError(() =>
        price(catalog, [
          {sku: 'hoodie-grey-l', quantity: 3},
          {sku: 'hoodie-grey-l', quantity: 3},
        ])
      ).code,
      'quantity_out_of_range'
    );
    assert.equal(
      priceError(() =>
        price(catalog, [{sku: 'mug-enamel', quantity: 1}], 'gbp')
      ).code,
      'currency_not_supported'
    );
  });

  it('refuses a product the catalog does not price in the cart’s currency', () => {
    const partial = parseCatalog({
      defaultCurrency: 'usd',
      products: [
        {sku: 'a', name: 'A', maxQuantity: 1, prices: {usd: 100, eur: 90}},
        {sku: 'b', name: 'B', maxQuantity: 1, prices: {usd: 100}},
      ],
    });
    const error = priceError(() =>
      price(partial, [{sku: 'b', quantity: 1}], 'eur')
    );
    assert.equal(error.code, 'currency_not_supported');
  });
});

describe('parseCatalog', () => {
  it('accepts the demo catalog, in USD, EUR and JPY', () => {
    const demo = demoCatalog();
    assert.ok(demo.products.length > 0);
    assert.deepEqual([...demo.currencies].sort(), ['eur', 'jpy', 'usd']);
  });

  it('names the file, the product and the field of a mistake', () => {
    assert.throws(
      () =>
        parseCatalog(
          {
            defaultCurrency: 'usd',
            products: [
              {sku: 'ok', name: 'OK', maxQuantity: 1, prices: {usd: 100}},
              {sku: 'mug', name: 'Mug', maxQuantity: 1, prices: {usd: 12.5}},
            ],
          },
          'shop.json'
        ),
      (error: unknown) =>
        error instanceof CatalogError &&
        error.message.includes('shop.json') &&
        error.message.includes('product 1 ("mug"), field "prices.usd"')
    );
  });

  it('refuses duplicate SKUs, unknown currencies, a missing maximum and three-decimal amounts not ending in 0', () => {
    const product = {sku: 'a', name: 'A', maxQuantity: 1, prices: {usd: 100}};
    const bad = [
      {defaultCurrency: 'usd', products: [product, product]},
      {
        defaultCurrency: 'usd',
        products: [{...product, prices: {usd: 100, xyz: 5}}],
      },
      {
        defaultCurrency: 'usd',
        products: [{sku: 'a', name: 'A', prices: {usd: 100}}],
      },
      {defaultCurrency: 'kwd', products: [{...product, prices: {kwd: 1005}}]},
      {defaultCurrency: 'usd', products: [{...product, prices: {usd: 0}}]},
      {defaultCurrency: 'eur', products: [product]},
    ];
    for (const data of bad) {
      assert.throws(
        () => parseCatalog(data),
        CatalogError,
        JSON.stringify(data)
      );
    }
  });
});
