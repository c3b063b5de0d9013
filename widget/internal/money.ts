/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * Money is integer minor units everywhere; it becomes a decimal only here, for display.
 * The currency's exponent comes from Intl (ISO 4217): 2 for USD, 0 for JPY, 3 for KWD.
 */

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formatters.get(key);
  if (!format) {
    const options = {
      style: 'currency',
      currency: currency.toUpperCase(),
    } as const;
    try {
      format = new Intl.NumberFormat(locale || undefined, options);
    } catch {
      // An invalid locale tag throws a RangeError; the runtime's default locale still
      // formats the currency correctly.
      format = new Intl.NumberFormat(undefined, options);
    }
    formatters.set(key, format);
  }
  return format;
}

/** Formats integer minor units, e.g. `formatMoney(1234, 'usd', 'en')` → `$12.34`. */
export function formatMoney(
  minor: number,
  currency: string,
  locale: string
): string {
  const format = formatter(locale, currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}
