/**
 * Webhook delivery, the part both providers do alike: POSTs each event to the endpoint, signed
 * afresh on every attempt by the provider's `sign()`, and retries a non-2xx answer, a network
 * error or a timeout on the configured schedule. Deliveries never block the API response that
 * caused them. What is signed and how, and the headers that carry it, are each emulator's own
 * (webhooks/delivery.ts in each).
 */

/** Waits before each retry of a failed delivery; after the last, delivery gives up. */
export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000];

/** One attempt as the emulator records it; `S` adds what the provider's signing recorded. */
export interface AttemptRecord {
  eventId: string;
  eventType: string;
  attempt: number;
  url: string;
  /** The receiver's HTTP status, or `null` when it never answered. */
  status: number | null;
  error: string | null;
  ok: boolean;
}

interface SignedAttempt<S> {
  /** Every request header of the attempt, in the order they are sent. */
  headers: Record<string, string>;
  /** What the attempt record keeps of the signature (a timestamp, an id, the signature). */
  fields: S;
}

export interface DeliveryOptions<E, S extends object> {
  url(): string | undefined;
  retryDelaysMs: readonly number[];
  timeoutMs: number;
  /** The id and type an attempt record names the event by. */
  describe(event: E): {id: string; type: string};
  /** The bytes POSTed, serialised once per delivery: every attempt of it sends the same body. */
  body(event: E): string;
  /**
   * Signs one attempt of `body`; called again for every attempt, with its number (1 for the
   * first) and the previous attempt's record (for providers whose retries say why they retry).
   */
  sign(
    body: string,
    attempt: {number: number; previous: (AttemptRecord & S) | undefined}
  ): Promise<SignedAttempt<S>>;
  onResult(event: E, delivered: boolean): void;
  fetch?: typeof fetch;
}

interface Delivery {
  /** Settles after the first attempt, successful or not. */
  firstAttempt: Promise<void>;
  done: Promise<void>;
}

export function createWebhookDispatcher<E, S extends object>(
  options: DeliveryOptions<E, S>
) {
  const doFetch = options.fetch ?? fetch;
  const pending = new Set<Promise<unknown>>();
  const sleeps = new Set<{
    timer: ReturnType<typeof setTimeout>;
    resolve(ok: boolean): void;
  }>();
  const controllers = new Set<AbortController>();
  const attempts: (AttemptRecord & S)[] = [];
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
    event: E,
    body: string,
    attempt: number,
    url: string,
    previous: (AttemptRecord & S) | undefined
  ): Promise<AttemptRecord & S> {
    const signed = await options.sign(body, {number: attempt, previous});
    const controller = new AbortController();
    controllers.add(controller);
    // close() may have run while the signature was being computed.
    if (closed) controller.abort();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    const {id, type} = options.describe(event);
    const record = {
      eventId: id,
      eventType: type,
      attempt,
      url,
      ...signed.fields,
      status: null,
      error: null,
      ok: false,
    } as AttemptRecord & S;
    attempts.push(record);
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers: signed.headers,
        body,
        // A redirect is not followed: it counts as a failed delivery (Stripe documents so).
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
    return record;
  }

  async function run(event: E, delayMs: number, firstDone: () => void) {
    try {
      if (!(await sleep(delayMs))) return;
      const body = options.body(event);
      let previous: (AttemptRecord & S) | undefined;
      for (let attempt = 1; ; attempt++) {
        const url = options.url();
        if (closed || url === undefined) return;
        previous = await attemptOnce(event, body, attempt, url, previous);
        firstDone();
        if (previous.ok) return options.onResult(event, true);
        if (attempt > options.retryDelaysMs.length) {
          return options.onResult(event, false);
        }
        if (!(await sleep(options.retryDelaysMs[attempt - 1]!))) return;
      }
    } finally {
      firstDone();
    }
  }

  function send(event: E, delayMs = 0): Delivery {
    let firstDone!: () => void;
    const firstAttempt = new Promise<void>((resolve) => (firstDone = resolve));
    const done = track(run(event, delayMs, firstDone));
    return {firstAttempt, done};
  }

  return {
    attempts,
    send,
    /** Chains deliveries so that each starts after the previous one's first attempt. */
    sendInOrder(batch: {event: E; copies: number; delayMs: number}[]) {
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
