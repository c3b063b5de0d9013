/**
 * Opening an order: the one place a cart becomes a stored `pending` order, for every provider.
 * The row is written before the provider hears of it, so a webhook never arrives for an order
 * we do not have.
 */
import {createHash, randomBytes, timingSafeEqual} from 'node:crypto';
import type {CartItem, PaymentProvider} from '../contract.js';
import type {CheckoutContext} from '../context.js';
import {ApiError} from '../errors.js';
import {priceCart} from '../pricing.js';
import type {Order} from './order.js';

export interface OrderRequest {
  items: CartItem[];
  currency?: string;
  email?: string;
  locale?: string;
  /** The total the buyer saw; a repriced total that differs means they must look again. */
  expectedTotal?: number;
}

export async function openOrder(
  ctx: CheckoutContext,
  provider: PaymentProvider,
  request: OrderRequest
): Promise<{order: Order; token: string}> {
  const quote = priceCart(ctx.catalog, request.items, request.currency);
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
  const token = randomBytes(32).toString('base64url');
  const order = await ctx.store.create(
    {
      id: `ord_${randomBytes(12).toString('base64url')}`,
      provider,
      currency: quote.currency,
      subtotal: quote.subtotal,
      total: quote.total,
      lines: quote.lines,
      email: request.email,
      locale: request.locale,
    },
    hashToken(token)
  );
  return {order, token};
}

/** Order tokens are stored only as a SHA-256: a leaked database does not leak read access. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
