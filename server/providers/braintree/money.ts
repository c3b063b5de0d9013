/**
 * Braintree's amounts are decimal strings in the currency's major unit ("10.00", "1000" for
 * JPY); ours are integer minor units (server/money.ts). The conversion is exact both ways, or
 * refused: a transaction is never sent or read at a rounded amount.
 */
import {currencyExponent} from '../../money.js';

/** `amount` minor units as Braintree writes them: "12.34", "1234" for a zero-decimal currency. */
export function toBraintreeAmount(amount: number, currency: string): string {
  const digits = currencyExponent(currency);
  const units = BigInt(amount).toString();
  if (digits === 0) return units;
  const padded = units.padStart(digits + 1, '0');
  return `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/**
 * Braintree's decimal string back to minor units, or undefined when it is not a plain
 * non-negative decimal with at most the currency's decimals. Braintree may drop trailing
 * zeros ("100" in its sample notifications, "250.0" for a disputed amount): both are read.
 */
export function fromBraintreeAmount(
  value: unknown,
  currency: string
): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{1,15})(?:\.(\d{1,6}))?$/.exec(value);
  if (!match) return undefined;
  const digits = currencyExponent(currency);
  const [, whole, fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > digits) return undefined;
  const amount = Number(whole + significant.padEnd(digits, '0'));
  return Number.isSafeInteger(amount) ? amount : undefined;
}
