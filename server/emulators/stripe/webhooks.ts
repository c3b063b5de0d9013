/**
 * Webhook delivery: POSTs each event to the endpoint, signed afresh on every attempt (a new
 * timestamp each time, so a late retry still falls inside the receiver's tolerance), and
 * retries a non-2xx answer, a network error or a timeout on the configured schedule.
 * Deliveries never block the API response that caused them.
 */
import {signatureHeader} from './signature.js';
import type {EventJson} from './types.js';

export interface DeliveryAttempt {
  eventId: string;
  eventType: string;
  attempt: number;
  url: string;
  timestamp: number;
  signature: string;
  /** The receiver's HTTP status, or `null` when it never answered. */
  status: number | null;
  error: string | null;
  ok: boolean;
}

export interface WebhookDispatcherOptions {
  secret: string;
  url(): string | undefined;
  retryDelaysMs: readonly number[];
  timeoutMs: number;
  now(): number;
  onResult(event: EventJson, delivered: boolean): void;
  fetch?: typeof fetch;
}

export interface Delivery {
  /** Settles after the first attempt, successful or not. */
  firstAttempt: Promise<void>;
  done: Promise<void>;
}

export function createWebhookDispatcher(options: WebhookDispatcherOptions) {
  const doFetch = options.fetch ?? fetch;
  const pending = new Set<Promise<unknown>>();
  const sleeps = new Set<{
    timer: ReturnType<typeof setTimeout>;
    resolve(ok: boolean): void;
  }>();
  const controllers = new Set<AbortController>();
  const attempts: DeliveryAttempt[] = [];
  let closed = false;

  function track<T>(promise: Promise<T>): Promise<T> {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
    return promise;
  }

  /** Resolves `false` instead of waiting if the dispatcher closes first. */
  function sleep(ms: number): Promise<boolean> {
    if (closed) return Promise.resolve(false);
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          sleeps.delete(entry);
          resolve(true);
        }, ms),
        resolve,
      };
      sleeps.add(entry);
    });
  }

  async function attemptOnce(
    event: EventJson,
    body: string,
    attempt: number,
    url: string
  ) {
    const timestamp = Math.floor(options.now() / 1000);
    const signature = await signatureHeader(options.secret, timestamp, body);
    const controller = new AbortController();
    controllers.add(controller);
    // close() may have run while the signature was being computed.
    if (closed) controller.abort();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    const record: DeliveryAttempt = {
      eventId: event.id,
      eventType: event.type,
      attempt,
      url,
      timestamp,
      signature,
      status: null,
      error: null,
      ok: false,
    };
    attempts.push(record);
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'Cache-Control': 'no-cache',
          Accept: '*/*; q=0.5, application/xml',
          'Stripe-Signature': signature,
        },
        body,
        // Stripe counts a redirect as a failed delivery.
        redirect: 'manual',
        signal: controller.signal,
      });
      record.status = response.status;
      await response.arrayBuffer().catch(() => undefined);
      record.ok = response.status >= 200 && response.status < 300;
      if (!record.ok) record.error = `HTTP ${response.status}`;
    } catch (error) {
      record.error = controller.signal.aborted
        ? closed
          ? 'closed'
          : `timed out after ${options.timeoutMs} ms`
        : String((error as Error)?.message ?? error);
    } finally {
      clearTimeout(timer);
      controllers.delete(controller);
    }
    return record.ok;
  }

  async function run(event: EventJson, delayMs: number, firstDone: () => void) {
    try {
      if (!(await sleep(delayMs))) return;
      // Stripe sends its events pretty-printed; a receiver that re-serialises before checking
      // the signature fails here exactly as it would against Stripe.
      const body = JSON.stringify(event, null, 2);
      for (let attempt = 1; ; attempt++) {
        const url = options.url();
        if (closed || url === undefined) return;
        const ok = await attemptOnce(event, body, attempt, url);
        firstDone();
        if (ok) return options.onResult(event, true);
        if (attempt > options.retryDelaysMs.length)
          return options.onResult(event, false);
        if (!(await sleep(options.retryDelaysMs[attempt - 1]))) return;
      }
    } finally {
      firstDone();
    }
  }

  function send(event: EventJson, delayMs = 0): Delivery {
    let firstDone!: () => void;
    const firstAttempt = new Promise<void>((resolve) => (firstDone = resolve));
    const done = track(run(event, delayMs, firstDone));
    return {firstAttempt, done};
  }

  return {
    attempts,
    send,
    /** Chains deliveries so that each starts after the previous one's first attempt. */
    sendInOrder(batch: {event: EventJson; copies: number; delayMs: number}[]) {
      const chain = (async () => {
        for (const item of batch) {
          const deliveries = Array.from({length: item.copies}, () =>
            send(item.event, item.delayMs)
          );
          await Promise.all(deliveries.map((d) => d.firstAttempt));
        }
      })();
      track(chain);
    },
    async flush() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    close() {
      closed = true;
      for (const entry of [...sleeps]) {
        clearTimeout(entry.timer);
        sleeps.delete(entry);
        entry.resolve(false);
      }
      for (const controller of controllers) controller.abort();
    },
  };
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
