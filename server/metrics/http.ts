/**
 * GET /metrics and the middleware that counts every request. The middleware only reads the
 * clock, the matched route's pattern and the answer's status: no header, no body, no new
 * Response, so the fast paths (middleware/headers.ts) stay fast.
 */
import {createHash, timingSafeEqual} from 'node:crypto';
import type {Context, MiddlewareHandler} from 'hono';
import {routePath} from 'hono/route';
import {answerNotFound} from '../errors.js';
import {socketAddress} from '../middleware/rate-limit.js';
import {isLoopbackHost} from '../net.js';
import type {CheckoutMetrics} from './metrics.js';

export function requestMetrics(metrics: CheckoutMetrics): MiddlewareHandler {
  return async function countRequest(c, next) {
    const start = performance.now();
    await next();
    // The pattern of the route that answered, which is the last one run (`/api/orders/:id`,
    // `/api/*` for an unknown API path, `/*` when nothing matched): a bounded set, unlike the
    // paths themselves.
    metrics.request(
      c.req.method,
      routePath(c) || 'unmatched',
      c.res.status,
      (performance.now() - start) / 1000
    );
  };
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Who may read /metrics: with a token, a request bearing it (compared in constant time);
 * without one, only a client on this machine, as the socket says (never a header), and not
 * through a proxy on this machine (a request carrying forwarding headers is refused: their
 * presence can only take trust away). Everyone else gets the 404 of an unknown path.
 */
export function metricsAccess(token: string | undefined) {
  const expected = token === undefined ? undefined : digest(token);
  return (c: Context): boolean => {
    if (expected) {
      const header = c.req.header('authorization') ?? '';
      const match = /^Bearer (.+)$/i.exec(header);
      return Boolean(match) && timingSafeEqual(digest(match![1]), expected);
    }
    const address = socketAddress(c);
    if (!address) return false;
    if (c.req.header('x-forwarded-for') || c.req.header('forwarded'))
      return false;
    return isLoopbackHost(address.replace(/^::ffff:/i, ''));
  };
}

export function metricsRoute(
  metrics: CheckoutMetrics,
  token: string | undefined
) {
  const allowed = metricsAccess(token);
  return async (c: Context) => {
    // The very answer of a path that does not exist: nothing says it is here.
    if (!allowed(c)) return answerNotFound(c);
    const body = await metrics.scrape();
    return c.body(body, 200, {
      'Content-Type': metrics.contentType,
      'Cache-Control': 'no-store',
    });
  };
}
