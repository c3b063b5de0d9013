/**
 * The one path every report about a payment takes, whoever made it (a webhook, a capture
 * response, a buyer's return, reconciliation): the state machine decides, the store writes
 * the change and the outbox jobs it calls for in one transaction, and the outbox delivers
 * them — the fulfilment hook, the buyer's email, the merchant's webhook — once per order.
 */
import type {Order} from '../orders/order.js';
import {applyPaymentEvent, type PaymentEvent} from '../orders/state.js';
import type {LedgerEntry, OrderStore, UpdateResult} from '../orders/store.js';
import {jobsForChange} from '../outbox/jobs.js';
import type {OutboxWorker} from '../outbox/worker.js';

export type OrderHook = (order: Order) => void | Promise<void>;

export interface Fulfiller {
  /**
   * Applies a report to an order (once per ledger entry) and starts delivering whatever is
   * due for it — also after a duplicate, so a provider's retry gives a failed job another try.
   */
  apply(
    orderId: string,
    event: PaymentEvent,
    ledger?: LedgerEntry,
    /** The order as the caller just read it: the store need not read it again. */
    seen?: Order
  ): Promise<UpdateResult>;
}

export function createFulfiller(
  store: OrderStore,
  outbox: OutboxWorker,
  now: () => Date
): Fulfiller {
  return {
    async apply(orderId, event, ledger, seen) {
      const clock = now();
      const at = clock.toISOString();
      // The jobs are written held for this process's worker, which runs them right after.
      const heldUntil = outbox.holdUntil(clock);
      const result = await store.update(
        orderId,
        (order) => applyPaymentEvent(order, event, at),
        ledger,
        (previous, next) =>
          jobsForChange(previous, next, outbox.channels).map((job) => ({
            ...job,
            lockedUntil: heldUntil,
          })),
        seen
      );
      // Not awaited by design: a provider's request is answered once the change is stored;
      // slow work (SMTP, the merchant's server) runs after, and is retried from the outbox.
      if (result.outcome === 'changed' && result.jobs.length)
        void outbox.runHeld(result.order, result.jobs);
      else if (result.outcome !== 'not_found') void outbox.run(orderId);
      return result;
    },
  };
}
