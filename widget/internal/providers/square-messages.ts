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
 * A decline is the server's card_declined; where its `declineCode` names a reason (funds,
 * security code, postal code, expiry date…) the attempt fails with that code, said by the
 * sentences below (Stripe's words where Stripe has one). A card_declined without one shows
 * the server's English message in English, the other languages their card_declined.
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
    // The server's declineCode (../errors.ts refusal).
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
  },
};
