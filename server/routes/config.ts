import {Hono} from 'hono';
import type {ConfigResponse} from '../contract.js';
import type {CheckoutContext} from '../context.js';

/** GET /api/config: what the browser may know — publishable keys and client ids, never secrets. */
export function configRoutes(ctx: CheckoutContext) {
  return new Hono().get('/', (c) => {
    const providers: Record<string, unknown> = {};
    for (const [name, gateway] of ctx.gateways)
      providers[name] = gateway.browserConfig();
    const body: ConfigResponse = {
      currency: ctx.catalog.defaultCurrency,
      ...(ctx.locale && {locale: ctx.locale}),
      providers: providers as ConfigResponse['providers'],
    };
    return c.json(body);
  });
}
