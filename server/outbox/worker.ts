/**
 * Delivers outbox jobs: the due jobs are locked (one worker wins each), handed to their channel,
 * and marked done, or retried later with backoff. A crash leaves the job due again once its lock
 * expires, so a side effect can be late but is never lost.
 */
import type {Logger} from '../log.js';
import type {Order} from '../orders/order.js';
import type {OrderStore} from '../orders/store.js';
import type {Channel, OutboxJob} from '../orders/outbox-rows.js';
import {retryDelayMs} from './jobs.js';

/** Jobs claimed per statement. */
const BATCH = 50;

export type ChannelHandler = (job: OutboxJob, order: Order) => Promise<void>;

interface OutboxWorkerOptions {
  store: OrderStore;
  handlers: Partial<Record<Channel, ChannelHandler>>;
  logger: Logger;
  now: () => Date;
  /** How long a worker may hold a job before another may take it over (default 2 min). */
  leaseMs?: number;
}

export interface OutboxWorker {
  /** The channels that have a handler: the jobs worth queuing. */
  channels: readonly Channel[];
  /** Runs what is due now (of one order, if given); resolves when those jobs have run. */
  run(orderId?: string): Promise<void>;
  /** Until when a job written at `at` is held for this worker to run (holdUntil, runHeld). */
  holdUntil(at: Date): string;
  /**
   * Runs jobs this process has just written, held for it until holdUntil, with the order they
   * were written with: nothing to claim or read first. A crash leaves them to any worker once
   * the hold ends, as a crash after a claim does.
   */
  runHeld(order: Order, jobs: readonly OutboxJob[]): Promise<void>;
  /** Starts running due jobs every `intervalMs`. */
  start(intervalMs: number): void;
  stop(): void;
  /** Resolves when every run started so far has finished (for tests and shutdown). */
  idle(): Promise<void>;
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const {store, handlers, logger, now} = options;
  const leaseMs = options.leaseMs ?? 120_000;
  const running = new Set<Promise<void>>();
  let timer: ReturnType<typeof setInterval> | undefined;

  /** Runs one job for `order`: true when done, false when it failed (retried later). */
  async function runJob(job: OutboxJob, order: Order | undefined) {
    const handler = handlers[job.channel];
    try {
      if (!handler || !order)
        throw new Error(
          handler ? 'order not found' : `no handler for ${job.channel}`
        );
      await handler(job, order);
      logger.info({orderId: job.orderId, job: job.kind}, 'outbox job done');
      return true;
    } catch (error) {
      const attempts = job.attempts + 1;
      const next = new Date(
        now().getTime() + retryDelayMs(attempts)
      ).toISOString();
      await store.failJob(
        job.id,
        (error as Error).message ?? String(error),
        next
      );
      logger.warn(
        {
          orderId: job.orderId,
          job: job.kind,
          attempts,
          error: (error as Error).message,
        },
        'outbox job failed; will retry'
      );
      return false;
    }
  }

  /** Claims what is due (of these orders, or all), a batch per statement, and runs it. */
  async function runDue(orderIds?: ReadonlySet<string>) {
    for (;;) {
      const at = now();
      // Each job as it is once ours: its attempts may have moved since another worker saw it.
      const claimed = await store.claimJobs(
        at.toISOString(),
        new Date(at.getTime() + leaseMs).toISOString(),
        BATCH,
        orderIds && [...orderIds]
      );
      // Jobs of one order run in order (the paid email before the refund notice), with the
      // order read once; orders in parallel. The done ones are marked in one statement.
      const byOrder = new Map<string, OutboxJob[]>();
      for (const job of claimed)
        byOrder.set(job.orderId, [...(byOrder.get(job.orderId) ?? []), job]);
      const done: string[] = [];
      const runs = await Promise.allSettled(
        [...byOrder].map(async ([orderId, jobs]) => {
          const order = await store.get(orderId);
          for (const job of jobs)
            if (await runJob(job, order)) done.push(job.id);
        })
      );
      // What ran is marked done even if an order could not be read (its jobs stay locked
      // until their lease ends, then are due again).
      await store.completeJobs(done, now().toISOString());
      const failed = runs.find((run) => run.status === 'rejected');
      if (failed) throw failed.reason;
      // A full batch may have left more behind; a failed job is not due again before its backoff.
      if (claimed.length < BATCH) return;
    }
  }

  // Runs asked for in the same turn of the event loop (many webhooks answered at once) become
  // one claim: the orders they name, or everything due if one of them named none.
  let pending: Set<string> | 'all' | undefined;
  let scheduled: Promise<void> | undefined;
  function schedule(orderId?: string) {
    if (orderId === undefined) pending = 'all';
    else if (pending === undefined) pending = new Set([orderId]);
    else if (pending !== 'all') pending.add(orderId);
    scheduled ??= track(
      new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        const covered = pending;
        pending = undefined;
        scheduled = undefined;
        return runDue(covered === 'all' ? undefined : covered);
      })
    );
    return scheduled;
  }

  // Held jobs handed over in one turn of the event loop (many webhooks answered at once) run
  // together and are marked done in one statement. Jobs of one order run in the order given.
  let held = new Map<string, {order: Order; jobs: OutboxJob[]}>();
  let heldScheduled: Promise<void> | undefined;
  function runHeld(order: Order, jobs: readonly OutboxJob[]) {
    const entry = held.get(order.id);
    // A later change's order stands for both, as a claimed job gets the order as it is now.
    if (entry) held.set(order.id, {order, jobs: [...entry.jobs, ...jobs]});
    else held.set(order.id, {order, jobs: [...jobs]});
    heldScheduled ??= track(
      new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
        const batch = held;
        held = new Map();
        heldScheduled = undefined;
        const done: string[] = [];
        const runs = await Promise.allSettled(
          [...batch.values()].map(async (entry) => {
            for (const job of entry.jobs)
              if (await runJob(job, entry.order)) done.push(job.id);
          })
        );
        await store.completeJobs(done, now().toISOString());
        const failed = runs.find((run) => run.status === 'rejected');
        if (failed) throw failed.reason;
      })
    );
    return heldScheduled;
  }

  function track(promise: Promise<void>) {
    const tracked = promise
      .catch((error: unknown) =>
        logger.error({error: (error as Error).message}, 'outbox run failed')
      )
      .finally(() => running.delete(tracked));
    running.add(tracked);
    return tracked;
  }

  return {
    channels: (Object.keys(handlers) as Channel[]).filter(
      (channel) => handlers[channel]
    ),
    run: (orderId) => schedule(orderId),
    holdUntil: (at) => new Date(at.getTime() + leaseMs).toISOString(),
    runHeld,
    start(intervalMs) {
      timer ??= setInterval(() => void schedule(), intervalMs);
      timer.unref?.();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    async idle() {
      while (running.size) await Promise.all(running);
    },
  };
}
