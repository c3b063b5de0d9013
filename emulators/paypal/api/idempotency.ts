/**
 * `PayPal-Request-Id` (developer.paypal.com/reference/guidelines/idempotency): "when you include
 * a previously specified PayPal-Request-Id header in a request, PayPal returns the latest status
 * of the previous request" — HTTP 200 with the order as it is now. The emulator also refuses to
 * reuse an id for a different request (PayPal's PAYPAL_REQUEST_ID_PREVIOUSLY_USED), answers 409
 * PREVIOUS_REQUEST_IN_PROGRESS while the first request with an id is still running, and saves
 * only successes: a request that failed (a 4xx, a declined capture) runs again when retried.
 */
import type {MiddlewareHandler} from 'hono';
import type {Env} from './context.js';
import {issueError} from './errors.js';

/** PayPal's limit on the header, in characters. */
const MAX_REQUEST_ID_LENGTH = 108;

interface Saved {
  endpoint: string;
  body: string;
  /** The order the first request answered with; null while it runs. */
  orderId: string | null;
}

export function createIdempotencyStore() {
  return new Map<string, Saved>();
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;

/** Renders the latest status of the order a saved request answered with, or undefined. */
type Replay = (
  orderId: string,
  endpoint: string,
  prefer: string | undefined
) => unknown;

function headerIssue(issue: string, value?: string) {
  return issueError(issue, {
    field: 'PayPal-Request-Id',
    ...(value !== undefined && {value}),
    location: 'header',
  });
}

/** Needs the JSON body parsed first (`body`), to compare a retry with the first request. */
export function idempotency(
  store: IdempotencyStore,
  replay: Replay
): MiddlewareHandler<Env> {
  return async (c, next) => {
    const id = c.req.header('PayPal-Request-Id');
    if (c.req.method !== 'POST' || id === undefined) return next();
    if (id.length < 1 || id.length > MAX_REQUEST_ID_LENGTH) {
      throw headerIssue('INVALID_STRING_LENGTH', id);
    }
    const endpoint = `${c.req.method} ${c.req.path}`;
    const body = JSON.stringify(c.get('body') ?? {});
    const saved = store.get(id);

    if (saved) {
      if (saved.endpoint !== endpoint || saved.body !== body) {
        throw headerIssue('PAYPAL_REQUEST_ID_PREVIOUSLY_USED', id);
      }
      if (saved.orderId === null)
        throw headerIssue('PREVIOUS_REQUEST_IN_PROGRESS', id);
      const view = replay(saved.orderId, endpoint, c.req.header('Prefer'));
      if (view !== undefined) {
        return c.json(view as object, 200, {
          'Paypal-Debug-Id': c.get('debugId'),
        });
      }
    }

    const entry: Saved = {endpoint, body, orderId: null};
    store.set(id, entry);
    try {
      await next();
    } catch (error) {
      store.delete(id);
      throw error;
    }
    if (c.res.status >= 200 && c.res.status < 300 && !c.error) {
      const answer = (await c.res
        .clone()
        .json()
        .catch(() => null)) as {id?: unknown} | null;
      if (typeof answer?.id === 'string') {
        entry.orderId = answer.id;
        return;
      }
    }
    store.delete(id);
  };
}
