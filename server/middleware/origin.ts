import type {MiddlewareHandler} from 'hono';
import {ApiError} from '../errors.js';
import {addMissing, type HeaderList} from './headers.js';

// Idempotency-Key: the element sends one with every create (a retry is the same order).
const PREFLIGHT: HeaderList = [
  ['Access-Control-Max-Age', '600'],
  ['Access-Control-Allow-Methods', 'GET,POST,OPTIONS'],
  [
    'Access-Control-Allow-Headers',
    'Content-Type,Authorization,Idempotency-Key',
  ],
];

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
  // hono/cors's answers, with the headers set before the route rather than after it (see
  // headers.ts): every answer varies by Origin, and any OPTIONS request is a preflight.
  const corsHeaders: MiddlewareHandler = async (c, next) => {
    const origin = c.req.header('origin');
    const allowOrigin = origin && isAllowed(origin) ? origin : undefined;
    if (allowOrigin) c.header('Access-Control-Allow-Origin', allowOrigin);
    c.header('Vary', 'Origin', {append: true});
    if (c.req.method === 'OPTIONS') {
      for (const [name, value] of PREFLIGHT) c.header(name, value);
      c.header('Vary', 'Access-Control-Request-Headers', {append: true});
      return c.body(null, 204);
    }
    await next();
    addMissing(c, [
      ...(allowOrigin
        ? [['Access-Control-Allow-Origin', allowOrigin] as const]
        : []),
      ['Vary', 'Origin'],
    ]);
  };
  return [corsHeaders, guard];
}
