/**
 * The card fields' rules as Hosted Fields applies them (braintree-web uses `credit-card-type`
 * and `card-validator`): the brand from the number's prefix, its lengths and security code
 * size, Luhn, an expiry that is this month or later, a postal code of 3 or more characters.
 * Runs in the browser. Its brand table is `credit-card-type`'s, not the one the Stripe and
 * Square fakes share; Luhn, digit grouping and the expiry's month check are shared with them
 * (`shared/browser/card-rules.ts`).
 */
import {
  groupDigits,
  isExpired,
  luhn,
  onlyDigits,
} from '../../shared/browser/card-rules.js';

export interface Brand {
  /** `credit-card-type`'s `type` (`visa`, `master-card`…) and Braintree's `niceType`. */
  type: string;
  niceType: string;
  lengths: number[];
  code: {name: string; size: number};
}

const BRANDS: {pattern: RegExp; brand: Brand}[] = [
  {
    pattern: /^4/,
    brand: {
      type: 'visa',
      niceType: 'Visa',
      lengths: [16, 18, 19],
      code: {name: 'CVV', size: 3},
    },
  },
  {
    pattern: /^(5[1-5]|222[1-9]|22[3-9]|2[3-6]|27[01]|2720)/,
    brand: {
      type: 'master-card',
      niceType: 'Mastercard',
      lengths: [16],
      code: {name: 'CVC', size: 3},
    },
  },
  {
    pattern: /^3[47]/,
    brand: {
      type: 'american-express',
      niceType: 'American Express',
      lengths: [15],
      code: {name: 'CID', size: 4},
    },
  },
  {
    pattern: /^(6011|65|64[4-9]|622)/,
    brand: {
      type: 'discover',
      niceType: 'Discover',
      lengths: [16, 19],
      code: {name: 'CID', size: 3},
    },
  },
  {
    pattern: /^35/,
    brand: {
      type: 'jcb',
      niceType: 'JCB',
      lengths: [16, 17, 18, 19],
      code: {name: 'CVV', size: 3},
    },
  },
  {
    pattern: /^(36|38|30[0-5])/,
    brand: {
      type: 'diners-club',
      niceType: 'Diners Club',
      lengths: [14, 16, 19],
      code: {name: 'CVV', size: 3},
    },
  },
  {
    pattern: /^62/,
    brand: {
      type: 'unionpay',
      niceType: 'UnionPay',
      lengths: [14, 15, 16, 17, 18, 19],
      code: {name: 'CVN', size: 3},
    },
  },
  {
    pattern: /^(5018|5020|5038|5[6-9]|6304|6759|676[1-3])/,
    brand: {
      type: 'maestro',
      niceType: 'Maestro',
      lengths: [12, 13, 14, 15, 16, 17, 18, 19],
      code: {name: 'CVC', size: 3},
    },
  },
];

export const digitsOf = onlyDigits;

export function brandOf(number: string): Brand | undefined {
  return BRANDS.find(({pattern}) => pattern.test(number))?.brand;
}

export interface Validity {
  isValid: boolean;
  /** Could still become valid by typing more (Hosted Fields shows no error yet). */
  isPotentiallyValid: boolean;
}

export function numberValidity(raw: string): Validity {
  const number = digitsOf(raw);
  const brand = brandOf(number);
  const longest = brand ? Math.max(...brand.lengths) : 19;
  const isValid =
    !!brand && brand.lengths.includes(number.length) && luhn(number);
  return {isValid, isPotentiallyValid: isValid || number.length < longest};
}

/** `MM/YY` or `MM/YYYY`: the month and the full year, or nothing. */
export function expiryParts(
  raw: string
): {month: number; year: number} | undefined {
  const digits = digitsOf(raw);
  if (digits.length !== 4 && digits.length !== 6) return undefined;
  const month = Number(digits.slice(0, 2));
  const year = Number(digits.slice(2));
  return {month, year: digits.length === 4 ? 2000 + year : year};
}

export function expiryValidity(raw: string, now = new Date()): Validity {
  const parts = expiryParts(raw);
  const digits = digitsOf(raw);
  if (!parts) {
    const month = Number(digits.slice(0, 2));
    const plausible =
      digits.length < 4 &&
      (digits.length < 2
        ? Number(digits[0] ?? 0) <= 1
        : month >= 1 && month <= 12);
    return {isValid: false, isPotentiallyValid: plausible};
  }
  const {month, year} = parts;
  const isValid =
    month >= 1 &&
    month <= 12 &&
    year <= now.getFullYear() + 19 &&
    !isExpired(month, year, now);
  return {isValid, isPotentiallyValid: isValid};
}

export function cvvValidity(raw: string, brand: Brand | undefined): Validity {
  const cvv = digitsOf(raw);
  const sizes = brand ? [brand.code.size] : [3, 4];
  const isValid =
    sizes.includes(cvv.length) && cvv.length === raw.trim().length;
  return {
    isValid,
    isPotentiallyValid: isValid || cvv.length < Math.max(...sizes),
  };
}

export function postalCodeValidity(raw: string): Validity {
  const value = raw.trim();
  const isValid = value.length >= 3 && value.length <= 10;
  return {isValid, isPotentiallyValid: isValid || value.length < 3};
}

/** `4111 1111 1111 1111`, Amex `3782 822463 10005`. */
export function formatNumber(raw: string): string {
  const number = digitsOf(raw).slice(0, 19);
  return groupDigits(
    number,
    brandOf(number)?.type === 'american-express' ? [4, 6, 9] : [4, 4, 4, 4, 3]
  );
}

/** `12/29` as typed: the slash once the month is whole (not while deleting it). */
export function formatExpiry(raw: string, deleting: boolean): string {
  let digits = digitsOf(raw).slice(0, 6);
  if (digits.length === 1 && Number(digits) > 1) digits = `0${digits}`;
  if (digits.length < 2) return digits;
  if (digits.length === 2) return deleting ? digits : `${digits} / `;
  return `${digits.slice(0, 2)} / ${digits.slice(2)}`;
}
