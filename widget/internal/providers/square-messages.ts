/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * Square's error codes in the buyer's words: the card form's field errors (what `tokenize()`
 * found wrong, by field), a failed strong customer authentication (`verifyBuyer`), Square's
 * own failure, and a currency no Square location takes. Part of the Square chunk: the
 * element's own tables (../messages.ts) have only the codes every provider shares. English
 * here; the other languages bring theirs in their chunk (../locales/*.ts `providerErrors`).
 *
 * A decline is the server's card_declined, whose message names the reason (funds, security
 * code, postal code, expiry date) in English: English shows it as it is (no sentence here
 * hides it), the other languages their card_declined (with Stripe's, in their chunk).
 */
import type {ErrorTables} from '../messages.js';

export const squareMessages: ErrorTables = {
  en: {
    invalid_card_number: 'Check your card number.',
    invalid_expiration: "Check your card's expiry date.",
    invalid_cvv: "Check your card's security code (CVV).",
    invalid_postal_code: "Check your card's postal code.",
    invalid_card: 'Check your card details.',
    verification_failed:
      'Your bank could not verify this payment. Nothing was charged; please try again or use another card.',
    square_error:
      'Square could not process your card. Nothing was charged; please try again.',
    square_currency_unavailable:
      'Card payments with Square are not available in this currency. Please choose another way to pay.',
  },
};
