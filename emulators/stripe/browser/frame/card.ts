/**
 * Card-field logic of the Payment Element frame, free of the DOM so it can be tested directly:
 * brand detection, formatting, and validation with Stripe.js's codes and wording.
 */
type CardBrand =
  | 'visa'
  | 'mastercard'
  | 'amex'
  | 'discover'
  | 'diners'
  | 'jcb'
  | 'unionpay'
  | 'unknown';

export type FieldName = 'number' | 'expiry' | 'cvc' | 'postalCode';

export interface FieldError {
  code: string;
  message: string;
}

export const BRAND_NAMES: Record<CardBrand, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  unknown: '',
};

const BRAND_PREFIXES: Array<[CardBrand, RegExp]> = [
  ['visa', /^4/],
  ['mastercard', /^(5[1-5]|222[1-9]|22[3-9]|2[3-6]|27[01]|2720)/],
  ['amex', /^3[47]/],
  ['discover', /^(6011|65|64[4-9])/],
  ['diners', /^(36|30[0-5]|3095|38|39)/],
  ['jcb', /^35/],
  ['unionpay', /^62/],
];

export function detectBrand(digits: string): CardBrand {
  return (
    BRAND_PREFIXES.find(([, prefix]) => prefix.test(digits))?.[0] ?? 'unknown'
  );
}

function numberLengths(brand: CardBrand): number[] {
  if (brand === 'amex') return [15];
  if (brand === 'diners') return [14, 16];
  if (brand === 'unionpay' || brand === 'unknown') return [16, 17, 18, 19];
  return [16];
}

export function maxNumberLength(brand: CardBrand): number {
  return Math.max(...numberLengths(brand));
}

export function cvcLength(brand: CardBrand): number {
  return brand === 'amex' ? 4 : 3;
}

export function onlyDigits(value: string): string {
  return value.replace(/\D/g, '');
}

/** Groups of four, or 4-6-5 for American Express and 4-6-4 for 14-digit Diners Club. */
export function formatNumber(digits: string): string {
  const brand = detectBrand(digits);
  const groups =
    brand === 'amex' || (brand === 'diners' && digits.length <= 14)
      ? [4, 6, 5]
      : [4, 4, 4, 4, 3];
  const parts: string[] = [];
  let start = 0;
  for (const size of groups) {
    if (start >= digits.length) break;
    parts.push(digits.slice(start, start + size));
    start += size;
  }
  return parts.join(' ');
}

/**
 * "MM / YY" as the buyer types: a leading 2–9 is a month (`0`-padded), and the separator is
 * added only while typing forward so that Backspace can remove it.
 */
export function formatExpiry(value: string, deleting: boolean): string {
  let digits = onlyDigits(value).slice(0, 4);
  if (/^[2-9]/.test(digits)) digits = `0${digits}`.slice(0, 4);
  if (digits.length < 2) return digits;
  if (digits.length === 2) return deleting ? digits : `${digits} / `;
  return `${digits.slice(0, 2)} / ${digits.slice(2)}`;
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

export function validateNumber(digits: string): FieldError | null {
  const lengths = numberLengths(detectBrand(digits));
  if (!lengths.includes(digits.length)) {
    return digits.length > Math.max(...lengths)
      ? {code: 'invalid_number', message: 'Your card number is invalid.'}
      : {code: 'incomplete_number', message: 'Your card number is incomplete.'};
  }
  return luhn(digits)
    ? null
    : {code: 'invalid_number', message: 'Your card number is invalid.'};
}

/** `digits` is MMYY; `now` is passed in so tests do not depend on the calendar. */
export function validateExpiry(digits: string, now: Date): FieldError | null {
  if (digits.length < 4) {
    return {
      code: 'incomplete_expiry',
      message: "Your card's expiration date is incomplete.",
    };
  }
  const month = Number(digits.slice(0, 2));
  const year = 2000 + Number(digits.slice(2, 4));
  const thisYear = now.getFullYear();
  if (month < 1 || month > 12) {
    return {
      code: 'invalid_expiry_month',
      message: "Your card's expiration date is invalid.",
    };
  }
  if (year < thisYear) {
    return {
      code: 'invalid_expiry_year_past',
      message: "Your card's expiration year is in the past.",
    };
  }
  if (year === thisYear && month < now.getMonth() + 1) {
    return {
      code: 'invalid_expiry_month_past',
      message: "Your card's expiration date is in the past.",
    };
  }
  if (year > thisYear + 50) {
    return {
      code: 'invalid_expiry_year',
      message: "Your card's expiration year is invalid.",
    };
  }
  return null;
}

export function validateCvc(
  digits: string,
  brand: CardBrand
): FieldError | null {
  return digits.length >= cvcLength(brand)
    ? null
    : {
        code: 'incomplete_cvc',
        message: "Your card's security code is incomplete.",
      };
}

/** US ZIP codes are five digits; elsewhere we only know a postal code is not this short. */
export function validatePostalCode(
  value: string,
  us: boolean
): FieldError | null {
  const complete = us
    ? /^\d{5}(-?\d{4})?$/.test(value.trim())
    : value.trim().length >= 3;
  return complete
    ? null
    : {code: 'incomplete_zip', message: 'Your postal code is incomplete.'};
}
