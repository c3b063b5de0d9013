/**
 * The currencies a location can take, and the smallest amount Square accepts in each
 * (developer.squareup.com/docs/general-troubleshooting, "EXPECTED_INTEGER": at least 1 in the
 * United States and Canada, at least 100 in Australia, Japan and the United Kingdom). Each
 * location has the currency of its country; a payment in another currency is refused.
 */

/** Currency → the country its default location is in. */
export const LOCATION_COUNTRIES: Readonly<Record<string, string>> = {
  USD: 'US',
  CAD: 'CA',
  GBP: 'GB',
  AUD: 'AU',
  JPY: 'JP',
  EUR: 'IE',
};

const MINIMUM_BY_COUNTRY: Readonly<Record<string, number>> = {
  AU: 100,
  JP: 100,
  GB: 100,
};

export function minimumAmount(currency: string): number {
  const country = LOCATION_COUNTRIES[currency];
  return (country !== undefined ? MINIMUM_BY_COUNTRY[country] : undefined) ?? 1;
}

/** Square's statement prefix on the card statement (`SQ *…`, as in api.json's examples). */
export const STATEMENT_DESCRIPTION = 'SQ *PAY CHECKOUT EMULATOR';

/** Digits after the decimal point: the Web Payments SDK's `amount` is a decimal string. */
export function exponent(currency: string): number {
  return currency === 'JPY' ? 0 : 2;
}

/** `"10.50"` in USD → 1050; `null` when the string is not an amount in that currency. */
export function decimalToMinor(value: string, currency: string): number | null {
  const digits = exponent(currency);
  const pattern =
    digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(value)) return null;
  const [whole, fraction = ''] = value.split('.');
  return (
    Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0)
  );
}
