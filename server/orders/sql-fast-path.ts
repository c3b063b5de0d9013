/**
 * The store's write for a payment report, without a query builder in the way: the statements a
 * webhook runs thousands of times a second, as SQL prepared once.
 *
 * - **SQLite**: one synchronous transaction (better-sqlite3 does not yield, so nothing else
 *   runs in between): the ledger entry first, then the order's update, the outbox's rows.
 *   When the caller read the order just before (the gateway did, to translate the event), the
 *   update names the `updated_at` it read (sql-rows.ts nextUpdatedAt: it only grows), and
 *   the order is read again only if something changed it in between.
 * - **PostgreSQL**: one statement, so one round trip and its own transaction: the update under
 *   the same condition, the ledger entry and the jobs written only with it, and whether the
 *   ledger already had the event. Anything else (the order changed in between, a discount
 *   use to move) answers `retry`, and the store takes the locking path (sql-store.ts).
 *
 * The result is the same as the locking path's: an event is applied once, its jobs written
 * with its change, a duplicate changes nothing.
 */
import type pg from 'pg';
import type {SqliteDatabase} from 'kysely';
import type {Order, OrderPatch} from './order.js';
import type {NewJob} from './outbox-rows.js';
import {
  changeColumns,
  jobRows,
  nextUpdatedAt,
  type OrdersTable,
  toOrder,
  writtenJobs,
} from './sql-rows.js';
import type {LedgerEntry, UpdateResult} from './store.js';

/** What store.update was asked. */
export interface UpdateRequest {
  orderId: string;
  decide: (order: Order) => OrderPatch | null;
  ledger?: LedgerEntry;
  jobsFor?: (previous: Order, next: Order) => NewJob[];
  /** The order as the caller read it just before. */
  seen?: Order;
}

/** Thrown inside a transaction to roll it back. */
export const ORDER_NOT_FOUND = Symbol('order not found');
/** This change moves a discount code's use: the store's Kysely path does that (sql-discounts.ts). */
export const NEEDS_DISCOUNT_MOVE = Symbol('needs the discount use moved');

const movesDiscountUse = (previous: Order, patch: OrderPatch) =>
  previous.discountCode !== undefined &&
  patch.status !== undefined &&
  patch.status !== previous.status;

const changes = (patch: OrderPatch | null): patch is OrderPatch =>
  patch !== null && Object.keys(patch).length > 0;

const LEDGER_COLUMNS = '"provider", "event_id", "type", "order_id"';
const JOB_COLUMNS = [
  'id',
  'order_id',
  'kind',
  'channel',
  'event',
  'next_attempt_at',
  'locked_until',
  'created_at',
] as const;
const quoted = (columns: readonly string[]) =>
  columns.map((column) => `"${column}"`).join(', ');

// ---- SQLite -------------------------------------------------------------------------------

type Row = Record<string, unknown>;

/** better-sqlite3 through the store's cache of prepared statements, each reported to `onQuery`. */
export function sqliteStatements(
  database: SqliteDatabase,
  onQuery?: (sql: string) => void
) {
  const prepare = (sql: string) => {
    onQuery?.(sql);
    return database.prepare(sql);
  };
  return {
    get: (sql: string, params: readonly unknown[]) =>
      prepare(sql).all(params)[0] as Row | undefined,
    all: (sql: string, params: readonly unknown[]) =>
      prepare(sql).all(params) as Row[],
    run: (sql: string, params: readonly unknown[]) =>
      Number(prepare(sql).run(params).changes),
    /** BEGIN IMMEDIATE (the write lock at once, also against another process) … COMMIT. */
    transaction<T>(work: () => T): T {
      prepare('begin immediate').run([]);
      try {
        const result = work();
        prepare('commit').run([]);
        return result;
      } catch (error) {
        prepare('rollback').run([]);
        throw error;
      }
    },
  };
}

type SqliteStatements = ReturnType<typeof sqliteStatements>;

/** An UPDATE of `columns` by id (and, when `version` is given, only if updated_at is still it). */
function sqliteUpdate(
  sql: SqliteStatements,
  orderId: string,
  columns: Row,
  version?: string
): number {
  const names = Object.keys(columns);
  const set = names.map((name) => `"${name}" = ?`).join(', ');
  const values = names.map((name) => columns[name]);
  return version === undefined
    ? sql.run(`update "orders" set ${set} where "id" = ?`, [...values, orderId])
    : sql.run(
        `update "orders" set ${set} where "id" = ? and "updated_at" = ?`,
        [...values, orderId, version]
      );
}

/**
 * The whole change in one synchronous transaction (the caller holds the store's only
 * connection). Throws ORDER_NOT_FOUND or NEEDS_DISCOUNT_MOVE, rolled back.
 */
export function applyOnSqlite(
  sql: SqliteStatements,
  now: string,
  {orderId, decide, ledger, jobsFor, seen}: UpdateRequest
): UpdateResult {
  return sql.transaction((): UpdateResult => {
    if (
      ledger &&
      !sql.get(
        `insert into "processed_events" (${LEDGER_COLUMNS}) values (?, ?, ?, ?) on conflict ("provider", "event_id") do nothing returning "event_id"`,
        [ledger.provider, ledger.eventId, ledger.type, orderId]
      )
    )
      return {outcome: 'duplicate'};

    let previous: Order | undefined;
    let patch: OrderPatch | null = null;
    let updatedAt = '';
    if (seen?.id === orderId) {
      // As the caller read it, if it still is: no second read.
      patch = decide(seen);
      if (!changes(patch)) {
        if (
          sql.get(
            'select 1 from "orders" where "id" = ? and "updated_at" = ?',
            [orderId, seen.updatedAt]
          )
        )
          return {outcome: 'unchanged', order: seen};
      } else {
        if (movesDiscountUse(seen, patch)) throw NEEDS_DISCOUNT_MOVE;
        updatedAt = nextUpdatedAt(now, seen.updatedAt);
        const columns = changeColumns(seen, patch, updatedAt);
        if (sqliteUpdate(sql, orderId, columns, seen.updatedAt) === 1)
          previous = seen;
      }
    }
    if (!previous) {
      const row = sql.get('select * from "orders" where "id" = ?', [orderId]);
      if (!row) throw ORDER_NOT_FOUND;
      previous = toOrder(row as never);
      patch = decide(previous);
      if (!changes(patch)) return {outcome: 'unchanged', order: previous};
      if (movesDiscountUse(previous, patch)) throw NEEDS_DISCOUNT_MOVE;
      updatedAt = nextUpdatedAt(now, previous.updatedAt);
      sqliteUpdate(sql, orderId, changeColumns(previous, patch, updatedAt));
    }

    const order: Order = {...previous, ...patch!, updatedAt};
    const jobs = jobRows(jobsFor?.(previous, order) ?? [], now);
    let written: string[] = [];
    if (jobs.length) {
      const row = `(${JOB_COLUMNS.map(() => '?').join(', ')})`;
      written = sql
        .all(
          `insert into "outbox" (${quoted(JOB_COLUMNS)}) values ${jobs.map(() => row).join(', ')} on conflict ("order_id", "kind") do nothing returning "id"`,
          jobs.flatMap((job) => JOB_COLUMNS.map((column) => job[column]))
        )
        .map((r) => r.id as string);
    }
    return {
      outcome: 'changed',
      order,
      previous,
      jobs: writtenJobs(jobs, written),
    };
  });
}

// ---- PostgreSQL ---------------------------------------------------------------------------

/** Statement names for pg (each connection parses and plans a text once), apart from prepared.ts's. */
function statementNames() {
  const names = new Map<string, string>();
  return (text: string) => {
    let name = names.get(text);
    if (name === undefined && names.size < 64) {
      name = `pc_fast_${names.size}`;
      names.set(text, name);
    }
    return name;
  };
}

/** `$1, $2…` from `start`. */
const placeholders = (count: number, start: number) =>
  Array.from({length: count}, (_, i) => `$${start + i}`).join(', ');

export function postgresFastPath(
  pool: pg.Pool,
  onQuery?: (sql: string) => void
) {
  const nameFor = statementNames();
  const query = async <R extends pg.QueryResultRow>(
    text: string,
    values: unknown[]
  ) => {
    onQuery?.(text);
    return (await pool.query<R>({name: nameFor(text), text, values})).rows[0]!;
  };

  // $1–$3 the ledger entry, $4 the order, $5 the updated_at the caller read (typed where
  // PostgreSQL cannot infer one type for a parameter used twice). "prior": the
  // ledger had the event before this statement (a duplicate, which then writes nothing).
  const prior =
    '"prior" as (select 1 from "processed_events" where "provider" = $1 and "event_id" = $2)';

  /**
   * One round trip for a report with a ledger entry about an order the caller read: the
   * outcome, or `retry` when the order changed since (or the change needs the locking path).
   */
  async function applyOnPostgres(
    now: string,
    {orderId, decide, ledger, jobsFor, seen}: UpdateRequest
  ): Promise<UpdateResult | 'retry'> {
    if (!ledger || seen?.id !== orderId) return 'retry';
    const head = [ledger.provider, ledger.eventId, ledger.type, orderId];
    const patch = decide(seen);
    if (!changes(patch)) {
      const row = await query<{duplicate: boolean; recorded: boolean}>(
        `with ${prior}, "ledger" as (insert into "processed_events" (${LEDGER_COLUMNS}) select $1::varchar, $2::varchar, $3::varchar, $4::varchar where not exists (select 1 from "prior") and exists (select 1 from "orders" where "id" = $4 and "updated_at" = $5) on conflict ("provider", "event_id") do nothing returning 1) select exists (select 1 from "prior") as "duplicate", exists (select 1 from "ledger") as "recorded"`,
        [...head, seen.updatedAt]
      );
      if (row.duplicate) return {outcome: 'duplicate'};
      return row.recorded ? {outcome: 'unchanged', order: seen} : 'retry';
    }
    if (movesDiscountUse(seen, patch)) return 'retry';

    const updatedAt = nextUpdatedAt(now, seen.updatedAt);
    const columns = changeColumns(seen, patch, updatedAt) as Record<
      keyof OrdersTable,
      unknown
    >;
    const names = Object.keys(columns) as (keyof OrdersTable)[];
    const order: Order = {...seen, ...patch, updatedAt};
    const jobs = jobRows(jobsFor?.(seen, order) ?? [], now);
    const values: unknown[] = [
      ...head,
      seen.updatedAt,
      ...names.map((name) => columns[name]),
    ];
    const set = names.map((name, i) => `"${name}" = $${6 + i}`).join(', ');
    let insertJobs = '';
    if (jobs.length) {
      const start = values.length + 1;
      const rows = jobs.map(
        (_, i) =>
          `(${placeholders(JOB_COLUMNS.length, start + i * JOB_COLUMNS.length)})`
      );
      values.push(...jobs.flatMap((job) => JOB_COLUMNS.map((c) => job[c])));
      insertJobs = `, "jobs" as (insert into "outbox" (${quoted(JOB_COLUMNS)}) select * from (values ${rows.join(', ')}) as "new" (${quoted(JOB_COLUMNS)}) where exists (select 1 from "changed") on conflict ("order_id", "kind") do nothing returning "id")`;
    }
    // The update first: it takes the order's row lock before the ledger's key, as the locking
    // path does, so that two copies of one event can never wait for each other.
    const row = await query<{
      duplicate: boolean;
      changed: boolean;
      jobs?: string[];
    }>(
      `with ${prior}, "changed" as (update "orders" set ${set} where "id" = $4 and "updated_at" = $5 and not exists (select 1 from "prior") returning "id"), "ledger" as (insert into "processed_events" (${LEDGER_COLUMNS}) select $1::varchar, $2::varchar, $3::varchar, "id" from "changed" on conflict ("provider", "event_id") do nothing)${insertJobs} select exists (select 1 from "prior") as "duplicate", exists (select 1 from "changed") as "changed"${insertJobs && ', array(select "id" from "jobs") as "jobs"'}`,
      values
    );
    if (row.duplicate) return {outcome: 'duplicate'};
    if (!row.changed) return 'retry';
    return {
      outcome: 'changed',
      order,
      previous: seen,
      jobs: writtenJobs(jobs, row.jobs ?? []),
    };
  }

  return {
    apply: applyOnPostgres,
    /** A read by key (the gateway's of the order), prepared: the first row, if any. */
    read: async (text: string, values: unknown[]) =>
      (await query<Row>(text, values)) as Row | undefined,
  };
}

// ---- After the answer: the outbox's jobs done, the orders fulfilled -------------------------

/** SQLite: marks jobs done, one statement for any number (as sql-outbox.ts's completeJobs). */
export function completeJobsOnSqlite(
  sql: SqliteStatements,
  ids: readonly string[],
  now: string
) {
  sql.run(
    `update "outbox" set "done_at" = ?, "locked_until" = null, "attempts" = "attempts" + 1 where "id" in (select value from json_each(?))`,
    [now, JSON.stringify(ids)]
  );
}

/** SQLite: the orders whose fulfilment hook has run, at `?`: one statement for any number. */
export const MARK_FULFILLED = `update "orders" set "fulfilled_at" = ? where "id" in (select value from json_each(?))`;
