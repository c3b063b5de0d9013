import {Hono} from 'hono';
import type {ConfigResponse} from '../contract.js';
import type {CheckoutContext} from '../context.js';

/** GET /api/config: what the browser may know — publishable keys and client ids, never secrets. */
export function configRoutes(ctx: CheckoutContext) {
  return new Hono().get('/', (c) => {
    const {stripe, paypal} = ctx;
    const body: ConfigResponse = {
      currency: ctx.catalog.defaultCurrency,
      ...(ctx.locale && {locale: ctx.locale}),
      providers: {
        ...(stripe && {
          stripe: {
            publishableKey: stripe.publishableKey,
            ...(stripe.jsUrl && {jsUrl: stripe.jsUrl}),
          },
        }),
        ...(paypal && {
          paypal: {
            clientId: paypal.clientId,
            // The JS SDK's name for live.
            environment:
              paypal.environment === 'live' ? 'production' : 'sandbox',
            ...(paypal.sdkBaseUrl && {sdkBaseUrl: paypal.sdkBaseUrl}),
          },
        }),
      },
    };
    return c.json(body);
  });
}
