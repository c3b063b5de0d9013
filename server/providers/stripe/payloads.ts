/**
 * What we send Stripe for an order, as pure functions of the stored (repriced) order, so every
 * Stripe object charges exactly `order.total` and tests can read the payloads directly.
 *
 * Hosted Checkout computes its own total from what it is given, so the session is built from
 * parts whose sum Stripe cannot round differently:
 * - the lines at their catalog unit prices;
 * - the discount as a one-off coupon of exactly `order.discount` (`amount_off`, not a
 *   percentage: Stripe would round a percentage its own way), which Stripe spreads over the
 *   lines but never lets exceed them or touch shipping;
 * - shipping as the one rate the buyer chose (`shipping_options` with a single
 *   `shipping_rate_data`), so Stripe's page cannot offer another and change the total;
 * - exclusive tax as a "Tax" line of exactly `order.tax`. TaxRates would make Stripe compute
 *   the tax per line on its own share of the discount, rounded its way, and never on shipping;
 *   our per-line, half-up amounts (and the tax on shipping) would not survive that;
 * - inclusive tax (EU VAT) is already inside the prices: nothing is added, the total is exact.
 *   Stripe's page does not itemise it (inclusive TaxRates would, but Stripe would recompute
 *   the share, without the shipping's, and the order has no rate to give it).
 * The address is the one the order was priced for, fixed on the PaymentIntent
 * (`payment_intent_data.shipping`) rather than asked again on Stripe's page, where a buyer
 * could type one with another tax (a different US state) than the total was computed for.
 */
import type Stripe from 'stripe';
import type {Order} from '../../orders/order.js';
import {checkoutLocale} from './locale.js';

/** Stripe's metadata: our order id, and what priced it, for the dashboard and support. */
function orderMetadata(order: Order): Record<string, string> {
  return {
    order_id: order.id,
    ...(order.discountCode && {discount_code: order.discountCode}),
    ...(order.shippingRate && {shipping_rate: order.shippingRate.id}),
  };
}

/** Where the order ships, in Stripe's terms; only for an order that ships to a full address. */
function shippingDetails(
  order: Order
): Stripe.Checkout.SessionCreateParams.PaymentIntentData.Shipping | undefined {
  const address = order.shippingAddress;
  if (!order.shippingRate || !address?.name || !address.line1) return undefined;
  return {
    name: address.name,
    address: {
      line1: address.line1,
      ...(address.line2 && {line2: address.line2}),
      ...(address.city && {city: address.city}),
      ...(address.postalCode && {postal_code: address.postalCode}),
      ...(address.region && {state: address.region}),
      country: address.country,
    },
  };
}

/** The embedded Payment Element's PaymentIntent: the total, and the address it ships to. */
export function paymentIntentParams(
  order: Order
): Stripe.PaymentIntentCreateParams {
  const shipping = shippingDetails(order);
  return {
    amount: order.total,
    currency: order.currency,
    automatic_payment_methods: {enabled: true},
    metadata: orderMetadata(order),
    ...(order.email && {receipt_email: order.email}),
    ...(shipping && {shipping}),
  };
}

/** The coupon that carries the order's discount, or null without one. */
export function couponParams(order: Order): Stripe.CouponCreateParams | null {
  if (order.discount <= 0) return null;
  return {
    amount_off: order.discount,
    currency: order.currency,
    duration: 'once',
    // This order's, and no one else's: it cannot be redeemed by a second session.
    max_redemptions: 1,
    // Shown on Stripe's page and receipt; Stripe allows 40 characters.
    ...(order.discountCode && {name: order.discountCode.slice(0, 40)}),
    metadata: {order_id: order.id},
  };
}

/** What a tax-inclusive or -exclusive price says to Stripe Tax (informative without it). */
function taxBehavior(order: Order) {
  if (order.tax <= 0) return {};
  return {
    tax_behavior: order.taxInclusive
      ? ('inclusive' as const)
      : ('exclusive' as const),
  };
}

export function checkoutSessionParams(
  order: Order,
  urls: {successUrl: string; cancelUrl: string},
  couponId: string | null
): Stripe.Checkout.SessionCreateParams {
  const lineItems: Stripe.Checkout.SessionCreateParams.LineItem[] =
    order.lines.map((line) => ({
      quantity: line.quantity,
      price_data: {
        currency: order.currency,
        unit_amount: line.unitAmount,
        product_data: {name: line.name},
        ...taxBehavior(order),
      },
    }));
  if (order.tax > 0 && !order.taxInclusive) {
    lineItems.push({
      quantity: 1,
      price_data: {
        currency: order.currency,
        unit_amount: order.tax,
        product_data: {name: 'Tax'},
      },
    });
  }
  const shipping = shippingDetails(order);
  const metadata = orderMetadata(order);
  const locale = checkoutLocale(order.locale);
  return {
    mode: 'payment',
    line_items: lineItems,
    ...(couponId && {discounts: [{coupon: couponId}]}),
    ...(order.shippingRate && {
      shipping_options: [
        {
          shipping_rate_data: {
            type: 'fixed_amount',
            display_name: order.shippingRate.name,
            fixed_amount: {amount: order.shipping, currency: order.currency},
            ...taxBehavior(order),
            metadata: {shipping_rate: order.shippingRate.id},
          },
        },
      ],
    }),
    success_url: urls.successUrl,
    cancel_url: urls.cancelUrl,
    client_reference_id: order.id,
    metadata,
    payment_intent_data: {metadata, ...(shipping && {shipping})},
    ...(order.email && {customer_email: order.email}),
    // Stripe's page in the buyer's language (else Stripe reads the browser's).
    ...(locale && {locale}),
  };
}
