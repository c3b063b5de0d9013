/** What the PayPal emulator's REST API suites share: requests through `app.request()` (no sockets), OAuth tokens, and an order body PayPal accepts. */
import assert from 'node:assert/strict';
import {
  createPaypalEmulator,
  type PaypalEmulator,
  type PaypalEmulatorOptions,
} from '../../paypal/index.js';

export interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export type Money = {currency_code: string; value: string};

export const basic = (e: PaypalEmulator, secret = e.clientSecret) =>
  `Basic ${btoa(`${e.clientId}:${secret}`)}`;

export async function send(
  e: PaypalEmulator,
  path: string,
  init: {method?: string; headers?: Record<string, string>; body?: unknown} = {}
): Promise<Answer> {
  const response = await e.app.request(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: init.headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return {status: response.status, headers: response.headers, body};
}

export function tokenRequest(
  e: PaypalEmulator,
  authorization?: string,
  form = 'grant_type=client_credentials'
) {
  return send(e, '/v1/oauth2/token', {
    method: 'POST',
    headers: {
      ...(authorization && {Authorization: authorization}),
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: form,
  });
}

/** One token per emulator, as a server caches it (so faults armed later hit the API call). */
export const tokens = new WeakMap<PaypalEmulator, string>();

export async function accessToken(e: PaypalEmulator): Promise<string> {
  const cached = tokens.get(e);
  if (cached) return cached;
  const answer = await tokenRequest(e, basic(e));
  assert.equal(answer.status, 200);
  tokens.set(e, answer.body.access_token as string);
  return answer.body.access_token as string;
}

/** An authenticated JSON call, as a server makes it. */
export async function call(
  e: PaypalEmulator,
  method: 'GET' | 'POST',
  path: string,
  options: {body?: unknown; headers?: Record<string, string>} = {}
): Promise<Answer> {
  return send(e, path, {
    method,
    headers: {
      Authorization: `Bearer ${await accessToken(e)}`,
      'Content-Type': 'application/json',
      ...options.headers,
    },
    body: options.body,
  });
}

export const usd = (value: string): Money => ({currency_code: 'USD', value});

/** Two tees and a sticker pack, shipping, tax and a discount: 2×15 + 10 + 3.20 + 5 − 4 = 44.20. */
export function order(overrides: Record<string, unknown> = {}) {
  return {
    intent: 'CAPTURE',
    purchase_units: [
      {
        reference_id: 'default',
        custom_id: 'order_123',
        invoice_id: 'INV-123',
        description: 'pay-checkout order',
        amount: {
          ...usd('44.20'),
          breakdown: {
            item_total: usd('40.00'),
            tax_total: usd('3.20'),
            shipping: usd('5.00'),
            discount: usd('4.00'),
          },
        },
        items: [
          {
            name: 'Black tee',
            quantity: '2',
            unit_amount: usd('15.00'),
            sku: 'tee-black-m',
            category: 'PHYSICAL_GOODS',
          },
          {
            name: 'Sticker pack',
            quantity: '1',
            unit_amount: usd('10.00'),
            sku: 'stickers',
            category: 'PHYSICAL_GOODS',
          },
        ],
        ...overrides,
      },
    ],
  };
}

/** The same order with one purchase-unit path changed (`amount.breakdown.item_total.value`). */
export function orderWith(path: string, value: unknown) {
  const body = order() as {purchase_units: Record<string, unknown>[]};
  const keys = path.split('.');
  let target: Record<string, unknown> = body.purchase_units[0]!;
  for (const key of keys.slice(0, -1))
    target = target[key] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return body;
}

export async function createOrder(
  e: PaypalEmulator,
  body: unknown = order(),
  headers: Record<string, string> = {}
) {
  return call(e, 'POST', '/v2/checkout/orders', {
    body,
    headers: {Prefer: 'return=representation', ...headers},
  });
}

export function issues(answer: Answer): string[] {
  return (answer.body.details ?? []).map(
    (d: {issue: string; field?: string}) =>
      d.field ? `${d.issue} ${d.field}` : d.issue
  );
}

export function emulator(options: PaypalEmulatorOptions = {}) {
  return createPaypalEmulator(options);
}
