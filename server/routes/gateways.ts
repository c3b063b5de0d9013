import {Hono, type MiddlewareHandler} from 'hono';
import type {CheckoutContext} from '../context.js';
import {ApiError} from '../errors.js';
import {openOrder} from '../payments/open-order.js';
import {
  recordPayment,
  recordRefusedAttempt,
} from '../payments/record-payment.js';
import type {Gateway, GatewayRouteServices} from '../providers/gateway.js';
import {GATEWAY_NAMES, GATEWAYS} from '../providers/registry.js';
import {authorise} from './authorise.js';

/**
 * Each gateway's own routes (`/api/stripe/…`, `/api/paypal/…`), mounted under its name and
 * given the payments layer's use cases. A gateway this server does not offer still has its
 * routes: they answer 503 provider_not_configured, as the contract says.
 */
export function gatewayRoutes(
  ctx: CheckoutContext,
  middleware: {createLimit: MiddlewareHandler; idempotent: MiddlewareHandler}
) {
  const routes = new Hono();
  for (const name of GATEWAY_NAMES) {
    const definition = GATEWAYS[name];
    const services: GatewayRouteServices<Gateway> = {
      gateway() {
        const gateway = ctx.gateways.get(name);
        if (!gateway)
          throw new ApiError(
            503,
            'provider_not_configured',
            `${definition.label} is not configured on this server.`
          );
        return gateway;
      },
      catalog: ctx.catalog,
      store: ctx.store,
      logger: ctx.logger,
      openOrder: (request) => openOrder(ctx, name, request),
      recordPayment: (order, event) => recordPayment(ctx, order, event),
      recordRefusedAttempt: (order, paymentId) =>
        recordRefusedAttempt(ctx, order, paymentId),
      authorise: (c, find, notFound) => authorise(ctx.store, c, find, notFound),
      isShopUrl: (url) => isShopUrl(ctx, url),
      ...middleware,
    };
    const mount = definition.routes as (
      services: GatewayRouteServices<Gateway>
    ) => Hono;
    routes.route(`/${name}`, mount(services));
  }
  return routes;
}

/**
 * Whether a redirect target is one of the shop's pages: on its configured public origin or an
 * ALLOWED_ORIGINS entry. Never the request's Host (a spoofed one would name any site), and never
 * `*`, which opens CORS but must not turn a payment page into an open redirect.
 */
function isShopUrl(ctx: CheckoutContext, url: string): boolean {
  const {origin, protocol} = new URL(url);
  if (protocol !== 'https:' && protocol !== 'http:') return false;
  return origin === ctx.publicOrigin || ctx.allowedOrigins.includes(origin);
}
