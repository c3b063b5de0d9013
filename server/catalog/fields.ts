/**
 * What the catalog's sections share: identifiers, amounts in minor units per currency, and
 * percentages turned into integers at load so that no price is ever computed with a float.
 */
import {z} from 'zod';
import {isKnownCurrency, isValidStripeAmount} from '../money.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ID_MESSAGE = 'must be 1–64 letters, digits, ".", "_" or "-"';

export const skuSchema = z.string().regex(ID, ID_MESSAGE);

/** A zone's, a rate's or a tax category's name for machines. */
export const idSchema = z.string().regex(ID, ID_MESSAGE);

const THREE_DECIMAL = ['bhd', 'iqd', 'jod', 'kwd', 'omr', 'tnd'];

/**
 * Whether `amount` is a whole number of `currency`'s minor units that Stripe accepts (three-
 * decimal currencies in steps of 10), or why not.
 */
export function amountProblem(
  amount: number,
  currency: string,
  {positive}: {positive: boolean}
): string | undefined {
  if (isValidStripeAmount(amount, currency) && !(positive && amount === 0)) {
    return undefined;
  }
  return `must be a ${positive ? 'positive' : 'non-negative'} whole number of minor units${
    THREE_DECIMAL.includes(currency) ? ' ending in 0' : ''
  }`;
}

export function currencyProblem(currency: string): string | undefined {
  return /^[a-z]{3}$/.test(currency) && isKnownCurrency(currency)
    ? undefined
    : 'is not a lowercase ISO 4217 currency code';
}

/** Amounts per currency (`{"usd": 500, "eur": 450}`), each checked for its currency. */
export function amountsSchema({positive}: {positive: boolean}) {
  return z.record(z.string(), z.number()).superRefine((amounts, ctx) => {
    for (const [currency, amount] of Object.entries(amounts)) {
      const problem =
        currencyProblem(currency) ??
        amountProblem(amount, currency, {positive});
      if (problem)
        ctx.addIssue({code: 'custom', path: [currency], message: problem});
    }
  });
}

/** One million: rates are parts per million (19 % → 190 000). */
export const PPM = 1_000_000;

/**
 * A percentage as the catalog writes it (`19`, `7.25`, `8.875`: at most 4 decimals, 0–100),
 * read as an integer number of parts per million from its decimal digits, not by multiplying
 * a float.
 */
export const percentSchema = z
  .number()
  .min(0)
  .max(100)
  .refine((n) => /^\d+(\.\d{1,4})?$/.test(String(n)), {
    message: 'must be a percentage with at most 4 decimals',
  })
  .transform((n) => {
    const [whole, fraction = ''] = String(n).split('.');
    return Number(whole) * 10_000 + Number(fraction.padEnd(4, '0'));
  });

/** An ISO 8601 instant with its offset ("2026-01-01T00:00:00Z"), read as ms since the epoch. */
export const instantSchema = z.iso
  .datetime({
    offset: true,
    error: 'must be an ISO 8601 instant such as "2026-01-01T00:00:00Z"',
  })
  .transform((text) => Date.parse(text));
