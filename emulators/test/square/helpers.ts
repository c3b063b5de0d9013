/**
 * What the Square emulator's suites share: an emulator per test (closed after it), the official
 * `square` SDK pointed at it (`new SquareClient({token, baseUrl})`, no retries so an injected
 * fault is seen once), and raw HTTP for what the SDK cannot send (bad tokens, wrong types).
 */
import {afterEach} from 'node:test';
import {SquareClient, SquareError, type Square} from 'square';
import {
  createSquareEmulator,
  startSquareEmulator,
  type RunningSquareEmulator,
  type SquareEmulatorOptions,
} from '../../square/index.js';

const running = new Set<{close(): Promise<void>}>();

/** Closes every emulator and receiver a test started, after it. */
export function closeAfterEach(): void {
  afterEach(async () => {
    await Promise.all([...running].map((r) => r.close()));
    running.clear();
  });
}

export function track<T extends {close(): Promise<void>}>(thing: T): T {
  running.add(thing);
  return thing;
}

export async function setup(options: SquareEmulatorOptions = {}) {
  const emulator = track(await startSquareEmulator(options));
  const client = new SquareClient({
    token: emulator.accessToken,
    baseUrl: emulator.url,
    maxRetries: 0,
  });
  return {emulator, client};
}

/** An emulator with no socket: the SDK's requests go to `app.request()` (close it yourself). */
export function unserved(options: SquareEmulatorOptions = {}) {
  const emulator = createSquareEmulator(options);
  const client = new SquareClient({
    token: emulator.accessToken,
    baseUrl: 'http://square.test',
    maxRetries: 0,
    fetch: (url: string | URL | Request, init?: RequestInit) =>
      Promise.resolve(emulator.app.request(String(url), init)),
  });
  return {emulator, client};
}

/** `{amount, currency}` as the SDK wants it (bigint amounts). */
export const money = (amount: number, currency = 'USD'): Square.Money => ({
  amount: BigInt(amount),
  currency: currency as Square.Currency,
});

let keys = 0;
/** A fresh idempotency key. */
export const key = (): string => `test-${Date.now()}-${++keys}`;

/** The SquareError a call throws (fails the test if it does not throw one). */
export async function squareError(
  call: Promise<unknown>
): Promise<SquareError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof SquareError) return error;
    throw error;
  }
  throw new Error('expected the call to fail with a SquareError');
}

/** A REST call with the emulator's access token (or the headers given), JSON in and out. */
export async function raw(
  emulator: RunningSquareEmulator,
  path: string,
  init: {
    method?: string;
    body?: unknown;
    headers?: Record<string, string>;
    text?: string;
  } = {}
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{status: number; body: any; headers: Headers}> {
  const response = await fetch(`${emulator.url}${path}`, {
    method:
      init.method ??
      (init.body === undefined && init.text === undefined ? 'GET' : 'POST'),
    headers: {
      Authorization: `Bearer ${emulator.accessToken}`,
      'Content-Type': 'application/json',
      'Square-Version': '2026-09-16',
      ...init.headers,
    },
    body:
      init.text ??
      (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    headers: response.headers,
  };
}

/** A completed card payment made through the SDK; returns it. */
export async function paid(
  client: SquareClient,
  amount = 1000,
  extra: Partial<Parameters<SquareClient['payments']['create']>[0]> = {}
) {
  const {payment} = await client.payments.create({
    sourceId: 'cnon:card-nonce-ok',
    idempotencyKey: key(),
    amountMoney: money(amount),
    ...extra,
  });
  return payment!;
}
