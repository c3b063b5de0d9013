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

/**
 * A postal address. Only `country` is needed to quote (shipping zones and tax rates are chosen
 * by it, and by `region` where the catalog has regional rates); an order that ships needs
 * `name`, `line1`, `city` and (where the country has them) `postalCode` as well.
 */
export interface Address {
  /** ISO 3166-1 alpha-2 in any case ("DE", "us"); answered in uppercase. */
  country: string;
  postalCode?: string | undefined;
  /** The state, province or prefecture: its ISO 3166-2 subdivision code without the country ("CA" for California, "13" for Tokyo). */
  region?: string | undefined;
  city?: string | undefined;
  line1?: string | undefined;
  line2?: string | undefined;
  /** The recipient's full name. */
  name?: string | undefined;
}

export interface QuoteRequest {
  items: CartItem[];
  /** ISO 4217 code in any case; the answer spells it in lowercase. */
  currency?: string | undefined;
  /** Where the cart ships to: picks the shipping rates and the tax rates. */
  shippingAddress?: Address | undefined;
  /** The id of one of the quote's `shippingRates`; without it (or unknown) the cheapest is chosen. */
  shippingRate?: string | undefined;
  /** A discount code the buyer typed, in any case. */
  discountCode?: string | undefined;
  /**
   * A BCP 47 tag such as "en" or "fr-CA": the buyer's language, for the lines' names (a
   * product's translation in the catalog) and, on a create, the order's emails.
   */
  locale?: string | undefined;
}

/** What every create endpoint takes besides the cart: who pays, and what they were shown. */
interface BuyerFields {
  email?: string | undefined;
  /** Billing details, when they differ from the shipping address or nothing ships. */
  billingAddress?: Address | undefined;
}

export interface PaymentIntentRequest extends QuoteRequest, BuyerFields {
  /** The total the buyer saw; a different repriced total answers 409 price_changed. */
  expectedTotal?: number | undefined;
}

export interface CheckoutSessionRequest extends QuoteRequest, BuyerFields {
  /** The total the buyer saw; a different repriced total answers 409 price_changed. */
  expectedTotal?: number | undefined;
  successUrl: string;
  cancelUrl: string;
}

export type PaypalOrderRequest = PaymentIntentRequest;

/** A card payment with Square: the order's fields plus the Web Payments SDK's token. */
export interface SquarePaymentRequest extends PaymentIntentRequest {
  /** The single-use token from `card.tokenize()` (`cnon:…`). */
  sourceId: string;
  /** From `payments.verifyBuyer()` when the card asked for strong customer authentication. */
  verificationToken?: string | undefined;
}

/** A Drop-in's authorization for one checkout: the merchant account for the currency. */
export interface BraintreeClientTokenRequest {
  /** ISO 4217 code in any case: one of the config's `providers.braintree.currencies`. */
  currency: string;
}

export interface BraintreeClientTokenResponse {
  /** Braintree's client token (base64), handed to `dropin.create({authorization})`. */
  clientToken: string;
}

/** The order, as for a payment intent, and the Drop-in's single-use payment method nonce. */
export interface BraintreeTransactionRequest extends PaymentIntentRequest {
  /** `requestPaymentMethod()`'s `nonce`: charged once, by this request. */
  paymentMethodNonce: string;
  /** Drop-in's `deviceData` (when data collection is on), passed to Braintree as is. */
  deviceData?: string | undefined;
}

export interface QuoteLine {
  sku: string;
  name: string;
  unitAmount: number;
  quantity: number;
  /** unitAmount × quantity, before any discount. */
  amount: number;
  /** This line's share of the discount (the quote's `discount` is the sum of these). */
  discount: number;
  /** The tax on this line after its discount: included in `amount` when the quote's `taxInclusive`, else added. */
  tax: number;
  /** Whether the product is shipped (false for digital goods). */
  shippable: boolean;
}

/** One way to ship the cart to the quoted address. */
export interface ShippingRate {
  id: string;
  /** "Standard", "Express": as the catalog names it. */
  name: string;
  /** What it costs for this cart (0 when free). */
  amount: number;
  /** Business days until delivery, when the catalog says. */
  estimate?: {minDays: number; maxDays: number};
}

/** Why a discount code did or did not apply. */
export type DiscountCodeStatus =
  | 'applied'
  | 'unknown'
  | 'expired'
  | 'minimum_not_met'
  | 'used_up'
  /** The code is valid but applies to none of the cart's products (or not to this currency). */
  | 'not_applicable';

export interface Quote {
  currency: string;
  lines: QuoteLine[];
  /** Σ lines' amount. */
  subtotal: number;
  /** Σ lines' discount. */
  discount: number;
  /** The chosen shipping rate's amount (0 when nothing ships). */
  shipping: number;
  /** Σ lines' tax + the tax on shipping. */
  tax: number;
  /** Prices include tax (EU VAT): `tax` is the share included, not added. */
  taxInclusive: boolean;
  /** subtotal − discount + shipping (+ tax when not inclusive). */
  total: number;
  /** Whether anything in the cart is shipped: then an address and a rate are needed. */
  requiresShipping: boolean;
  /** The rates for the quoted address; empty without an address or when nothing ships. */
  shippingRates: ShippingRate[];
  /** The id of the rate this quote charges, one of `shippingRates`. */
  shippingRate?: string;
  /** The code the request named, normalised, and whether it applied. */
  discountCode?: {code: string; status: DiscountCodeStatus};
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

export interface SquareClientConfig {
  applicationId: string;
  /**
   * Currency (uppercase ISO 4217) → the Square location id that takes it; a currency not
   * listed is not offered with Square.
   */
  locations: {[currency: string]: string};
  environment: 'sandbox' | 'production';
  /** Set only in emulator mode: where to load the offline Web Payments SDK (square.js) from. */
  sdkUrl?: string;
}

export interface BraintreeClientConfig {
  /** The currencies with a merchant account (uppercase ISO 4217): a currency not listed is not offered. */
  currencies: string[];
  environment: 'sandbox' | 'production';
  /** Set only in emulator mode: where to load the offline Drop-in fake's script from. */
  sdkUrl?: string;
  /** PayPal through Braintree is enabled (BRAINTREE_PAYPAL): Drop-in offers PayPal beside the card. */
  paypal?: boolean;
}

export interface ConfigResponse {
  currency: string;
  locale?: string;
  providers: {
    stripe?: StripeClientConfig;
    paypal?: PaypalClientConfig;
    square?: SquareClientConfig;
    braintree?: BraintreeClientConfig;
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

/**
 * The buyer changed the address or the shipping option in PayPal's window (the JS SDK's
 * `onShippingAddressChange`/`onShippingOptionsChange`): PayPal tells the page only the city,
 * region, postal code and country, which reprice the order as they would a quote.
 */
export interface PaypalShippingRequest {
  shippingAddress: Address;
  /** The option picked in PayPal's window: one of the quote's `shippingRates`. */
  shippingRate?: string | undefined;
}

/** The order's new pricing, which PayPal's window now shows too. */
export interface PaypalShippingResponse {
  quote: Quote;
}

export interface SquarePaymentResponse {
  orderId: string;
  orderToken: string;
  status: OrderStatus;
}

export interface PaypalCaptureResponse {
  orderId: string;
  status: OrderStatus;
}

export interface BraintreeTransactionResponse {
  orderId: string;
  orderToken: string;
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

export type PaymentProvider = 'stripe' | 'paypal' | 'square' | 'braintree';

/** An order's currency, lines and sums are its quote's, as charged. */
export interface OrderResponse extends Pick<
  Quote,
  | 'currency'
  | 'lines'
  | 'subtotal'
  | 'discount'
  | 'shipping'
  | 'tax'
  | 'taxInclusive'
  | 'total'
> {
  id: string;
  status: OrderStatus;
  /** The code that was applied, if any. */
  discountCode?: string;
  /** The chosen shipping rate (its name and amount as charged). */
  shippingRate?: {id: string; name: string; amount: number};
  shippingAddress?: Address;
  provider: PaymentProvider;
}

export type ErrorCode =
  | 'invalid_request'
  | 'unknown_sku'
  | 'quantity_out_of_range'
  | 'currency_not_supported'
  | 'price_changed'
  /** The shop does not ship to the address (or the cart needs an address and a rate to be created). */
  | 'shipping_not_available'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden_origin'
  | 'payload_too_large'
  | 'card_declined'
  | 'instrument_declined'
  | 'payment_refused'
  | 'payer_action_required'
  | 'order_not_approved'
  /** The order is paid, failed or canceled: its price can no longer change. */
  | 'order_not_pending'
  /** A refund of an order that is not paid (or has nothing left to refund). */
  | 'order_not_refundable'
  /** A refund of more than is left of the order (paid − refunded − refunds under way). */
  | 'refund_amount_too_large'
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

/**
 * Why a card was declined, in our words, when the gateway said and the buyer can act on it: the
 * element shows a sentence for it in the buyer's language (the `message` is English only).
 */
export type DeclineCode =
  | 'insufficient_funds'
  | 'expired_card'
  /** The expiry date entered is not the card's. */
  | 'incorrect_expiry'
  | 'incorrect_cvc'
  /** The billing postal code (address verification) does not match the card's. */
  | 'incorrect_postal_code'
  /** The card number is not valid, or this kind of card is not accepted here. */
  | 'card_not_supported'
  /** The bank asks the buyer to confirm the payment (3-D Secure / SCA): a new attempt may pass. */
  | 'authentication_required';

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Present on price_changed: the fresh quote the buyer should see. */
    quote?: Quote;
    /** Present on some card_declined (Square, Braintree): the reason, for a localised sentence. */
    declineCode?: DeclineCode;
  };
}
