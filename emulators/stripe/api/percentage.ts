/**
 * Percentages as Stripe takes them (`percent_off`, a TaxRate's `percentage`): decimals sent as
 * strings. Kept as parts per million so that amounts computed from them are integer arithmetic.
 */
import {invalidParams} from './errors.js';
import type {Params} from './form.js';
import {readString} from './params.js';

const PPM = 1_000_000n;

export interface Percentage {
  /** As Stripe answers it: a number. */
  value: number;
  /** The same in parts per million (19 % → 190 000). */
  ppm: number;
}

/** A decimal between `min` (exclusive unless `minInclusive`) and `max`, with at most `decimals` places. */
export function readPercentage(
  params: Params,
  key: string,
  {decimals, minInclusive = false}: {decimals: number; minInclusive?: boolean}
): Percentage | undefined {
  const raw = readString(params, key);
  if (raw === undefined || raw === null) return undefined;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(raw);
  if (!match) throw invalidParams(`Invalid decimal: ${raw}`, key);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > decimals) {
    throw invalidParams(
      `${key} must have at most ${decimals} decimal places.`,
      key
    );
  }
  const value = Number(raw);
  if ((minInclusive ? value < 0 : value <= 0) || value > 100) {
    throw invalidParams(
      minInclusive
        ? `${key} must be between 0 and 100.`
        : `${key} must be greater than 0 and less than or equal to 100.`,
      key
    );
  }
  const ppm =
    Number(match[1]) * 10_000 +
    Number(fraction.padEnd(4, '0').slice(0, 4) || '0');
  return {value, ppm};
}

/** `amount × ppm / 1 000 000`, rounded half up (amounts are never negative). */
export function shareOf(amount: number, ppm: number): number {
  return Number((BigInt(amount) * BigInt(ppm) * 2n + PPM) / (2n * PPM));
}

/** The tax included in `amount` at `ppm`: `amount × ppm / (1 000 000 + ppm)`, rounded half up. */
export function includedShare(amount: number, ppm: number): number {
  const denominator = PPM + BigInt(ppm);
  return Number(
    (BigInt(amount) * BigInt(ppm) * 2n + denominator) / (2n * denominator)
  );
}
