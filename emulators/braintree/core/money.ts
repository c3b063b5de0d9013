/**
 * Amounts as Braintree takes and gives them: decimal strings, at most the currency's minor
 * units (USD two, JPY none, KWD three), checked and compared as integers of minor units.
 */

const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'ISK',
  'JPY',
  'KMF',
  'KRW',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const THREE_DECIMAL = new Set([
  'BHD',
  'IQD',
  'JOD',
  'KWD',
  'LYD',
  'OMR',
  'TND',
]);

export function minorUnits(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  if (THREE_DECIMAL.has(currency)) return 3;
  return 2;
}

/** The largest amount Braintree accepts on a transaction (81528 "Amount is too large."). */
const MAX_MINOR_DIGITS = 13;

export type AmountCheck =
  | {ok: true; minor: bigint}
  | {ok: false; reason: 'required' | 'format' | 'zero' | 'too_large'};

/** Reads `"10"`, `"10.5"`, `"10.50"`, or a number; refuses more decimals than the currency has. */
export function parseAmount(value: unknown, currency: string): AmountCheck {
  if (value === undefined || value === null || value === '') {
    return {ok: false, reason: 'required'};
  }
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') return {ok: false, reason: 'format'};
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return {ok: false, reason: 'format'};
  const units = minorUnits(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > units && /[1-9]/.test(fraction.slice(units))) {
    return {ok: false, reason: 'format'};
  }
  const digits = (
    match[1]! + fraction.slice(0, units).padEnd(units, '0')
  ).replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_MINOR_DIGITS) return {ok: false, reason: 'too_large'};
  const minor = BigInt(digits);
  if (minor === 0n) return {ok: false, reason: 'zero'};
  return {ok: true, minor};
}

/** `1050n` USD → `"10.50"`; `1050n` JPY → `"1050"`. */
export function formatAmount(minor: bigint, currency: string): string {
  const units = minorUnits(currency);
  if (units === 0) return minor.toString();
  const text = minor.toString().padStart(units + 1, '0');
  return `${text.slice(0, -units)}.${text.slice(-units)}`;
}

/**
 * The test-amount table is in major units with cents (2000.00–2999.99 …), "regardless of the
 * processing currency": the amount's value in hundredths, whatever the currency's precision.
 */
export function hundredths(minor: bigint, currency: string): bigint {
  const units = minorUnits(currency);
  if (units === 2) return minor;
  if (units === 0) return minor * 100n;
  return minor / 10n;
}
