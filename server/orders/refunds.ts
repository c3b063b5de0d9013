/**
 * Refunds asked of a provider, as the store keeps them: one row per Idempotency-Key, written
 * with its amount before the provider is called. Until the provider refuses it, a refund's
 * amount counts against what is left of the order, so two requests at once can never refund
 * more than was paid between them. Only the shape and the store's promises live here; the SQL
 * is sql-refunds.ts, the use case payments/refund.ts.
 */
import type {OrderStatus} from '../contract.js';

/**
 * `requested`: reserved, the provider's answer not in yet (or lost: a retry with the same key
 * asks again under the same provider key). `pending`: the provider accepted it and will confirm
 * it by webhook. `succeeded`: the provider said it is done. `failed`: the provider refused it,
 * or said later that it failed; its amount is free again. A row only moves forward: requested →
 * pending → succeeded or failed, and succeeded → failed (Stripe's and Braintree's refunds can
 * fail after they looked done); failed is final, and nothing goes back to pending.
 */
export type RefundStatus = 'requested' | 'pending' | 'succeeded' | 'failed';

export interface Refund {
  id: string;
  orderId: string;
  /** Minor units of the order's currency. */
  amount: number;
  currency: string;
  status: RefundStatus;
  /** The provider's id (Stripe `re_…`, PayPal's refund id), once it answered. */
  providerRefundId?: string;
  /** Our error code when the provider refused it. */
  failureCode?: string;
  /** Who asked: `admin:<session>`, `api`, `cli:<user>`… */
  actor: string;
  createdAt: string;
  updatedAt: string;
}

export interface RefundRequest {
  orderId: string;
  /** SHA-256 of the caller's Idempotency-Key (hex). */
  keyHash: string;
  /** Minor units; undefined: all that is left. */
  amount?: number;
  actor: string;
  /** A `requested` refund is someone's until then; after, a retry with its key may ask again. */
  lockedUntil: string;
}

/** Statuses from which an order can be refunded. */
export const REFUNDABLE_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'paid',
  'partially_refunded',
]);

export type ReserveOutcome =
  /** A new refund, its amount reserved: ask the provider now. */
  | {outcome: 'reserved'; refund: Refund}
  /** The key's earlier refund, answered again (nothing reserved, nothing to ask). */
  | {outcome: 'replay'; refund: Refund}
  /** The key's earlier refund never got its answer and nobody holds it now: ask again. */
  | {outcome: 'retry'; refund: Refund}
  /** The key's refund is being asked for right now by another request. */
  | {outcome: 'in_progress'; refund: Refund}
  /** The key came with another order or another amount. */
  | {outcome: 'mismatch'}
  | {outcome: 'not_found'}
  | {outcome: 'not_refundable'; status: OrderStatus}
  /** More than is left: `available` is what is left (paid − refunded − in flight). */
  | {outcome: 'too_large'; available: number};

/** Which row a provider's report is about, and what it says. */
export interface FollowedReport {
  /** The order's gateway: provider refund ids are only unique within one. */
  provider: string;
  /** The provider's refund id, as the refund call answered it. */
  providerRefundId?: string;
  /** Our row, when the provider echoed our refund key (and the key's order with it). */
  row?: {id: string; orderId: string};
  status: 'succeeded' | 'failed';
}

export type FollowOutcome =
  | {outcome: 'changed'; refund: Refund; previous: RefundStatus}
  /** The row is there but may not move so (already there, or failed is final). */
  | {outcome: 'unchanged'; refund: Refund}
  | {outcome: 'not_found'};

export interface RefundStore {
  /**
   * In one transaction, under the order's row lock: answers the key's refund if it has one;
   * else checks the order is refundable and that `amount` (default: all that is left) fits in
   * total − max(amount refunded, our refunds not failed), and writes the refund `requested`.
   */
  reserve(request: RefundRequest): Promise<ReserveOutcome>;
  /**
   * Records the refund call's answer (a refusal frees the amount), on a `requested` row only:
   * a webhook that came first has the last word. Answers the row as it is now.
   */
  settle(
    id: string,
    patch: {
      status: Exclude<RefundStatus, 'requested'>;
      providerRefundId?: string;
      failureCode?: string;
    }
  ): Promise<Refund | undefined>;
  /**
   * The provider's final word on one of its refunds (a webhook): the row it names moves to
   * `succeeded` or `failed` if it may (see RefundStatus), in one conditional statement, so a
   * duplicate or a late, older report changes nothing.
   */
  follow(report: FollowedReport): Promise<FollowOutcome>;
  /** A `requested` refund whose call failed without an answer: a retry may ask at once. */
  unlock(id: string): Promise<void>;
  /** The order's refunds, oldest first. */
  forOrder(orderId: string): Promise<Refund[]>;
}
