/**
 * The catalog the pricing suites price from: its own rules, so the demo shop's catalog can
 * change without moving these numbers. Tax rates are real ones (DE, FR, AT, JP, BH, the US
 * states) as of writing; the amounts are made up.
 */
import {
  type Catalog,
  parseCatalog,
  priceCart,
  type PricingRequest,
} from '../../server/catalog/index.js';
import type {DiscountUsage} from '../../server/catalog/index.js';

export const SHOP = {
  defaultCurrency: 'usd',
  products: [
    {
      sku: 'tee',
      name: 'Tee',
      maxQuantity: 10,
      prices: {usd: 2500, eur: 2300, jpy: 3800, bhd: 9500},
    },
    {
      sku: 'mug',
      name: 'Mug',
      maxQuantity: 20,
      prices: {usd: 1450, eur: 1350, jpy: 2200, bhd: 5450},
    },
    {
      sku: 'book',
      name: 'Book',
      maxQuantity: 5,
      prices: {usd: 1999, eur: 1800, jpy: 2900},
      taxCategory: 'reduced',
    },
    {
      sku: 'ebook',
      name: 'E-book',
      maxQuantity: 1,
      prices: {usd: 900, eur: 900, jpy: 1400, bhd: 3330},
      shippable: false,
      taxCategory: 'reduced',
    },
    {
      sku: 'gift-card',
      name: 'Gift card',
      maxQuantity: 3,
      prices: {usd: 5000, eur: 5000},
      shippable: false,
      taxCategory: 'zero',
    },
  ],
  shipping: {
    zones: [
      {
        id: 'us',
        name: 'United States and Canada',
        countries: ['US', 'CA'],
        rates: [
          {
            id: 'standard',
            name: 'Standard',
            estimate: {minDays: 3, maxDays: 5},
            prices: {usd: {flat: 599, perItem: 100, freeAbove: 5000}},
          },
          {
            id: 'express',
            name: 'Express',
            estimate: {minDays: 1, maxDays: 2},
            prices: {usd: {flat: 1500}},
          },
        ],
      },
      {
        id: 'eu',
        name: 'European Union',
        countries: ['DE', 'FR', 'AT', 'IT'],
        rates: [
          {
            id: 'standard',
            name: 'Standard',
            prices: {eur: {flat: 490, freeAbove: 5000}, usd: {flat: 600}},
          },
          {
            id: 'express',
            name: 'Express',
            prices: {eur: {flat: 1490, perItem: 200}},
          },
        ],
      },
      {
        id: 'jp',
        name: 'Japan',
        countries: ['JP'],
        rates: [
          {
            id: 'standard',
            name: 'Standard',
            prices: {jpy: {flat: 600, freeAbove: 5000}},
          },
        ],
      },
      {
        id: 'gulf',
        name: 'Bahrain',
        countries: ['BH'],
        rates: [
          {
            id: 'standard',
            name: 'Standard',
            prices: {bhd: {flat: 1500, perItem: 250}},
          },
        ],
      },
      {
        id: 'world',
        name: 'Rest of the world',
        countries: ['*'],
        rates: [
          {
            id: 'international',
            name: 'International',
            estimate: {minDays: 7, maxDays: 14},
            prices: {usd: {flat: 1900}, eur: {flat: 1700}},
          },
        ],
      },
    ],
  },
  tax: {
    rules: [
      {
        country: 'DE',
        inclusive: true,
        rates: {standard: 19, reduced: 7},
        shipping: true,
      },
      {
        country: 'FR',
        inclusive: true,
        rates: {standard: 20, reduced: 5.5},
        shipping: true,
      },
      // No reduced rate: a book is taxed at the standard rate.
      {country: 'AT', inclusive: true, rates: {standard: 20}},
      {
        country: 'JP',
        inclusive: true,
        rates: {standard: 10, reduced: 8},
        shipping: true,
      },
      {country: 'BH', inclusive: false, rates: {standard: 10}, shipping: true},
      {country: 'US', inclusive: false, rates: {standard: 0}},
      {country: 'US', region: 'CA', inclusive: false, rates: {standard: 7.25}},
      {
        country: 'US',
        region: 'NY',
        inclusive: false,
        rates: {standard: 8.875},
        shipping: true,
      },
    ],
  },
  discounts: [
    {
      code: 'WELCOME10',
      percentOff: 10,
      minimumSubtotal: {usd: 3000, eur: 2800, jpy: 4500, bhd: 10000},
      startsAt: '2026-01-01T00:00:00Z',
      endsAt: '2026-12-31T23:59:59Z',
      usageLimit: 100,
      oncePerEmail: true,
    },
    {code: 'MUGS5', amountOff: {usd: 500, eur: 500}, skus: ['mug']},
    {code: 'third', percentOff: 33.3333},
    {
      code: 'BIG',
      amountOff: {usd: 100000, eur: 100000, jpy: 100000, bhd: 100000},
    },
    {code: 'SPRING27', percentOff: 15, startsAt: '2027-03-01T00:00:00Z'},
    {code: 'LAST1', percentOff: 50, usageLimit: 1},
  ],
};

export const shop: Catalog = parseCatalog(SHOP, 'pricing-catalog.ts');

/** Mid-2026: WELCOME10 runs, SPRING27 has not started. */
export const NOW = new Date('2026-06-01T12:00:00Z');

export function price(
  request: PricingRequest,
  options: {now?: Date; usage?: DiscountUsage; catalog?: Catalog} = {}
) {
  return priceCart(options.catalog ?? shop, request, {
    now: options.now ?? NOW,
    usage: options.usage,
  });
}
