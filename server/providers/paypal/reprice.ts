/**
 * Repricing a pending order from PayPal's window: the buyer chose another address or shipping
 * option there, and PayPal shows whatever the order then says. The same items and the same
 * code, priced by the same engine as every quote; only where it ships and how may change.
 */
import {type Catalog, priceCart} from '../../catalog/index.js';
import type {Address, Quote} from '../../contract.js';
import {ApiError, invalidRequest} from '../../errors.js';
import {
  type Order,
  type OrderPricing,
  orderShippingRate,
  quoteSums,
} from '../../orders/order.js';
import type {PaypalOrder} from './types.js';

/**
 * PayPal tells the page only the city, region, postal code and country. The street and the
 * recipient we were given stay when the place is the same; PayPal has the buyer's full new
 * address and ships there either way.
 */
const place = (a: Address | undefined) =>
  a && [a.country, a.region, a.city, a.postalCode].join('\n').toUpperCase();

export function shippingAddressFrom(
  stored: Address | undefined,
  fromPaypal: Address
): Address {
  const samePlace = place(stored) === place(fromPaypal);
  return {
    ...(stored?.name && {name: stored.name}),
    ...(samePlace && stored?.line1 && {line1: stored.line1}),
    ...(samePlace && stored?.line2 && {line2: stored.line2}),
    ...fromPaypal,
  };
}

/**
 * The address PayPal ships to, as its order reports it (at capture), when it is the place we
 * priced: then it completes ours (the street and the recipient PayPal's window did not tell
 * the page). Undefined when it adds nothing, or names another place (then ours stays, and the
 * amounts were checked against it).
 */
export function shippedAddressFrom(
  stored: Address | undefined,
  paypalOrder: PaypalOrder
): Address | undefined {
  const shipping = paypalOrder.purchase_units?.[0]?.shipping;
  const a = shipping?.address;
  if (!stored || !a?.country_code) return undefined;
  const reported: Address = {
    country: a.country_code,
    ...(a.postal_code && {postalCode: a.postal_code}),
    ...(a.admin_area_1 && {region: a.admin_area_1}),
    ...(a.admin_area_2 && {city: a.admin_area_2}),
    ...(a.address_line_1 && {line1: a.address_line_1}),
    ...(a.address_line_2 && {line2: a.address_line_2}),
  };
  const name = shipping?.name?.full_name ?? stored.name;
  if (name) reported.name = name;
  if (place(reported) !== place(stored)) return undefined;
  const same = (['line1', 'line2', 'name'] as const).every(
    (key) => (reported[key] ?? '') === (stored[key] ?? '')
  );
  return same ? undefined : reported;
}

/**
 * The order's pricing for the address and rate chosen in PayPal's window, with the quote the
 * element shows. The code applied when the order was opened stays applied: this order holds its
 * use, and its dates are judged when the order was opened, as they were then. Throws
 * shipping_not_available (priceCart) for an address the shop does not ship to.
 */
export function repriceOrder(
  catalog: Catalog,
  order: Order,
  request: {shippingAddress: Address; shippingRate?: string | undefined}
): {quote: Quote; pricing: OrderPricing} {
  if (!order.lines.some((line) => line.shippable)) {
    throw invalidRequest('Nothing in this order is shipped.');
  }
  const shippingAddress = shippingAddressFrom(
    order.shippingAddress,
    request.shippingAddress
  );
  const quote = priceCart(
    catalog,
    {
      items: order.lines.map(({sku, quantity}) => ({sku, quantity})),
      currency: order.currency,
      shippingAddress,
      shippingRate: request.shippingRate ?? order.shippingRate?.id,
      discountCode: order.discountCode,
      // The lines keep the names the buyer read.
      locale: order.locale,
    },
    {now: new Date(order.createdAt)}
  );
  const rate = quote.shippingRates.find((r) => r.id === quote.shippingRate);
  if (!rate) {
    throw new ApiError(
      400,
      'shipping_not_available',
      'The shop does not ship to this address.'
    );
  }
  return {
    quote,
    pricing: {
      ...quoteSums(quote),
      shippingRate: orderShippingRate(rate),
      shippingAddress,
    },
  };
}
