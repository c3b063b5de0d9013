/**
 * Money is integer minor units everywhere. What a "minor unit" is follows Stripe's rules,
 * because Stripe amounts are what the catalog is written in; PayPal's decimal strings are
 * derived from them at its boundary.
 */

// docs.stripe.com/currencies#zero-decimal
const STRIPE_ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);

// docs.stripe.com/currencies#three-decimal: amounts must end in 0.
const STRIPE_THREE_DECIMAL = new Set([
  'bhd',
  'iqd',
  'jod',
  'kwd',
  'omr',
  'tnd',
]);

// developer.paypal.com/reference/currency-codes: no decimals allowed in `value`.
const PAYPAL_NO_DECIMALS = new Set(['huf', 'jpy', 'twd']);

/** The number of decimal places in one of the currency's minor units, as Stripe counts them. */
export function currencyExponent(currency: string): number {
  const code = currency.toLowerCase();
  if (STRIPE_ZERO_DECIMAL.has(code)) return 0;
  if (STRIPE_THREE_DECIMAL.has(code)) return 3;
  return 2;
}

/** Whether Stripe accepts this amount in this currency (three-decimal ones must end in 0). */
export function isValidStripeAmount(amount: number, currency: string): boolean {
  if (!Number.isSafeInteger(amount) || amount < 0) return false;
  return !STRIPE_THREE_DECIMAL.has(currency.toLowerCase()) || amount % 10 === 0;
}

/** Whether the ISO 4217 code names a real currency (Intl knows the list). */
export function isKnownCurrency(currency: string): boolean {
  const supported: readonly string[] = Intl.supportedValuesOf('currency');
  return supported.includes(currency.toUpperCase());
}

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
