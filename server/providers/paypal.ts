/**
 * The PayPal side of the server: a small Orders v2 client over `fetch` (no SDK), pointed at
 * api-m.paypal.com, api-m.sandbox.paypal.com or, through PAYPAL_API_BASE, any PayPal-compatible
 * API (the emulator). One OAuth token is shared by every call until shortly before it expires.
 */
import type {QuoteLine} from '../contract.js';
import {ApiError} from '../errors.js';
import {isLoopbackHost, parseApiBase} from '../net.js';
import {toPaypalValue} from '../money.js';
import {
  createPaypalWebhookVerifier,
  type PaypalWebhookVerifier,
} from '../webhooks/paypal-signature.js';

export type PaypalEnvironment = 'sandbox' | 'live';
export type PaypalWebhookVerification = 'offline' | 'postback';

export const PAYPAL_API_BASES: Readonly<Record<PaypalEnvironment, string>> = {
  live: 'https://api-m.paypal.com',
  sandbox: 'https://api-m.sandbox.paypal.com',
};

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

export interface PaypalMoney {
  currency_code: string;
  value: string;
}

/** A capture as PayPal reports it, in an order or as a webhook resource. */
export interface PaypalCapture {
  id: string;
  status: string;
  amount?: PaypalMoney;
  custom_id?: string;
  invoice_id?: string;
  supplementary_data?: {related_ids?: {order_id?: string}};
}

export interface PaypalOrder {
  id: string;
  status: string;
  purchase_units?: {
    custom_id?: string;
    invoice_id?: string;
    amount?: PaypalMoney;
    payments?: {captures?: PaypalCapture[]};
  }[];
}

export interface PaypalItem {
  name: string;
  quantity: string;
  unit_amount: PaypalMoney;
  sku: string;
}

export interface PaypalPurchaseUnit {
  custom_id: string;
  invoice_id: string;
  items: PaypalItem[];
  amount: PaypalMoney & {breakdown: {item_total: PaypalMoney}};
}

export interface PaypalOrderRequest {
  intent: 'CAPTURE';
  purchase_units: PaypalPurchaseUnit[];
}

export interface VerifyWebhookSignatureRequest {
  auth_algo: string;
  cert_url: string;
  transmission_id: string;
  transmission_sig: string;
  transmission_time: string;
  webhook_id: string;
  webhook_event: unknown;
}

export interface PaypalClient {
  createOrder(
    body: PaypalOrderRequest,
    requestId: string
  ): Promise<PaypalOrder>;
  captureOrder(paypalOrderId: string, requestId: string): Promise<PaypalOrder>;
  getOrder(paypalOrderId: string): Promise<PaypalOrder>;
  /** A capture by its id (Payments v2), with the PayPal order it belongs to. */
  getCapture(captureId: string): Promise<PaypalCapture>;
  /** PayPal's own verdict on a webhook: 'SUCCESS' or 'FAILURE'. */
  verifyWebhookSignature(
    request: VerifyWebhookSignatureRequest
  ): Promise<string>;
}

/**
 * A PayPal call that did not succeed. `status` is PayPal's HTTP status, or 0 when no answer
 * came at all (network failure, timeout). PayPal's own text stays here, for logs only.
 */
export class PaypalError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** PayPal's error name (UNPROCESSABLE_ENTITY, INVALID_REQUEST…). */
    readonly errorName?: string,
    /** The `issue` of each entry in PayPal's `details` (INSTRUMENT_DECLINED…). */
    readonly issues: readonly string[] = [],
    readonly debugId?: string
  ) {
    super(message);
    this.name = 'PaypalError';
  }

  /** Whether PayPal named this issue, in `details[].issue` (v2) or as the error name (v1). */
  has(issue: string): boolean {
    return this.issues.includes(issue) || this.errorName === issue;
  }
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

export function createPaypalClient(options: ClientOptions): PaypalClient {
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
    getCapture: async (id) => {
      const capture = await call<PaypalCapture>(
        'GET',
        `/v2/payments/captures/${encodeURIComponent(id)}`
      );
      if (typeof capture?.id !== 'string')
        throw new PaypalError('PayPal answered without a capture', 502);
      return capture;
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

/** PayPal-Request-Id for creating an order's PayPal order: a network retry cannot create two. */
export function paypalCreateRequestId(orderId: string): string {
  return `pay-checkout-${orderId}-create`;
}

/**
 * PayPal-Request-Id for capturing: the same for every capture of one attempt (a double click
 * or a retry after a timeout gets PayPal's first answer back), new after a failed attempt, so
 * a buyer who chose another card after a decline is not answered with the old decline.
 */
export function paypalCaptureRequestId(
  orderId: string,
  attempt?: string
): string {
  return `pay-checkout-${orderId}-capture${attempt ? `-${attempt}` : ''}`;
}

// developer.paypal.com/reference/currency-codes: the currencies PayPal takes payments in.
export const PAYPAL_CURRENCIES: ReadonlySet<string> = new Set(
  'aud brl cad chf cny czk dkk eur gbp hkd huf ils inr jpy mxn myr nok nzd php pln sek sgd thb twd usd'.split(
    ' '
  )
);

const MAX_NAME = 127;

export interface PricedOrder {
  id: string;
  currency: string;
  lines: QuoteLine[];
  subtotal: number;
  total: number;
}

/**
 * The purchase unit for an order, in PayPal's terms: string values in the currency's PayPal
 * format, and a breakdown PayPal can check: item_total = Σ unit_amount × quantity and
 * value = item_total (no tax, shipping or discount lines yet). Every value comes from our
 * integer minor units, so the sums are exact. Throws currency_not_supported when PayPal
 * cannot take the currency or an amount cannot be written exactly (HUF or TWD with cents).
 */
export function paypalPurchaseUnit(order: PricedOrder): PaypalPurchaseUnit {
  const currency = order.currency.toUpperCase();
  if (!PAYPAL_CURRENCIES.has(order.currency.toLowerCase())) {
    throw new ApiError(
      400,
      'currency_not_supported',
      `PayPal does not take payments in ${currency}.`
    );
  }
  const money = (amount: number): PaypalMoney => {
    const value = toPaypalValue(amount, order.currency);
    if (value === undefined) {
      throw new ApiError(
        400,
        'currency_not_supported',
        `PayPal takes ${currency} in whole units only, and this cart's prices are not whole.`
      );
    }
    return {currency_code: currency, value};
  };
  if (order.total !== order.subtotal) {
    // Tax, shipping and discounts would need their own breakdown lines, which PayPal checks.
    throw new Error(
      'paypalPurchaseUnit: the breakdown covers items only, but the total differs from the subtotal'
    );
  }
  return {
    custom_id: order.id,
    invoice_id: order.id,
    items: order.lines.map((line) => ({
      name: Array.from(line.name).slice(0, MAX_NAME).join(''),
      quantity: String(line.quantity),
      unit_amount: money(line.unitAmount),
      sku: line.sku,
    })),
    amount: {
      ...money(order.total),
      breakdown: {item_total: money(order.subtotal)},
    },
  };
}

const RESTART_ISSUES = [
  'INSTRUMENT_DECLINED',
  'REDIRECT_PAYER_FOR_ALTERNATE_FUNDING',
];
const REFUSED_ISSUES = [
  'TRANSACTION_REFUSED',
  'PAYER_CANNOT_PAY',
  'TRANSACTION_BLOCKED_BY_PAYEE',
  'MAX_NUMBER_OF_PAYMENT_ATTEMPTS_EXCEEDED',
  'PAYEE_BLOCKED_TRANSACTION',
  'COMPLIANCE_VIOLATION',
];

/**
 * Maps a failed PayPal call to the contract's error. PayPal's own text is never passed on:
 * the codes are ours and stable, so the element can act on them.
 */
export function paypalApiError(error: PaypalError): ApiError {
  if (error.status === 0 || error.status === 429 || error.status >= 500) {
    return new ApiError(
      503,
      'provider_unavailable',
      'The payment provider is not answering; please try again.'
    );
  }
  if (RESTART_ISSUES.some((issue) => error.has(issue))) {
    return new ApiError(
      402,
      'instrument_declined',
      'The payment method was declined; please choose another one.'
    );
  }
  if (REFUSED_ISSUES.some((issue) => error.has(issue))) {
    return new ApiError(402, 'payment_refused', 'PayPal refused this payment.');
  }
  if (error.has('PAYER_ACTION_REQUIRED')) {
    return new ApiError(
      422,
      'payer_action_required',
      'The buyer must complete a step with PayPal before paying.'
    );
  }
  if (error.has('ORDER_NOT_APPROVED')) {
    return new ApiError(
      409,
      'order_not_approved',
      'The buyer has not approved this PayPal payment yet.'
    );
  }
  return new ApiError(
    502,
    'provider_error',
    'The payment provider refused the request.'
  );
}
