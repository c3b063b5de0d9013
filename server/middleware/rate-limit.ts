/**
 * Abuse limits: how many orders (PaymentIntents, Checkout Sessions, PayPal orders, captures)
 * and quotes one client may ask for per minute. hono-rate-limiter does the counting, against
 * a store of ours in the orders database, so every instance on one PostgreSQL shares each
 * client's count (SQLite: every process on the file). Webhooks are never limited: the
 * providers retry what is refused, and they are verified instead.
 */
import type {Context, MiddlewareHandler} from 'hono';
import {rateLimiter, type Store} from 'hono-rate-limiter';
import type {ErrorBody} from '../contract.js';
import type {GuardStore} from '../orders/store.js';
import {contextHeaders, type HeaderTarget} from './headers.js';

export interface RateLimitOptions {
  /** Creates per client per minute (0: no limit). */
  createPerMinute: number;
  /** Quotes per client per minute (0: no limit). */
  quotePerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  createPerMinute: 30,
  quotePerMinute: 120,
};

/** Who is asking: an address (or its network), never a header the client chose. */
export type ClientAddress = (c: Context) => string | undefined;

const WINDOW_MS = 60_000;

/**
 * The address a limit is counted against. IPv4-mapped IPv6 is the IPv4 address; any other
 * IPv6 address counts as its /64, which one machine (or one home) typically has whole.
 */
export function clientBucket(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(':')) return address;
  const [head, tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The address from the socket, as @hono/node-server's bindings carry it (getConnInfo reads the
 * same); undefined on a runtime without them.
 */
export const socketAddress: ClientAddress = (c) =>
  (c.env as {incoming?: {socket?: {remoteAddress?: string}}} | undefined)
    ?.incoming?.socket?.remoteAddress;

/**
 * With TRUST_PROXY: the address the proxy in front of us saw, which it appends last to
 * X-Forwarded-For (anything before it is what the client claimed). Without a proxy header,
 * the socket's.
 */
export function forwardedAddress(socket: ClientAddress): ClientAddress {
  return (c) => {
    const hops = c.req.header('x-forwarded-for')?.split(',');
    const last = hops?.at(-1)?.trim();
    return last || socket(c);
  };
}

/** hono-rate-limiter's Store over our GuardStore; keys are prefixed per limit. */
function storeFor(guards: GuardStore, prefix: string): Store {
  let windowMs = WINDOW_MS;
  return {
    prefix,
    localKeys: false,
    init(options) {
      windowMs = options.windowMs;
    },
    async increment(key) {
      const {hits, resetAt} = await guards.countHit(
        `${prefix}${key}`,
        windowMs
      );
      return {totalHits: hits, resetTime: new Date(resetAt)};
    },
    decrement: (key) => guards.uncountHit(`${prefix}${key}`),
    resetKey: (key) => guards.resetHits(`${prefix}${key}`),
  };
}

interface LimitInfo {
  limit: number;
  remaining: number;
  resetTime?: Date;
}

/**
 * hono-rate-limiter's draft-7 headers (`RateLimit`, `RateLimit-Policy`), the same values, set
 * through the app's header target rather than with `c.header()` (see headers.ts).
 */
function standardHeaders(c: Context, target: HeaderTarget) {
  const info = c.get('rateLimit' as never) as LimitInfo | undefined;
  if (!info) return;
  // As hono-rate-limiter counts it: on the process's clock.
  const reset = info.resetTime
    ? Math.max(0, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000))
    : Math.ceil(WINDOW_MS / 1000);
  target.set(c, [
    ['RateLimit-Policy', `${info.limit};w=${Math.ceil(WINDOW_MS / 1000)}`],
    [
      'RateLimit',
      `limit=${info.limit}, remaining=${info.remaining}, reset=${reset}`,
    ],
  ]);
}

function limiter(
  guards: GuardStore,
  name: string,
  limit: number,
  clientAddress: ClientAddress,
  now: () => Date,
  target: HeaderTarget
): MiddlewareHandler {
  if (limit <= 0) return (_c, next) => next();
  const limited = rateLimiter({
    windowMs: WINDOW_MS,
    limit,
    standardHeaders: false,
    keyGenerator: (c) => clientBucket(clientAddress(c)),
    store: storeFor(guards, `${name}:`),
    handler: (c) => {
      standardHeaders(c, target);
      const info = c.get('rateLimit' as never) as
        {resetTime?: Date} | undefined;
      const reset = info?.resetTime?.getTime() ?? now().getTime() + WINDOW_MS;
      const seconds = Math.max(1, Math.ceil((reset - now().getTime()) / 1000));
      c.header('Retry-After', String(seconds));
      const body: ErrorBody = {
        error: {
          code: 'rate_limited',
          message: `Too many requests from this address; try again in ${seconds} s.`,
        },
      };
      return c.json(body, 429);
    },
  });
  return (c, next) =>
    limited(c, () => {
      standardHeaders(c, target);
      return next();
    });
}

/** The two limits as middleware: `create` for every endpoint that makes something, `quote`. */
export function rateLimits(
  guards: GuardStore,
  options: RateLimitOptions,
  clientAddress: ClientAddress,
  now: () => Date,
  target: HeaderTarget = contextHeaders
) {
  return {
    create: limiter(
      guards,
      'create',
      options.createPerMinute,
      clientAddress,
      now,
      target
    ),
    quote: limiter(
      guards,
      'quote',
      options.quotePerMinute,
      clientAddress,
      now,
      target
    ),
  };
}
