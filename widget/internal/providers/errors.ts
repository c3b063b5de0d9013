/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * Errors as the lazily loaded provider controllers (Stripe's, PayPal's) make and read them:
 * plain coded Errors, read the way the element reads the API client's `ApiError` (a `code`).
 * Only the provider chunks use this module, through ./shared.ts.
 */
import type {DeclineCode, Quote} from '../../contract.js';
import type {PaymentOutcome} from './provider.js';

/** A failure with a code the element has a message for. */
export function providerError(
  code: string,
  message: string
): Error & {code: string} {
  return Object.assign(new Error(message), {code});
}

/** The snake_case code of a coded error (an `ApiError`, a `providerError`), if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as {code?: unknown} | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The contract's decline reasons: each has a sentence in every language (../locales/*.ts). */
const DECLINE_CODES: ReadonlySet<string> = new Set<DeclineCode>([
  'insufficient_funds',
  'expired_card',
  'incorrect_expiry',
  'incorrect_cvc',
  'incorrect_postal_code',
  'card_not_supported',
  'authentication_required',
]);

/** A card's decline: `card_declined` or one of its reasons. */
export const isCardDecline = (code: string): boolean =>
  code === 'card_declined' || DECLINE_CODES.has(code);

/**
 * What the server's refusal to create an order means for the attempt: `price_changed` carries
 * the new quote, a card_declined with a known `declineCode` is that reason (its own sentence,
 * localised; the server's message is English only), anything else is a failure with the
 * server's code. An error without a code (a bug, not an answer) is thrown again.
 */
export function refusal(error: unknown): PaymentOutcome {
  const code = errorCode(error);
  if (!code) throw error;
  const {quote, declineCode} = error as {quote?: Quote; declineCode?: unknown};
  if (code === 'price_changed' && quote) return {type: 'price_changed', quote};
  if (
    code === 'card_declined' &&
    typeof declineCode === 'string' &&
    DECLINE_CODES.has(declineCode)
  )
    return {type: 'failed', code: declineCode};
  return {type: 'failed', code};
}
