/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * Braintree's error codes (the server's answers to a declined or rejected transaction, Drop-in's
 * failures) in the buyer's words. Part of the Braintree chunk: the element's own tables
 * (../messages.ts) have only the codes every provider shares. The sentences for a code Stripe
 * shares (card_declined, insufficient_funds…) are Stripe's, so each language says them once in
 * its chunk (../locales/*.ts `providerErrors`); English here.
 */
import type {ErrorTables} from '../messages.js';

export const braintreeMessages: ErrorTables = {
  en: {
    card_declined: 'Your card was declined. Please try another card.',
    insufficient_funds:
      'Your card has insufficient funds. Please try another card.',
    expired_card: 'Your card has expired. Please try another card.',
    incorrect_cvc: "Your card's security code is incorrect.",
    incorrect_expiry: "Your card's expiry date is incorrect.",
    incorrect_postal_code:
      'The postal code does not match your card. Please check it and try again.',
    card_not_supported:
      'This card cannot be used here. Check the card number or try another card.',
    authentication_required:
      'Your bank asks you to confirm this payment. Please try again and complete the check.',
    processing_error:
      'An error occurred while processing your card. Please try again.',
    validation_error: 'Please check your payment details.',
    three_d_secure_failed:
      'Your bank could not confirm this payment. Nothing was charged; please try again or use another card.',
    braintree_refused:
      'The payment was refused. Nothing was charged; please use another card or another way to pay.',
    // A PayPal account through Braintree, declined (the shared sentence, in every locale chunk).
    payment_refused:
      'PayPal refused this payment. Nothing was charged; please choose another way to pay.',
    braintree_error:
      'The card form could not take your payment. Nothing was charged; please try again.',
  },
};
