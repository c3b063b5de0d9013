/**
 * Card-field logic of the Payment Element frame, free of the DOM so it can be tested directly:
 * validation with Stripe.js's codes and wording. Brand detection, lengths and formatting are the
 * ones the Square fake applies too (`shared/browser/card-rules.ts`).
 */
import {
  NETWORK_LABELS,
  detectNetwork,
  formatExpiry as formatExpiryWith,
  isExpired,
  luhn,
  numberLengths,
  securityCodeLength,
  type CardNetwork,
} from '../../../shared/browser/card-rules.js';

export {
  detectNetwork as detectBrand,
  formatNumber,
  luhn,
  maxNumberLength,
  onlyDigits,
  securityCodeLength as cvcLength,
} from '../../../shared/browser/card-rules.js';

/** Stripe.js's brand values are the shared networks' names (`visa`, `amex`, `unknown`…). */
type CardBrand = CardNetwork;

export type FieldName = 'number' | 'expiry' | 'cvc' | 'postalCode';

export interface FieldError {
  code: string;
  message: string;
}

export const BRAND_NAMES: Record<CardBrand, string> = NETWORK_LABELS;

/** "MM / YY" as the buyer types (Stripe.js's spaced slash). */
export function formatExpiry(value: string, deleting: boolean): string {
  return formatExpiryWith(value, deleting, ' / ');
}

export function validateNumber(digits: string): FieldError | null {
  const lengths = numberLengths(detectNetwork(digits));
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
  if (isExpired(month, year, now)) {
    return year < thisYear
      ? {
          code: 'invalid_expiry_year_past',
          message: "Your card's expiration year is in the past.",
        }
      : {
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
  return digits.length >= securityCodeLength(brand)
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
