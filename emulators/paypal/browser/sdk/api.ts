/**
 * The SDK's calls to the REST API, authorised like PayPal's smart buttons: a facilitator access
 * token granted to the client id alone (`clientId:`), which may create, read and capture orders.
 * Errors reject with PayPal's body in the message, as the real SDK's do.
 */
import type {
  CreateOrderRequestBody,
  OrderResponseBody,
} from '@paypal/paypal-js';

/** A hung request ends as an error rather than a checkout that spins forever. */
const TIMEOUT_MS = 30_000;

class OrderApiError extends Error {
  override name = 'OrderApiError';
  readonly status: number;
  readonly body: unknown;

  constructor(status: number, body: unknown) {
    super(`Order Api response error:\n\n${JSON.stringify(body, null, 4)}`);
    this.status = status;
    this.body = body;
  }
}

export function createApi(origin: string, clientId: string) {
  let token: Promise<string> | undefined;

  async function requestToken(): Promise<string> {
    const response = await fetch(`${origin}/v1/oauth2/token`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${btoa(`${clientId}:`)}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = (await response.json().catch(() => null)) as {
      access_token?: string;
    } | null;
    if (!response.ok || typeof body?.access_token !== 'string') {
      throw new OrderApiError(response.status, body);
    }
    return body.access_token;
  }

  function facilitatorAccessToken(): Promise<string> {
    token ??= requestToken();
    token.catch(() => (token = undefined));
    return token;
  }

  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown
  ): Promise<T> {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${await facilitatorAccessToken()}`,
        'Content-Type': 'application/json',
        ...(method === 'POST' && {Prefer: 'return=representation'}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const json = (await response.json().catch(() => null)) as unknown;
    if (!response.ok) throw new OrderApiError(response.status, json);
    return json as T;
  }

  const orderPath = (id: string) =>
    `/v2/checkout/orders/${encodeURIComponent(id)}`;

  return {
    facilitatorAccessToken,
    createOrder: (body: CreateOrderRequestBody) =>
      call<OrderResponseBody>('POST', '/v2/checkout/orders', body),
    getOrder: (id: string) => call<OrderResponseBody>('GET', orderPath(id)),
    captureOrder: (id: string) =>
      call<OrderResponseBody>('POST', `${orderPath(id)}/capture`, {}),
  };
}

export type Api = ReturnType<typeof createApi>;
