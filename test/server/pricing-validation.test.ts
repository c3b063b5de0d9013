import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {CatalogError, parseCatalog} from '../../server/catalog/index.js';
import {SHOP, shop} from './pricing-catalog.js';

type Shop = typeof SHOP & Record<string, unknown>;
const copy = (): Shop => structuredClone(SHOP) as Shop;
/* eslint-disable @typescript-eslint/no-explicit-any */
const zones = (data: Shop) => data.shipping.zones as any[];
const rules = (data: Shop) => data.tax.rules as any[];
const discounts = (data: Shop) => data.discounts as any[];
const products = (data: Shop) => data.products as any[];
/* eslint-enable @typescript-eslint/no-explicit-any */

function problems(edit: (data: Shop) => void): string {
  const data = copy();
  edit(data);
  try {
    parseCatalog(data, 'shop.json');
  } catch (error) {
    assert.ok(error instanceof CatalogError);
    assert.match(error.message, /^Invalid catalog shop\.json:\n/);
    return error.message;
  }
  assert.fail('the catalog was accepted');
}

describe('parseCatalog: the rules', () => {
  it('reads the fixture: defaults, uppercase codes, rates in parts per million', () => {
    assert.equal(shop.bySku.get('tee')!.shippable, true);
    assert.equal(shop.bySku.get('tee')!.taxCategory, 'standard');
    assert.equal(shop.bySku.get('ebook')!.shippable, false);
    assert.ok(shop.byCode.has('THIRD'));
    assert.equal(shop.byCode.get('THIRD')!.percentOff, 333_333);
    const ny = shop.tax!.rules.find((r) => r.region === 'NY')!;
    assert.deepEqual(ny.rates, {standard: 88_750});
    assert.equal(ny.shipping, true);
    assert.equal(
      shop.tax!.rules.find((r) => r.country === 'AT')!.shipping,
      false
    );
    assert.equal(
      shop.byCode.get('WELCOME10')!.endsAt,
      Date.parse('2026-12-31T23:59:59Z')
    );
  });

  const mistakes: [string, (data: Shop) => void, string][] = [
    [
      'a discount naming an unknown SKU',
      (d) => (discounts(d)[1].skus = ['mug', 'nope']),
      'discounts[1] ("MUGS5"), field "skus.1" "nope" is not a product',
    ],
    [
      'two codes that differ only in case',
      (d) => discounts(d).push({code: 'welcome10', percentOff: 5}),
      'discounts[6] ("welcome10"), field "code" duplicates "WELCOME10"',
    ],
    [
      'a fractional fixed amount',
      (d) => (discounts(d)[1].amountOff.usd = 4.5),
      'discounts[1] ("MUGS5"), field "amountOff.usd" must be a positive whole number of minor units',
    ],
    [
      'a three-decimal amount not ending in 0',
      (d) => (discounts(d)[3].amountOff.bhd = 1005),
      'discounts[3] ("BIG"), field "amountOff.bhd" must be a positive whole number of minor units ending in 0',
    ],
    [
      'an unknown currency in a minimum',
      (d) => (discounts(d)[0].minimumSubtotal.xyz = 100),
      'discounts[0] ("WELCOME10"), field "minimumSubtotal.xyz" is not a lowercase ISO 4217 currency code',
    ],
    [
      'both a percentage and an amount',
      (d) => (discounts(d)[2].amountOff = {usd: 100}),
      'discounts[2] ("third") must have either percentOff or amountOff',
    ],
    [
      'a percentage with 5 decimals',
      (d) => (discounts(d)[2].percentOff = 33.33333),
      'discounts[2] ("third"), field "percentOff" must be a percentage with at most 4 decimals',
    ],
    [
      'a percentage above 100',
      (d) => (discounts(d)[2].percentOff = 120),
      'discounts[2] ("third"), field "percentOff"',
    ],
    [
      'a percentage of 0',
      (d) => (discounts(d)[2].percentOff = 0),
      'discounts[2] ("third"), field "percentOff" must be more than 0',
    ],
    [
      'an end before the start',
      (d) => (discounts(d)[0].endsAt = '2025-12-31T00:00:00Z'),
      'discounts[0] ("WELCOME10"), field "endsAt" must be after startsAt',
    ],
    [
      'a date without its offset',
      (d) => (discounts(d)[0].startsAt = '2026-01-01 00:00'),
      'discounts[0] ("WELCOME10"), field "startsAt" must be an ISO 8601 instant such as "2026-01-01T00:00:00Z"',
    ],
    [
      'a usage limit of 0',
      (d) => (discounts(d)[5].usageLimit = 0),
      'discounts[5] ("LAST1"), field "usageLimit"',
    ],
    [
      'a code with a space',
      (d) => (discounts(d)[5].code = 'LAST 1'),
      'discounts[5] ("LAST 1"), field "code" must be 1–64 letters, digits, "_" or "-"',
    ],
    [
      'two zones with one id',
      (d) => (zones(d)[2].id = 'eu'),
      'shipping zone 2 ("eu"), field "id" duplicates "eu"',
    ],
    [
      'two rates with one id in a zone',
      (d) => (zones(d)[0].rates[1].id = 'standard'),
      'shipping zone 0 ("us"), rate 1 ("standard"), field "id" duplicates "standard"',
    ],
    [
      'a country in two zones',
      (d) => zones(d)[2].countries.push('DE'),
      'shipping zone 2 ("jp"), field "countries.1" "DE" is in zone "eu" already',
    ],
    [
      'two rest-of-world zones',
      (d) => zones(d)[2].countries.push('*'),
      'shipping zone 4 ("world"), field "countries.0" "*" is in zone "jp" already',
    ],
    [
      'a region that is not a country ("EU")',
      (d) => zones(d)[1].countries.push('EU'),
      'shipping zone 1 ("eu"), field "countries.4" "EU" is not an uppercase ISO 3166-1 alpha-2 country code (or "*")',
    ],
    [
      'a country in lowercase',
      (d) => (zones(d)[2].countries = ['jp']),
      'shipping zone 2 ("jp"), field "countries.0" "jp" is not an uppercase',
    ],
    [
      'a negative flat rate',
      (d) => (zones(d)[1].rates[0].prices.eur.flat = -490),
      'shipping zone 1 ("eu"), rate 0 ("standard"), field "prices.eur.flat" must be a non-negative whole number of minor units',
    ],
    [
      'NaN per item',
      (d) => (zones(d)[1].rates[1].prices.eur.perItem = NaN),
      'shipping zone 1 ("eu"), rate 1 ("express"), field "prices.eur.perItem"',
    ],
    [
      'a three-decimal free-above not ending in 0',
      (d) => (zones(d)[3].rates[0].prices.bhd.freeAbove = 20005),
      'shipping zone 3 ("gulf"), rate 0 ("standard"), field "prices.bhd.freeAbove" must be a non-negative whole number of minor units ending in 0',
    ],
    [
      'an estimate ending before it starts',
      (d) => (zones(d)[0].rates[0].estimate = {minDays: 5, maxDays: 3}),
      'shipping zone 0 ("us"), rate 0 ("standard"), field "estimate.maxDays" must have minDays ≤ maxDays',
    ],
    [
      'a misspelt field in a rate',
      (d) => (zones(d)[0].rates[0].prices.usd.freeabove = 100),
      'shipping zone 0 ("us"), rate 0 ("standard"), field "prices.usd"',
    ],
    [
      'a tax rule for an unknown country',
      (d) => (rules(d)[0].country = 'XX'),
      'tax rule 0 (XX-), field "country" is not an uppercase ISO 3166-1 alpha-2 country code'.replace(
        '-)',
        ')'
      ),
    ],
    [
      'two rules for one region',
      (d) => rules(d).push({country: 'US', region: 'CA', rates: {standard: 8}}),
      'tax rule 8 (US-CA) is a second rule for US-CA',
    ],
    [
      'a rate with 5 decimals',
      (d) => (rules(d)[6].rates.standard = 7.12345),
      'tax rule 6 (US-CA), field "rates.standard" must be a percentage with at most 4 decimals',
    ],
    [
      'a negative rate',
      (d) => (rules(d)[0].rates.reduced = -7),
      'tax rule 0 (DE), field "rates.reduced"',
    ],
    [
      'a rule without a standard rate',
      (d) => (rules(d)[0].rates = {reduced: 7}),
      'tax rule 0 (DE), field "rates" must have a "standard" rate',
    ],
    [
      'a zero category given a rate',
      (d) => (rules(d)[0].rates.zero = 0),
      'tax rule 0 (DE), field "rates" "zero" is always 0 %: leave it out',
    ],
    [
      'a region in lowercase',
      (d) => (rules(d)[6].region = 'ca'),
      'tax rule 6 (US-ca), field "region" must be an ISO 3166-2 subdivision code',
    ],
    [
      'a product in a tax category no rule names',
      (d) => (products(d)[2].taxCategory = 'reduce'),
      'product 2 ("book"), field "taxCategory" "reduce" is a rate of no tax rule',
    ],
    [
      'shippable as a string',
      (d) => (products(d)[0].shippable = 'no'),
      'product 0 ("tee"), field "shippable"',
    ],
  ];
  for (const [what, edit, message] of mistakes) {
    it(`names ${what}`, () => {
      const text = problems(edit);
      assert.ok(text.includes(message), `${text}\nwanted: ${message}`);
    });
  }

  it('lists every problem at once', () => {
    const text = problems((d) => {
      zones(d)[2].id = 'eu';
      discounts(d)[1].skus = ['nope'];
    });
    assert.equal(text.split('\n').length, 3);
  });
});
