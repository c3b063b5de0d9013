/**
 * The PayPal side of the server: a small Orders v2 client over `fetch` (no SDK), pointed at
 * api-m.paypal.com, api-m.sandbox.paypal.com or, through PAYPAL_API_BASE, any PayPal-compatible
 * API (the emulator). One OAuth token is shared by every call until shortly before it expires.
 */
import {isLoopbackHost, parseApiBase} from '../../net.js';
import {
  createPaypalWebhookVerifier,
  type PaypalWebhookVerifier,
} from './signature.js';
import {
  PAYPAL_API_BASES,
  PaypalError,
  type PaypalCapture,
  type PaypalClient,
  type PaypalEnvironment,
  type PaypalOrder,
  type PaypalRefund,
  type PaypalWebhookVerification,
} from './types.js';

export interface PaypalSettings {
  clientId: string;
  clientSecret: string;
  /** The id PayPal gave the webhook subscription; part of every signed webhook message. */
  webhookId: string;
  environment?: PaypalEnvironment;
  /** A PayPal-compatible API; unset means PayPal's own host for the environment. */
  apiBase?: string;
  /** How webhooks are verified: offline with PayPal's certificate (default), or by asking PayPal. */
  webhookVerification?: PaypalWebhookVerification;
  /** Served to the browser in emulator mode: where the offline PayPal JS SDK lives. */
  sdkBaseUrl?: string;
  /** Per request to PayPal, including certificate downloads (default 15 s). */
  timeoutMs?: number;
  /** The HTTP client; tests pass a fake. */
  fetch?: typeof fetch;
  now?: () => Date;
}

export interface PaypalProvider {
  clientId: string;
  environment: PaypalEnvironment;
  sdkBaseUrl?: string;
  client: PaypalClient;
  webhooks: PaypalWebhookVerifier;
}

export function createPaypalProvider(settings: PaypalSettings): PaypalProvider {
  const environment = settings.environment ?? 'sandbox';
  const apiBase = parseApiBase(
    settings.apiBase ?? PAYPAL_API_BASES[environment],
    'PAYPAL_API_BASE'
  );
  const fetchImpl = settings.fetch ?? fetch;
  const timeoutMs = settings.timeoutMs ?? 15_000;
  const now = settings.now ?? (() => new Date());
  const client = createPaypalClient({
    ...settings,
    apiBase,
    fetch: fetchImpl,
    timeoutMs,
    now,
  });
  const webhooks = createPaypalWebhookVerifier({
    webhookId: settings.webhookId,
    environment,
    mode: settings.webhookVerification ?? 'offline',
    // An emulator on this machine serves its own test certificate; no other origin is trusted
    // besides PayPal's hosts.
    certOrigin:
      apiBase.protocol === 'http:' && isLoopbackHost(apiBase.hostname)
        ? apiBase.origin
        : undefined,
    fetch: fetchImpl,
    timeoutMs,
    now,
    postback: (request) => client.verifyWebhookSignature(request),
  });
  return {
    clientId: settings.clientId,
    environment,
    sdkBaseUrl: settings.sdkBaseUrl,
    client,
    webhooks,
  };
}

interface ClientOptions {
  clientId: string;
  clientSecret: string;
  apiBase: URL;
  fetch: typeof fetch;
  timeoutMs: number;
  now: () => Date;
}

// Renew a little before PayPal says the token expires, so no call goes out with a dying one.
const TOKEN_MARGIN_S = 300;

function createPaypalClient(options: ClientOptions): PaypalClient {
  const base = options.apiBase.href.replace(/\/+$/, '');
  const basic = btoa(`${options.clientId}:${options.clientSecret}`);

  let token: {value: string; expiresAt: number} | undefined;
  // Concurrent callers with no valid token wait for the same token request.
  let pendingToken: Promise<string> | undefined;

  async function send(
    method: string,
    path: string,
    init: {headers: Record<string, string>; body?: string}
  ) {
    try {
      return await options.fetch(`${base}${path}`, {
        method,
        headers: init.headers,
        body: init.body,
        redirect: 'error',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const what =
        (error as Error).name === 'TimeoutError' ? 'timed out' : 'failed';
      throw new PaypalError(
        `PayPal ${method} ${path} ${what}: ${(error as Error).message}`,
        0
      );
    }
  }

  async function readBody(
    response: Response,
    method: string,
    path: string
  ): Promise<unknown> {
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new PaypalError(
        `PayPal ${method} ${path}: the answer broke off: ${(error as Error).message}`,
        0
      );
    }
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      if (response.ok)
        throw new PaypalError(
          `PayPal ${method} ${path} answered something that is not JSON`,
          502
        );
      return undefined;
    }
  }

  async function fetchToken(): Promise<string> {
    const path = '/v1/oauth2/token';
    const response = await send('POST', path, {
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: 'grant_type=client_credentials',
    });
    const body = (await readBody(response, 'POST', path)) as
      {access_token?: unknown; expires_in?: unknown} | undefined;
    if (!response.ok) throw toPaypalError(response, body, 'POST', path);
    if (
      typeof body?.access_token !== 'string' ||
      typeof body.expires_in !== 'number'
    ) {
      throw new PaypalError(
        'PayPal answered the token request without a token',
        502
      );
    }
    const lifetimeS =
      body.expires_in - Math.min(TOKEN_MARGIN_S, body.expires_in / 10);
    token = {
      value: body.access_token,
      expiresAt: options.now().getTime() + lifetimeS * 1000,
    };
    return body.access_token;
  }

  function accessToken(): Promise<string> {
    if (token && options.now().getTime() < token.expiresAt)
      return Promise.resolve(token.value);
    pendingToken ??= fetchToken().finally(() => {
      pendingToken = undefined;
    });
    return pendingToken;
  }

  async function call<T>(
    method: string,
    path: string,
    extra: {body?: unknown; headers?: Record<string, string>} = {}
  ) {
    const attempt = async (bearer: string) =>
      send(method, path, {
        headers: {
          authorization: `Bearer ${bearer}`,
          accept: 'application/json',
          ...(extra.body !== undefined && {'content-type': 'application/json'}),
          ...extra.headers,
        },
        body: extra.body === undefined ? undefined : JSON.stringify(extra.body),
      });
    const used = await accessToken();
    let response = await attempt(used);
    if (response.status === 401) {
      // The token was revoked or expired early: one fresh token, one retry, never a loop.
      await response.body?.cancel();
      if (token?.value === used) token = undefined;
      response = await attempt(await accessToken());
    }
    const body = await readBody(response, method, path);
    if (!response.ok) throw toPaypalError(response, body, method, path);
    return body as T;
  }

  const orderPath = (id: string) =>
    `/v2/checkout/orders/${encodeURIComponent(id)}`;

  return {
    createOrder: (body, requestId) =>
      call<PaypalOrder>('POST', '/v2/checkout/orders', {
        body,
        headers: {
          'paypal-request-id': requestId,
          prefer: 'return=representation',
        },
      }).then(checkOrder),
    captureOrder: (id, requestId) =>
      call<PaypalOrder>('POST', `${orderPath(id)}/capture`, {
        // PayPal's own samples send no body; an empty object is what its SDKs send.
        body: {},
        headers: {
          'paypal-request-id': requestId,
          prefer: 'return=representation',
        },
      }).then(checkOrder),
    getOrder: (id) => call<PaypalOrder>('GET', orderPath(id)).then(checkOrder),
    // 204 No Content on success; a refused operation is a 4xx PaypalError like any other.
    patchOrder: async (id, operations) => {
      await call<undefined>('PATCH', orderPath(id), {body: operations});
    },
    getCapture: async (id) => {
      const capture = await call<PaypalCapture>(
        'GET',
        `/v2/payments/captures/${encodeURIComponent(id)}`
      );
      if (typeof capture?.id !== 'string')
        throw new PaypalError('PayPal answered without a capture', 502);
      return capture;
    },
    refundCapture: async (captureId, body, requestId) => {
      const refund = await call<PaypalRefund>(
        'POST',
        `/v2/payments/captures/${encodeURIComponent(captureId)}/refund`,
        {
          body,
          headers: {
            'paypal-request-id': requestId,
            prefer: 'return=representation',
          },
        }
      );
      if (typeof refund?.id !== 'string' || typeof refund.status !== 'string')
        throw new PaypalError('PayPal answered without a refund', 502);
      return refund;
    },
    verifyWebhookSignature: async (request) => {
      const body = await call<{verification_status?: unknown}>(
        'POST',
        '/v1/notifications/verify-webhook-signature',
        {
          body: request,
        }
      );
      return typeof body?.verification_status === 'string'
        ? body.verification_status
        : 'FAILURE';
    },
  };
}

function checkOrder(order: PaypalOrder): PaypalOrder {
  if (typeof order?.id !== 'string' || typeof order.status !== 'string') {
    throw new PaypalError('PayPal answered without an order', 502);
  }
  return order;
}

function toPaypalError(
  response: Response,
  body: unknown,
  method: string,
  path: string
): PaypalError {
  const error = (body ?? {}) as {
    name?: unknown;
    message?: unknown;
    debug_id?: unknown;
    details?: unknown;
    error?: unknown;
  };
  const details = Array.isArray(error.details) ? error.details : [];
  const issues = details
    .map((detail: {issue?: unknown}) => detail?.issue)
    .filter((issue): issue is string => typeof issue === 'string');
  // OAuth errors have their own shape: {error: 'invalid_client', error_description}.
  const name =
    typeof error.name === 'string'
      ? error.name
      : typeof error.error === 'string'
        ? error.error
        : undefined;
  const debugId =
    typeof error.debug_id === 'string'
      ? error.debug_id
      : (response.headers.get('paypal-debug-id') ?? undefined);
  const summary = [name, ...issues].filter(Boolean).join(' ');
  return new PaypalError(
    `PayPal ${method} ${path} answered ${response.status} ${summary}`.trim(),
    response.status,
    name,
    issues,
    debugId
  );
}
