/**
 * The orders store in SQL through Kysely. SQLite (better-sqlite3) is the embedded default;
 * PostgreSQL (`postgres://…`) is the same code with another dialect, for several instances.
 */
import {mkdirSync} from 'node:fs';
import {dirname} from 'node:path';
import Database from 'better-sqlite3';
import {type Generated, Kysely, PostgresDialect, type Selectable, SqliteDialect} from 'kysely';
import type {OrderStatus, PaymentProvider} from '../contract.js';
import {migrateToLatest} from './migrations.js';
import type {NewOrder, Order, OrderPatch} from './order.js';
import type {LedgerEntry, OrderStore, UpdateResult} from './store.js';

interface OrdersTable {
  id: string;
  token_hash: string;
  status: OrderStatus;
  provider: PaymentProvider;
  currency: string;
  subtotal: number;
  total: number;
  lines: string;
  email: string | null;
  provider_payment_id: string | null;
  amount_refunded: Generated<number>;
  dispute_status: string | null;
  review_reason: string | null;
  created_at: string;
  updated_at: string;
  paid_at: string | null;
  fulfilment_claimed_at: string | null;
  fulfilled_at: string | null;
}

interface ProcessedEventsTable {
  provider: string;
  event_id: string;
  type: string;
  order_id: string;
  processed_at: Generated<string>;
}

interface Schema {
  orders: OrdersTable;
  processed_events: ProcessedEventsTable;
}

type Dialect = 'sqlite' | 'postgres';

export interface SqlStoreOptions {
  /** `sqlite:./data/orders.sqlite`, `sqlite::memory:`, a bare file path, or `postgres://…`. */
  databaseUrl: string;
  now?: () => Date;
}

export async function createSqlStore({databaseUrl, now = () => new Date()}: SqlStoreOptions): Promise<OrderStore> {
  const {db, dialect} = await connect(databaseUrl);
  await migrateToLatest(db as Kysely<unknown>);
  return new SqlOrderStore(db, dialect, () => now().toISOString());
}

async function connect(databaseUrl: string): Promise<{db: Kysely<Schema>; dialect: Dialect}> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    // Loaded only when asked for, so the embedded default needs no PostgreSQL client.
    const {default: pg} = await import('pg');
    // BIGINT comes back as a string by default; our amounts are safe integers.
    pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
    const pool = new pg.Pool({connectionString: databaseUrl, max: 10});
    return {db: new Kysely<Schema>({dialect: new PostgresDialect({pool})}), dialect: 'postgres'};
  }
  const file = databaseUrl.replace(/^sqlite:/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), {recursive: true});
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  return {db: new Kysely<Schema>({dialect: new SqliteDialect({database})}), dialect: 'sqlite'};
}

class SqlOrderStore implements OrderStore {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly dialect: Dialect,
    private readonly now: () => string
  ) {}

  async create(order: NewOrder, tokenHash: string): Promise<Order> {
    const at = this.now();
    await this.db
      .insertInto('orders')
      .values({
        id: order.id,
        token_hash: tokenHash,
        status: 'pending',
        provider: order.provider,
        currency: order.currency,
        subtotal: order.subtotal,
        total: order.total,
        lines: JSON.stringify(order.lines),
        email: order.email ?? null,
        provider_payment_id: null,
        dispute_status: null,
        review_reason: null,
        created_at: at,
        updated_at: at,
        paid_at: null,
        fulfilment_claimed_at: null,
        fulfilled_at: null,
      })
      .execute();
    return (await this.get(order.id))!;
  }

  async get(id: string): Promise<Order | undefined> {
    const row = await this.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toOrder(row);
  }

  async findByPayment(provider: PaymentProvider, providerPaymentId: string): Promise<Order | undefined> {
    const row = await this.db
      .selectFrom('orders')
      .selectAll()
      .where('provider', '=', provider)
      .where('provider_payment_id', '=', providerPaymentId)
      .executeTakeFirst();
    return row && toOrder(row);
  }

  async tokenHash(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('orders').select('token_hash').where('id', '=', id).executeTakeFirst();
    return row?.token_hash;
  }

  update(orderId: string, decide: (order: Order) => OrderPatch | null, ledger?: LedgerEntry): Promise<UpdateResult> {
    return this.db.transaction().execute(async (trx) => {
      let query = trx.selectFrom('orders').selectAll().where('id', '=', orderId);
      // SQLite has one writer at a time already; PostgreSQL needs the row lock.
      if (this.dialect === 'postgres') query = query.forUpdate();
      const row = await query.executeTakeFirst();
      if (!row) return {outcome: 'not_found'};
      const previous = toOrder(row);

      if (ledger) {
        const inserted = await trx
          .insertInto('processed_events')
          .values({provider: ledger.provider, event_id: ledger.eventId, type: ledger.type, order_id: orderId})
          .onConflict((oc) => oc.columns(['provider', 'event_id']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return {outcome: 'duplicate', order: previous};
      }

      const patch = decide(previous);
      if (!patch || Object.keys(patch).length === 0) return {outcome: 'unchanged', order: previous};
      const updatedAt = this.now();
      await trx
        .updateTable('orders')
        .set({
          ...(patch.status !== undefined && {status: patch.status}),
          ...(patch.providerPaymentId !== undefined && {provider_payment_id: patch.providerPaymentId}),
          ...(patch.amountRefunded !== undefined && {amount_refunded: patch.amountRefunded}),
          ...(patch.disputeStatus !== undefined && {dispute_status: patch.disputeStatus}),
          ...(patch.reviewReason !== undefined && {review_reason: patch.reviewReason}),
          ...(patch.paidAt !== undefined && {paid_at: patch.paidAt}),
          updated_at: updatedAt,
        })
        .where('id', '=', orderId)
        .execute();
      return {outcome: 'changed', order: {...previous, ...patch, updatedAt}, previous};
    });
  }

  async claimFulfilment(orderId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('orders')
      .set({fulfilment_claimed_at: this.now()})
      .where('id', '=', orderId)
      .where('fulfilment_claimed_at', 'is', null)
      .where('fulfilled_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async completeFulfilment(orderId: string): Promise<void> {
    await this.db.updateTable('orders').set({fulfilled_at: this.now()}).where('id', '=', orderId).execute();
  }

  async releaseFulfilment(orderId: string): Promise<void> {
    await this.db
      .updateTable('orders')
      .set({fulfilment_claimed_at: null})
      .where('id', '=', orderId)
      .where('fulfilled_at', 'is', null)
      .execute();
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}

function toOrder(row: Selectable<OrdersTable>): Order {
  return {
    id: row.id,
    status: row.status,
    provider: row.provider,
    currency: row.currency,
    subtotal: Number(row.subtotal),
    total: Number(row.total),
    lines: JSON.parse(row.lines),
    email: row.email ?? undefined,
    providerPaymentId: row.provider_payment_id ?? undefined,
    amountRefunded: Number(row.amount_refunded),
    disputeStatus: row.dispute_status ?? undefined,
    reviewReason: row.review_reason ?? undefined,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    paidAt: row.paid_at ?? undefined,
    fulfilledAt: row.fulfilled_at ?? undefined,
  };
}
