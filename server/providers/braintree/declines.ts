/**
 * A sale Braintree did not make, in the contract's terms. `transaction.sale` *resolves* with
 * `success: false` for processor declines, gateway rejections and validation errors alike
 * (braintree_node#130; `errors.deepErrors()` is empty for the first two, #37); only transport
 * and HTTP failures reject. Braintree's text never reaches the buyer: it goes to the log.
 * Codes: developer.paypal.com/braintree/docs/reference/general/processor-responses/authorization-responses
 * and …/reference/general/validation-errors/all/node.
 */
import type {DeclineCode} from '../../contract.js';
import {ApiError} from '../../errors.js';

const declined = (message: string, declineCode?: DeclineCode) =>
  new ApiError(402, 'card_declined', message, undefined, declineCode);
const refused = (message: string) =>
  new ApiError(402, 'payment_refused', message);

const GENERIC_DECLINE = 'The card was declined. Please use another card.';

/** Processor responses (2000–2999) whose cause the buyer can act on, in our words. */
const PROCESSOR_DECLINES: Readonly<Record<string, string>> = {
  '2001': 'The card was declined for insufficient funds.',
  '2002': 'The card was declined: its limit is exceeded.',
  '2003': 'The card was declined: its activity limit is exceeded.',
  '2004': 'The card has expired.',
  '2005': 'The card number is not valid.',
  '2006': 'The card expiry date is not valid.',
  '2008': 'The card number is not valid.',
  '2010': 'The card was declined: the security code (CVV) did not match.',
  '2024': 'This type of card is not accepted. Please use another card.',
  '2059': 'The card was declined: the billing address did not match.',
  '2060':
    'The card was declined: the billing address and the security code (CVV) did not match.',
  '2099':
    "The card's bank asks for authentication (3-D Secure). Please try again.",
};

/** The contract's reason for a processor decline, where one says what the buyer can fix (2060 names two fields: none). */
const PROCESSOR_DECLINE_CODES: Readonly<Record<string, DeclineCode>> = {
  '2001': 'insufficient_funds', // Insufficient Funds
  '2004': 'expired_card', // Expired Card
  '2005': 'card_not_supported', // Invalid Credit Card Number
  '2006': 'incorrect_expiry', // Invalid Expiration Date
  '2008': 'card_not_supported', // Card Account Length Error
  '2010': 'incorrect_cvc', // Card Issuer Declined CVV
  '2024': 'card_not_supported', // Card Type Not Enabled
  '2059': 'incorrect_postal_code', // Address Verification Failed
  '2099': 'authentication_required', // Cardholder Authentication Required
};

/** Gateway rejections (Transaction.GatewayRejectionReason), in our words. */
function rejection(reason: unknown): ApiError {
  switch (reason) {
    case 'cvv':
      return declined(
        'The card was declined: the security code (CVV) did not match.',
        'incorrect_cvc'
      );
    case 'avs':
      return declined(
        'The card was declined: the billing postal code did not match.',
        'incorrect_postal_code'
      );
    case 'avs_and_cvv':
      return declined(
        'The card was declined: the billing postal code and the security code (CVV) did not match.'
      );
    case 'three_d_secure':
      return declined(
        'The card could not be authenticated (3-D Secure).',
        'authentication_required'
      );
    case 'duplicate':
      return refused(
        'This payment looks like a duplicate of a recent one, so it was refused.'
      );
    case 'application_incomplete':
      // The merchant's Braintree account cannot take payments yet: nothing the buyer can do.
      return new ApiError(
        502,
        'provider_error',
        'The payment provider refused the request.'
      );
    default:
      // fraud, risk_threshold, token_issuance, and any reason added later.
      return refused(
        'The payment was refused. Please use another payment method.'
      );
  }
}

/** Validation errors about the payment method the browser sent (a nonce used, unknown, or not a card). */
const PAYMENT_METHOD_ERRORS = new Set([
  '91564', // the nonce was consumed
  '91565', // unknown nonce
  '91508', // cannot determine the payment method
  '93103', // a nonce is required
  '93108', // unknown or expired nonce
  '81714', // credit card number invalid
  '81715', // credit card number must be 12–19 digits
  '81736', // CVV verification failed
  '81709', // expiration date required
  '81710', // expiration date invalid
]);

/** What the SDK's failed result says, as far as we read it. */
export interface FailedSale {
  message?: unknown;
  transaction?: {
    id?: unknown;
    status?: unknown;
    processorResponseCode?: unknown;
    processorResponseType?: unknown;
    gatewayRejectionReason?: unknown;
  };
  errors?: {deepErrors?(): Array<{code?: unknown; attribute?: unknown}>};
}

/** The validation error codes of a failed result (none for declines and rejections). */
export function validationCodes(result: FailedSale): string[] {
  try {
    return (result.errors?.deepErrors?.() ?? []).map((error) =>
      String(error.code)
    );
  } catch {
    return [];
  }
}

/** The contract's error for a sale that did not succeed. */
export function saleError(result: FailedSale): ApiError {
  const transaction = result.transaction;
  switch (transaction?.status) {
    case 'processor_declined': {
      const code = String(transaction.processorResponseCode ?? '');
      return declined(
        Object.hasOwn(PROCESSOR_DECLINES, code)
          ? PROCESSOR_DECLINES[code]
          : GENERIC_DECLINE,
        Object.hasOwn(PROCESSOR_DECLINE_CODES, code)
          ? PROCESSOR_DECLINE_CODES[code]
          : undefined
      );
    }
    case 'gateway_rejected':
      return rejection(transaction.gatewayRejectionReason);
    case 'failed':
      // 3000: the processor's network did not answer; the buyer may try again.
      return new ApiError(
        503,
        'provider_unavailable',
        'The card network is not answering; please try again.'
      );
  }
  const codes = validationCodes(result);
  if (codes.some((code) => PAYMENT_METHOD_ERRORS.has(code)))
    return new ApiError(
      400,
      'invalid_request',
      'The payment details can no longer be used; please enter them again.'
    );
  // Anything else (an amount, a merchant account, a field we sent) is ours to fix, not the buyer's.
  return new ApiError(
    502,
    'provider_error',
    'The payment provider refused the request.'
  );
}

/**
 * A rejected SDK call (no result at all) in the contract's terms: the SDK's error types
 * (`braintree.errorTypes`). No answer, a timeout or a 5xx leave the outcome unknown.
 */
export function braintreeCallError(error: unknown): ApiError {
  const type = (error as {type?: unknown} | null)?.type;
  if (
    type === 'unexpectedError' ||
    type === 'serverError' ||
    type === 'serviceUnavailableError' ||
    type === 'gatewayTimeoutError' ||
    type === 'requestTimeoutError' ||
    type === 'tooManyRequestsError'
  )
    return new ApiError(
      503,
      'provider_unavailable',
      'The payment provider is not answering; please try again.'
    );
  return new ApiError(
    502,
    'provider_error',
    'The payment provider refused the request.'
  );
}

/** Whether a failed call may have reached Braintree and done its work all the same. */
export function outcomeUnknown(error: ApiError): boolean {
  return error.code === 'provider_unavailable';
}
