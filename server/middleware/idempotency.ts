/**
 * Client idempotency for the create endpoints: the element sends an `Idempotency-Key` (a
 * random UUID per payment attempt, the same on a retry of the same request). The first
 * request with a key runs; a retry with the same key and the same body gets the same answer
 * (the same order, client secret, PayPal order or Checkout URL), however many instances
 * there are; the same key with another body is refused with 409 idempotency_key_reused.
 *
 * What is stored, and why the order token can be answered again although only its hash is
 * kept with the order: the row is found by SHA-256 of the key, and the answer is stored
 * encrypted (AES-256-GCM) under a key derived (HKDF) from the Idempotency-Key itself. Only
 * whoever holds the Idempotency-Key — the browser that made the request — can read the answer
 * back; a copy of the database holds neither the keys nor the tokens. The alternative, a token
 * derived from a server secret, would need one more secret shared by every instance.
 * The key is therefore a secret like the token: at least 16 characters, and the element's are
 * random UUIDs.
 *
 * Only answered requests are remembered. A request that fails (a 4xx or a 5xx) releases its
 * key, so a retry runs afresh rather than replaying a passing outage; an order it opened stays
 * `pending` without a payment, and nothing is ever charged for it.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import type {MiddlewareHandler} from 'hono';
import type {ContentfulStatusCode} from 'hono/utils/http-status';
import {ApiError} from '../errors.js';
import type {GuardStore} from '../orders/store.js';

interface IdempotencyOptions {
  store: GuardStore;
  now: () => Date;
  /** How long a key and its answer are kept (default 24 h, as Stripe's). */
  ttlMs?: number;
  /** How long a request may hold its key before a retry may take over (default 60 s). */
  leaseMs?: number;
  /** How long a retry waits for the first request's answer before answering 409 (default 10 s). */
  waitMs?: number;
}

const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY = /^[\x21-\x7e]{16,255}$/;

const sha256 = (text: string) =>
  createHash('sha256').update(text).digest('hex');

/** The request as it is compared: method, path and the JSON body with its keys sorted. */
export function fingerprint(method: string, path: string, body: string) {
  let canonical = body;
  try {
    canonical = JSON.stringify(sortKeys(JSON.parse(body)));
  } catch {
    // Not JSON: compared as sent (the route answers 400 anyway).
  }
  return sha256(`${method} ${path}\n${canonical}`);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])])
  );
}

function answerKey(key: string, print: string): Buffer {
  return Buffer.from(
    hkdfSync(
      'sha256',
      key,
      Buffer.from(print, 'hex'),
      'pay-checkout idempotent answer',
      32
    )
  );
}

export function sealAnswer(key: string, print: string, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', answerKey(key, print), iv);
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
}

export function openAnswer(key: string, print: string, stored: string): string {
  const bytes = Buffer.from(stored, 'base64');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    answerKey(key, print),
    bytes.subarray(0, 12)
  );
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([
    decipher.update(bytes.subarray(28)),
    decipher.final(),
  ]).toString('utf8');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function idempotency(options: IdempotencyOptions): MiddlewareHandler {
  const {store, now} = options;
  const ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const waitMs = options.waitMs ?? 10_000;

  return async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (c.req.method !== 'POST' || key === undefined) return next();
    if (!KEY.test(key)) {
      throw new ApiError(
        400,
        'invalid_request',
        'The Idempotency-Key header must be 16 to 255 visible ASCII characters, such as a random UUID.'
      );
    }
    // The body is read as text here and parsed again by the route (Hono caches it).
    const print = fingerprint(c.req.method, c.req.path, await c.req.text());
    const keyHash = sha256(`pay-checkout idempotency key\n${key}`);

    // Waiting is measured on the process's own clock: `now` may be a test's pinned one.
    const deadline = performance.now() + waitMs;
    for (;;) {
      const at = now().getTime();
      const claim = await store.claimIdempotencyKey(
        keyHash,
        print,
        new Date(at + leaseMs).toISOString(),
        new Date(at + ttlMs).toISOString()
      );
      if (claim.outcome === 'claimed') break;
      if (claim.outcome === 'mismatch') {
        throw new ApiError(
          409,
          'idempotency_key_reused',
          'This Idempotency-Key was used with another request; a new request needs a new key.'
        );
      }
      if (claim.outcome === 'replay') {
        // Through the context, so the headers set before the route (CORS, security, rate
        // limits) are the first answer's too.
        return c.body(
          openAnswer(key, print, claim.response),
          claim.status as ContentfulStatusCode,
          {'content-type': 'application/json', 'idempotent-replayed': 'true'}
        );
      }
      // The same request is under way (a double click, a retry before the answer came back):
      // wait for its answer rather than make a second order.
      if (performance.now() >= deadline) {
        c.header('Retry-After', '1');
        throw new ApiError(
          409,
          'idempotency_key_in_use',
          'A request with this Idempotency-Key is still being answered; retry in a moment.'
        );
      }
      await sleep(50);
    }

    try {
      await next();
    } catch (error) {
      await store.releaseIdempotencyKey(keyHash);
      throw error;
    }
    // Errors thrown by the route have become its answer by now (app.onError).
    if (c.error || c.res.status < 200 || c.res.status >= 300) {
      await store.releaseIdempotencyKey(keyHash);
      return;
    }
    // Read once and answered again from the text: a clone() of the answer would have the
    // adapter stream it. `c.res = undefined` first, or Hono would rebuild the new answer around
    // the old one's body to merge their headers.
    const answer = c.res;
    const text = await answer.text();
    c.res = undefined;
    c.res = new Response(text, {
      status: answer.status,
      headers: answer.headers,
    });
    await store.completeIdempotencyKey(
      keyHash,
      answer.status,
      sealAnswer(key, print, text)
    );
  };
}
