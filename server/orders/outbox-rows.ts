/**
 * The outbox's rows as the store keeps them: a side effect owed for an order, written in the
 * same transaction as the change that called for it. Only their shape lives here; which
 * changes call for which rows is the outbox's rule (outbox/jobs.ts).
 */
/**
 * Where a side effect goes: the merchant's in-process hook, the buyer's email, the merchant's
 * webhook, the merchant's email (MERCHANT_EMAIL).
 */
export type Channel = 'hook' | 'email' | 'webhook' | 'merchant-email';

export type OrderEventType = 'order.paid' | 'order.refunded' | 'order.disputed';

export interface NewJob {
  orderId: string;
  /** Unique per order: `email:order.paid`, `webhook:order.refunded:1500`… */
  kind: string;
  channel: Channel;
  event: OrderEventType;
  /**
   * Written already held until then, by the worker of the process that wrote it (it runs the
   * job right after the commit, with the order in hand); unset, any worker may take it at once.
   */
  lockedUntil?: string;
}

export interface OutboxJob extends NewJob {
  id: string;
  attempts: number;
  nextAttemptAt: string;
  lastError?: string;
  createdAt: string;
  doneAt?: string;
}
