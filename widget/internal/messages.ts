/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * Every string the buyer reads, one table per locale: English here (the initial bundle's, and
 * the fallback), the others in ./locales/, loaded on demand. Server error codes map to friendly
 * sentences here, and so do the codes every provider shares; a provider's own codes are in its
 * chunk (providers/*-messages.ts) and join these tables once it is loaded. A code in no table
 * falls back to the provider's own (already localised) message, then to `errors.generic`.
 */
import type {ProviderName} from './events.js';
import {languageOf} from './language.js';

export {languageOf};

export interface Messages {
  orderSummary: string;
  item: string;
  amount: string;
  /** The quantity suffix after a line's name, e.g. "× 2". */
  quantity: (quantity: string) => string;
  subtotal: string;
  total: string;
  loading: string;
  paymentDetails: string;
  pay: (amount: string) => string;
  payNoAmount: string;
  processing: string;
  confirming: string;
  success: (orderId: string) => string;
  emptyCart: string;
  pricesChanged: string;
  needsReview: (orderId: string) => string;
  timeout: (orderId: string) => string;
  /** Said (politely, not as an error) when the buyer closes the provider's window. */
  canceled: string;
  /** The legend of the provider choice. */
  paymentMethod: string;
  /** The provider choice's labels. */
  providers: Record<ProviderName, string>;
  /** The email field's label, and what it says when the address is missing or malformed. */
  email: string;
  emailRequired: string;
  emailInvalid: string;
  /** The editable cart (`editable`): each line's stepper and remove button, named after the product. */
  quantityOf: (name: string) => string;
  decrease: (name: string) => string;
  increase: (name: string) => string;
  remove: (name: string) => string;
  /** The server refused this quantity of a line (quantity_out_of_range); the line is back to the last one priced. */
  quantityUnavailable: (quantity: string) => string;
  /** The summary's rows besides the subtotal and total. */
  discount: string;
  shippingRow: string;
  /** Shipping that costs nothing for a cart that ships. */
  free: string;
  /** Shipping of a cart that ships, before an address is known. */
  shippingPending: string;
  tax: string;
  /** Under the total when prices include tax (`taxInclusive`). */
  includingTax: (amount: string) => string;
  /** Said politely when a re-quote changes the total. */
  totalNow: (amount: string) => string;
  /** The discount-code field (`discount-codes`). */
  discountToggle: string;
  discountCode: string;
  applyCode: string;
  codeApplied: (code: string) => string;
  removeCode: (code: string) => string;
  /** Why a code did not apply, by the quote's `discountCode.status`. */
  codeProblems: Record<string, string>;
  /** Under the Pay button in `mode="hosted"`: where Pay takes the buyer. */
  hostedNote: string;
  /** While the browser leaves for the hosted payment page. */
  redirecting: string;
  errors: Record<string, string>;
}

const en: Messages = {
  orderSummary: 'Order summary',
  item: 'Item',
  amount: 'Amount',
  quantity: (quantity) => `× ${quantity}`,
  subtotal: 'Subtotal',
  total: 'Total',
  loading: 'Loading your order…',
  paymentDetails: 'Payment details',
  pay: (amount) => `Pay ${amount}`,
  payNoAmount: 'Pay',
  processing: 'Processing…',
  confirming: 'Confirming payment…',
  success: (orderId) => `Payment received — order ${orderId}`,
  emptyCart: 'Your cart is empty.',
  pricesChanged: 'Prices changed; please review the new total.',
  needsReview: (orderId) =>
    `We received your payment for order ${orderId}, but it needs a quick review. We will contact you shortly.`,
  timeout: (orderId) =>
    `Your payment for order ${orderId} is still being confirmed. You will receive a confirmation by email; please do not pay again.`,
  canceled: 'Payment canceled. You have not been charged.',
  paymentMethod: 'Payment method',
  providers: {
    stripe: 'Card',
    paypal: 'PayPal',
    square: 'Square',
    braintree: 'Card (Braintree)',
  },
  email: 'Email',
  emailRequired: 'Enter your email address.',
  emailInvalid: 'Enter a valid email address, like name@example.com.',
  quantityOf: (name) => `Quantity of ${name}`,
  decrease: (name) => `Decrease quantity of ${name}`,
  increase: (name) => `Increase quantity of ${name}`,
  remove: (name) => `Remove ${name}`,
  quantityUnavailable: (quantity) =>
    `A quantity of ${quantity} is not available.`,
  discount: 'Discount',
  shippingRow: 'Shipping',
  free: 'Free',
  shippingPending: 'Calculated from your address',
  tax: 'Tax',
  includingTax: (amount) => `Including VAT ${amount}`,
  totalNow: (amount) => `Total now ${amount}`,
  discountToggle: 'Have a discount code?',
  discountCode: 'Discount code',
  applyCode: 'Apply',
  codeApplied: (code) => `${code} applied`,
  removeCode: (code) => `Remove discount code ${code}`,
  codeProblems: {
    unknown: 'This code is not valid.',
    expired: 'This code has expired or is not active yet.',
    minimum_not_met: 'Your order does not reach the minimum for this code yet.',
    used_up: 'This code has already been used.',
    not_applicable: 'This code does not apply to the items in your cart.',
  },
  hostedNote: "You'll finish paying on Stripe's secure page.",
  redirecting: 'Taking you to the secure payment page…',
  errors: {
    server_not_found:
      'This checkout is not connected to its server (set the server attribute of <pay-checkout>).',
    network_error:
      'We could not reach the checkout server. Please check your connection and try again.',
    unknown_sku: 'An item in your cart is no longer available.',
    quantity_out_of_range:
      'The quantity of an item in your cart is not available.',
    currency_not_supported: 'This currency is not supported.',
    invalid_request: 'This cart cannot be checked out.',
    provider_not_configured: 'Payments are not available right now.',
    provider_unavailable:
      'The payment provider is not available right now. Please try again in a moment.',
    payment_failed:
      'Your payment was not completed. Please try again or use another payment method.',
    order_not_found:
      'We could not find this payment in this browser. Please check your email for a confirmation.',
    provider_error:
      'The payment provider refused the payment. Please try again or choose another way to pay.',
    invalid_address: 'Enter your shipping address.',
    shipping_not_available:
      'We don’t ship to this address. Please choose another one.',
    generic: 'Something went wrong. Please try again.',
  },
};

/** The tables loaded so far: English always, others once ./locales/load.ts has them. */
const tables: Record<string, Messages> = {en};

/** Adds a loaded table (./locales/*.ts). */
export function addMessages(language: string, table: Messages): void {
  tables[language] = table;
}

/** Error sentences by message table (`en`, `fr`, `de`) and code: a provider's own codes. */
export type ErrorTables = Readonly<
  Record<string, Readonly<Record<string, string>>>
>;

/**
 * The table for `locale` (`fr-CA` → `fr`), English when there is none or it is not loaded yet
 * (./locales/load.ts), with the error
 * sentences of the providers loaded so far (`extra`, English standing in for a missing
 * language).
 */
export function messagesFor(
  locale: string,
  extra?: Iterable<ErrorTables>
): Messages {
  const language = languageOf(locale, Object.keys(tables)) ?? 'en';
  const table = tables[language]!;
  if (!extra) return table;
  const errors = {...table.errors};
  for (const more of extra) {
    // A provider's table without this language: English for the codes the table lacks (the
    // tables in ./locales/ carry the providers' codes themselves).
    const own = more[language];
    for (const [code, text] of Object.entries(own ?? more.en ?? {}))
      if (own || !Object.hasOwn(table.errors, code)) errors[code] = text;
  }
  return {...table, errors};
}

/** The buyer-facing sentence for an error code, else the provider's message, else generic. */
export function errorMessage(
  messages: Messages,
  code: string,
  fallback?: string
): string {
  return messages.errors[code] ?? (fallback || messages.errors.generic!);
}
