/**
 * Fixed response headers, set before the route runs. On @hono/node-server a header added to a
 * finished answer with `c.header()` (what hono/cors and an after-`next()` header do) turns the
 * answer into a new Response whose body is streamed, and reading `c.res` before the route makes
 * Hono rebuild the route's answer the same way; headers set beforehand are part of the answer
 * the route builds (`c.json`, `c.body`, the error handler's), which the adapter writes at once.
 * A route that returns a Response of its own (an idempotent replay) gets them afterwards, on
 * that Response's headers, which costs the adapter nothing either.
 */
import type {Context, MiddlewareHandler} from 'hono';

export type HeaderList = readonly (readonly [name: string, value: string])[];

/** Sets `headers` on the answer the route builds; afterwards, adds the ones it lacks. */
export function responseHeaders(headers: HeaderList): MiddlewareHandler {
  return async (c, next) => {
    for (const [name, value] of headers) c.header(name, value);
    await next();
    addMissing(c, headers);
  };
}

/** After `next()`: what a Response the route built itself lacks of `headers`. */
export function addMissing(c: Context, headers: HeaderList) {
  const answer = c.res.headers;
  for (const [name, value] of headers)
    if (!answer.has(name)) answer.set(name, value);
}

/**
 * The security headers of every answer, pages and API alike: hono/secure-headers' defaults
 * with the options the shop needs, as a list. `publicOrigin` is the shop's (PUBLIC_URL's).
 */
export function securityHeaders(publicOrigin: string | undefined): HeaderList {
  return [
    // The bundle and API are used from the merchant's other origins.
    ['Cross-Origin-Resource-Policy', 'cross-origin'],
    // PayPal's approval window must be able to talk back to the page that opened it.
    ['Cross-Origin-Opener-Policy', 'same-origin-allow-popups'],
    ['Origin-Agent-Cluster', '?1'],
    ['Referrer-Policy', 'no-referrer'],
    // Only a shop served over https may pin browsers to https; over plain http the header is
    // meaningless at best, and it must not depend on what a request claims.
    ...(publicOrigin?.startsWith('https:')
      ? [
          [
            'Strict-Transport-Security',
            'max-age=15552000; includeSubDomains',
          ] as const,
        ]
      : []),
    ['X-Content-Type-Options', 'nosniff'],
    ['X-DNS-Prefetch-Control', 'off'],
    ['X-Download-Options', 'noopen'],
    ['X-Frame-Options', 'SAMEORIGIN'],
    ['X-Permitted-Cross-Domain-Policies', 'none'],
    ['X-XSS-Protection', '0'],
  ];
}
