/**
 * Repricing: a cart (SKUs and quantities) becomes a quote from the catalog alone. Whatever
 * else the client sent was already dropped by the contract schema; nothing here trusts it.
 */
import type {Catalog} from './catalog.js';
import type {CartItem, Quote, QuoteLine} from './contract.js';
import {ApiError} from './errors.js';

export function priceCart(
  catalog: Catalog,
  items: CartItem[],
  requestedCurrency?: string
): Quote {
  const currency = requestedCurrency ?? catalog.defaultCurrency;
  if (!catalog.currencies.has(currency)) {
    throw new ApiError(
      400,
      'currency_not_supported',
      `The shop does not sell in ${currency.toUpperCase()}.`
    );
  }

  // The same SKU twice is one line: merged in first-seen order, so the result is deterministic.
  const quantities = new Map<string, number>();
  for (const {sku, quantity} of items) {
    quantities.set(sku, (quantities.get(sku) ?? 0) + quantity);
  }

  const lines: QuoteLine[] = [];
  for (const [sku, quantity] of quantities) {
    const product = catalog.bySku.get(sku);
    if (!product) {
      throw new ApiError(400, 'unknown_sku', `There is no product "${sku}".`);
    }
    if (quantity > product.maxQuantity) {
      throw new ApiError(
        400,
        'quantity_out_of_range',
        `"${product.name}" can be bought at most ${product.maxQuantity} at a time.`
      );
    }
    const unitAmount = product.prices[currency];
    if (unitAmount === undefined) {
      throw new ApiError(
        400,
        'currency_not_supported',
        `"${product.name}" is not sold in ${currency.toUpperCase()}.`
      );
    }
    lines.push({
      sku,
      name: product.name,
      unitAmount,
      quantity,
      amount: unitAmount * quantity,
      discount: 0,
      tax: 0,
      shippable: true,
    });
  }

  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  if (!Number.isSafeInteger(subtotal)) {
    throw new ApiError(
      400,
      'quantity_out_of_range',
      'The cart total is too large.'
    );
  }
  return {
    currency,
    lines,
    subtotal,
    discount: 0,
    shipping: 0,
    tax: 0,
    taxInclusive: false,
    total: subtotal,
    requiresShipping: false,
    shippingRates: [],
  };
}
