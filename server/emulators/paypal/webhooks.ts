/**
 * Webhook delivery: POSTs each event to the endpoint with PayPal's transmission headers, signed
 * afresh on every attempt (a new transmission id and time, so each attempt verifies on its
 * own), and retries a non-2xx answer, a network error or a timeout on the configured schedule.
 * Deliveries never block the API response that caused them.
 */
import type {SigningIdentity} from './certificate.js';
import {isoSeconds} from './ids.js';
import {AUTH_ALGO, transmissionMessage} from './signature.js';
import type {EventRecord} from './state.js';

export interface DeliveryAttempt {
  eventId: string;
  eventType: string;
  attempt: number;
  url: string;
  transmissionId: string;
  transmissionTime: string;
  signature: string;
  /** The receiver's HTTP status, or `null` when it never answered. */
  status: number | null;
  error: string | null;
  ok: boolean;
}

export interface WebhookDispatcherOptions {
  url(): string | undefined;
  webhookId: string;
  certUrl(): string;
  identity: Promise<SigningIdentity>;
  retryDelaysMs: readonly number[];
  timeoutMs: number;
  now(): number;
  onResult(record: EventRecord, delivered: boolean): void;
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
    record: EventRecord,
    attempt: number,
    url: string
  ) {
    const identity = await options.identity;
    const transmissionId = crypto.randomUUID();
    const transmissionTime = isoSeconds(options.now());
    const signature = await identity.sign(
      transmissionMessage(
        transmissionId,
        transmissionTime,
        options.webhookId,
        record.body
      )
    );
    const controller = new AbortController();
    controllers.add(controller);
    // close() may have run while the signature was being computed.
    if (closed) controller.abort();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    const result: DeliveryAttempt = {
      eventId: record.event.id,
      eventType: record.event.event_type,
      attempt,
      url,
      transmissionId,
      transmissionTime,
      signature,
      status: null,
      error: null,
      ok: false,
    };
    attempts.push(result);
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'PayPal/AUHD-214.0-58843288',
          Accept: '*/*',
          'PAYPAL-TRANSMISSION-ID': transmissionId,
          'PAYPAL-TRANSMISSION-TIME': transmissionTime,
          'PAYPAL-TRANSMISSION-SIG': signature,
          'PAYPAL-CERT-URL': options.certUrl(),
          'PAYPAL-AUTH-ALGO': AUTH_ALGO,
          'PAYPAL-AUTH-VERSION': 'v2',
        },
        body: record.body,
        redirect: 'manual',
        signal: controller.signal,
      });
      result.status = response.status;
      await response.arrayBuffer().catch(() => undefined);
      result.ok = response.status >= 200 && response.status < 300;
      if (!result.ok) result.error = `HTTP ${response.status}`;
    } catch (error) {
      result.error = controller.signal.aborted
        ? closed
          ? 'closed'
          : `timed out after ${options.timeoutMs} ms`
        : String((error as Error)?.message ?? error);
    } finally {
      clearTimeout(timer);
      controllers.delete(controller);
    }
    return result.ok;
  }

  async function run(
    record: EventRecord,
    delayMs: number,
    firstDone: () => void
  ) {
    try {
      if (!(await sleep(delayMs))) return;
      for (let attempt = 1; ; attempt++) {
        const url = options.url();
        if (closed || url === undefined) return;
        const ok = await attemptOnce(record, attempt, url);
        firstDone();
        if (ok) return options.onResult(record, true);
        if (attempt > options.retryDelaysMs.length) {
          return options.onResult(record, false);
        }
        if (!(await sleep(options.retryDelaysMs[attempt - 1]!))) return;
      }
    } finally {
      firstDone();
    }
  }

  function send(record: EventRecord, delayMs = 0): Delivery {
    let firstDone!: () => void;
    const firstAttempt = new Promise<void>((resolve) => (firstDone = resolve));
    const done = track(run(record, delayMs, firstDone));
    return {firstAttempt, done};
  }

  return {
    attempts,
    send,
    /** Chains deliveries so that each starts after the previous one's first attempt. */
    sendInOrder(
      batch: {event: EventRecord; copies: number; delayMs: number}[]
    ) {
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
