/**
 * Opening an order: the one place a cart becomes a stored `pending` order, for every gateway.
 * The row is written before the provider hears of it, so a webhook never arrives for an order
 * we do not have.
 */
import {randomBytes} from 'node:crypto';
import type {Catalog} from '../catalog.js';
import type {PaymentProvider} from '../contract.js';
import {ApiError} from '../errors.js';
import type {Order} from '../orders/order.js';
import type {OrderStore} from '../orders/store.js';
import {hashToken, newOrderToken} from '../orders/token.js';
import {priceCart} from '../pricing.js';
import type {OrderRequest} from '../providers/gateway.js';

export async function openOrder(
  deps: {catalog: Catalog; store: OrderStore},
  provider: PaymentProvider,
  request: OrderRequest
): Promise<{order: Order; token: string}> {
  const quote = priceCart(deps.catalog, request.items, request.currency);
  if (
    request.expectedTotal !== undefined &&
    request.expectedTotal !== quote.total
  ) {
    throw new ApiError(
      409,
      'price_changed',
      'The prices have changed; please review the new total.',
      quote
    );
  }
  const token = newOrderToken();
  const order = await deps.store.create(
    {
      id: `ord_${randomBytes(12).toString('base64url')}`,
      provider,
      currency: quote.currency,
      lines: quote.lines,
      subtotal: quote.subtotal,
      discount: quote.discount,
      shipping: quote.shipping,
      tax: quote.tax,
      taxInclusive: quote.taxInclusive,
      total: quote.total,
      email: request.email,
      locale: request.locale,
    },
    hashToken(token)
  );
  return {order, token};
}
