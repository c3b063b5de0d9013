/**
 * The browser's side of the emulator's REST API, shared by the fake Stripe.js and its frames.
 * Like Stripe.js it sends form-encoded bodies (a CORS-safelisted type, so no preflight) with the
 * publishable key as `key`, and it never rejects: network failures and unreadable answers come
 * back as Stripe errors, the way `stripe.confirmPayment()` reports them.
 */
import type {StripeError} from '@stripe/stripe-js';

type ApiResult<T> =
  {data: T; error?: undefined} | {data?: undefined; error: StripeError};

type Params = Record<string, string | undefined>;

/** A hung request ends as a connection error rather than a checkout that spins forever. */
const TIMEOUT_MS = 30_000;

export function connectionError(): StripeError {
  return {
    type: 'api_connection_error',
    message: 'An error occurred with our connection to Stripe.',
  };
}

export function createApi(base: string, key: string) {
  async function request<T>(
    method: 'GET' | 'POST',
    path: string,
    params: Params
  ): Promise<ApiResult<T>> {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries({...params, key})) {
      if (value !== undefined) form.set(name, value);
    }
    const url = new URL(path, base);
    if (method === 'GET') url.search = form.toString();
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers:
          method === 'POST'
            ? {'content-type': 'application/x-www-form-urlencoded'}
            : undefined,
        body: method === 'POST' ? form.toString() : undefined,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      return {error: connectionError()};
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (response.ok && isRecord(body)) return {data: body as T};
    if (isRecord(body) && isRecord(body.error)) {
      return {error: body.error as unknown as StripeError};
    }
    return {
      error: {
        type: 'api_error',
        message: `An unexpected error occurred (HTTP ${response.status}).`,
      },
    };
  }

  return {
    get: <T>(path: string, params: Params = {}) =>
      request<T>('GET', path, params),
    post: <T>(path: string, params: Params = {}) =>
      request<T>('POST', path, params),
  };
}

export type Api = ReturnType<typeof createApi>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
