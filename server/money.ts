/**
 * Money is integer minor units everywhere. What a "minor unit" is follows Stripe's rules,
 * because Stripe amounts are what the catalog is written in; PayPal's decimal strings are
 * derived from them at its boundary (providers/paypal/money.ts).
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
