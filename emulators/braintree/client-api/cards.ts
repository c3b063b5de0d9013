/**
 * Tokenising a card on the client API (`POST {clientApiUrl}/v1/payment_methods/credit_cards`,
 * what Hosted Fields posts): checks the fields as the gateway does, with its codes
 * (81714 number required, 81715 invalid, 81716 length, 81709/81710/81712/81713 expiry, 81707 CVV,
 * 81813 postal code), and answers `{creditCards: [{nonce, details, description, type, binData}]}`
 * with a single-use nonce that remembers the card and what a sale with it does. The sandbox's
 * CVV and postal-code values (CVV 200 → N, 201 → U, 301 → S; postal 20000 → N, 20001 → U) set
 * the response codes the transaction shows.
 */
import {
  cardOutcomeOf,
  cardTypeOf,
  lengthValid,
  luhnValid,
  type CardOutcome,
} from '../core/cards.js';
import {issueNonce} from '../core/nonces.js';
import type {
  CardDetails,
  Core,
  NonceRecord,
  PaymentMethod,
} from '../core/state.js';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

type Params = Record<string, unknown>;
const object = (value: unknown): Params =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Params)
    : {};
const text = (value: unknown): string =>
  typeof value === 'string'
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : '';

function expiry(card: Params): {month: string; year: string} | FieldError {
  let month = text(card.expirationMonth);
  let year = text(card.expirationYear);
  const date = text(card.expirationDate);
  if (date) {
    const match = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(date);
    if (!match) {
      return {
        field: 'expirationDate',
        code: '81710',
        message: 'Expiration date is invalid',
      };
    }
    [month, year] = [match[1]!, match[2]!];
  }
  if (!month && !year) {
    return {
      field: 'expirationDate',
      code: '81709',
      message: 'Expiration date is required',
    };
  }
  if (!/^\d{1,2}$/.test(month) || Number(month) < 1 || Number(month) > 12) {
    return {
      field: 'expirationMonth',
      code: '81712',
      message: 'Expiration month is invalid',
    };
  }
  if (year.length === 2) year = `20${year}`;
  if (!/^\d{4}$/.test(year) || Number(year) < 1976 || Number(year) > 2200) {
    return {
      field: 'expirationYear',
      code: '81713',
      message: 'Expiration year is invalid',
    };
  }
  return {month: month.padStart(2, '0'), year};
}

const CVV_CODES: Record<string, string> = {'200': 'N', '201': 'U', '301': 'S'};
const POSTAL_CODES: Record<string, string> = {'20000': 'N', '20001': 'U'};

export type TokenizeResult =
  {ok: true; record: NonceRecord} | {ok: false; errors: FieldError[]};

export function tokenizeCard(core: Core, body: unknown): TokenizeResult {
  const card = object(object(body).creditCard);
  const errors: FieldError[] = [];
  const number = text(card.number).replace(/[\s-]/g, '');
  const type = cardTypeOf(number);
  if (!number) {
    errors.push({
      field: 'number',
      code: '81714',
      message: 'Credit card number is required',
    });
  } else if (!/^\d+$/.test(number)) {
    errors.push({
      field: 'number',
      code: '81715',
      message: 'Credit card number is invalid',
    });
  } else if (!lengthValid(number, type)) {
    errors.push({
      field: 'number',
      code: '81716',
      message: 'Credit card number must be 12-19 digits',
    });
  } else if (!luhnValid(number)) {
    errors.push({
      field: 'number',
      code: '81715',
      message: 'Credit card number is invalid',
    });
  }
  const exp = expiry(card);
  if ('code' in exp) errors.push(exp);
  const cvv = text(card.cvv);
  if (
    cvv &&
    (!/^\d+$/.test(cvv) || cvv.length !== (type === 'American Express' ? 4 : 3))
  ) {
    errors.push({
      field: 'cvv',
      code: '81707',
      message:
        'CVV must be 4 digits for American Express and 3 digits for other card types',
    });
  }
  const postal = text(object(card.billingAddress).postalCode);
  if (postal && !/^[A-Za-z0-9 -]{1,12}$/.test(postal)) {
    errors.push({
      field: 'postalCode',
      code: '81813',
      message:
        'Postal code can only contain letters, numbers, spaces, and hyphens',
    });
  }
  if (errors.length > 0 || 'code' in exp) return {ok: false, errors};

  const now = new Date(core.now());
  const expired =
    Number(exp.year) < now.getUTCFullYear() ||
    (Number(exp.year) === now.getUTCFullYear() &&
      Number(exp.month) < now.getUTCMonth() + 1);
  // An expired card tokenises (options.validate is false) and is declined 2004 when charged.
  const outcome: CardOutcome = expired
    ? {kind: 'decline', code: '2004'}
    : cardOutcomeOf(number);
  const details: CardDetails = {
    bin: number.slice(0, 6),
    last4: number.slice(-4),
    cardType: type,
    expirationMonth: exp.month,
    expirationYear: exp.year,
    cardholderName: text(card.cardholderName) || null,
    postalCode: postal || null,
    prepaid: 'Unknown',
    debit: 'Unknown',
    commercial: 'Unknown',
    healthcare: 'Unknown',
    payroll: 'Unknown',
    durbinRegulated: 'Unknown',
    countryOfIssuance: 'Unknown',
    issuingBank: 'Unknown',
    productId: 'Unknown',
  };
  const method: PaymentMethod = {
    instrument: 'credit_card',
    card: details,
    outcome,
    cvvResponseCode: cvv ? (CVV_CODES[cvv] ?? 'M') : 'I',
    avsPostalCodeResponseCode: postal ? (POSTAL_CODES[postal] ?? 'M') : 'I',
  };
  const record = issueNonce(core, method);
  record.cardNumber = number;
  return {ok: true, record};
}

/** A tokenised card as the client API answers it (braintree-web's tokenize payload). */
export function cardPayload(record: NonceRecord): Record<string, unknown> {
  const card = record.method.card;
  return {
    nonce: record.nonce,
    details: {
      cardType: card.cardType,
      lastFour: card.last4,
      lastTwo: card.last4.slice(-2),
      bin: card.bin,
      expirationMonth: card.expirationMonth,
      expirationYear: card.expirationYear,
      cardholderName: card.cardholderName ?? '',
    },
    description: `ending in ${card.last4.slice(-2)}`,
    type: 'CreditCard',
    binData: {
      prepaid: card.prepaid,
      healthcare: card.healthcare,
      debit: card.debit,
      durbinRegulated: card.durbinRegulated,
      commercial: card.commercial,
      payroll: card.payroll,
      issuingBank: card.issuingBank,
      countryOfIssuance: card.countryOfIssuance,
      productId: card.productId,
    },
  };
}
