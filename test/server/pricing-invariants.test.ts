/**
 * The sum of the parts is the total, for any cart: thousands of seeded random requests (carts,
 * currencies, addresses, rates, codes, clocks, uses) priced, and each quote checked against
 * the money rules from the outside (floats here only to bound the integers the engine chose).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {DiscountUsage} from '../../server/catalog/index.js';
import type {Address, Quote} from '../../server/contract.js';
import {ApiError} from '../../server/errors.js';
import {price, SHOP} from './pricing-catalog.js';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ADDRESSES: (Address | undefined)[] = [
  undefined,
  {country: 'US'},
  {country: 'US', region: 'CA'},
  {country: 'US', region: 'ny'},
  {country: 'US', region: 'TX'},
  {country: 'CA'},
  {country: 'DE'},
  {country: 'FR'},
  {country: 'AT'},
  {country: 'IT'},
  {country: 'JP'},
  {country: 'BH'},
  {country: 'BR'},
];
const CURRENCIES = ['usd', 'eur', 'jpy', 'bhd'];
const RATES = [undefined, 'standard', 'express', 'international', 'nope'];
const CODES = [undefined, 'nope', ...SHOP.discounts.map((d) => d.code)];

/** The rule's rate for a product, as a fraction, read from the fixture the plain way. */
function rateOf(address: Address | undefined, category: string) {
  if (!address) return undefined;
  const rules = SHOP.tax.rules as {
    country: string;
    region?: string;
    inclusive: boolean;
    rates: Record<string, number>;
    shipping?: boolean;
  }[];
  const rule =
    rules.find(
      (r) =>
        r.country === address.country &&
        r.region === address.region?.toUpperCase()
    ) ?? rules.find((r) => r.country === address.country && !r.region);
  if (!rule) return undefined;
  const percent =
    category === 'zero' ? 0 : (rule.rates[category] ?? rule.rates.standard);
  return {
    rate: percent / 100,
    standard: rule.rates.standard / 100,
    inclusive: rule.inclusive,
    shipping: rule.shipping ?? false,
  };
}

function taxBound(base: number, rate: number, inclusive: boolean) {
  return inclusive ? (base * rate) / (1 + rate) : base * rate;
}

function check(quote: Quote, address: Address | undefined, requested?: string) {
  const step = quote.currency === 'bhd' ? 10 : 1;
  const sum = (f: (l: Quote['lines'][number]) => number) =>
    quote.lines.reduce((s, l) => s + f(l), 0);
  assert.equal(
    quote.subtotal,
    sum((l) => l.amount)
  );
  for (const l of quote.lines) {
    assert.equal(l.amount, l.unitAmount * l.quantity);
    assert.ok(
      l.discount >= 0 && l.discount <= l.amount,
      'line discount in range'
    );
    assert.ok(l.tax >= 0);
    assert.equal(l.discount % step, 0);
    assert.equal(l.tax % step, 0);
  }
  assert.equal(
    quote.discount,
    sum((l) => l.discount),
    'Σ line.discount'
  );
  const eligible = quote.lines.filter((l) => l.discount > 0);
  const base = eligible.reduce((s, l) => s + l.amount, 0);
  // Largest remainder: no line is more than one step away from its exact share.
  if (quote.discountCode?.status === 'applied') {
    const code = SHOP.discounts.find(
      (d) => d.code.toUpperCase() === quote.discountCode!.code
    )!;
    const skus = 'skus' in code ? code.skus : undefined;
    const pool = quote.lines.filter((l) => !skus || skus.includes(l.sku));
    const total = pool.reduce((s, l) => s + l.amount, 0);
    for (const l of quote.lines) {
      const exact = pool.includes(l) ? (quote.discount * l.amount) / total : 0;
      assert.ok(Math.abs(l.discount - exact) < step, 'share of the discount');
    }
  } else {
    assert.equal(quote.discount, 0);
    assert.equal(base, 0);
  }

  // Shipping: one of the rates, the one asked for or the cheapest.
  if (quote.requiresShipping && address) {
    assert.ok(quote.shippingRates.length > 0);
    const chosen = quote.shippingRates.find((r) => r.id === quote.shippingRate);
    assert.ok(chosen);
    assert.equal(quote.shipping, chosen.amount);
    if (!quote.shippingRates.some((r) => r.id === requested)) {
      assert.equal(
        chosen.amount,
        Math.min(...quote.shippingRates.map((r) => r.amount))
      );
    } else {
      assert.equal(chosen.id, requested);
    }
  } else {
    assert.equal(quote.shipping, 0);
    assert.deepEqual(quote.shippingRates, []);
  }
  assert.equal(quote.shipping % step, 0);

  // Tax: each line within half a step of its exact tax; shipping's too.
  let shippingTax = quote.tax;
  for (const l of quote.lines) {
    const product = SHOP.products.find((p) => p.sku === l.sku)!;
    const rule = rateOf(address, product.taxCategory ?? 'standard');
    const exact = rule
      ? taxBound(l.amount - l.discount, rule.rate, rule.inclusive)
      : 0;
    assert.ok(Math.abs(l.tax - exact) <= step / 2 + 1e-9, 'line tax');
    shippingTax -= l.tax;
  }
  const rule = rateOf(address, 'standard');
  const exactShipping = rule?.shipping
    ? taxBound(quote.shipping, rule.standard, rule.inclusive)
    : 0;
  assert.ok(Math.abs(shippingTax - exactShipping) <= step / 2 + 1e-9);
  assert.equal(quote.taxInclusive, rule?.inclusive ?? false);

  assert.equal(
    quote.total,
    quote.subtotal -
      quote.discount +
      quote.shipping +
      (quote.taxInclusive ? 0 : quote.tax),
    'the sum of the parts'
  );
  assert.ok(quote.total >= 0);
  assert.equal(quote.total % step, 0);
}

describe('priceCart: the sum of the parts', () => {
  it('holds for 6000 seeded random requests', () => {
    const next = random(20261201);
    const pick = <T>(list: readonly T[]) =>
      list[Math.floor(next() * list.length)];
    let priced = 0;
    let applied = 0;
    for (let i = 0; i < 6000; i++) {
      const items = Array.from({length: 1 + Math.floor(next() * 4)}, () => {
        const product = pick(SHOP.products);
        return {
          sku: product.sku,
          quantity: 1 + Math.floor(next() * product.maxQuantity),
        };
      });
      const address = pick(ADDRESSES);
      const request = {
        items,
        currency: pick(CURRENCIES),
        shippingAddress: address,
        shippingRate: pick(RATES),
        discountCode: pick(CODES),
      };
      const usage: DiscountUsage = {
        uses: Math.floor(next() * 3) === 0 ? 100 : 0,
        byEmail: next() < 0.2,
      };
      const now = new Date(Date.UTC(2026, 0, 1) + next() * 500 * 86_400_000);
      let quote: Quote;
      try {
        quote = price(request, {now, usage});
      } catch (error) {
        // A product not sold in the currency (or too many merged), or nowhere to ship.
        assert.ok(error instanceof ApiError, String(error));
        assert.ok(
          [
            'currency_not_supported',
            'shipping_not_available',
            'quantity_out_of_range',
          ].includes(error.code),
          `request ${i}: ${error.code}`
        );
        continue;
      }
      priced++;
      if (quote.discountCode?.status === 'applied') applied++;
      try {
        check(quote, address, request.shippingRate);
      } catch (error) {
        throw new Error(
          `request ${i}: ${JSON.stringify({request, usage, now})}\n${JSON.stringify(quote)}`,
          {cause: error}
        );
      }
    }
    // The generator reaches what it means to: most requests priced, many with a code.
    assert.ok(priced > 1500, `${priced} priced`);
    assert.ok(applied > 300, `${applied} with a code applied`);
  });
});
