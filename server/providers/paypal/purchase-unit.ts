/**
 * An order's purchase unit in PayPal's terms, and the PATCH that reprices it. PayPal checks
 * value = item_total + tax_total + shipping + handling + insurance − shipping_discount − discount
 * and item_total = Σ unit_amount × quantity; every value here comes from our integer minor
 * units (money.ts converts exactly), so the sums hold to the cent.
 *
 * Tax, as PayPal can be told it:
 * - exclusive (US sales tax): `tax_total` is the quote's tax. Our tax is rounded per line (and
 *   may include tax on shipping), which per-unit `items[].tax` cannot express exactly, so the
 *   items carry no `tax`; PayPal requires `tax_total` only when items do, and then checks it
 *   against them (TAX_TOTAL_MISMATCH), so a `tax_total` on its own is accepted.
 * - inclusive (EU VAT): the unit amounts already contain it, and PayPal adds `tax_total` to
 *   the amount, so sending the included share there would charge it twice. Orders v2 has no
 *   field for tax included in a price, so the breakdown has no `tax_total`: the buyer pays the
 *   gross prices they were shown, and the included share is on our order and in the email.
 */
import type {Order, OrderPricing} from '../../orders/order.js';
import type {ShippingRate} from '../../contract.js';
import {ApiError, invalidRequest} from '../../errors.js';
import {toPaypalValue} from './money.js';
import {PAYPAL_CURRENCIES} from './orders.js';
import type {
  PaypalAddress,
  PaypalBreakdown,
  PaypalMoney,
  PaypalOrderRequest,
  PaypalPatchOperation,
  PaypalPurchaseUnit,
  PaypalShipping,
  PaypalShippingOption,
} from './types.js';

// Orders v2 limits: item names and option labels 127 characters, at most 10 options.
const MAX_NAME = 127;
const MAX_OPTIONS = 10;

/** The order as priced: the sums it charges, and where it ships. */
export type PricedOrder = Pick<Order, 'id' | 'currency'> & OrderPricing;

const cut = (text: string, max: number) =>
  Array.from(text).slice(0, max).join('');

function moneyIn(currency: string): (amount: number) => PaypalMoney {
  const code = currency.toUpperCase();
  if (!PAYPAL_CURRENCIES.has(currency.toLowerCase())) {
    throw new ApiError(
      400,
      'currency_not_supported',
      `PayPal does not take payments in ${code}.`
    );
  }
  return (amount) => {
    const value = toPaypalValue(amount, currency);
    if (value === undefined) {
      throw new ApiError(
        400,
        'currency_not_supported',
        `PayPal takes ${code} in whole units only, and this cart's amounts are not whole.`
      );
    }
    return {currency_code: code, value};
  };
}

/** Whether anything in the order is shipped (then PayPal asks for, and shows, an address). */
export const ships = (order: Pick<Order, 'lines'>) =>
  order.lines.some((line) => line.shippable);

function paypalAddress(address: NonNullable<Order['shippingAddress']>) {
  const result: PaypalAddress = {country_code: address.country.toUpperCase()};
  if (address.line1) result.address_line_1 = address.line1;
  if (address.line2) result.address_line_2 = address.line2;
  if (address.city) result.admin_area_2 = address.city;
  if (address.region) result.admin_area_1 = address.region.toUpperCase();
  if (address.postalCode) result.postal_code = address.postalCode;
  return result;
}

/**
 * The rates the buyer may switch between in PayPal's window, the charged one selected. With no
 * list (a retried create only knows the order), the charged rate alone. The specification allows
 * `options` or `type`, not both: each option says SHIPPING instead.
 */
function shippingOptions(
  order: PricedOrder,
  rates: readonly ShippingRate[] | undefined,
  money: (amount: number) => PaypalMoney
): PaypalShippingOption[] | undefined {
  const chosen = order.shippingRate;
  if (!chosen) return undefined;
  const offered = rates?.some((rate) => rate.id === chosen.id)
    ? rates
    : [chosen];
  // At most ten, in the catalog's order, and never without the one charged.
  let room = MAX_OPTIONS - 1;
  return offered
    .filter((rate) => rate.id === chosen.id || room-- > 0)
    .map((rate) => ({
      id: rate.id,
      label: cut(rate.name, MAX_NAME),
      type: 'SHIPPING',
      amount: money(rate.id === chosen.id ? chosen.amount : rate.amount),
      selected: rate.id === chosen.id,
    }));
}

function paypalShipping(
  order: PricedOrder,
  rates: readonly ShippingRate[] | undefined,
  money: (amount: number) => PaypalMoney
): PaypalShipping | undefined {
  if (!ships(order) || !order.shippingAddress) return undefined;
  const options = shippingOptions(order, rates, money);
  const {name} = order.shippingAddress;
  return {
    ...(name && {name: {full_name: name}}),
    address: paypalAddress(order.shippingAddress),
    ...(options ? {options} : {type: 'SHIPPING'}),
  };
}

/**
 * The purchase unit for an order. Throws currency_not_supported when PayPal cannot take the
 * currency or an amount cannot be written exactly (HUF or TWD with cents), and invalid_request
 * for a total of zero (a code that takes everything off).
 */
export function paypalPurchaseUnit(
  order: PricedOrder,
  rates?: readonly ShippingRate[]
): PaypalPurchaseUnit {
  const money = moneyIn(order.currency);
  if (order.total <= 0) {
    // PayPal takes no order of nothing (CANNOT_BE_ZERO_OR_NEGATIVE): say so before one is written.
    throw invalidRequest('PayPal cannot take a payment of nothing.');
  }
  const breakdown: PaypalBreakdown = {item_total: money(order.subtotal)};
  if (!order.taxInclusive && order.tax > 0)
    breakdown.tax_total = money(order.tax);
  if (ships(order)) breakdown.shipping = money(order.shipping);
  if (order.discount > 0) breakdown.discount = money(order.discount);
  const shipping = paypalShipping(order, rates, money);
  return {
    custom_id: order.id,
    invoice_id: order.id,
    items: order.lines.map((line) => ({
      name: cut(line.name, MAX_NAME),
      quantity: String(line.quantity),
      unit_amount: money(line.unitAmount),
      sku: line.sku,
      category: line.shippable ? 'PHYSICAL_GOODS' : 'DIGITAL_GOODS',
    })),
    amount: {...money(order.total), breakdown},
    ...(shipping && {shipping}),
  };
}

/**
 * The whole create body. A cart that ships lets the buyer choose another address in PayPal's
 * window (GET_FROM_FILE, our address preset); a digital one asks for none (NO_SHIPPING).
 */
export function paypalOrderRequest(
  order: PricedOrder,
  rates?: readonly ShippingRate[]
): PaypalOrderRequest {
  return {
    intent: 'CAPTURE',
    purchase_units: [paypalPurchaseUnit(order, rates)],
    payment_source: {
      paypal: {
        experience_context: {
          shipping_preference: ships(order) ? 'GET_FROM_FILE' : 'NO_SHIPPING',
        },
      },
    },
  };
}

// PayPal names a purchase unit without a reference_id `default` (Orders v2, update order).
const UNIT = "/purchase_units/@reference_id=='default'";

/**
 * The JSON Patch that reprices a PayPal order after the buyer changed the address or the rate
 * in PayPal's window: the amount with its breakdown, and the options with the new selection.
 * `before` is the order as PayPal has it, to `add` options it does not have yet.
 */
export function paypalRepricePatch(
  before: PricedOrder,
  after: PricedOrder,
  rates: readonly ShippingRate[]
): PaypalPatchOperation[] {
  const unit = paypalPurchaseUnit(after, rates);
  const operations: PaypalPatchOperation[] = [
    {op: 'replace', path: `${UNIT}/amount`, value: unit.amount},
  ];
  const options = unit.shipping?.options;
  if (options) {
    operations.push({
      op: before.shippingRate ? 'replace' : 'add',
      path: `${UNIT}/shipping/options`,
      value: options,
    });
  }
  return operations;
}
