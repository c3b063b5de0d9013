/**
 * The card rules the gateways' browser fakes apply alike, free of the DOM so they can be tested
 * directly: Luhn, grouping a number's digits, formatting an expiry while typing and whether it
 * is past. The networks' prefixes, lengths and security-code sizes are here as Stripe.js and
 * Square's card form apply them (the two agree); each fake keeps its own names for the brands
 * and its own wording. Braintree's Hosted Fields follow `credit-card-type`, whose table differs
 * (Maestro, Discover's 622, more lengths), so that fake keeps its own table. Runs in the browser.
 */

export type CardNetwork =
  | 'visa'
  | 'mastercard'
  | 'amex'
  | 'discover'
  | 'diners'
  | 'jcb'
  | 'unionpay'
  | 'unknown';

/** What a card shows next to the number once its network is known. */
export const NETWORK_LABELS: Record<CardNetwork, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  unknown: '',
};

const NETWORK_PREFIXES: Array<[CardNetwork, RegExp]> = [
  ['visa', /^4/],
  ['mastercard', /^(5[1-5]|222[1-9]|22[3-9]|2[3-6]|27[01]|2720)/],
  ['amex', /^3[47]/],
  ['discover', /^(6011|65|64[4-9])/],
  ['diners', /^(36|30[0-5]|3095|38|39)/],
  ['jcb', /^35/],
  ['unionpay', /^62/],
];

export function detectNetwork(digits: string): CardNetwork {
  return (
    NETWORK_PREFIXES.find(([, prefix]) => prefix.test(digits))?.[0] ?? 'unknown'
  );
}

export function numberLengths(network: CardNetwork): number[] {
  if (network === 'amex') return [15];
  if (network === 'diners') return [14, 16];
  if (network === 'unionpay' || network === 'unknown') return [16, 17, 18, 19];
  return [16];
}

export function maxNumberLength(network: CardNetwork): number {
  return Math.max(...numberLengths(network));
}

export function securityCodeLength(network: CardNetwork): number {
  return network === 'amex' ? 4 : 3;
}

export function onlyDigits(value: string): string {
  return value.replace(/\D/g, '');
}

/** `digits` in groups of these sizes, separated by spaces; digits past the last group are dropped. */
export function groupDigits(digits: string, sizes: readonly number[]): string {
  const parts: string[] = [];
  let start = 0;
  for (const size of sizes) {
    if (start >= digits.length) break;
    parts.push(digits.slice(start, start + size));
    start += size;
  }
  return parts.join(' ');
}

/** Groups of four, or 4-6-5 for American Express and 4-6-4 for 14-digit Diners Club. */
export function formatNumber(digits: string): string {
  const network = detectNetwork(digits);
  return groupDigits(
    digits,
    network === 'amex' || (network === 'diners' && digits.length <= 14)
      ? [4, 6, 5]
      : [4, 4, 4, 4, 3]
  );
}

/**
 * MMYY as the buyer types, with the provider's separator (`' / '`, `'/'`): a leading 2–9 is a
 * month (`0`-padded), and the separator is added only while typing forward so that Backspace
 * can remove it.
 */
export function formatExpiry(
  value: string,
  deleting: boolean,
  separator: string
): string {
  let digits = onlyDigits(value).slice(0, 4);
  if (/^[2-9]/.test(digits)) digits = `0${digits}`.slice(0, 4);
  if (digits.length < 2) return digits;
  if (digits.length === 2) return deleting ? digits : `${digits}${separator}`;
  return `${digits.slice(0, 2)}${separator}${digits.slice(2)}`;
}

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * A card expiring in `month` (1–12) of `year` (four digits) is good to the end of that month;
 * `now` is passed in so that tests do not depend on the calendar.
 */
export function isExpired(month: number, year: number, now: Date): boolean {
  const thisYear = now.getFullYear();
  return year < thisYear || (year === thisYear && month < now.getMonth() + 1);
}
