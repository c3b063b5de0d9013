/**
 * What the admin area (server/admin/) reads and changes in the store: orders searched and
 * exported, an order's ledger and outbox jobs, the outbox's open jobs (retried now or given
 * up), the admin sessions (only their ids' hashes) and the audit log. The SQL is
 * sql-admin.ts; none of it is on a buyer's or a webhook's path.
 */
import type {OrderStatus, PaymentProvider} from '../contract.js';
import type {Order} from './order.js';
import type {OutboxJob} from './outbox-rows.js';

export interface OrderSearch {
  /** An order id (or its start), a provider payment id, or part of an email (any case). */
  text?: string;
  status?: OrderStatus;
  provider?: PaymentProvider;
  /** Created at or after (ISO). */
  createdFrom?: string;
  /** Created before (ISO). */
  createdBefore?: string;
  limit: number;
  offset: number;
}

export interface OrderPage {
  /** Newest first. */
  orders: Order[];
  /** How many match in all. */
  total: number;
}

/** Where a keyset page of an export starts: after this order (oldest first). */
export interface OrderCursor {
  createdAt: string;
  id: string;
}

/** A provider event the ledger recorded for an order. */
export interface LedgerRow {
  provider: string;
  eventId: string;
  type: string;
  /** ISO. */
  processedAt: string;
}

/**
 * `pending`: not tried yet; `failed`: tried and due again later; `done`: delivered;
 * `given_up`: the merchant gave up on it (never delivered, never tried again).
 */
export type JobState = 'pending' | 'failed' | 'done' | 'given_up';

export interface AdminJob extends OutboxJob {
  state: JobState;
  givenUpAt?: string;
  /** Someone is delivering it now (until then). */
  lockedUntil?: string;
}

export type AdminSignIn = 'token' | 'password';

export interface AdminSession {
  /** SHA-256 of the session's id (hex); the id itself is only in the browser's cookie. */
  idHash: string;
  method: AdminSignIn;
  createdAt: string;
  lastSeenAt: string;
  /** The absolute end, whatever the activity. */
  expiresAt: string;
}

export interface AuditEntry {
  at: string;
  /** `session:<hash prefix>`, `token`, or `anonymous` for a refused sign-in. */
  actor: string;
  action: string;
  orderId?: string;
  jobId?: string;
  clientAddress?: string;
  /** A short note: an amount, a date range, an outcome. Never a secret. */
  detail?: string;
}

export interface AdminStore {
  searchOrders(search: OrderSearch): Promise<OrderPage>;
  /** Orders created in [from, before), oldest first, after `cursor`: an export's pages. */
  ordersCreated(
    from: string,
    before: string,
    limit: number,
    cursor?: OrderCursor
  ): Promise<Order[]>;
  /** The ledger's entries for the order, oldest first. */
  ledger(orderId: string): Promise<LedgerRow[]>;
  orderJobs(orderId: string): Promise<AdminJob[]>;
  /** Jobs not delivered and not given up: failed ones first, then pending, oldest first. */
  openJobs(limit: number): Promise<AdminJob[]>;
  job(id: string): Promise<AdminJob | undefined>;
  /**
   * Makes an open job due at `now` (no worker holding it): the job as it is then, or undefined
   * when it is done, given up, or being delivered right now.
   */
  retryJob(id: string, now: string): Promise<AdminJob | undefined>;
  /** Gives an open job up (no worker holding it): as retryJob. */
  giveUpJob(id: string, now: string): Promise<AdminJob | undefined>;

  createSession(session: AdminSession): Promise<void>;
  /** The session, if it exists and neither `now` is past its end nor it was idle since `idleSince`. */
  liveSession(
    idHash: string,
    now: string,
    idleSince: string
  ): Promise<AdminSession | undefined>;
  touchSession(idHash: string, at: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Deletes the sessions that ended (at `now`) or were idle since `idleSince`. */
  deleteEndedSessions(now: string, idleSince: string): Promise<void>;

  audit(entry: AuditEntry): Promise<void>;
  /** Newest first (of one order, if given). */
  auditLog(options: {orderId?: string; limit: number}): Promise<AuditEntry[]>;
}
