/**
 * Amounts and currencies as Stripe checks them: integers in the currency's smallest unit,
 * within Stripe's documented minimum (docs.stripe.com/currencies#minimum-and-maximum-charge-amounts)
 * and its eight-digit maximum, and currencies as ISO 4217 codes (answered in lowercase).
 */
import {invalidParams, missingParameter} from './errors.js';
import type {Params} from './form.js';
import {readInteger} from './params.js';

// Stripe's zero-decimal and three-decimal currencies (docs.stripe.com/currencies).
const ZERO_DECIMAL = new Set(
  'bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf'.split(' ')
);
const THREE_DECIMAL = new Set('bhd jod kwd omr tnd'.split(' '));

// Minimum charge amounts, in minor units, for the currencies Stripe lists one for.
const MINIMUMS: Record<string, number> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
};
const MAXIMUM = 99_999_999;

const SUPPORTED = new Set(
  Intl.supportedValuesOf('currency').map((c) => c.toLowerCase())
);

export function decimalsOf(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  return THREE_DECIMAL.has(currency) ? 3 : 2;
}

/** `$25.00`, `€0.50`, `¥500`: the way Stripe quotes amounts in its error messages. */
export function formatAmount(amount: number, currency: string): string {
  const digits = decimalsOf(currency);
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount / 10 ** digits);
}

/** `name` is the parameter's full name in errors (`line_items[0][price_data][currency]`). */
export function readCurrency(
  params: Params,
  key = 'currency',
  name = key
): string | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw missingParameter(name);
  // Stripe documents lowercase codes and accepts any case; it always answers in lowercase.
  const code = value.toLowerCase();
  if (!/^[a-z]{3}$/.test(code) || !SUPPORTED.has(code)) {
    throw invalidParams(
      `Invalid currency: ${value}. Stripe currently supports these currencies: usd, eur, gbp, jpy, cad, aud, …`,
      name
    );
  }
  return code;
}

/** A positive integer, in the currency's smallest unit. */
export function readAmount(params: Params, key = 'amount'): number | undefined {
  const amount = readInteger(params, key);
  if (amount === undefined) return undefined;
  if (amount < 1) {
    throw invalidParams(
      'This value must be greater than or equal to 1.',
      key,
      'parameter_invalid_integer'
    );
  }
  return amount;
}

/** Stripe's minimum charge in `currency`, in minor units, where it lists one. */
export function minimumCharge(currency: string): number | undefined {
  return MINIMUMS[currency];
}

export function checkChargeAmount(
  amount: number,
  currency: string,
  param = 'amount'
) {
  const minimum = MINIMUMS[currency];
  if (minimum !== undefined && amount < minimum) {
    throw invalidParams(
      `Amount must be at least ${formatAmount(minimum, currency)} ${currency}`,
      param,
      'amount_too_small'
    );
  }
  if (amount > MAXIMUM) {
    throw invalidParams(
      `Amount must be no more than ${formatAmount(MAXIMUM, currency)}`,
      param,
      'amount_too_large'
    );
  }
}
