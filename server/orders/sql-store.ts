/**
 * The orders store in SQL through Kysely. SQLite (better-sqlite3) is the embedded default;
 * PostgreSQL (`postgres://…`) is the same code with another dialect, for several instances.
 */
import {randomUUID} from 'node:crypto';
import {mkdirSync} from 'node:fs';
import {dirname} from 'node:path';
import Database from 'better-sqlite3';
import {
  Kysely,
  type ExpressionBuilder,
  type LogEvent,
  PostgresDialect,
  SqliteDialect,
  sql,
  type Transaction,
} from 'kysely';
import type {PaymentProvider} from '../contract.js';
import {type Logger, silentLogger} from '../log.js';
import {migrateToLatest, pendingMigrations} from './migrations.js';
import {cachingSqlite, namingPool} from './prepared.js';
import type {NewOrder, Order, OrderPatch} from './order.js';
import type {NewJob, OutboxJob} from './outbox-rows.js';
import {
  claimDiscountUse,
  countDiscountUses,
  type DiscountSchema,
  moveDiscountUse,
} from './sql-discounts.js';
import {type GuardSchema, sqlGuards} from './sql-guards.js';
import {
  json,
  PRICING_FIELDS,
  pricingColumns,
  type Schema,
  toJob,
  toOrder,
} from './sql-rows.js';
import type {
  DiscountClaim,
  GuardStore,
  LedgerEntry,
  OrderStore,
  StoreReadiness,
  UpdateResult,
} from './store.js';

type Dialect = 'sqlite' | 'postgres';

export interface SqlStoreOptions {
  /** `sqlite:./data/orders.sqlite`, `sqlite::memory:`, a bare file path, or `postgres://…`. */
  databaseUrl: string;
  now?: () => Date;
  /** Where a discount code going over its limit is reported (a payment took it anyway). */
  logger?: Logger;
  /** Called with each statement's SQL as it runs (BEGIN and COMMIT included): for counting them. */
  onQuery?: (sql: string) => void;
}

export async function createSqlStore({
  databaseUrl,
  now = () => new Date(),
  logger = silentLogger,
  onQuery,
}: SqlStoreOptions): Promise<OrderStore> {
  const {db, dialect} = await connect(databaseUrl, onQuery);
  const schema =
    dialect === 'postgres'
      ? (
          await sql<{
            schema: string;
          }>`SELECT current_schema() AS schema`.execute(db)
        ).rows[0]?.schema
      : undefined;
  try {
    await migrateToLatest(db as Kysely<unknown>, schema);
  } catch (error) {
    // No pool left open behind a failed start.
    await db.destroy();
    throw error;
  }
  return new SqlOrderStore(
    db,
    dialect,
    () => now().toISOString(),
    logger,
    schema
  );
}

async function connect(
  databaseUrl: string,
  onQuery?: (sql: string) => void
): Promise<{db: Kysely<Schema>; dialect: Dialect}> {
  const log = onQuery && {
    log: (event: LogEvent) => onQuery(event.query.sql),
  };
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    // Loaded only when asked for, so the embedded default needs no PostgreSQL client.
    const {default: pg} = await import('pg');
    // BIGINT comes back as a string by default; our amounts are safe integers.
    pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
    const pool = new pg.Pool({connectionString: databaseUrl, max: 10});
    return {
      db: new Kysely<Schema>({
        dialect: new PostgresDialect({pool: namingPool(pool)}),
        ...log,
      }),
      dialect: 'postgres',
    };
  }
  const file = databaseUrl.replace(/^sqlite:/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), {recursive: true});
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  return {
    db: new Kysely<Schema>({
      dialect: new SqliteDialect({database: cachingSqlite(database)}),
      ...log,
    }),
    dialect: 'sqlite',
  };
}

class SqlOrderStore implements OrderStore {
  private readonly guards: GuardStore;

  constructor(
    private readonly db: Kysely<Schema>,
    private readonly dialect: Dialect,
    private readonly now: () => string,
    private readonly logger: Logger,
    /** PostgreSQL: the schema of our tables (search_path's first). */
    private readonly schema?: string
  ) {
    this.guards = sqlGuards(db as unknown as Kysely<GuardSchema>, now);
  }

  // Rate limits and Idempotency-Keys: server/orders/sql-guards.ts.
  countHit: GuardStore['countHit'] = (...args) => this.guards.countHit(...args);
  uncountHit: GuardStore['uncountHit'] = (...args) =>
    this.guards.uncountHit(...args);
  resetHits: GuardStore['resetHits'] = (...args) =>
    this.guards.resetHits(...args);
  claimIdempotencyKey: GuardStore['claimIdempotencyKey'] = (...args) =>
    this.guards.claimIdempotencyKey(...args);
  completeIdempotencyKey: GuardStore['completeIdempotencyKey'] = (...args) =>
    this.guards.completeIdempotencyKey(...args);
  releaseIdempotencyKey: GuardStore['releaseIdempotencyKey'] = (...args) =>
    this.guards.releaseIdempotencyKey(...args);

  async create(
    order: NewOrder,
    tokenHash: string,
    claim?: DiscountClaim
  ): Promise<Order> {
    const at = this.now();
    // Read committed on PostgreSQL whatever the server's default: a claim that waited for
    // the code's lock must then count the uses its holder committed (sql-discounts.ts).
    // SQLite has one isolation and ignores the setting.
    const transaction = this.db
      .transaction()
      .setIsolationLevel('read committed');
    const row = await transaction.execute(async (trx) => {
      // The claim first: it takes the code's lock, and a refusal writes nothing.
      if (claim)
        await claimDiscountUse(
          discounts(trx),
          claim,
          order.id,
          order.email,
          at
        );
      // The row as written (the columns' defaults included), not read again after.
      return trx
        .insertInto('orders')
        .values({
          id: order.id,
          token_hash: tokenHash,
          status: 'pending',
          provider: order.provider,
          currency: order.currency,
          ...pricingColumns(order),
          // The code whose use the claim takes is the order's code.
          discount_code:
            order.discountCode ?? claim?.code.toUpperCase() ?? null,
          billing_address: json(order.billingAddress),
          email: order.email ?? null,
          locale: order.locale ?? null,
          provider_payment_id: null,
          dispute_status: null,
          review_reason: null,
          created_at: at,
          updated_at: at,
          paid_at: null,
          fulfilment_claimed_at: null,
          fulfilled_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    return toOrder(row);
  }

  discountUses(
    code: string,
    email?: string
  ): Promise<{uses: number; byEmail: boolean}> {
    return countDiscountUses(discounts(this.db), code, email, this.now());
  }

  async get(id: string): Promise<Order | undefined> {
    const row = await this.db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toOrder(row);
  }

  async findByPayment(
    provider: PaymentProvider,
    providerPaymentId: string
  ): Promise<Order | undefined> {
    const row = await this.db
      .selectFrom('orders')
      .selectAll()
      .where('provider', '=', provider)
      .where('provider_payment_id', '=', providerPaymentId)
      .executeTakeFirst();
    return row && toOrder(row);
  }

  async tokenHash(id: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('orders')
      .select('token_hash')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.token_hash;
  }

  async update(
    orderId: string,
    decide: (order: Order) => OrderPatch | null,
    ledger?: LedgerEntry,
    jobsFor?: (previous: Order, next: Order) => NewJob[]
  ): Promise<UpdateResult> {
    try {
      return await this.db
        .transaction()
        .execute((trx) => this.updateIn(trx, orderId, decide, ledger, jobsFor));
    } catch (error) {
      if (error === ORDER_NOT_FOUND) return {outcome: 'not_found'};
      throw error;
    }
  }

  private async updateIn(
    trx: Transaction<Schema>,
    orderId: string,
    decide: (order: Order) => OrderPatch | null,
    ledger?: LedgerEntry,
    jobsFor?: (previous: Order, next: Order) => NewJob[]
  ): Promise<UpdateResult> {
    if (ledger) {
      // The ledger first: a duplicate stops at its first statement, before any read. A copy
      // of the event being applied elsewhere right now waits here for that transaction, then
      // finds its entry (or takes its place, if that one rolled back).
      const inserted = await trx
        .insertInto('processed_events')
        .values({
          provider: ledger.provider,
          event_id: ledger.eventId,
          type: ledger.type,
          order_id: orderId,
        })
        .onConflict((oc) => oc.columns(['provider', 'event_id']).doNothing())
        .returning('event_id')
        .executeTakeFirst();
      if (!inserted) return {outcome: 'duplicate'};
    }

    let query = trx.selectFrom('orders').selectAll().where('id', '=', orderId);
    // SQLite has one writer at a time already; PostgreSQL needs the row lock.
    if (this.dialect === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    // Thrown, so that the ledger entry written above is rolled back with the transaction.
    if (!row) throw ORDER_NOT_FOUND;
    const previous = toOrder(row);

    const patch = decide(previous);
    if (!patch || Object.keys(patch).length === 0)
      return {outcome: 'unchanged', order: previous};
    const updatedAt = this.now();
    await trx
      .updateTable('orders')
      .set({
        ...(patch.status !== undefined && {status: patch.status}),
        ...(patch.providerPaymentId !== undefined && {
          provider_payment_id: patch.providerPaymentId,
        }),
        ...(patch.amountRefunded !== undefined && {
          amount_refunded: patch.amountRefunded,
        }),
        ...(patch.disputeStatus !== undefined && {
          dispute_status: patch.disputeStatus,
        }),
        ...(patch.reviewReason !== undefined && {
          review_reason: patch.reviewReason,
        }),
        ...(patch.paidAt !== undefined && {paid_at: patch.paidAt}),
        ...(PRICING_FIELDS.some((field) => patch[field] !== undefined) &&
          pricingColumns({...previous, ...patch})),
        updated_at: updatedAt,
      })
      .where('id', '=', orderId)
      .execute();
    const order = {...previous, ...patch, updatedAt};
    await moveDiscountUse(
      discounts(trx),
      previous,
      order,
      updatedAt,
      this.logger
    );
    const jobs = jobsFor?.(previous, order) ?? [];
    if (jobs.length) {
      await trx
        .insertInto('outbox')
        .values(
          jobs.map((job) => ({
            id: `job_${randomUUID()}`,
            order_id: job.orderId,
            kind: job.kind,
            channel: job.channel,
            event: job.event,
            next_attempt_at: updatedAt,
            locked_until: null,
            last_error: null,
            created_at: updatedAt,
            done_at: null,
          }))
        )
        .onConflict((oc) => oc.columns(['order_id', 'kind']).doNothing())
        .execute();
    }
    return {outcome: 'changed', order, previous};
  }

  async openOrders(before: string, limit: number): Promise<Order[]> {
    const rows = await this.db
      .selectFrom('orders')
      .selectAll()
      .where('status', 'in', ['pending', 'processing'])
      .where('provider_payment_id', 'is not', null)
      .where('updated_at', '<=', before)
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map(toOrder);
  }

  async dueJobs(
    now: string,
    limit: number,
    orderId?: string
  ): Promise<OutboxJob[]> {
    let query = this.db
      .selectFrom('outbox')
      .selectAll()
      .where('done_at', 'is', null)
      .where('next_attempt_at', '<=', now)
      .where((eb) =>
        eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)])
      );
    if (orderId) query = query.where('order_id', '=', orderId);
    const rows = await query.orderBy('created_at').limit(limit).execute();
    return rows.map(toJob);
  }

  async lockJob(
    id: string,
    now: string,
    until: string
  ): Promise<OutboxJob | undefined> {
    // Compare-and-set: of several workers (or instances) that saw the job due, one wins. The
    // due time is checked again here, not only when the job was listed: a worker that listed
    // it just before another one ran and failed it must not retry it before its backoff.
    // On PostgreSQL a concurrent UPDATE waits for the winner's and re-checks these conditions
    // against the row it wrote, so the claim holds across instances too.
    const row = await this.db
      .updateTable('outbox')
      .set({locked_until: until})
      .where('id', '=', id)
      .where('done_at', 'is', null)
      .where('next_attempt_at', '<=', now)
      .where((eb) =>
        eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)])
      )
      .returningAll()
      .executeTakeFirst();
    return row && toJob(row);
  }

  async claimJobs(
    now: string,
    until: string,
    limit: number,
    orderIds?: readonly string[]
  ): Promise<OutboxJob[]> {
    const due = (eb: ExpressionBuilder<Schema, 'outbox'>) =>
      eb.and([
        eb('done_at', 'is', null),
        eb('next_attempt_at', '<=', now),
        eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]),
      ]);
    let pick = this.db.selectFrom('outbox').select('id').where(due);
    if (orderIds) pick = pick.where(this.oneOf('order_id', orderIds));
    // The due conditions again on the rows written, not only in the pick: on PostgreSQL a
    // second instance's UPDATE waits for the first's and re-checks them against the row it
    // wrote (now locked), so each job goes to one worker (as lockJob's compare-and-set).
    const rows = await this.db
      .updateTable('outbox')
      .set({locked_until: until})
      .where('id', 'in', pick.orderBy('created_at').limit(limit))
      .where(due)
      .returningAll()
      .execute();
    return rows
      .map(toJob)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** `column` is one of `values`, as one SQL text whatever their number (one prepared statement). */
  private oneOf(column: 'order_id' | 'id', values: readonly string[]) {
    return this.dialect === 'postgres'
      ? sql<boolean>`${sql.ref(column)} = any(${[...values]})`
      : sql<boolean>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`;
  }

  async completeJobs(ids: readonly string[], now: string): Promise<void> {
    if (!ids.length) return;
    await this.db
      .updateTable('outbox')
      .set((eb) => ({
        done_at: now,
        locked_until: null,
        attempts: eb('attempts', '+', 1),
      }))
      .where(this.oneOf('id', ids))
      .execute();
  }

  async failJob(
    id: string,
    error: string,
    nextAttemptAt: string
  ): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set((eb) => ({
        last_error: error.slice(0, 500),
        next_attempt_at: nextAttemptAt,
        locked_until: null,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
  }

  async jobs(orderId?: string): Promise<OutboxJob[]> {
    let query = this.db.selectFrom('outbox').selectAll();
    if (orderId) query = query.where('order_id', '=', orderId);
    return (await query.orderBy('created_at').orderBy('kind').execute()).map(
      toJob
    );
  }

  async markFulfilled(orderId: string, at: string): Promise<void> {
    await this.db
      .updateTable('orders')
      .set({fulfilled_at: at})
      .where('id', '=', orderId)
      .execute();
  }

  async readiness(): Promise<StoreReadiness> {
    try {
      const pending = await pendingMigrations(
        this.db as Kysely<unknown>,
        this.schema
      );
      return pending.length ? 'migrations_pending' : 'ready';
    } catch {
      return 'database_unavailable';
    }
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}

/** Thrown inside update's transaction to roll it back: the order is not there. */
const ORDER_NOT_FOUND = Symbol('order not found');

// The discount uses' functions know only their own tables (as the guards do).
const discounts = (db: Kysely<Schema>) =>
  db as unknown as Kysely<DiscountSchema>;
