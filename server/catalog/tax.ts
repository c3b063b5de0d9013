/**
 * Tax rules: per country, or per region of a country (which then overrides the country's
 * rule), inclusive (prices contain the tax: EU VAT) or exclusive (added on top: US sales tax),
 * with a rate per tax category, held as parts per million.
 */
import {z} from 'zod';
import {isCountry} from './countries.js';
import {idSchema, PPM, percentSchema} from './fields.js';
import {divideHalfUp} from './arithmetic.js';

const ruleSchema = z
  .object({
    country: z.string().refine(isCountry, {
      message: 'is not an uppercase ISO 3166-1 alpha-2 country code',
    }),
    /** The ISO 3166-2 subdivision code without the country: "CA", "13". */
    region: z
      .string()
      .regex(
        /^[A-Z0-9]{1,3}$/,
        'must be an ISO 3166-2 subdivision code without the country, in uppercase'
      )
      .optional(),
    inclusive: z.boolean().default(false),
    /** Percent per tax category, `standard` required; `zero` is always 0 and not written. */
    rates: z
      .record(idSchema, percentSchema)
      .refine((rates) => 'standard' in rates, 'must have a "standard" rate')
      .refine(
        (rates) => !('zero' in rates),
        '"zero" is always 0 %: leave it out'
      ),
    /** Whether shipping is taxed (at the standard rate). */
    shipping: z.boolean().default(false),
  })
  .strict();

export const taxSchema = z
  .object({rules: z.array(ruleSchema).min(1)})
  .strict()
  .superRefine((tax, ctx) => {
    const seen = new Set<string>();
    tax.rules.forEach((rule, index) => {
      const key = `${rule.country}-${rule.region ?? ''}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', index],
          message: `is a second rule for ${rule.country}${rule.region ? `-${rule.region}` : ''}`,
        });
      }
      seen.add(key);
    });
  });

export type Tax = z.output<typeof taxSchema>;
export type TaxRule = Tax['rules'][number];

/** The rule for an address: its region's, else its country's; none means no tax. */
export function taxRuleFor(
  tax: Tax,
  country: string,
  region: string | undefined
): TaxRule | undefined {
  const wanted = region?.toUpperCase();
  return (
    (wanted !== undefined &&
      tax.rules.find((r) => r.country === country && r.region === wanted)) ||
    tax.rules.find((r) => r.country === country && r.region === undefined)
  );
}

/** The rate (ppm) a rule applies to a category: its own, else the standard one; zero is 0. */
export function rateFor(rule: TaxRule, category: string): number {
  if (category === 'zero') return 0;
  return rule.rates[category] ?? rule.rates.standard;
}

/**
 * The tax on `amount` at `ppm`, rounded half up to a multiple of `step` (10 in three-decimal
 * currencies): added on top when exclusive, the share `amount` already contains when inclusive.
 */
export function taxOn(
  amount: number,
  ppm: number,
  inclusive: boolean,
  step: number
): number {
  const a = BigInt(amount);
  const r = BigInt(ppm);
  const million = BigInt(PPM);
  // exclusive: amount × r / 1e6; inclusive: amount × r / (1e6 + r).
  return (
    divideHalfUp(a * r, (inclusive ? million + r : million) * BigInt(step)) *
    step
  );
}
