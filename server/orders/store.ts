import type {PaymentProvider} from '../contract.js';
import type {NewJob, OutboxJob} from './outbox-rows.js';
import type {AdminStore} from './admin-store.js';
import type {NewOrder, Order, OrderPatch} from './order.js';
import type {RefundStore} from './refunds.js';

/** What GET /metrics reads at scrape time (orders/sql-metrics.ts). */
export interface StoreMetrics {
  orders: {status: string; provider: string; count: number}[];
  /** Undone jobs: `pending` not tried yet, `failed` tried and due again later. */
  outbox: {channel: string; state: 'pending' | 'failed'; count: number}[];
}

/** A provider event already applied is recorded here, keyed by (provider, event id). */
export interface LedgerEntry {
  provider: string;
  eventId: string;
  type: string;
}

export type StoreReadiness =
  'ready' | 'migrations_pending' | 'database_unavailable';

export type UpdateResult =
  | {outcome: 'not_found'}
  /** The ledger already held this event: nothing was read or changed. */
  | {outcome: 'duplicate'}
  | {outcome: 'unchanged'; order: Order}
  | {
      outcome: 'changed';
      order: Order;
      previous: Order;
      /** The jobs this change wrote (a kind the order had already is not written again). */
      jobs: OutboxJob[];
    };

/**
 * One use of a discount code, taken with the order that applies it. `limit` is the code's
 * usage limit (none: unlimited); `oncePerEmail` refuses a second use by the same email
 * (compared lowercased).
 */
export interface DiscountClaim {
  code: string;
  limit?: number;
  oncePerEmail: boolean;
  email?: string;
}

/** `create` could not take the claim (the last use went to someone else): nothing was written. */
export class DiscountClaimRefused extends Error {
  readonly reason = 'used_up' as const;
  constructor(readonly code: string) {
    super(`Discount code ${code} is used up.`);
    this.name = 'DiscountClaimRefused';
  }
}

/** A client's hits on one limit in its current window. */
export interface HitCount {
  hits: number;
  /** When the window ends (ms since the epoch). */
  resetAt: number;
}

/** What the store knows about an Idempotency-Key when a request comes with it. */
export type IdempotencyClaim =
  /** The caller holds the key now: run the request, then complete or release it. */
  | {outcome: 'claimed'}
  /** The same request was answered before: this is its answer (as stored, encrypted). */
  | {outcome: 'replay'; status: number; response: string}
  /** The key came with another request. */
  | {outcome: 'mismatch'}
  /** The same request is running elsewhere (another tab, another instance). */
  | {outcome: 'in_progress'};

/** The guards in front of the create endpoints, shared by every instance on the database. */
export interface GuardStore {
  /** Counts a hit in `bucket`'s window (a new window of `windowMs` if the last one ended). */
  countHit(bucket: string, windowMs: number): Promise<HitCount>;
  /** Takes back a hit counted in the current window (never below zero). */
  uncountHit(bucket: string): Promise<void>;
  resetHits(bucket: string): Promise<void>;
  /**
   * Claims `keyHash` for a request with `fingerprint`, until `lockedUntil` (ISO): at once when
   * the key is new or expired, or when an earlier holder's lock ran out without an answer.
   */
  claimIdempotencyKey(
    keyHash: string,
    fingerprint: string,
    lockedUntil: string,
    expiresAt: string
  ): Promise<IdempotencyClaim>;
  /** Stores the answer of a claimed key, for replays until the key expires. */
  completeIdempotencyKey(
    keyHash: string,
    status: number,
    response: string
  ): Promise<void>;
  /** Gives a claimed key up unanswered (the request failed): a retry runs it afresh. */
  releaseIdempotencyKey(keyHash: string): Promise<void>;
}

/**
 * Where orders live. One small interface so the SQL behind it (SQLite by default, PostgreSQL
 * for several instances) is a detail, and tests can run the same suite against each.
 */
export interface OrderStore extends GuardStore {
  /**
   * Writes a new `pending` order with the hash of its bearer token. With a `claim`, takes one
   * use of the discount code in the same transaction, or throws DiscountClaimRefused and
   * writes nothing.
   */
  create(
    order: NewOrder,
    tokenHash: string,
    claim?: DiscountClaim
  ): Promise<Order>;
  /**
   * How many uses of `code` count toward its limit now (held by open orders not yet stale,
   * or spent by paid ones), and whether `email` (any case) holds or spent one.
   */
  discountUses(
    code: string,
    email?: string
  ): Promise<{uses: number; byEmail: boolean}>;
  get(id: string): Promise<Order | undefined>;
  /** The order a provider payment (PaymentIntent, PayPal order…) belongs to. */
  findByPayment(
    provider: PaymentProvider,
    providerPaymentId: string
  ): Promise<Order | undefined>;
  /** The stored token hash, for authorising reads of the order. */
  tokenHash(id: string): Promise<string | undefined>;
  /**
   * In one transaction: record the ledger entry (a duplicate stops there, at the first
   * statement), read the order under a row lock, write the patch `decide` returns for it, and queue the outbox jobs
   * `jobsFor` asks for (each (order, kind) at most once, ever).
   */
  update(
    orderId: string,
    decide: (order: Order) => OrderPatch | null,
    ledger?: LedgerEntry,
    jobsFor?: (previous: Order, next: Order) => NewJob[],
    /**
     * The order as the caller read it just before (a webhook's gateway did): written against
     * it without reading it again if it is still as it was (its updatedAt), else as usual.
     */
    seen?: Order
  ): Promise<UpdateResult>;
  /** Orders still waiting for their payment, last changed at or before `before` (ISO), oldest first. */
  openOrders(before: string, limit: number): Promise<Order[]>;
  /** Outbox jobs due at `now` and not locked by another worker (of one order, if given). */
  dueJobs(now: string, limit: number, orderId?: string): Promise<OutboxJob[]>;
  /**
   * Takes a job until `until` and answers it as it is now (its attempts so far); undefined if
   * another worker has it, it is done, or it is not due at `now` (its next attempt is later).
   */
  lockJob(
    id: string,
    now: string,
    until: string
  ): Promise<OutboxJob | undefined>;
  /**
   * Takes the jobs due at `now` (of these orders, if given) that no other worker holds, until
   * `until`, at most `limit`, in one statement: lockJob for a batch. Oldest first.
   */
  claimJobs(
    now: string,
    until: string,
    limit: number,
    orderIds?: readonly string[]
  ): Promise<OutboxJob[]>;
  /** Marks the jobs done (one statement for all of them). */
  completeJobs(ids: readonly string[], now: string): Promise<void>;
  failJob(id: string, error: string, nextAttemptAt: string): Promise<void>;
  jobs(orderId?: string): Promise<OutboxJob[]>;
  /** The admin area's queries (admin-store.ts): off every buyer's and webhook's path. */
  readonly admin: AdminStore;
  /** Refunds asked of the providers, reserved against what is left of their order. */
  readonly refunds: RefundStore;
  /** For GET /metrics: orders by status and provider, undone outbox jobs by channel. */
  metricsSnapshot?(): Promise<StoreMetrics>;
  /** Records that the merchant's fulfilment hook has run for the order. */
  markFulfilled(orderId: string, at: string): Promise<void>;
  /** For /readyz: the database answers and has run every migration this code knows. */
  readiness(): Promise<StoreReadiness>;
  close(): Promise<void>;
}
