/**
 * The CreatePayment request for an order (developer.squareup.com/reference/square/payments-api/create-payment),
 * built from the stored, repriced order, never from the browser: `amount_money` is the
 * order's total in minor units (a bigint: the SDK refuses a number), `reference_id` our order
 * id, so every payment, refund and dispute leads back to it.
 */
import type {Square} from 'square';
import type {Address} from '../../contract.js';
import type {Order} from '../../orders/order.js';
import {paymentIdempotencyKey} from './client.js';

/** Our address in Square's terms; the name is split at its last space (Square has first and last). */
export function squareAddress(
  address: Address | undefined
): Square.Address | undefined {
  if (!address) return undefined;
  const name = address.name?.trim();
  const split = name ? name.lastIndexOf(' ') : -1;
  return {
    ...(address.line1 && {addressLine1: address.line1}),
    ...(address.line2 && {addressLine2: address.line2}),
    ...(address.city && {locality: address.city}),
    ...(address.region && {administrativeDistrictLevel1: address.region}),
    ...(address.postalCode && {postalCode: address.postalCode}),
    country: address.country as Square.Country,
    ...(name &&
      (split > 0
        ? {firstName: name.slice(0, split), lastName: name.slice(split + 1)}
        : {firstName: name})),
  };
}

export interface PaymentSource {
  token: string;
  verificationToken?: string;
}

export function createPaymentRequest(
  order: Order,
  attempt: number,
  source: PaymentSource,
  locationId: string
): Square.CreatePaymentRequest {
  const shippingAddress = squareAddress(order.shippingAddress);
  const billingAddress = squareAddress(order.billingAddress);
  return {
    sourceId: source.token,
    // The same key on a retried call (the SDK's own retries resend it): one order, one charge.
    idempotencyKey: paymentIdempotencyKey(order.id, attempt),
    amountMoney: {
      amount: BigInt(order.total),
      currency: order.currency.toUpperCase() as Square.Currency,
    },
    // Captured at once: the order is paid when Square says COMPLETED.
    autocomplete: true,
    locationId,
    referenceId: order.id,
    ...(source.verificationToken && {
      verificationToken: source.verificationToken,
    }),
    ...(order.email && {buyerEmailAddress: order.email}),
    ...(shippingAddress && {shippingAddress}),
    ...(billingAddress && {billingAddress}),
  };
}
