import type {MiddlewareHandler} from 'hono';
import type {Logger} from '../log.js';

/** The value the nearest proxy wrote: the last of a comma-separated header. */
const lastValue = (header: string | undefined) =>
  header?.split(',').at(-1)?.trim() || undefined;

/**
 * With TRUST_PROXY: compares what the proxy says it forwarded (X-Forwarded-Proto and
 * X-Forwarded-Host) with the shop's public origin, and warns once per other origin it sees —
 * the sign of a proxy that serves another name, or drops the scheme. It changes nothing else:
 * the request is answered as it would be, and what is trusted (redirect targets, CORS, the
 * origin guard, HSTS) still comes from PUBLIC_URL and ALLOWED_ORIGINS alone.
 */
export function forwardedOriginCheck(
  publicOrigin: string,
  logger: Logger
): MiddlewareHandler {
  const warned = new Set<string>();
  return async (c, next) => {
    const proto = lastValue(c.req.header('x-forwarded-proto'));
    const host = lastValue(c.req.header('x-forwarded-host'));
    if (proto && host && warned.size < 20) {
      const forwarded = `${proto.toLowerCase()}://${host.toLowerCase()}`;
      if (forwarded !== publicOrigin && !warned.has(forwarded)) {
        warned.add(forwarded);
        logger.warn(
          {forwarded: forwarded.slice(0, 200), publicOrigin},
          'the proxy forwards requests for another origin than PUBLIC_URL: nothing is trusted for it; check the proxy or PUBLIC_URL'
        );
      }
    }
    await next();
  };
}
