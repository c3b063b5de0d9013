import {Hono} from 'hono';
import type {CheckoutContext} from '../context.js';
import type {Order} from '../orders/order.js';
import {toOrderResponse} from '../orders/order.js';
import {syncOrder} from '../payments/record-payment.js';
import {authorise} from './authorise.js';

/** GET /api/orders/:id: the buyer's view of an order, for the holder of its token only. */
export function orderRoutes(ctx: CheckoutContext) {
  return new Hono().get('/:id', async (c) => {
    const id = c.req.param('id');
    let order = await authorise(
      ctx.store,
      c,
      () => ctx.store.get(id),
      'No such order.'
    );
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
