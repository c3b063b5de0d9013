import type {MiddlewareHandler} from 'hono';
import {ApiError} from '../errors.js';
import {contextHeaders, type HeaderList, type HeaderTarget} from './headers.js';

// Idempotency-Key: the element sends one with every create (a retry is the same order).
const PREFLIGHT: HeaderList = [
  ['Access-Control-Max-Age', '600'],
  ['Access-Control-Allow-Methods', 'GET,POST,OPTIONS'],
  [
    'Access-Control-Allow-Headers',
    'Content-Type,Authorization,Idempotency-Key',
  ],
];

const VARY_ORIGIN: HeaderList = [['Vary', 'Origin']];
const MAX_KEPT_ORIGINS = 64;

/**
 * Who may call the API from a browser: the shop's own origin (its public URL), plus
 * ALLOWED_ORIGINS (the merchant's sites that embed the element). Both come from configuration;
 * the request's own Host or X-Forwarded-Host never adds an origin, so a request that lies about
 * where it was sent is still answered but trusted no further. CORS headers go to those origins
 * only, and a request that names another origin is refused outright, so a foreign page cannot
 * even create orders through a simple request.
 */
export function originGuard(
  origins: {publicOrigin?: string; allowedOrigins: readonly string[]},
  target: HeaderTarget = contextHeaders
): MiddlewareHandler {
  const allowed = new Set(
    origins.allowedOrigins.map((origin) =>
      origin === '*' ? origin : new URL(origin).origin
    )
  );
  if (origins.publicOrigin) allowed.add(new URL(origins.publicOrigin).origin);
  const isAllowed = (origin: string) => allowed.has('*') || allowed.has(origin);
  // Each allowed origin's headers, made once (the list is what the target keeps): at most a
  // few configured origins, or with "*" any number, of which the first ones are kept.
  const byOrigin = new Map<string, HeaderList>();
  const allowedHeaders = (origin: string): HeaderList => {
    let headers = byOrigin.get(origin);
    if (headers === undefined) {
      headers = [
        ['Access-Control-Allow-Origin', origin],
        ['Vary', 'Origin'],
      ];
      if (byOrigin.size < MAX_KEPT_ORIGINS) byOrigin.set(origin, headers);
    }
    return headers;
  };

  // hono/cors's answers, with the headers set before the route rather than after it (see
  // headers.ts): every answer varies by Origin, and any OPTIONS request is a preflight, answered
  // before the origin is judged (a foreign one gets no Allow-Origin, so its browser stops there).
  // Not an async function: on Node nothing is left to do after the route (headers.ts).
  return (c, next) => {
    const origin = c.req.header('origin');
    const allowedOrigin = !origin || isAllowed(origin);
    const headers =
      origin && allowedOrigin ? allowedHeaders(origin) : VARY_ORIGIN;
    if (c.req.method === 'OPTIONS') {
      target.set(c, [
        ...headers,
        ...PREFLIGHT,
        ['Vary', 'Origin, Access-Control-Request-Headers'],
      ]);
      return Promise.resolve(c.body(null, 204));
    }
    const onAnswer = target.set(c, headers);
    if (!allowedOrigin) {
      throw new ApiError(
        403,
        'forbidden_origin',
        `Requests from ${origin} are not allowed (see ALLOWED_ORIGINS).`
      );
    }
    return onAnswer ? next().then(() => target.ensure(c, headers)) : next();
  };
}
