/**
 * PayPal's Money (`{currency_code, value}`) as the Orders API checks it. Values are decimal
 * strings; the emulator does its arithmetic in exact hundredths (bigint), never in floats.
 */

// developer.paypal.com/api/rest/reference/currency-codes
export const PAYPAL_CURRENCIES: ReadonlySet<string> = new Set([
  'AUD',
  'BRL',
  'CAD',
  'CNY',
  'CZK',
  'DKK',
  'EUR',
  'HKD',
  'HUF',
  'ILS',
  'JPY',
  'MYR',
  'MXN',
  'TWD',
  'NZD',
  'NOK',
  'PHP',
  'PLN',
  'GBP',
  'SGD',
  'SEK',
  'CHF',
  'THB',
  'USD',
]);

/** "This currency does not support decimals. Passing a decimal amount will throw an error." */
export const NO_DECIMAL_CURRENCIES: ReadonlySet<string> = new Set([
  'HUF',
  'JPY',
  'TWD',
]);

/** The `money.value` pattern of the Orders v2 schema (at most 32 characters). */
export const VALUE_PATTERN = /^((-?[0-9]+)|(-?([0-9]+)?[.][0-9]+))$/;

/** 999999999999999.99, PayPal's MAX_VALUE_EXCEEDED bound, in hundredths. */
export const MAX_HUNDREDTHS = 99_999_999_999_999_999n;

interface Money {
  currency_code: string;
  value: string;
}

export function decimalPlaces(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

/** A value that matched VALUE_PATTERN and has at most two decimals, in hundredths. */
export function toHundredths(value: string): bigint {
  const negative = value.startsWith('-');
  const [whole = '', fraction = ''] = value.replace(/^-/, '').split('.');
  const n =
    BigInt(whole || '0') * 100n + BigInt(fraction.padEnd(2, '0') || '0');
  return negative ? -n : n;
}

/** Hundredths back to PayPal's string: "12.30", or "1230" for currencies without decimals. */
export function formatValue(hundredths: bigint, currency: string): string {
  const negative = hundredths < 0n;
  const n = negative ? -hundredths : hundredths;
  const sign = negative ? '-' : '';
  if (NO_DECIMAL_CURRENCIES.has(currency)) return `${sign}${n / 100n}`;
  const cents = (n % 100n).toString().padStart(2, '0');
  return `${sign}${n / 100n}.${cents}`;
}

export function money(hundredths: bigint, currency: string): Money {
  return {currency_code: currency, value: formatValue(hundredths, currency)};
}

/**
 * PayPal's fee on a capture, for `seller_receivable_breakdown`: 3.49% plus a fixed fee (0.49,
 * or 49 in currencies without decimals), rounded to the currency's precision.
 */
export function paypalFee(gross: bigint, currency: string): bigint {
  const whole = NO_DECIMAL_CURRENCIES.has(currency);
  const fixed = whole ? 4_900n : 49n;
  const unit = whole ? 100n : 1n;
  const percent = (gross * 349n + 5_000n * unit) / (10_000n * unit);
  return percent * unit + fixed;
}
