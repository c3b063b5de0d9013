import {Hono} from 'hono';
import type {ConfigResponse} from '../contract.js';
import type {CheckoutContext} from '../context.js';

/** GET /api/config: what the browser may know — publishable keys, never secrets. */
export function configRoutes(ctx: CheckoutContext) {
  return new Hono().get('/', (c) => {
    const {stripe} = ctx;
    const body: ConfigResponse = {
      currency: ctx.catalog.defaultCurrency,
      ...(ctx.locale && {locale: ctx.locale}),
      providers: {
        ...(stripe && {
          stripe: {publishableKey: stripe.publishableKey, ...(stripe.jsUrl && {jsUrl: stripe.jsUrl})},
        }),
      },
    };
    return c.json(body);
  });
}
