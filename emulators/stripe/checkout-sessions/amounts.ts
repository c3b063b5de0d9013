/**
 * Everything a new Checkout Session charges, read and checked before anything is stored: the
 * line items (line-items.ts), the coupon and the shipping options (options.ts), what they add
 * up to (totals.ts), and that total within Stripe's minimum and maximum charge.
 */
import {
  checkChargeAmount,
  formatAmount,
  minimumCharge,
} from '../api/amounts.js';
import {invalidParams} from '../api/errors.js';
import type {Params} from '../api/form.js';
import type {Core} from '../core/state.js';
import type {
  CheckoutSessionJson,
  CouponJson,
  ShippingRateJson,
} from '../core/types.js';
import {couponDiscount} from '../coupons/coupons.js';
import {readLineItems} from './line-items.js';
import {
  readDiscount,
  readShippingAddressCollection,
  readShippingOptions,
} from './options.js';
import {applyTotals, type SessionTotals} from './totals.js';

export function readSessionAmounts(core: Core, params: Params) {
  const {lineItems, products, taxRates, currency} = readLineItems(core, params);
  const coupon = readDiscount(core, params, currency);
  const shipping = readShippingOptions(core, params, currency);
  const collection = readShippingAddressCollection(params);
  const subtotal = lineItems.reduce((sum, l) => sum + l.amount_subtotal, 0);
  const totals = applyTotals(
    lineItems,
    taxRates,
    coupon ? couponDiscount(coupon, subtotal) : 0,
    shipping.rates[0] ?? null
  );
  const minimum = minimumCharge(currency) ?? 1;
  if (totals.amountTotal < minimum) {
    throw invalidParams(
      `The Checkout Session's total amount due must add up to at least ${formatAmount(minimum, currency)} ${currency}`
    );
  }
  checkChargeAmount(totals.amountTotal, currency, 'line_items');
  return {
    lineItems,
    products,
    currency,
    coupon,
    shippingRates: shipping.rates,
    newShippingRates: shipping.created,
    collection,
    totals,
  };
}

/** The session's fields that the amounts decide. */
export function amountFields(
  totals: SessionTotals,
  coupon: CouponJson | null,
  rates: readonly ShippingRateJson[],
  collection: {allowed_countries: string[]} | null
): Pick<
  CheckoutSessionJson,
  | 'amount_subtotal'
  | 'amount_total'
  | 'discounts'
  | 'shipping_address_collection'
  | 'shipping_cost'
  | 'shipping_options'
  | 'total_details'
> {
  const selected = rates[0];
  return {
    amount_subtotal: totals.amountSubtotal,
    amount_total: totals.amountTotal,
    discounts: coupon ? [{coupon: coupon.id, promotion_code: null}] : [],
    shipping_address_collection: collection as
      CheckoutSessionJson['shipping_address_collection'] | null,
    shipping_cost: selected
      ? {
          amount_subtotal: totals.amountShipping,
          amount_tax: 0,
          amount_total: totals.amountShipping,
          shipping_rate: selected.id,
        }
      : null,
    shipping_options: rates.map((rate) => ({
      shipping_amount: rate.fixed_amount?.amount ?? 0,
      shipping_rate: rate.id,
    })),
    total_details: {
      amount_discount: totals.amountDiscount,
      amount_shipping: totals.amountShipping,
      amount_tax: totals.amountTax,
    },
  };
}
