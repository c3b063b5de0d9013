/**
 * Delivers outbox jobs: each due job is locked (one worker wins), handed to its channel, and
 * marked done, or retried later with backoff. A crash leaves the job due again once its lock
 * expires, so a side effect can be late but is never lost.
 */
import type {Logger} from '../log.js';
import type {Order} from '../orders/order.js';
import type {OrderStore} from '../orders/store.js';
import type {Channel, OutboxJob} from '../orders/outbox-rows.js';
import {retryDelayMs} from './jobs.js';

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

  async function runJob(listed: OutboxJob) {
    const at = now();
    // The job as it is once ours: its attempts may have moved since it was listed.
    const job = await store.lockJob(
      listed.id,
      at.toISOString(),
      new Date(at.getTime() + leaseMs).toISOString()
    );
    if (!job) return;
    const handler = handlers[job.channel];
    const order = await store.get(job.orderId);
    try {
      if (!handler || !order)
        throw new Error(
          handler ? 'order not found' : `no handler for ${job.channel}`
        );
      await handler(job, order);
      await store.completeJob(job.id, now().toISOString());
      logger.info({orderId: job.orderId, job: job.kind}, 'outbox job done');
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
    }
  }

  async function runDue(orderId?: string) {
    const due = await store.dueJobs(now().toISOString(), 50, orderId);
    // Jobs of one order run in order (the paid email before the refund notice); orders in parallel.
    const byOrder = new Map<string, OutboxJob[]>();
    for (const job of due)
      byOrder.set(job.orderId, [...(byOrder.get(job.orderId) ?? []), job]);
    await Promise.all(
      [...byOrder.values()].map(async (jobs) => {
        for (const job of jobs) await runJob(job);
      })
    );
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
    run: (orderId) => track(runDue(orderId)),
    start(intervalMs) {
      timer ??= setInterval(() => void track(runDue()), intervalMs);
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
