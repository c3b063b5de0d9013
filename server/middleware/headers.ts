/**
 * Fixed response headers (the security headers, the API's policy, CORS), set before the route
 * runs. On @hono/node-server a header added to a finished answer with `c.header()` (what
 * hono/cors and an after-`next()` header do) turns the answer into a new Response whose body is
 * streamed, and reading `c.res` before the route makes Hono rebuild the route's answer the same
 * way; headers set beforehand are part of the answer the route builds (`c.json`, `c.body`, the
 * error handler's), which the adapter writes at once.
 *
 * Where they are set is a HeaderTarget: on the answer (`contextHeaders`, the default, on any
 * runtime), or on the HTTP server's own response (server/node-http.ts's `nodeHeaders`), where
 * they are a plain object that Node merges into whatever the app answers, rather than a Fetch
 * Headers built for each answer, which costs more than the rest of a quote's headers.
 */
import type {Context, MiddlewareHandler} from 'hono';

export type HeaderList = readonly (readonly [name: string, value: string])[];

export interface HeaderTarget {
  /**
   * Before the route: sets `headers` (replacing any of the same name) for its answer. True
   * when they went on the answer itself, which `ensure` must then check after the route.
   */
  set(c: Context, headers: HeaderList): boolean;
  /** After it: makes sure the answer has them (a Response the route built itself may not). */
  ensure(c: Context, headers: HeaderList): void;
}

/** On the answer itself: Hono's prepared headers, which every context-built Response carries. */
export const contextHeaders: HeaderTarget = {
  set(c, headers) {
    for (const [name, value] of headers) c.header(name, value);
    return true;
  },
  ensure(c, headers) {
    const answer = c.res.headers;
    for (const [name, value] of headers)
      if (!answer.has(name)) answer.set(name, value);
  },
};

/**
 * Sets `headers` on every answer of the routes after it. Not an async function: where nothing
 * is left to do after the route (Node's response holds the headers), it hands on the route's
 * own promise rather than making and awaiting another one on every request.
 */
export function responseHeaders(
  headers: HeaderList,
  target: HeaderTarget = contextHeaders
): MiddlewareHandler {
  return (c, next) =>
    target.set(c, headers)
      ? next().then(() => target.ensure(c, headers))
      : next();
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
