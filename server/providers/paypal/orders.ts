/**
 * An order in PayPal's terms (its purchase unit: purchase-unit.ts): the currencies PayPal
 * takes, the PayPal-Request-Ids that make creating and capturing idempotent, and what a
 * failed PayPal call means for the buyer.
 */
import {ApiError} from '../../errors.js';
import type {PaypalError} from './types.js';

/** PayPal-Request-Id for creating an order's PayPal order: a network retry cannot create two. */
export function paypalCreateRequestId(orderId: string): string {
  return `pay-checkout-${orderId}-create`;
}

/**
 * PayPal-Request-Id for capturing: the same for every capture of one attempt (a double click
 * or a retry after a timeout gets PayPal's first answer back), new after a failed attempt, so
 * a buyer who chose another card after a decline is not answered with the old decline.
 */
export function paypalCaptureRequestId(
  orderId: string,
  attempt?: string
): string {
  return `pay-checkout-${orderId}-capture${attempt ? `-${attempt}` : ''}`;
}

// developer.paypal.com/reference/currency-codes: the currencies PayPal takes payments in.
export const PAYPAL_CURRENCIES: ReadonlySet<string> = new Set(
  'aud brl cad chf cny czk dkk eur gbp hkd huf ils inr jpy mxn myr nok nzd php pln sek sgd thb twd usd'.split(
    ' '
  )
);

const RESTART_ISSUES = [
  'INSTRUMENT_DECLINED',
  'REDIRECT_PAYER_FOR_ALTERNATE_FUNDING',
];
const REFUSED_ISSUES = [
  'TRANSACTION_REFUSED',
  'PAYER_CANNOT_PAY',
  'TRANSACTION_BLOCKED_BY_PAYEE',
  'MAX_NUMBER_OF_PAYMENT_ATTEMPTS_EXCEEDED',
  'PAYEE_BLOCKED_TRANSACTION',
  'COMPLIANCE_VIOLATION',
];

/**
 * Maps a failed PayPal call to the contract's error. PayPal's own text is never passed on:
 * the codes are ours and stable, so the element can act on them.
 */
export function paypalApiError(error: PaypalError): ApiError {
  if (error.status === 0 || error.status === 429 || error.status >= 500) {
    return new ApiError(
      503,
      'provider_unavailable',
      'The payment provider is not answering; please try again.'
    );
  }
  if (RESTART_ISSUES.some((issue) => error.has(issue))) {
    return new ApiError(
      402,
      'instrument_declined',
      'The payment method was declined; please choose another one.'
    );
  }
  if (REFUSED_ISSUES.some((issue) => error.has(issue))) {
    return new ApiError(402, 'payment_refused', 'PayPal refused this payment.');
  }
  if (error.has('PAYER_ACTION_REQUIRED')) {
    return new ApiError(
      422,
      'payer_action_required',
      'The buyer must complete a step with PayPal before paying.'
    );
  }
  if (error.has('ORDER_NOT_APPROVED')) {
    return new ApiError(
      409,
      'order_not_approved',
      'The buyer has not approved this PayPal payment yet.'
    );
  }
  return new ApiError(
    502,
    'provider_error',
    'The payment provider refused the request.'
  );
}
