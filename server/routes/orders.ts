import {Hono} from 'hono';
import type {CheckoutContext} from '../context.js';
import {ApiError} from '../errors.js';
import {tokenMatches} from '../orders/open.js';
import {type Order, toOrderResponse} from '../orders/order.js';
import {syncOrder} from '../reconcile.js';

/** GET /api/orders/:id: the buyer's view of an order, for the holder of its token only. */
export function orderRoutes(ctx: CheckoutContext) {
  return new Hono().get('/:id', async (c) => {
    const token = /^Bearer (\S+)$/.exec(
      c.req.header('authorization') ?? ''
    )?.[1];
    if (!token)
      throw new ApiError(
        401,
        'unauthorized',
        'Send the order token as "Authorization: Bearer <token>".'
      );
    const id = c.req.param('id');
    const storedHash = await ctx.store.tokenHash(id);
    // An unknown order and a wrong token look the same: order ids are not an oracle.
    if (!storedHash || !tokenMatches(token, storedHash))
      throw new ApiError(404, 'not_found', 'No such order.');

    let order = (await ctx.store.get(id))!;
    if (isWaitingTooLong(ctx, order)) order = await syncOrder(ctx, order);
    return c.json(toOrderResponse(order));
  });
}

// A webhook normally settles an order within seconds. When it has not, the reader asks the
// provider directly, so a dropped webhook never leaves a paid buyer looking at "pending".
function isWaitingTooLong(ctx: CheckoutContext, order: Order): boolean {
  if (!order.providerPaymentId) return false;
  if (order.status !== 'pending' && order.status !== 'processing') return false;
  return ctx.now().getTime() - Date.parse(order.updatedAt) >= ctx.staleAfterMs;
}
