/**
 * The HTTP contract between <pay-checkout> and the companion server: one module, so the two
 * sides cannot drift. The server validates with these schemas; the widget imports the types
 * only (`import type`), so its bundle pays nothing for zod.
 *
 * Amounts are integers in the currency's minor unit (cents for USD, yen for JPY).
 */
import {z} from 'zod';

/** ISO 4217 code; accepted in any case, answered in lowercase (Stripe's spelling). */
export const currencySchema = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO 4217 currency code')
  .transform((code) => code.toLowerCase());

export const MAX_CART_LINES = 100;

export const cartItemSchema = z
  .object({
    sku: z.string().min(1).max(64),
    // Anything but a positive whole number is refused; the per-product maximum is checked
    // against the catalog by the pricing step (quantity_out_of_range).
    quantity: z.number().int().positive().max(1_000_000),
  })
  // Client-side prices, names and amounts are not part of a cart: they are dropped here so
  // nothing downstream can ever read them.
  .strip();

export const cartSchema = z.object({
  items: z
    .array(cartItemSchema)
    .min(1, 'the cart is empty')
    .max(MAX_CART_LINES),
  currency: currencySchema.optional(),
});

export const quoteRequestSchema = cartSchema;

const emailSchema = z.email().max(254);

/** A BCP 47 tag such as "en" or "fr-CA": the buyer's language, for their emails. */
const localeSchema = z
  .string()
  .max(35)
  .regex(
    /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
    'must be a BCP 47 language tag'
  );

export const paymentIntentRequestSchema = cartSchema.extend({
  email: emailSchema.optional(),
  locale: localeSchema.optional(),
  /** The total the buyer saw; a different repriced total answers 409 price_changed. */
  expectedTotal: z.number().int().nonnegative().optional(),
});

export const checkoutSessionRequestSchema = cartSchema.extend({
  email: emailSchema.optional(),
  locale: localeSchema.optional(),
  successUrl: z.url(),
  cancelUrl: z.url(),
});

export const paypalOrderRequestSchema = paymentIntentRequestSchema;

export type CartItem = z.infer<typeof cartItemSchema>;
export type QuoteRequest = z.input<typeof quoteRequestSchema>;
export type PaymentIntentRequest = z.input<typeof paymentIntentRequestSchema>;
export type CheckoutSessionRequest = z.input<
  typeof checkoutSessionRequestSchema
>;
export type PaypalOrderRequest = z.input<typeof paypalOrderRequestSchema>;

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

export const ORDER_STATUSES = [
  'pending',
  'processing',
  'paid',
  'failed',
  'canceled',
  'refunded',
  'partially_refunded',
  'disputed',
  'needs_review',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

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
  | 'internal_error';

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Present on price_changed: the fresh quote the buyer should see. */
    quote?: Quote;
  };
}
