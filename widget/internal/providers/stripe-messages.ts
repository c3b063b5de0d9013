/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * Stripe's error codes (Stripe.js decline reasons and field errors, the server's card_declined) in
 * the buyer's words. Part of the Stripe chunk: the element's own tables (../messages.ts) have
 * only the codes every provider shares; a code in neither shows Stripe's own message. English
 * here; the other languages bring theirs in their chunk (../locales/*.ts `providerErrors`).
 */
import type {ErrorTables} from '../messages.js';

export const stripeMessages: ErrorTables = {
  en: {
    card_declined: 'Your card was declined. Please try another card.',
    insufficient_funds:
      'Your card has insufficient funds. Please try another card.',
    expired_card: 'Your card has expired. Please try another card.',
    incorrect_cvc: "Your card's security code is incorrect.",
    payment_intent_authentication_failure:
      'We could not authenticate your payment. Please try again or use another card.',
    processing_error:
      'An error occurred while processing your card. Please try again.',
    api_connection_error:
      'We could not reach the payment provider. Please check your connection and try again.',
    validation_error: 'Please check your payment details.',
  },
};
