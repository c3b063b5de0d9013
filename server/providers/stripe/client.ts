/**
 * The Stripe side of the server: a client built with the official `stripe` package, pointed at
 * api.stripe.com or, through STRIPE_API_BASE, at any Stripe-compatible API (the emulator).
 */
import Stripe from 'stripe';
import {ApiError} from '../../errors.js';
import {parseApiBase} from '../../net.js';

export interface StripeSettings {
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
  /** A Stripe-compatible API; unset means the real one. */
  apiBase?: string;
  /** Served to the browser in emulator mode: the offline Stripe.js. */
  jsUrl?: string;
  timeoutMs?: number;
  maxNetworkRetries?: number;
}

export interface StripeProvider {
  client: Stripe;
  publishableKey: string;
  webhookSecret: string;
  jsUrl?: string;
}

export function createStripeProvider(settings: StripeSettings): StripeProvider {
  const base = settings.apiBase
    ? parseApiBase(settings.apiBase, 'STRIPE_API_BASE')
    : undefined;
  const client = new Stripe(settings.secretKey, {
    ...(base && {
      host: base.hostname.replace(/^\[|\]$/g, ''),
      port: base.port || (base.protocol === 'https:' ? 443 : 80),
      protocol: base.protocol === 'https:' ? 'https' : 'http',
    }),
    // fetch works on every runtime Hono runs on, not only Node.
    httpClient: Stripe.createFetchHttpClient(),
    timeout: settings.timeoutMs ?? 20_000,
    maxNetworkRetries: settings.maxNetworkRetries ?? 2,
    telemetry: false,
    appInfo: {name: 'pay-checkout', version: '0.1.0'},
  });
  return {
    client,
    publishableKey: settings.publishableKey,
    webhookSecret: settings.webhookSecret,
    jsUrl: settings.jsUrl,
  };
}

/** The idempotency key for an order's PaymentIntent: a retried request reuses it. */
export function paymentIntentIdempotencyKey(
  orderId: string,
  attempt = 1
): string {
  return `pay-checkout:${orderId}:payment-intent:${attempt}`;
}

export function checkoutSessionIdempotencyKey(
  orderId: string,
  attempt = 1
): string {
  return `pay-checkout:${orderId}:checkout-session:${attempt}`;
}

/** The coupon that carries an order's discount into its Checkout Session (one per attempt). */
export function couponIdempotencyKey(orderId: string, attempt = 1): string {
  return `pay-checkout:${orderId}:coupon:${attempt}`;
}

/**
 * Maps a failed Stripe call to the contract's error. Stripe's own text is never passed on:
 * it can name internals the buyer should not see.
 */
export function stripeApiError(error: unknown): ApiError {
  if (error instanceof Stripe.errors.StripeCardError) {
    return new ApiError(402, 'card_declined', 'The card was declined.');
  }
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    (error instanceof Stripe.errors.StripeAPIError &&
      (error.statusCode ?? 500) >= 500)
  ) {
    return new ApiError(
      503,
      'provider_unavailable',
      'The payment provider is not answering; please try again.'
    );
  }
  return new ApiError(
    502,
    'provider_error',
    'The payment provider refused the request.'
  );
}

/**
 * A failed refund call in the contract's terms. Stripe's codes for a refund it cannot make
 * (docs.stripe.com/error-codes): `amount_too_large` (more than is left on the charge),
 * `charge_already_refunded`, `charge_disputed`; the rest as any other call.
 */
export function stripeRefundError(error: unknown): ApiError {
  if (error instanceof Stripe.errors.StripeInvalidRequestError) {
    if (error.code === 'amount_too_large')
      return new ApiError(
        422,
        'refund_amount_too_large',
        'The payment provider says less is left to refund.'
      );
    if (
      error.code === 'charge_already_refunded' ||
      error.code === 'charge_disputed'
    )
      return new ApiError(
        409,
        'order_not_refundable',
        'The payment provider says this payment cannot be refunded.'
      );
  }
  return stripeApiError(error);
}
