import type {MiddlewareHandler} from 'hono';
import {cors} from 'hono/cors';
import {ApiError} from '../errors.js';

/**
 * Who may call the API from a browser: the shop's own origin (its public URL), plus
 * ALLOWED_ORIGINS (the merchant's sites that embed the element). Both come from configuration;
 * the request's own Host or X-Forwarded-Host never adds an origin, so a request that lies about
 * where it was sent is still answered but trusted no further. CORS headers go to those origins
 * only, and a request that names another origin is refused outright, so a foreign page cannot
 * even create orders through a simple request.
 */
export function originGuard(origins: {
  publicOrigin?: string;
  allowedOrigins: readonly string[];
}): MiddlewareHandler[] {
  const allowed = new Set(
    origins.allowedOrigins.map((origin) =>
      origin === '*' ? origin : new URL(origin).origin
    )
  );
  if (origins.publicOrigin) allowed.add(new URL(origins.publicOrigin).origin);
  const isAllowed = (origin: string) => allowed.has('*') || allowed.has(origin);

  const guard: MiddlewareHandler = async (c, next) => {
    const origin = c.req.header('origin');
    if (origin && !isAllowed(origin)) {
      throw new ApiError(
        403,
        'forbidden_origin',
        `Requests from ${origin} are not allowed (see ALLOWED_ORIGINS).`
      );
    }
    await next();
  };
  const corsHeaders = cors({
    origin: (origin) => (isAllowed(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    // Idempotency-Key: the element sends one with every create (a retry is the same order).
    allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key'],
    maxAge: 600,
  });
  return [corsHeaders, guard];
}
