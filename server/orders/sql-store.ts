/**
 * The orders store in SQL through Kysely. SQLite (better-sqlite3) is the embedded default;
 * PostgreSQL (`postgres://…`) is the same code with another dialect, for several instances.
 */
import {
  Kysely,
  type LogEvent,
  type Selectable,
  PostgresDialect,
  SqliteDialect,
  sql,
  type Transaction,
} from 'kysely';
import type {PaymentProvider} from '../contract.js';
import {type Logger, silentLogger} from '../log.js';
import {migrateToLatest, pendingMigrations} from './migrations.js';
import {cachingSqlite, namingPool} from './prepared.js';
import {batched, groupBy} from './batch.js';
import {
  applyOnSqlite,
  completeJobsOnSqlite,
  MARK_FULFILLED,
  NEEDS_DISCOUNT_MOVE,
  ORDER_NOT_FOUND,
  postgresFastPath,
  sqliteStatements,
} from './sql-fast-path.js';
import {openSqlite, type SqliteSynchronous} from './sqlite.js';
import type {NewOrder, Order, OrderPatch} from './order.js';
import type {NewJob} from './outbox-rows.js';
import {
  claimDiscountUse,
  countDiscountUses,
  type DiscountSchema,
  moveDiscountUse,
} from './sql-discounts.js';
import {type AdminSchema, sqlAdmin} from './sql-admin.js';
import {type GuardSchema, sqlGuards} from './sql-guards.js';
import {type RefundSchema, sqlRefunds} from './sql-refunds.js';
import {sqlMetrics} from './sql-metrics.js';
import {sqlOutbox} from './sql-outbox.js';
import {
  changeColumns,
  jobRows,
  json,
  nextUpdatedAt,
  type OrdersTable,
  pricingColumns,
  writtenJobs,
  type Schema,
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

/** The dialect's fast path (sql-fast-path.ts): SQLite's statements, or PostgreSQL's one-statement change. */
interface FastPath {
  sqlite?: ReturnType<typeof sqliteStatements>;
  postgres?: ReturnType<typeof postgresFastPath>;
}

export interface SqlStoreOptions {
  /** `sqlite:./data/orders.sqlite`, `sqlite::memory:`, a bare file path, or `postgres://…`. */
  databaseUrl: string;
  now?: () => Date;
  /** Where a discount code going over its limit is reported (a payment took it anyway). */
  logger?: Logger;
  /** Called with each statement's SQL as it runs (BEGIN and COMMIT included): for counting them. */
  onQuery?: (sql: string) => void;
  /** SQLite only: SQLITE_SYNCHRONOUS, how each commit reaches the disk (sqlite.ts; default `normal`). */
  sqliteSynchronous?: SqliteSynchronous;
}

export async function createSqlStore({
  databaseUrl,
  now = () => new Date(),
  logger = silentLogger,
  onQuery,
  sqliteSynchronous,
}: SqlStoreOptions): Promise<OrderStore> {
  const {db, dialect, fast} = await connect(
    databaseUrl,
    onQuery,
    sqliteSynchronous
  );
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
    schema,
    fast
  );
}

async function connect(
  databaseUrl: string,
  onQuery?: (sql: string) => void,
  synchronous?: SqliteSynchronous
): Promise<{db: Kysely<Schema>; dialect: Dialect; fast: FastPath}> {
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
      fast: {postgres: postgresFastPath(pool, onQuery)},
    };
  }
  const database = openSqlite(databaseUrl.replace(/^sqlite:/, ''), synchronous);
  const statements = cachingSqlite(database);
  return {
    db: new Kysely<Schema>({
      dialect: new SqliteDialect({database: statements}),
      ...log,
    }),
    dialect: 'sqlite',
    fast: {sqlite: sqliteStatements(statements, onQuery)},
  };
}

class SqlOrderStore implements OrderStore {
  private readonly guards: GuardStore;
  private readonly outbox: ReturnType<typeof sqlOutbox>;
  // Refunds and their reservations: server/orders/sql-refunds.ts.
  readonly refunds: OrderStore['refunds'];
  // The admin area's queries: server/orders/sql-admin.ts.
  readonly admin: OrderStore['admin'];

  constructor(
    private readonly db: Kysely<Schema>,
    private readonly dialect: Dialect,
    private readonly now: () => string,
    private readonly logger: Logger,
    /** PostgreSQL: the schema of our tables (search_path's first). */
    private readonly schema?: string,
    /** The webhook's statements without Kysely: sql-fast-path.ts. */
    private readonly fast: FastPath = {}
  ) {
    this.guards = sqlGuards(db as unknown as Kysely<GuardSchema>, now);
    this.outbox = sqlOutbox(db, dialect);
    this.refunds = sqlRefunds(db as unknown as Kysely<RefundSchema>, now);
    this.admin = sqlAdmin(db as unknown as Kysely<AdminSchema>);
  }

  // What GET /metrics counts: server/orders/sql-metrics.ts.
  metricsSnapshot: NonNullable<OrderStore['metricsSnapshot']> = () =>
    sqlMetrics(this.db);

  // The outbox's jobs: server/orders/sql-outbox.ts.
  dueJobs: OrderStore['dueJobs'] = (...args) => this.outbox.dueJobs(...args);
  lockJob: OrderStore['lockJob'] = (...args) => this.outbox.lockJob(...args);
  claimJobs: OrderStore['claimJobs'] = (...args) =>
    this.outbox.claimJobs(...args);
  completeJobs: OrderStore['completeJobs'] = async (ids, now) => {
    if (!this.fast.sqlite) return this.outbox.completeJobs(ids, now);
    if (ids.length)
      await this.onSqlite((sql) => completeJobsOnSqlite(sql, ids, now));
  };
  failJob: OrderStore['failJob'] = (...args) => this.outbox.failJob(...args);
  jobs: OrderStore['jobs'] = (...args) => this.outbox.jobs(...args);

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
    if (this.fast.sqlite || this.fast.postgres) {
      const row = await this.fastRead('select * from "orders" where "id" = ?', [
        id,
      ]);
      return row && toOrder(row as never);
    }
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
    if (this.fast.sqlite || this.fast.postgres) {
      const row = await this.fastRead(
        'select * from "orders" where "provider" = ? and "provider_payment_id" = ?',
        [provider, providerPaymentId]
      );
      return row && toOrder(row as never);
    }
    const row = await this.db
      .selectFrom('orders')
      .selectAll()
      .where('provider', '=', provider)
      .where('provider_payment_id', '=', providerPaymentId)
      .executeTakeFirst();
    return row && toOrder(row);
  }

  async tokenHash(id: string): Promise<string | undefined> {
    if (this.fast.sqlite || this.fast.postgres) {
      const row = await this.fastRead(
        'select "token_hash" from "orders" where "id" = ?',
        [id]
      );
      return row?.token_hash as string | undefined;
    }
    const row = await this.db
      .selectFrom('orders')
      .select('token_hash')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.token_hash;
  }

  /** Statements on SQLite's one connection, taken from Kysely so no transaction is open on it. */
  private onSqlite<T>(
    work: (sql: NonNullable<FastPath['sqlite']>) => T
  ): Promise<T> {
    return this.db.connection().execute(async () => work(this.fast.sqlite!));
  }

  /** A read by key without Kysely: SQLite's `?` placeholders become PostgreSQL's `$n`. */
  private fastRead(text: string, params: unknown[]) {
    const {sqlite, postgres} = this.fast;
    if (sqlite) return this.onSqlite((sql) => sql.get(text, params));
    let n = 0;
    return postgres!.read(
      text.replace(/\?/g, () => `$${++n}`),
      params
    );
  }

  async update(
    orderId: string,
    decide: (order: Order) => OrderPatch | null,
    ledger?: LedgerEntry,
    jobsFor?: (previous: Order, next: Order) => NewJob[],
    seen?: Order
  ): Promise<UpdateResult> {
    const request = {orderId, decide, ledger, jobsFor, seen};
    const {sqlite, postgres} = this.fast;
    if (sqlite) {
      const at = this.now();
      try {
        return await this.db
          .connection()
          .execute(async () => applyOnSqlite(sqlite, at, request));
      } catch (error) {
        if (error === ORDER_NOT_FOUND) return {outcome: 'not_found'};
        // Moving a discount use is the Kysely path's (below), in a transaction of its own.
        if (error !== NEEDS_DISCOUNT_MOVE) throw error;
      }
    } else if (postgres) {
      const result = await postgres.apply(this.now(), request);
      if (result !== 'retry') return result;
    }
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
    const row = await this.ledgerAndOrder(trx, orderId, ledger);
    if (row === 'duplicate') return {outcome: 'duplicate'};
    // Thrown, so that the ledger entry just written is rolled back with the transaction.
    if (!row) throw ORDER_NOT_FOUND;
    const previous = toOrder(row);

    const patch = decide(previous);
    if (!patch || Object.keys(patch).length === 0)
      return {outcome: 'unchanged', order: previous};
    const at = this.now();
    const updatedAt = nextUpdatedAt(at, previous.updatedAt);
    const update = trx
      .updateTable('orders')
      .set(changeColumns(previous, patch, updatedAt))
      .where('id', '=', orderId);
    const order = {...previous, ...patch, updatedAt};
    const jobs = jobRows(jobsFor?.(previous, order) ?? [], at);
    let written: {id: string}[] = [];
    if (!jobs.length) await update.execute();
    else if (this.dialect === 'postgres')
      // One round trip: the order's update runs as a data-modifying CTE of the jobs' insert.
      written = await trx
        .with('changed', () => update.returning('id'))
        .insertInto('outbox')
        .values(jobs)
        .onConflict((oc) => oc.columns(['order_id', 'kind']).doNothing())
        .returning('id')
        .execute();
    else {
      await update.execute();
      written = await trx
        .insertInto('outbox')
        .values(jobs)
        .onConflict((oc) => oc.columns(['order_id', 'kind']).doNothing())
        .returning('id')
        .execute();
    }
    await moveDiscountUse(
      discounts(trx),
      previous,
      order,
      updatedAt,
      this.logger
    );
    return {
      outcome: 'changed',
      order,
      previous,
      jobs: writtenJobs(
        jobs,
        written.map((row) => row.id)
      ),
    };
  }

  /**
   * Writes the ledger entry (when given) and reads the order under its row lock; 'duplicate'
   * when the ledger had the entry. The entry comes first, so a duplicate stops there: a copy
   * of the event being applied elsewhere right now waits for that transaction, then finds its
   * entry (or takes its place, if that one rolled back). SQLite: two statements (its one
   * writer at a time needs no row lock). PostgreSQL: one round trip, the entry written by a
   * data-modifying CTE of the locking read.
   */
  private async ledgerAndOrder(
    trx: Transaction<Schema>,
    orderId: string,
    ledger: LedgerEntry | undefined
  ): Promise<Selectable<OrdersTable> | 'duplicate' | undefined> {
    const entry =
      ledger &&
      trx
        .insertInto('processed_events')
        .values({
          provider: ledger.provider,
          event_id: ledger.eventId,
          type: ledger.type,
          order_id: orderId,
        })
        .onConflict((oc) => oc.columns(['provider', 'event_id']).doNothing())
        .returning('event_id');
    if (this.dialect === 'sqlite') {
      if (entry && !(await entry.executeTakeFirst())) return 'duplicate';
      return trx
        .selectFrom('orders')
        .selectAll()
        .where('id', '=', orderId)
        .executeTakeFirst();
    }
    if (!entry)
      return trx
        .selectFrom('orders')
        .selectAll()
        .where('id', '=', orderId)
        .forUpdate()
        .executeTakeFirst();
    // The entry is written from the locked row, so the row lock comes before the ledger's key,
    // in the order the fast path's statement takes them (sql-fast-path.ts): two copies of an
    // event never wait for each other.
    const {rows} = await sql<Selectable<OrdersTable> & {recorded: boolean}>`
      with "locked" as (select * from "orders" where "id" = ${orderId} for update),
      "ledger" as (insert into "processed_events" ("provider", "event_id", "type", "order_id")
        select ${ledger.provider}, ${ledger.eventId}, ${ledger.type}, "id" from "locked"
        on conflict ("provider", "event_id") do nothing returning "event_id")
      select "locked".*, exists (select 1 from "ledger") as "recorded" from "locked"`.execute(
      trx
    );
    const row = rows[0];
    if (!row) return undefined;
    const {recorded, ...order} = row;
    return recorded ? order : 'duplicate';
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

  // The outbox's hook jobs run many orders at once: their fulfilled_at go in one statement
  // per instant (batch.ts), not one per order.
  markFulfilled: OrderStore['markFulfilled'] = (orderId, at) =>
    this.fulfilments({orderId, at});

  private readonly fulfilments = batched<{orderId: string; at: string}>(
    async (marks) => {
      for (const [at, group] of groupBy(marks, (mark) => mark.at)) {
        const ids = group.map((mark) => mark.orderId);
        if (this.fast.sqlite)
          await this.onSqlite((fast) =>
            fast.run(MARK_FULFILLED, [at, JSON.stringify(ids)])
          );
        else
          await sql`update "orders" set "fulfilled_at" = ${at} where "id" = any(${ids})`.execute(
            this.db
          );
      }
    }
  );

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

// The discount uses' functions know only their own tables (as the guards do).
const discounts = (db: Kysely<Schema>) =>
  db as unknown as Kysely<DiscountSchema>;
