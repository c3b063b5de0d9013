/**
 * The middleware every API request passes through, as small named factories: a debug id on
 * every answer, CORS for the JS SDK, the JSON body, and injected faults.
 */
import type {MiddlewareHandler} from 'hono';
import {cors} from 'hono/cors';
import type {FaultController} from '../../shared/faults.js';
import {requestFaults} from '../../shared/request-faults.js';
import {newDebugId} from '../core/ids.js';
import type {EventRecord} from '../core/state.js';
import type {Env} from './context.js';
import {PaypalApiError, detail} from './errors.js';

/** `Paypal-Debug-Id` on every answer, as PayPal sends (and quotes in error bodies). */
export function debugId(): MiddlewareHandler<Env> {
  return async (c, next) => {
    const id = newDebugId();
    c.set('debugId', id);
    await next();
    c.res.headers.set('Paypal-Debug-Id', id);
  };
}

/** The JS SDK calls the API from the shop's origin (the real one calls from paypal.com). */
export const corsForBrowsers = cors({
  origin: '*',
  allowMethods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
  allowHeaders: [
    'Authorization',
    'Content-Type',
    'PayPal-Request-Id',
    'Prefer',
  ],
  exposeHeaders: ['Paypal-Debug-Id'],
  maxAge: 300,
});

/** POST and PATCH bodies are JSON (415 otherwise); an empty body is allowed (capture needs none). */
export function jsonBody(): MiddlewareHandler<Env> {
  return async (c, next) => {
    c.set('body', undefined);
    if (c.req.method === 'POST' || c.req.method === 'PATCH') {
      const text = await c.req.text();
      if (text.trim()) {
        if (!(c.req.header('Content-Type') ?? '').includes('json')) {
          throw new PaypalApiError(415, []);
        }
        try {
          c.set('body', JSON.parse(text));
        } catch {
          throw new PaypalApiError(400, [detail('MALFORMED_REQUEST_JSON')]);
        }
      }
    }
    await next();
  };
}

/**
 * Injected faults act after idempotency, so a hanging request holds its PayPal-Request-Id (a
 * retry meanwhile gets 409) and a failed one saves nothing (a retry runs normally).
 */
export function paypalRequestFaults(
  faults: FaultController<EventRecord>
): MiddlewareHandler<Env> {
  return requestFaults<Env>(faults, {
    closed: () =>
      new PaypalApiError(500, [], {
        message: 'The PayPal emulator closed while this request was hanging.',
      }),
    failed: () =>
      new PaypalApiError(500, [], {
        links: [
          {
            href: 'https://developer.paypal.com/api/orders/v2/#error-INTERNAL_SERVER_ERROR',
            rel: 'information_link',
          },
        ],
      }),
  });
}
