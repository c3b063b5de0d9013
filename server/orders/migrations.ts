/**
 * One set of migrations for every dialect: Kysely's schema builder writes the SQL.
 * Timestamps are ISO 8601 text so SQLite and PostgreSQL read them back the same way.
 */
import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  sql,
} from 'kysely';

const migrations: Record<string, Migration> = {
  '2026-11-26-001-orders': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('orders')
        .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('token_hash', 'varchar(64)', (col) => col.notNull())
        .addColumn('status', 'varchar(32)', (col) => col.notNull())
        .addColumn('provider', 'varchar(16)', (col) => col.notNull())
        .addColumn('currency', 'varchar(3)', (col) => col.notNull())
        .addColumn('subtotal', 'bigint', (col) => col.notNull())
        .addColumn('total', 'bigint', (col) => col.notNull())
        .addColumn('lines', 'text', (col) => col.notNull())
        .addColumn('email', 'varchar(254)')
        .addColumn('provider_payment_id', 'varchar(255)')
        .addColumn('amount_refunded', 'bigint', (col) =>
          col.notNull().defaultTo(0)
        )
        .addColumn('dispute_status', 'varchar(32)')
        .addColumn('review_reason', 'text')
        .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
        .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
        .addColumn('paid_at', 'varchar(32)')
        .addColumn('fulfilment_claimed_at', 'varchar(32)')
        .addColumn('fulfilled_at', 'varchar(32)')
        .execute();
      await db.schema
        .createIndex('orders_provider_payment_id')
        .on('orders')
        .columns(['provider', 'provider_payment_id'])
        .execute();
      await db.schema
        .createIndex('orders_status_created')
        .on('orders')
        .columns(['status', 'created_at'])
        .execute();

      // The webhook ledger: a unique key, so a duplicate delivery is refused by the database
      // itself, across restarts and across server instances.
      await db.schema
        .createTable('processed_events')
        .addColumn('provider', 'varchar(16)', (col) => col.notNull())
        .addColumn('event_id', 'varchar(255)', (col) => col.notNull())
        .addColumn('type', 'varchar(128)', (col) => col.notNull())
        .addColumn('order_id', 'varchar(64)', (col) => col.notNull())
        .addColumn('processed_at', 'varchar(32)', (col) =>
          col.notNull().defaultTo(sql`CURRENT_TIMESTAMP`)
        )
        .addPrimaryKeyConstraint('processed_events_pk', [
          'provider',
          'event_id',
        ])
        .execute();
    },
  },
  '2026-11-26-002-outbox': {
    async up(db: Kysely<unknown>) {
      // What must happen after an order changes (a confirmation email, the merchant's webhook,
      // the fulfilment hook), written in the same transaction as the change itself, so a crash
      // can delay a side effect but never lose it. (order_id, kind) is unique: once per order.
      await db.schema
        .createTable('outbox')
        .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('order_id', 'varchar(64)', (col) => col.notNull())
        .addColumn('kind', 'varchar(96)', (col) => col.notNull())
        .addColumn('channel', 'varchar(32)', (col) => col.notNull())
        .addColumn('event', 'varchar(32)', (col) => col.notNull())
        .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'varchar(32)', (col) => col.notNull())
        .addColumn('locked_until', 'varchar(32)')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
        .addColumn('done_at', 'varchar(32)')
        .addUniqueConstraint('outbox_order_kind', ['order_id', 'kind'])
        .execute();
      await db.schema
        .alterTable('orders')
        .addColumn('locale', 'varchar(35)')
        .execute();
      await db.schema
        .createIndex('outbox_due')
        .on('outbox')
        .columns(['done_at', 'next_attempt_at'])
        .execute();
    },
  },
  '2026-12-01-003-guards': {
    async up(db: Kysely<unknown>) {
      // Abuse limits: one counter per client and limit, in a fixed window that starts with the
      // client's first hit. In the database, so every instance counts against the same limit.
      await db.schema
        .createTable('rate_limits')
        .addColumn('bucket', 'varchar(200)', (col) => col.primaryKey())
        .addColumn('hits', 'integer', (col) => col.notNull())
        .addColumn('reset_at', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('rate_limits_reset')
        .on('rate_limits')
        .column('reset_at')
        .execute();
      // Client idempotency: the hash of an Idempotency-Key, the fingerprint of the request it
      // came with, and once answered, the answer (encrypted with a key derived from the
      // Idempotency-Key itself, which is not stored).
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('key_hash', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('fingerprint', 'varchar(64)', (col) => col.notNull())
        .addColumn('status', 'integer')
        .addColumn('response', 'text')
        .addColumn('locked_until', 'varchar(32)')
        .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
        .addColumn('expires_at', 'varchar(32)', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('idempotency_keys_expires')
        .on('idempotency_keys')
        .column('expires_at')
        .execute();
    },
  },
  '2026-12-01-004-order-pricing': {
    async up(db: Kysely<unknown>) {
      // What the quote charged besides the lines (issue 11), and where the order ships.
      // Addresses and the shipping rate are JSON text: read with the order, never queried.
      let orders = db.schema.alterTable('orders');
      for (const column of ['discount', 'shipping', 'tax'])
        await orders
          .addColumn(column, 'bigint', (col) => col.notNull().defaultTo(0))
          .execute();
      orders = db.schema.alterTable('orders');
      await orders
        .addColumn('tax_inclusive', 'integer', (col) =>
          col.notNull().defaultTo(0)
        )
        .execute();
      await db.schema
        .alterTable('orders')
        .addColumn('discount_code', 'varchar(64)')
        .execute();
      for (const column of [
        'shipping_rate',
        'shipping_address',
        'billing_address',
      ])
        await db.schema
          .alterTable('orders')
          .addColumn(column, 'text')
          .execute();
    },
  },
  '2026-12-01-005-discount-uses': {
    async up(db: Kysely<unknown>) {
      // One row per code, written first by every claim of a limited code: the lock that makes
      // "one use left" hold for concurrent buyers on any instance (orders/sql-discounts.ts).
      await db.schema
        .createTable('discount_codes')
        .addColumn('code', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('usage_limit', 'bigint')
        .addColumn('last_claim_at', 'varchar(32)', (col) => col.notNull())
        .execute();
      // A use per order that applied a code: held, spent or released with the order's status.
      await db.schema
        .createTable('discount_uses')
        .addColumn('order_id', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('code', 'varchar(64)', (col) => col.notNull())
        .addColumn('email', 'varchar(254)')
        .addColumn('state', 'varchar(16)', (col) =>
          col.notNull().check(sql`state IN ('held', 'spent', 'released')`)
        )
        .addColumn('held_until', 'varchar(32)')
        .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
        .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('discount_uses_code_state')
        .on('discount_uses')
        .columns(['code', 'state', 'email'])
        .execute();
    },
  },
  '2026-12-01-006-admin': {
    async up(db: Kysely<unknown>) {
      // The admin area's sessions: only the hash of a session's random id is kept, so a copy of
      // the database signs nobody in. Expiry is absolute (expires_at) and idle (last_seen_at).
      await db.schema
        .createTable('admin_sessions')
        .addColumn('id_hash', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('method', 'varchar(16)', (col) => col.notNull())
        .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
        .addColumn('last_seen_at', 'varchar(32)', (col) => col.notNull())
        .addColumn('expires_at', 'varchar(32)', (col) => col.notNull())
        .execute();
      // Every admin action (sign-ins, refused ones, retries, refunds, exports): who, what, when.
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('at', 'varchar(32)', (col) => col.notNull())
        .addColumn('actor', 'varchar(64)', (col) => col.notNull())
        .addColumn('action', 'varchar(32)', (col) => col.notNull())
        .addColumn('order_id', 'varchar(64)')
        .addColumn('job_id', 'varchar(64)')
        .addColumn('client_address', 'varchar(64)')
        .addColumn('detail', 'text')
        .execute();
      await db.schema
        .createIndex('audit_log_at')
        .on('audit_log')
        .column('at')
        .execute();
      // A job the merchant gave up on is done without having been delivered.
      await db.schema
        .alterTable('outbox')
        .addColumn('given_up_at', 'varchar(32)')
        .execute();
      // The orders list (newest first) and an order's timeline read these.
      await db.schema
        .createIndex('orders_created_at')
        .on('orders')
        .columns(['created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('processed_events_order')
        .on('processed_events')
        .column('order_id')
        .execute();
    },
  },
  '2026-12-01-007-refunds': {
    async up(db: Kysely<unknown>) {
      // A refund asked of a provider, one per Idempotency-Key (key_hash is unique): written,
      // with its amount, before the provider is called, so concurrent requests reserve what
      // is left of the order between them (orders/sql-refunds.ts).
      await db.schema
        .createTable('refunds')
        .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
        .addColumn('order_id', 'varchar(64)', (col) => col.notNull())
        .addColumn('key_hash', 'varchar(64)', (col) => col.notNull().unique())
        .addColumn('amount', 'bigint', (col) => col.notNull())
        .addColumn('currency', 'varchar(3)', (col) => col.notNull())
        .addColumn('status', 'varchar(16)', (col) => col.notNull())
        .addColumn('provider_refund_id', 'varchar(255)')
        .addColumn('failure_code', 'varchar(64)')
        .addColumn('actor', 'varchar(128)', (col) => col.notNull())
        .addColumn('locked_until', 'varchar(32)')
        .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
        .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('refunds_order_id')
        .on('refunds')
        .column('order_id')
        .execute();
    },
  },
  '2026-12-01-008-disputes': {
    async up(db: Kysely<unknown>) {
      // The dispute last opened on an order (id, amount, reason), JSON: shown, never queried.
      await db.schema
        .alterTable('orders')
        .addColumn('dispute', 'text')
        .execute();
    },
  },
};

const provider: MigrationProvider = {getMigrations: async () => migrations};

// On PostgreSQL `schema` is the one the tables are created in (the search_path's first).
// Without it Kysely looks for its migration tables in every schema, and one found elsewhere
// (another app's, another test's) would stand for ours.
const migrator = (db: Kysely<unknown>, schema?: string) =>
  new Migrator({db, provider, ...(schema && {migrationTableSchema: schema})});

/** The migrations this code knows that the database has not run (a query: it throws when down). */
export async function pendingMigrations(
  db: Kysely<unknown>,
  schema?: string
): Promise<string[]> {
  const known = await migrator(db, schema).getMigrations();
  return known.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

export async function migrateToLatest(
  db: Kysely<unknown>,
  schema?: string
): Promise<void> {
  const {error, results} = await migrator(db, schema).migrateToLatest();
  if (error) {
    const failed =
      results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Database migration ${failed} failed: ${(error as Error).message ?? error}`
    );
  }
}
