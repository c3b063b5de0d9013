/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * PayPal's error codes (the server's answers to a capture PayPal refused, the SDK's onError) in
 * the buyer's words. Part of the PayPal chunk: the element's own tables (../messages.ts) have
 * only the codes every provider shares. English here; the other languages bring theirs in their
 * chunk (../locales/*.ts `providerErrors`).
 */
import type {ErrorTables} from '../messages.js';

export const paypalMessages: ErrorTables = {
  en: {
    instrument_declined:
      'Your card was declined by PayPal; choose another way to pay.',
    payment_refused:
      'PayPal refused this payment. Nothing was charged; please choose another way to pay.',
    payer_action_required:
      'PayPal needs you to complete a step first. Please try again.',
    order_not_approved:
      'The payment was not approved in PayPal. Please try again.',
    paypal_error:
      'PayPal could not complete your payment. Nothing was charged; please try again or choose another way to pay.',
  },
};
