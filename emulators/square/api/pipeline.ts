/**
 * The middleware every API request passes through, as small named factories: the access token,
 * the JSON body, and injected faults.
 */
import type {MiddlewareHandler} from 'hono';
import type {FaultController} from '../../shared/faults.js';
import {requestFaults} from '../../shared/request-faults.js';
import type {Env} from './context.js';
import {
  internalError,
  invalidRequest,
  requestError,
  unauthorized,
} from './errors.js';

/**
 * `Authorization: Bearer <access token>` (developer.squareup.com/docs/build-basics/access-tokens);
 * anything else is 401 AUTHENTICATION_ERROR / UNAUTHORIZED. `Square-Version` is accepted, whatever
 * it says (each SDK release pins one).
 */
export function requireAccessToken(
  accessToken: string
): MiddlewareHandler<Env> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    if (header === undefined) {
      throw unauthorized(
        'Your request did not include an `Authorization` http header with an access token. The header value is expected to be of the format "Bearer TOKEN" (without quotation marks), where TOKEN is to be replaced with your access token.'
      );
    }
    const match = /^Bearer\s+(\S+)$/.exec(header.trim());
    if (!match || match[1] !== accessToken) {
      throw unauthorized('This request could not be authorized.');
    }
    await next();
  };
}

/** POST and PUT bodies are JSON; an empty body is an empty request (cancel needs none). */
export function jsonBody(): MiddlewareHandler<Env> {
  return async (c, next) => {
    c.set('body', undefined);
    if (c.req.method === 'POST' || c.req.method === 'PUT') {
      const text = await c.req.text();
      if (text.trim()) {
        try {
          c.set('body', JSON.parse(text));
        } catch {
          throw invalidRequest(
            requestError(
              'EXPECTED_JSON_BODY',
              'The request body is not a JSON object.'
            )
          );
        }
      }
    }
    await next();
  };
}

/**
 * Injected faults act before the endpoint looks at its idempotency key: a failed request
 * touches nothing (its retry runs normally), a hanging one runs when it wakes.
 */
export function squareRequestFaults(
  faults: FaultController<unknown>
): MiddlewareHandler<Env> {
  return requestFaults<Env>(faults, {
    closed: () =>
      internalError(
        'The Square emulator closed while this request was hanging.'
      ),
    failed: () =>
      internalError(
        'An internal error has occurred, and the API was unable to service your request.'
      ),
  });
}
