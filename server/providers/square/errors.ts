/**
 * What a failed Square call means for the buyer, in the contract's terms. Square's codes
 * (developer.squareup.com/docs/payments-api/error-codes; the SDK's ErrorCode) are read here;
 * its `detail` text is never passed on: it goes to the log at most, by code.
 */
import {SquareError, SquareTimeoutError} from 'square';
import type {DeclineCode} from '../../contract.js';
import {ApiError} from '../../errors.js';

/** A failed call as the log may show it: Square's status and codes, never its text. */
export interface SquareFailure {
  status?: number;
  codes: string[];
  categories: string[];
  /** The payment Square created anyway (a decline answers one with status FAILED). */
  paymentId?: string;
  /** No answer at all: a timeout or a broken connection. */
  unanswered: boolean;
}

export function squareFailure(error: unknown): SquareFailure | undefined {
  if (error instanceof SquareTimeoutError)
    return {codes: [], categories: [], unanswered: true};
  if (!(error instanceof SquareError)) return undefined;
  const errors = Array.isArray(error.errors) ? error.errors : [];
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  // The body is Square's raw snake_case JSON: `payment.id` of a FAILED payment.
  const body = error.body as {payment?: {id?: unknown}} | undefined;
  const paymentId =
    typeof body === 'object' && body !== null
      ? text(body.payment?.id) || undefined
      : undefined;
  return {
    status: error.statusCode,
    codes: errors.map((e) => text(e?.code)).filter(Boolean),
    categories: errors.map((e) => text(e?.category)).filter(Boolean),
    paymentId,
    unanswered: error.statusCode === undefined,
  };
}

const unavailable = () =>
  new ApiError(
    503,
    'provider_unavailable',
    'The payment provider is not answering; please try again.'
  );

const declined = (message: string, declineCode?: DeclineCode) =>
  new ApiError(402, 'card_declined', message, undefined, declineCode);

// Each decline in our words, and (where the buyer can act on it) its reason as the contract
// names it: the element shows its own sentence for that, in the buyer's language.
const DECLINES: ReadonlyArray<
  [readonly string[], string, DeclineCode | undefined]
> = [
  [
    ['INSUFFICIENT_FUNDS'],
    'The card was declined: not enough funds.',
    'insufficient_funds',
  ],
  [
    ['CVV_FAILURE', 'VERIFY_CVV_FAILURE'],
    'The card was declined: the security code (CVV) is not right.',
    'incorrect_cvc',
  ],
  [
    [
      'ADDRESS_VERIFICATION_FAILURE',
      'VERIFY_AVS_FAILURE',
      'INVALID_POSTAL_CODE',
    ],
    'The card was declined: the postal code does not match the card.',
    'incorrect_postal_code',
  ],
  [
    ['CARD_EXPIRED'],
    'The card was declined: the card has expired.',
    'expired_card',
  ],
  [
    [
      'INVALID_EXPIRATION',
      'INVALID_EXPIRATION_DATE',
      'INVALID_EXPIRATION_YEAR',
      'EXPIRATION_FAILURE',
      'BAD_EXPIRATION',
    ],
    'The card was declined: the expiry date is not right, or the card has expired.',
    'incorrect_expiry',
  ],
  [
    ['CARD_DECLINED_VERIFICATION_REQUIRED'],
    'The card was declined: the bank asks the buyer to verify this payment; please pay again and complete the check.',
    'authentication_required',
  ],
  [
    ['CARD_TOKEN_USED', 'CARD_TOKEN_EXPIRED', 'SOURCE_USED', 'SOURCE_EXPIRED'],
    'The card details can no longer be used; please enter the card again.',
    undefined,
  ],
  [
    ['CARD_DECLINED_CALL_ISSUER'],
    'The card was declined: the buyer should call the bank that issued it.',
    undefined,
  ],
  [
    ['TRANSACTION_LIMIT', 'PAYMENT_LIMIT_EXCEEDED', 'AMOUNT_TOO_HIGH'],
    'The card was declined: the amount is over the card’s limit.',
    undefined,
  ],
  [
    [
      'INVALID_CARD',
      'INVALID_CARD_DATA',
      'PAN_FAILURE',
      'INVALID_ACCOUNT',
      'CARD_NOT_SUPPORTED',
      'UNSUPPORTED_CARD_BRAND',
      'INVALID_ENCRYPTED_CARD',
    ],
    'The card was declined: the card number is not valid, or this card cannot be used here.',
    'card_not_supported',
  ],
];

/** The decline a failure is, if it is one (any PAYMENT_METHOD_ERROR is). */
export function squareDecline(failure: SquareFailure): ApiError | undefined {
  for (const [codes, message, declineCode] of DECLINES) {
    if (failure.codes.some((code) => codes.includes(code)))
      return declined(message, declineCode);
  }
  if (
    failure.categories.includes('PAYMENT_METHOD_ERROR') ||
    failure.codes.some((code) =>
      ['GENERIC_DECLINE', 'CARD_DECLINED'].includes(code)
    )
  )
    return declined('The card was declined.');
  return undefined;
}

/** Whether no usable answer came: a timeout, a broken connection, a 408, 429 or 5xx, Square's TEMPORARY_ERROR. */
function isUnavailable(failure: SquareFailure): boolean {
  const {status} = failure;
  return (
    failure.unanswered ||
    status === 408 ||
    status === 429 ||
    (status !== undefined && status >= 500) ||
    failure.codes.includes('TEMPORARY_ERROR') ||
    failure.categories.includes('RATE_LIMIT_ERROR')
  );
}

/**
 * Square answered CreatePayment with a client error that is not a decline and not a reused key
 * (whose first request may have made a payment): the request was refused, no payment exists.
 * A timeout, a 408, a 429 or a 5xx may have made one; squarePaymentError calls them unavailable.
 */
export function refusedRequest(failure: SquareFailure): boolean {
  const {status} = failure;
  return (
    !failure.unanswered &&
    status !== undefined &&
    status >= 400 &&
    status < 500 &&
    status !== 408 &&
    status !== 429 &&
    !failure.codes.includes('IDEMPOTENCY_KEY_REUSED')
  );
}

/** A failed CreatePayment in the contract's terms. */
export function squarePaymentError(failure: SquareFailure): ApiError {
  if (isUnavailable(failure)) return unavailable();
  return (
    squareDecline(failure) ??
    new ApiError(
      502,
      'provider_error',
      'The payment provider refused the request.'
    )
  );
}

/**
 * A failed RefundPayment in the contract's terms (the REFUND_ERROR codes of Square's list).
 * No answer is provider_unavailable: the refund may exist, its key asks again.
 */
export function squareRefundError(failure: SquareFailure): ApiError {
  if (isUnavailable(failure)) return unavailable();
  const has = (...codes: string[]) =>
    failure.codes.some((code) => codes.includes(code));
  if (has('REFUND_AMOUNT_INVALID', 'AMOUNT_TOO_HIGH'))
    return new ApiError(
      422,
      'refund_amount_too_large',
      'The payment provider says less is left to refund.'
    );
  if (
    has(
      'PAYMENT_NOT_REFUNDABLE',
      'PAYMENT_NOT_REFUNDABLE_DUE_TO_DISPUTE',
      'REFUND_ERROR_PAYMENT_NEEDS_COMPLETION',
      'REFUND_DECLINED',
      'REFUND_ALREADY_PENDING'
    )
  )
    return new ApiError(
      409,
      'order_not_refundable',
      'The payment provider says this payment cannot be refunded.'
    );
  return new ApiError(
    502,
    'provider_error',
    'The payment provider refused the refund.'
  );
}
