/**
 * PayPal's amounts are decimal strings; ours are integer minor units as Stripe counts them
 * (server/money.ts). The conversion is exact both ways, or refused.
 */
import {currencyExponent} from '../../money.js';

// developer.paypal.com/reference/currency-codes: no decimals allowed in `value`.
const PAYPAL_NO_DECIMALS = new Set(['huf', 'jpy', 'twd']);

/**
 * PayPal's `value` string for an amount in minor units: "12.34", or "1234" for currencies
 * PayPal takes without decimals. Returns undefined when the amount cannot be written exactly.
 */
export function toPaypalValue(
  amount: number,
  currency: string
): string | undefined {
  const exponent = currencyExponent(currency);
  const digits = PAYPAL_NO_DECIMALS.has(currency.toLowerCase()) ? 0 : exponent;
  const scale = 10 ** (exponent - digits);
  if (amount % scale !== 0) return undefined;
  const units = BigInt(amount / scale);
  if (digits === 0) return units.toString();
  const padded = units.toString().padStart(digits + 1, '0');
  return `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** The inverse of toPaypalValue: PayPal's decimal string back to minor units, exactly. */
export function fromPaypalValue(
  value: string,
  currency: string
): number | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return undefined;
  const exponent = currencyExponent(currency);
  const [, whole, fraction = ''] = match;
  if (fraction.length > exponent) return undefined;
  const amount = Number(whole + fraction.padEnd(exponent, '0'));
  return Number.isSafeInteger(amount) ? amount : undefined;
}
