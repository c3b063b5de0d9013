/**
 * Reconciliation: orders still unpaid after a while are checked against their provider, so a
 * missed webhook — or a crash between the charge and the webhook — never leaves a paid order
 * unpaid in the store. Runs at start-up, on an interval, and once from `npm run reconcile`.
 */
import type {Logger} from '../log.js';
import type {Order} from '../orders/order.js';
import type {OrderStore} from '../orders/store.js';

interface ReconcilerDeps {
  store: OrderStore;
  logger: Logger;
  now: () => Date;
  /** Reads an order's payment back from its gateway and applies it (syncOrder). */
  sync(order: Order): Promise<Order>;
}

interface ReconcileReport {
  checked: number;
  changed: number;
}

export interface Reconciler {
  /** Checks every open order last changed more than `olderThanMs` ago. */
  runOnce(olderThanMs?: number): Promise<ReconcileReport>;
  start(intervalMs: number, olderThanMs?: number): void;
  /** Stops the interval; a run under way stops after the order it is checking. */
  stop(): void;
  /** Resolves when no run is under way (for shutdown). */
  idle(): Promise<void>;
}

const DEFAULT_OLDER_THAN_MS = 5 * 60_000;

export function createReconciler(ctx: ReconcilerDeps): Reconciler {
  let timer: ReturnType<typeof setInterval> | undefined;
  // Orders that are still open after a check would be listed again; each is checked once a run.
  const seen = new Set<string>();
  const running = new Set<Promise<unknown>>();
  // Bumped by stop(): a run started before it stops between two orders.
  let generation = 0;

  function runOnce(olderThanMs?: number): Promise<ReconcileReport> {
    const run = check(olderThanMs, generation);
    running.add(run);
    void run.catch(() => {}).finally(() => running.delete(run));
    return run;
  }

  async function check(
    olderThanMs = DEFAULT_OLDER_THAN_MS,
    startedIn: number
  ): Promise<ReconcileReport> {
    const before = new Date(ctx.now().getTime() - olderThanMs).toISOString();
    const report = {checked: 0, changed: 0};
    for (;;) {
      const orders = await ctx.store.openOrders(before, 100);
      const unseen = orders.filter((order) => !seen.has(order.id));
      if (unseen.length === 0 || startedIn !== generation) break;
      for (const order of unseen) {
        if (startedIn !== generation) break;
        seen.add(order.id);
        report.checked += 1;
        const synced = await ctx.sync(order);
        if (synced.status !== order.status) report.changed += 1;
      }
    }
    seen.clear();
    if (report.checked) ctx.logger.info(report, 'reconciled open orders');
    return report;
  }

  return {
    runOnce,
    start(intervalMs, olderThanMs) {
      timer ??= setInterval(() => {
        runOnce(olderThanMs).catch((error: unknown) =>
          ctx.logger.error(
            {error: (error as Error).message},
            'reconciliation failed'
          )
        );
      }, intervalMs);
      timer.unref?.();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      generation += 1;
    },
    async idle() {
      while (running.size) await Promise.allSettled(running);
    },
  };
}
