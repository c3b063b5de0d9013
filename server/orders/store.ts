import type {PaymentProvider} from '../contract.js';
import type {NewOrder, Order, OrderPatch} from './order.js';

/** A provider event already applied is recorded here, keyed by (provider, event id). */
export interface LedgerEntry {
  provider: string;
  eventId: string;
  type: string;
}

export type UpdateResult =
  | {outcome: 'not_found'}
  /** The ledger already held this event: nothing was changed. */
  | {outcome: 'duplicate'; order: Order}
  | {outcome: 'unchanged'; order: Order}
  | {outcome: 'changed'; order: Order; previous: Order};

/**
 * Where orders live. One small interface so the SQL behind it (SQLite by default, PostgreSQL
 * for several instances) is a detail, and tests can run the same suite against each.
 */
export interface OrderStore {
  /** Writes a new `pending` order with the hash of its bearer token. */
  create(order: NewOrder, tokenHash: string): Promise<Order>;
  get(id: string): Promise<Order | undefined>;
  /** The order a provider payment (PaymentIntent, PayPal order…) belongs to. */
  findByPayment(provider: PaymentProvider, providerPaymentId: string): Promise<Order | undefined>;
  /** The stored token hash, for authorising reads of the order. */
  tokenHash(id: string): Promise<string | undefined>;
  /**
   * In one transaction: record the ledger entry (a duplicate stops here), re-read the order
   * under a row lock, and write the patch `decide` returns for it.
   */
  update(orderId: string, decide: (order: Order) => OrderPatch | null, ledger?: LedgerEntry): Promise<UpdateResult>;
  /** Takes the right to fulfil a settled order; true for exactly one caller until released. */
  claimFulfilment(orderId: string): Promise<boolean>;
  completeFulfilment(orderId: string): Promise<void>;
  /** Gives the claim back after a failed fulfilment, so a later delivery can try again. */
  releaseFulfilment(orderId: string): Promise<void>;
  close(): Promise<void>;
}
