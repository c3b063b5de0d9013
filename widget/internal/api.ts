/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The companion server's HTTP API, as the widget calls it. Types come from the server's
 * contract with `import type` only, so the bundle pays nothing for them.
 */
import type {
  ConfigResponse,
  ErrorBody,
  OrderResponse,
  Quote,
  QuoteRequest,
} from '../contract.js';
import {randomKey} from './random.js';

/** An error answered by the server (`{error: {code, message}}`) or a failed request. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: string;
  /** The HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  /** Present on `price_changed`: the fresh quote. */
  readonly quote?: Quote;
  /** Present on some `card_declined`: why, for a sentence in the buyer's language. */
  readonly declineCode?: string;

  constructor(
    code: string,
    message: string,
    status: number,
    quote?: Quote,
    declineCode?: string
  ) {
    super(message);
    this.code = code;
    this.status = status;
    this.quote = quote;
    this.declineCode = declineCode;
  }
}

/**
 * The default API base: the origin of the script this module was loaded from. Served by the
 * companion server as `/pay-checkout.js`, that is the server itself. When a bundler has
 * rewritten `import.meta.url` to something that is not http(s), fall back to the page.
 */
export function defaultServer(): string {
  try {
    const url = new URL(import.meta.url);
    if (url.protocol === 'http:' || url.protocol === 'https:')
      return url.origin;
  } catch {
    // A bundler may leave import.meta.url unusable; the page's origin is the next best guess.
  }
  return typeof location === 'undefined' ? '' : location.origin;
}

export class Api {
  private readonly _base: string;

  /** The companion server's base URL, without a trailing slash. */
  get base(): string {
    return this._base;
  }

  /** The last create that got no answer, and the key it was sent with. */
  private _unanswered?: [request: string, key: string];

  constructor(base: string) {
    this._base = base.replace(/\/+$/, '');
  }

  config(signal?: AbortSignal): Promise<ConfigResponse> {
    return this._request('GET', '/api/config', {signal});
  }

  quote(body: QuoteRequest, signal?: AbortSignal): Promise<Quote> {
    return this._request('POST', '/api/quote', {body, signal});
  }

  /** An order, read with the token its creator was given (`Authorization: Bearer`). */
  order(
    id: string,
    token: string,
    signal?: AbortSignal
  ): Promise<OrderResponse> {
    return this.authorized(
      'GET',
      `/api/orders/${encodeURIComponent(id)}`,
      token,
      signal
    );
  }

  /** A request only an order's creator may make: it carries the order's token. */
  authorized<T>(
    method: 'GET' | 'POST',
    path: string,
    token: string,
    signal?: AbortSignal,
    body?: unknown
  ): Promise<T> {
    return this._request(method, path, {
      signal,
      body,
      headers: {Authorization: `Bearer ${token}`},
    });
  }

  /**
   * A create (an order and its payment) under an Idempotency-Key: the server answers a retry
   * of the same request with the order it made the first time, never a second one. The key is
   * random per payment attempt; it is reused, with one automatic retry, while no answer came
   * (the connection dropped, or a 5xx), and for the same request made again after that.
   * Each provider's controller names its own endpoint (`/api/stripe/payment-intents`…).
   */
  async create<T>(
    path: string,
    body: unknown,
    signal?: AbortSignal,
    retry = 1
  ): Promise<T> {
    const request = path + JSON.stringify(body);
    if (this._unanswered?.[0] !== request)
      this._unanswered = [request, randomKey(16)];
    try {
      const answer = await this._request<T>('POST', path, {
        body,
        signal,
        headers: {'Idempotency-Key': this._unanswered[1]},
      });
      this._unanswered = undefined;
      return answer;
    } catch (error) {
      const {status, code} = error as ApiError;
      // An answer (a refusal, a changed price): the next create is a new request. Not so
      // while the server is still answering the first one.
      if (status > 399 && status < 500 && code !== 'idempotency_key_in_use')
        this._unanswered = undefined;
      if (!retry || status !== 0 || signal?.aborted) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
      return this.create(path, body, signal, 0);
    }
  }

  private async _request<T>(
    method: 'GET' | 'POST',
    path: string,
    init: {
      body?: unknown;
      signal?: AbortSignal;
      headers?: Record<string, string>;
    }
  ): Promise<T> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...init.headers,
    };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this._base}${path}`, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: init.signal,
        // The order token travels in a header, never a cookie.
        credentials: 'omit',
      });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new ApiError(
        'network_error',
        'The checkout server could not be reached.',
        0
      );
    }
    const body: unknown = await response.json().catch(() => undefined);
    const error = (body as Partial<ErrorBody> | undefined)?.error;
    // A 404 without the contract's error body, or an answer that is not JSON at all (an app's
    // dev server answers every path with its index.html): what answered is not a companion
    // server. The usual cause is a bundled app whose element has no `server` attribute.
    if (
      (response.status === 404 && !error) ||
      (response.ok && (typeof body !== 'object' || body === null))
    ) {
      throw new ApiError(
        'server_not_found',
        `No pay-checkout server answered at ${this._base}${path}.`,
        response.status
      );
    }
    if (!response.ok) {
      throw new ApiError(
        error?.code ?? 'internal_error',
        error?.message ?? `The checkout server answered ${response.status}.`,
        response.status,
        error?.quote,
        error?.declineCode
      );
    }
    return body as T;
  }
}

/** The snake_case code of any failure (ApiError, a provider's coded Error), else `generic`. */
export function codeOf(error: unknown): string {
  const code = (error as {code?: unknown} | null)?.code;
  return typeof code === 'string' ? code : 'generic';
}
