/**
 * Shipping zones: the countries a zone serves (or "*", the rest of the world) and its rates,
 * priced per currency as a flat amount plus an amount per shipped item, free above a subtotal.
 */
import {z} from 'zod';
import {isCountry} from './countries.js';
import {amountProblem, currencyProblem, idSchema} from './fields.js';
import {translationsSchema} from './translations.js';

const ratePriceSchema = z
  .object({
    flat: z.number(),
    perItem: z.number().default(0),
    /** Free when the cart's discounted shippable subtotal is at least this. */
    freeAbove: z.number().optional(),
  })
  .strict();

const rateNameSchema = z.string().trim().min(1).max(100);

const rateSchema = z
  .object({
    id: idSchema,
    /** The name a buyer reads unless `translations` has their language. */
    name: rateNameSchema,
    /** `{"fr": {"name": "International"}}`: the name in other languages. */
    translations: translationsSchema(
      z.object({name: rateNameSchema}).strict()
    ).optional(),
    /** Business days until delivery. */
    estimate: z
      .object({
        minDays: z.number().int().min(0).max(365),
        maxDays: z.number().int().min(0).max(365),
      })
      .strict()
      .refine((e) => e.minDays <= e.maxDays, {
        message: 'must have minDays ≤ maxDays',
        path: ['maxDays'],
      })
      .optional(),
    prices: z.record(z.string(), ratePriceSchema).superRefine((prices, ctx) => {
      if (Object.keys(prices).length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: 'must price at least one currency',
        });
      }
      for (const [currency, price] of Object.entries(prices)) {
        const problem = currencyProblem(currency);
        if (problem) {
          ctx.addIssue({code: 'custom', path: [currency], message: problem});
          continue;
        }
        for (const field of ['flat', 'perItem', 'freeAbove'] as const) {
          const amount = price[field];
          const wrong =
            amount !== undefined &&
            amountProblem(amount, currency, {positive: false});
          if (wrong) {
            ctx.addIssue({
              code: 'custom',
              path: [currency, field],
              message: wrong,
            });
          }
        }
      }
    }),
  })
  .strict();

const zoneSchema = z
  .object({
    id: idSchema,
    name: z.string().trim().min(1).max(100),
    /** ISO 3166-1 alpha-2 codes in uppercase, or "*" for every country no other zone lists. */
    countries: z
      .array(z.string())
      .min(1)
      .superRefine((countries, ctx) => {
        countries.forEach((country, index) => {
          if (country !== '*' && !isCountry(country)) {
            ctx.addIssue({
              code: 'custom',
              path: [index],
              message: `"${country}" is not an uppercase ISO 3166-1 alpha-2 country code (or "*")`,
            });
          }
        });
      }),
    rates: z.array(rateSchema).min(1),
  })
  .strict()
  .superRefine((zone, ctx) => {
    const ids = new Set<string>();
    zone.rates.forEach((rate, index) => {
      if (ids.has(rate.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rates', index, 'id'],
          message: `duplicates "${rate.id}"`,
        });
      }
      ids.add(rate.id);
    });
  });

export const shippingSchema = z
  .object({zones: z.array(zoneSchema).min(1)})
  .strict()
  .superRefine((shipping, ctx) => {
    const ids = new Set<string>();
    const zoneOf = new Map<string, string>();
    shipping.zones.forEach((zone, index) => {
      if (ids.has(zone.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['zones', index, 'id'],
          message: `duplicates "${zone.id}"`,
        });
      }
      ids.add(zone.id);
      zone.countries.forEach((country, i) => {
        const other = zoneOf.get(country);
        if (other !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['zones', index, 'countries', i],
            message: `"${country}" is in zone "${other}" already`,
          });
        } else {
          zoneOf.set(country, zone.id);
        }
      });
    });
  });

export type Shipping = z.output<typeof shippingSchema>;
export type ShippingZone = Shipping['zones'][number];
type Rate = ShippingZone['rates'][number];

/** The zone that serves `country`: the one listing it, else the one with "*". */
export function zoneFor(
  shipping: Shipping,
  country: string
): ShippingZone | undefined {
  return (
    shipping.zones.find((zone) => zone.countries.includes(country)) ??
    shipping.zones.find((zone) => zone.countries.includes('*'))
  );
}

/** What the shippable part of a cart weighs in on shipping. */
export interface ShippedGoods {
  /** Σ quantity of the shippable lines. */
  items: number;
  /** Σ (amount − discount) of the shippable lines. */
  subtotal: number;
}

export interface PricedRate {
  rate: Rate;
  amount: number;
}

/** The zone's rates priced in `currency` for these goods; a rate not priced in it is left out. */
export function priceRates(
  zone: ShippingZone,
  currency: string,
  goods: ShippedGoods
): PricedRate[] {
  return zone.rates.flatMap((rate) => {
    const price = rate.prices[currency];
    if (!price) return [];
    const free =
      price.freeAbove !== undefined && goods.subtotal >= price.freeAbove;
    return [
      {rate, amount: free ? 0 : price.flat + price.perItem * goods.items},
    ];
  });
}
