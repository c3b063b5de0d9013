/**
 * The server's side of the HTTP contract: zod schemas that validate what the element sends.
 * The contract's types live in the element's package (`pay-checkout/contract`, types only);
 * they are re-exported here, and the checks at the end of this file fail to compile if a
 * schema and its type drift apart.
 *
 * Amounts are integers in the currency's minor unit (cents for USD, yen for JPY).
 */
import type * as Contract from 'pay-checkout/contract';
import {z} from 'zod';
import {isCountry} from './catalog/countries.js';

export type * from 'pay-checkout/contract';

/** ISO 4217 code; accepted in any case, answered in lowercase (Stripe's spelling). */
const currencySchema = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO 4217 currency code')
  .transform((code) => code.toLowerCase());

const MAX_CART_LINES = 100;

const cartItemSchema = z
  .object({
    sku: z.string().min(1).max(64),
    // Anything but a positive whole number is refused; the per-product maximum is checked
    // against the catalog by the pricing step (quantity_out_of_range).
    quantity: z.number().int().positive().max(1_000_000),
  })
  // Client-side prices, names and amounts are not part of a cart: they are dropped here so
  // nothing downstream can ever read them.
  .strip();

const cartSchema = z.object({
  items: z
    .array(cartItemSchema)
    .min(1, 'the cart is empty')
    .max(MAX_CART_LINES),
  currency: currencySchema.optional(),
});

/** Free text in an address: trimmed, and absent when only blanks were sent. */
const addressText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((text) => text || undefined);

export const addressSchema = z
  .object({
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO 3166-1 country code')
      .transform((code) => code.toUpperCase())
      .refine(isCountry, 'is not an ISO 3166-1 country code'),
    postalCode: addressText(20),
    region: addressText(64),
    city: addressText(100),
    line1: addressText(200),
    line2: addressText(200),
    name: addressText(200),
  })
  // Anything else (a phone number, a company) is not used by the pricing or the order.
  .strip();

const shippingRateSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be a shipping rate id');

/** Matched in any case: normalised here as the catalog stores codes; blank is no code. */
const discountCodeSchema = z
  .string()
  .trim()
  .max(64)
  .transform((code) => code.toUpperCase() || undefined);

/** A BCP 47 tag such as "en" or "fr-CA": the buyer's language, for names and emails. */
const localeSchema = z
  .string()
  .max(35)
  .regex(
    /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
    'must be a BCP 47 language tag'
  );

export const quoteRequestSchema = cartSchema.extend({
  shippingAddress: addressSchema.optional(),
  shippingRate: shippingRateSchema.optional(),
  discountCode: discountCodeSchema.optional(),
  locale: localeSchema.optional(),
});

const emailSchema = z.email().max(254);

/** What every create takes besides the quote's fields. */
const buyerFields = {
  email: emailSchema.optional(),
  billingAddress: addressSchema.optional(),
  /** The total the buyer saw; a different repriced total answers 409 price_changed. */
  expectedTotal: z.number().int().nonnegative().optional(),
};

export const paymentIntentRequestSchema =
  quoteRequestSchema.extend(buyerFields);

export const checkoutSessionRequestSchema = quoteRequestSchema.extend({
  ...buyerFields,
  successUrl: z.url(),
  cancelUrl: z.url(),
});

export const paypalOrderRequestSchema = paymentIntentRequestSchema;

/** A single-use token of Square's Web Payments SDK (`cnon:…`, `verf:…`): printable, no blanks. */
const squareTokenSchema = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[\x21-\x7e]+$/, 'must be a token from the Web Payments SDK');

export const squarePaymentRequestSchema = paymentIntentRequestSchema.extend({
  sourceId: squareTokenSchema,
  verificationToken: squareTokenSchema.optional(),
});

export const braintreeClientTokenRequestSchema = z.object({
  currency: currencySchema,
});

export const braintreeTransactionRequestSchema =
  paymentIntentRequestSchema.extend({
    // Drop-in's nonces are ids (`tokencc_…`, a UUID, the sandbox's `fake-valid-nonce`): nothing
    // else is passed on to Braintree.
    paymentMethodNonce: z
      .string()
      .regex(
        /^[A-Za-z0-9_-]{1,256}$/,
        'must be a Braintree payment method nonce'
      ),
    // braintree-web's data collector: a small JSON string, passed through as it is.
    deviceData: z.string().max(4096).optional(),
  });

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

/*
 * Compile-time checks: each schema accepts exactly the contract's type, and ORDER_STATUSES
 * lists every status. A drift makes `tsc` fail here.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
export type SchemasMatchTheContract = [
  Expect<Same<z.input<typeof cartItemSchema>, Contract.CartItem>>,
  Expect<Same<z.input<typeof addressSchema>, Contract.Address>>,
  Expect<
    Same<
      z.input<typeof shippingRateSchema>,
      NonNullable<Contract.QuoteRequest['shippingRate']>
    >
  >,
  Expect<
    Same<
      z.input<typeof discountCodeSchema>,
      NonNullable<Contract.QuoteRequest['discountCode']>
    >
  >,
  Expect<Same<z.input<typeof quoteRequestSchema>, Contract.QuoteRequest>>,
  Expect<
    Same<
      z.input<typeof paymentIntentRequestSchema>,
      Contract.PaymentIntentRequest
    >
  >,
  Expect<
    Same<
      z.input<typeof checkoutSessionRequestSchema>,
      Contract.CheckoutSessionRequest
    >
  >,
  Expect<
    Same<z.input<typeof paypalOrderRequestSchema>, Contract.PaypalOrderRequest>
  >,
  Expect<
    Same<
      z.input<typeof squarePaymentRequestSchema>,
      Contract.SquarePaymentRequest
    >
  >,
  Expect<
    Same<
      z.input<typeof braintreeClientTokenRequestSchema>,
      Contract.BraintreeClientTokenRequest
    >
  >,
  Expect<
    Same<
      z.input<typeof braintreeTransactionRequestSchema>,
      Contract.BraintreeTransactionRequest
    >
  >,
  Expect<Same<(typeof ORDER_STATUSES)[number], Contract.OrderStatus>>,
];
