/**
 * The card form's rules, free of the DOM so they can be tested directly: brand detection (with
 * Square's `CardBrand` values), formatting while typing, and the checks Square documents doing
 * in the browser (length, Luhn, an expiry in the future, the CVV's length, a postal code). A
 * card that passes them can still be refused when it is charged (the sandbox's declining cards).
 * The networks' prefixes, lengths, grouping and Luhn are the Stripe fake's too
 * (`shared/browser/card-rules.ts`); Square's names for them and its own checks stay here.
 */
import type {
  CardDetails,
  CardFieldNamesValues,
} from '@square/web-payments-sdk-types';
import {
  NETWORK_LABELS,
  detectNetwork,
  formatExpiry as formatExpiryWith,
  isExpired,
  luhn,
  maxNumberLength as sharedMaxNumberLength,
  numberLengths,
  onlyDigits,
  securityCodeLength,
  type CardNetwork,
} from '../../shared/browser/card-rules.js';

export {
  formatNumber,
  luhn,
  onlyDigits,
} from '../../shared/browser/card-rules.js';

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

/** Square's name for each of the networks the fakes share. */
const SQUARE_BRANDS: Record<CardNetwork, BrandName> = {
  visa: 'VISA',
  mastercard: 'MASTERCARD',
  amex: 'AMERICAN_EXPRESS',
  discover: 'DISCOVER',
  diners: 'DISCOVER_DINERS',
  jcb: 'JCB',
  unionpay: 'CHINA_UNIONPAY',
  unknown: 'OTHER_BRAND',
};

const NETWORKS = Object.fromEntries(
  Object.entries(SQUARE_BRANDS).map(([network, brand]) => [brand, network])
) as Record<BrandName, CardNetwork>;

const networkOf = (brand: Brand): CardNetwork => NETWORKS[brand as BrandName];

export function detectBrand(digits: string): Brand {
  return SQUARE_BRANDS[detectNetwork(digits)] as Brand;
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
  return NETWORK_LABELS[networkOf(brand)];
}

export function maxNumberLength(brand: Brand): number {
  return sharedMaxNumberLength(networkOf(brand));
}

export function cvvLength(brand: Brand): number {
  return securityCodeLength(networkOf(brand));
}

/** "MM/YY" as the buyer types; a leading 2–9 is a month. The slash is not added while deleting. */
export function formatExpiry(value: string, deleting: boolean): string {
  return formatExpiryWith(value, deleting, '/');
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
        numberLengths(detectNetwork(number)).includes(number.length) &&
        luhn(number)
      );
    case 'expirationDate': {
      const digits = onlyDigits(values.expirationDate);
      if (digits.length !== 4) return false;
      const month = Number(digits.slice(0, 2));
      const year = 2000 + Number(digits.slice(2));
      if (month < 1 || month > 12) return false;
      if (year > now.getFullYear() + 20) return false;
      return !isExpired(month, year, now);
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
