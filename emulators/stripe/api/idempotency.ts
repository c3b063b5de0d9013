/**
 * Idempotent requests (docs.stripe.com/api/idempotent_requests). The first answer to a POST
 * carrying an `Idempotency-Key` — status and body, errors included — is saved and replayed for
 * the same key. Keys belong to the API key that used them; reusing one on another endpoint or
 * with other parameters is an `idempotency_error`, and so is a retry while the first request
 * is still running (409). Answers to requests that failed validation are not saved.
 */
import type {MiddlewareHandler} from 'hono';
import type {Env} from './context.js';
import {StripeApiError, idempotencyError, invalidParams} from './errors.js';
import {canonicalParams} from './form.js';

interface Saved {
  endpoint: string;
  params: string;
  requestId: string;
  response: {status: number; body: string} | null;
}

export function createIdempotencyStore() {
  return new Map<string, Saved>();
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;

export function idempotency(store: IdempotencyStore): MiddlewareHandler<Env> {
  return async (c, next) => {
    const key = c.req.header('Idempotency-Key');
    if (c.req.method !== 'POST' || key === undefined) {
      c.set('idempotencyKey', null);
      return next();
    }
    if (key.length > 255) {
      throw invalidParams(
        `Idempotency-Key must be at most 255 characters long, but the one provided is ${key.length} characters.`,
        'Idempotency-Key'
      );
    }
    c.set('idempotencyKey', key);
    const scope = `${c.get('auth').key}\n${key}`;
    const endpoint = `${c.req.method} ${c.req.path}`;
    const params = canonicalParams(c.get('params'));
    const saved = store.get(scope);

    if (saved) {
      if (saved.endpoint !== endpoint) {
        throw idempotencyError(
          400,
          `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${saved.endpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`
        );
      }
      if (saved.params !== params) {
        throw idempotencyError(
          400,
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`
        );
      }
      if (!saved.response) {
        throw idempotencyError(
          409,
          `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`,
          'idempotency_key_in_use'
        );
      }
      return new Response(saved.response.body, {
        status: saved.response.status,
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': key,
          'Idempotent-Replayed': 'true',
          'Original-Request': saved.requestId,
        },
      });
    }

    const entry: Saved = {
      endpoint,
      params,
      requestId: c.get('requestId'),
      response: null,
    };
    store.set(scope, entry);
    try {
      await next();
    } catch (error) {
      store.delete(scope);
      throw error;
    }
    const failedValidation =
      c.error instanceof StripeApiError && !c.error.saveIdempotent;
    if (failedValidation || c.get('skipIdempotentSave')) {
      store.delete(scope);
    } else {
      entry.response = {status: c.res.status, body: await c.res.clone().text()};
    }
    c.res.headers.set('Idempotency-Key', key);
  };
}
