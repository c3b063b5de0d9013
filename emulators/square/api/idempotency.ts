/**
 * Idempotency keys (developer.squareup.com/docs/working-with-apis/idempotency): "If you make the
 * same CreatePayment request with the same idempotency key again ... It doesn't take the payment
 * again. Instead of getting an error, the endpoint returns the response as the first successful
 * CreatePayment response. If you use the same idempotency key but change the CreatePayment
 * request ... you get an error indicating that you used the idempotency key previously."
 * Keys are per endpoint (a payment's key and a refund's key never meet). The emulator keeps the
 * first answer that did something (a payment made, declined included, or a refund made); a
 * request refused before anything happened is not kept, so its retry runs again.
 */
import {invalidRequest, requestError} from './errors.js';

interface Saved {
  fingerprint: string;
  status: number;
  body: string;
}

/** The same request, whatever the order of its keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function createIdempotencyStore() {
  const saved = new Map<string, Saved>();
  return {
    /** The first answer for this key, or undefined; IDEMPOTENCY_KEY_REUSED for another request. */
    replay(endpoint: string, key: string, body: unknown): Response | undefined {
      const entry = saved.get(`${endpoint} ${key}`);
      if (!entry) return undefined;
      if (entry.fingerprint !== canonical(body)) {
        throw invalidRequest(
          requestError(
            'IDEMPOTENCY_KEY_REUSED',
            'The idempotency key can only be retried with the same request data.',
            'idempotency_key'
          )
        );
      }
      return new Response(entry.body, {
        status: entry.status,
        headers: {'content-type': 'application/json'},
      });
    },
    save(
      endpoint: string,
      key: string,
      body: unknown,
      status: number,
      answer: unknown
    ): void {
      saved.set(`${endpoint} ${key}`, {
        fingerprint: canonical(body),
        status,
        body: JSON.stringify(answer),
      });
    },
  };
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
