/**
 * The card form's rules, free of the DOM so they can be tested directly: brand detection (with
 * Square's `CardBrand` values), formatting while typing, and the checks Square documents doing
 * in the browser (length, Luhn, an expiry in the future, the CVV's length, a postal code). A
 * card that passes them can still be refused when it is charged (the sandbox's declining cards).
 */
import type {
  CardDetails,
  CardFieldNamesValues,
} from '@square/web-payments-sdk-types';

/** `CardBrand` is a declared enum in the types; these are its values. */
export type Brand = CardDetails['brand'];
type BrandName =
  | 'VISA'
  | 'MASTERCARD'
  | 'AMERICAN_EXPRESS'
  | 'DISCOVER'
  | 'DISCOVER_DINERS'
  | 'JCB'
  | 'CHINA_UNIONPAY'
  | 'OTHER_BRAND';

export const FIELDS: readonly CardFieldNamesValues[] = [
  'cardNumber',
  'expirationDate',
  'cvv',
  'postalCode',
];

const PREFIXES: Array<[BrandName, RegExp]> = [
  ['VISA', /^4/],
  ['MASTERCARD', /^(5[1-5]|222[1-9]|22[3-9]|2[3-6]|27[01]|2720)/],
  ['AMERICAN_EXPRESS', /^3[47]/],
  ['DISCOVER_DINERS', /^(36|30[0-5]|3095|38|39)/],
  ['DISCOVER', /^(6011|65|64[4-9])/],
  ['JCB', /^35/],
  ['CHINA_UNIONPAY', /^62/],
];

export function detectBrand(digits: string): Brand {
  const name =
    PREFIXES.find(([, prefix]) => prefix.test(digits))?.[0] ?? 'OTHER_BRAND';
  return name as Brand;
}

/**
 * The brand as `cardBrandChanged` reports it (`detail.cardBrand`): the names Square's card
 * form has always used in its input events (SqPaymentForm's `cardBrand`), not the token's
 * upper-case `CardBrand`.
 */
export function eventBrandName(brand: Brand): string {
  const names: Record<BrandName, string> = {
    VISA: 'visa',
    MASTERCARD: 'masterCard',
    AMERICAN_EXPRESS: 'americanExpress',
    DISCOVER: 'discover',
    DISCOVER_DINERS: 'discoverDiners',
    JCB: 'JCB',
    CHINA_UNIONPAY: 'chinaUnionPay',
    OTHER_BRAND: 'unknown',
  };
  return names[brand as BrandName];
}

/** What the card shows next to the number once the brand is known. */
export function brandLabel(brand: Brand): string {
  const labels: Record<BrandName, string> = {
    VISA: 'Visa',
    MASTERCARD: 'Mastercard',
    AMERICAN_EXPRESS: 'American Express',
    DISCOVER: 'Discover',
    DISCOVER_DINERS: 'Diners Club',
    JCB: 'JCB',
    CHINA_UNIONPAY: 'UnionPay',
    OTHER_BRAND: '',
  };
  return labels[brand as BrandName];
}

function numberLengths(brand: Brand): number[] {
  switch (brand as BrandName) {
    case 'AMERICAN_EXPRESS':
      return [15];
    case 'DISCOVER_DINERS':
      return [14, 16];
    case 'CHINA_UNIONPAY':
    case 'OTHER_BRAND':
      return [16, 17, 18, 19];
    default:
      return [16];
  }
}

export function maxNumberLength(brand: Brand): number {
  return Math.max(...numberLengths(brand));
}

export function cvvLength(brand: Brand): number {
  return (brand as BrandName) === 'AMERICAN_EXPRESS' ? 4 : 3;
}

export function onlyDigits(value: string): string {
  return value.replace(/\D/g, '');
}

/** Groups of four, or 4-6-5 for American Express and 4-6-4 for 14-digit Diners Club. */
export function formatNumber(digits: string): string {
  const brand = detectBrand(digits) as BrandName;
  const groups =
    brand === 'AMERICAN_EXPRESS' ||
    (brand === 'DISCOVER_DINERS' && digits.length <= 14)
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

/** "MM/YY" as the buyer types; a leading 2–9 is a month. The slash is not added while deleting. */
export function formatExpiry(value: string, deleting: boolean): string {
  let digits = onlyDigits(value).slice(0, 4);
  if (/^[2-9]/.test(digits)) digits = `0${digits}`.slice(0, 4);
  if (digits.length < 2) return digits;
  if (digits.length === 2) return deleting ? digits : `${digits}/`;
  return `${digits.slice(0, 2)}/${digits.slice(2)}`;
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

export interface CardValues {
  cardNumber: string;
  expirationDate: string;
  cvv: string;
  postalCode: string;
}

/** Whether one field is right; `now` is passed in so that tests do not depend on the calendar. */
export function isFieldValid(
  field: CardFieldNamesValues,
  values: CardValues,
  now: Date
): boolean {
  const number = onlyDigits(values.cardNumber);
  switch (field) {
    case 'cardNumber':
      return (
        numberLengths(detectBrand(number)).includes(number.length) &&
        luhn(number)
      );
    case 'expirationDate': {
      const digits = onlyDigits(values.expirationDate);
      if (digits.length !== 4) return false;
      const month = Number(digits.slice(0, 2));
      const year = 2000 + Number(digits.slice(2));
      if (month < 1 || month > 12) return false;
      const thisYear = now.getFullYear();
      if (year > thisYear + 20) return false;
      return (
        year > thisYear || (year === thisYear && month >= now.getMonth() + 1)
      );
    }
    case 'cvv':
      return new RegExp(`^\\d{${cvvLength(detectBrand(number))}}$`).test(
        values.cvv
      );
    case 'postalCode':
      return /^[\p{L}\p{N}][\p{L}\p{N} -]{1,9}$/u.test(
        values.postalCode.trim()
      );
  }
}

/** Each field that is not right, in the form's order. */
export function invalidFields(
  values: CardValues,
  now: Date
): CardFieldNamesValues[] {
  return FIELDS.filter((field) => !isFieldValid(field, values, now));
}
