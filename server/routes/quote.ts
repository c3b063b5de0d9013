import {Hono} from 'hono';
import {priceCart} from '../catalog/index.js';
import {quoteRequestSchema} from '../contract.js';
import type {CheckoutContext} from '../context.js';
import {discountUsage} from '../payments/open-order.js';
import {readJson} from '../validation.js';

/**
 * POST /api/quote: the request priced from the catalog, for the element to display. The same
 * pricing as every create (payments/open-order.ts), so what the buyer sees is what they pay;
 * a quote has no email, so a once-per-email code is checked when the order is created.
 */
export function quoteRoutes(ctx: CheckoutContext) {
  return new Hono().post('/', async (c) => {
    const request = await readJson(c, quoteRequestSchema);
    const discount = request.discountCode
      ? ctx.catalog.byCode.get(request.discountCode)
      : undefined;
    // Most quotes have no code: no store and no await for them.
    const usage = discount && (await discountUsage(ctx, discount));
    return c.json(priceCart(ctx.catalog, request, {now: ctx.now(), usage}));
  });
}
