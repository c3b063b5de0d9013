import {Hono} from 'hono';
import {quoteRequestSchema} from '../contract.js';
import type {CheckoutContext} from '../context.js';
import {priceCart} from '../pricing.js';
import {readJson} from '../validation.js';

/** POST /api/quote: the cart priced from the catalog, for the element to display. */
export function quoteRoutes(ctx: CheckoutContext) {
  return new Hono().post('/', async (c) => {
    const cart = await readJson(c, quoteRequestSchema);
    return c.json(priceCart(ctx.catalog, cart.items, cart.currency));
  });
}
