/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The HTTP contract between <pay-checkout> and its companion server, as types only: the
 * element imports them (`import type`), and the server (`@pay-checkout/server`) checks its
 * zod schemas against them at compile time, so the two sides cannot drift and the element's
 * bundle and declarations pay nothing for zod.
 *
 * Amounts are integers in the currency's minor unit (cents for USD, yen for JPY).
 */

/** One cart line as the browser sends it: which product and how many, never a price. */
export interface CartItem {
  sku: string;
  quantity: number;
}

export interface QuoteRequest {
  items: CartItem[];
  /** ISO 4217 code in any case; the answer spells it in lowercase. */
  currency?: string | undefined;
}

export interface PaymentIntentRequest extends QuoteRequest {
  email?: string | undefined;
  /** A BCP 47 tag such as "en" or "fr-CA": the buyer's language, for their emails. */
  locale?: string | undefined;
  /** The total the buyer saw; a different repriced total answers 409 price_changed. */
  expectedTotal?: number | undefined;
}

export interface CheckoutSessionRequest extends QuoteRequest {
  email?: string | undefined;
  locale?: string | undefined;
  successUrl: string;
  cancelUrl: string;
}

export type PaypalOrderRequest = PaymentIntentRequest;

export interface QuoteLine {
  sku: string;
  name: string;
  unitAmount: number;
  quantity: number;
  amount: number;
}

export interface Quote {
  currency: string;
  lines: QuoteLine[];
  subtotal: number;
  total: number;
}

export interface StripeClientConfig {
  publishableKey: string;
  /** Set only in emulator mode: where to load the offline Stripe.js from. */
  jsUrl?: string;
}

export interface PaypalClientConfig {
  clientId: string;
  environment: 'sandbox' | 'production';
  /** Set only in emulator mode: where to load the offline PayPal JS SDK from. */
  sdkBaseUrl?: string;
}

export interface ConfigResponse {
  currency: string;
  locale?: string;
  providers: {
    stripe?: StripeClientConfig;
    paypal?: PaypalClientConfig;
  };
}

export interface PaymentIntentResponse {
  orderId: string;
  orderToken: string;
  clientSecret: string;
  amount: number;
  currency: string;
}

export interface CheckoutSessionResponse {
  orderId: string;
  orderToken: string;
  url: string;
}

export interface PaypalOrderResponse {
  orderId: string;
  orderToken: string;
  paypalOrderId: string;
}

export interface PaypalCaptureResponse {
  orderId: string;
  status: OrderStatus;
}

export type OrderStatus =
  | 'pending'
  | 'processing'
  | 'paid'
  | 'failed'
  | 'canceled'
  | 'refunded'
  | 'partially_refunded'
  | 'disputed'
  | 'needs_review';

export type PaymentProvider = 'stripe' | 'paypal';

export interface OrderResponse {
  id: string;
  status: OrderStatus;
  currency: string;
  total: number;
  lines: QuoteLine[];
  provider: PaymentProvider;
}

export type ErrorCode =
  | 'invalid_request'
  | 'unknown_sku'
  | 'quantity_out_of_range'
  | 'currency_not_supported'
  | 'price_changed'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden_origin'
  | 'payload_too_large'
  | 'card_declined'
  | 'instrument_declined'
  | 'payment_refused'
  | 'payer_action_required'
  | 'order_not_approved'
  | 'provider_unavailable'
  | 'provider_error'
  | 'provider_not_configured'
  | 'invalid_signature'
  /** /readyz, or any request while the server starts or shuts down: not serving yet (or any more). */
  | 'not_ready'
  /** Too many creates or quotes from one client in a minute; `Retry-After` says when to retry. */
  | 'rate_limited'
  /** The Idempotency-Key came with another request before: a new request needs a new key. */
  | 'idempotency_key_reused'
  /** A request with this Idempotency-Key is still being answered. */
  | 'idempotency_key_in_use'
  | 'internal_error';

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Present on price_changed: the fresh quote the buyer should see. */
    quote?: Quote;
  };
}
