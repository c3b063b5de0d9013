import type {MiddlewareHandler} from 'hono';
import {cors} from 'hono/cors';
import {ApiError} from '../errors.js';

/**
 * Who may call the API from a browser: the server's own origin, plus ALLOWED_ORIGINS (the
 * merchant's sites that embed the element). CORS headers go to those origins only, and a
 * request that names another origin is refused outright, so a foreign page cannot even
 * create orders through a simple request.
 */
export function originGuard(
  allowedOrigins: readonly string[]
): MiddlewareHandler[] {
  const allowed = new Set(
    allowedOrigins.map((origin) => new URL(origin).origin)
  );
  const isAllowed = (origin: string, requestUrl: string) =>
    allowed.has('*') ||
    allowed.has(origin) ||
    origin === new URL(requestUrl).origin;

  const guard: MiddlewareHandler = async (c, next) => {
    const origin = c.req.header('origin');
    if (origin && !isAllowed(origin, c.req.url)) {
      throw new ApiError(
        403,
        'forbidden_origin',
        `Requests from ${origin} are not allowed (see ALLOWED_ORIGINS).`
      );
    }
    await next();
  };
  const corsHeaders = cors({
    origin: (origin, c) => (isAllowed(origin, c.req.url) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization'],
    maxAge: 600,
  });
  return [corsHeaders, guard];
}
