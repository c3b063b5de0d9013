/**
 * The admin area's queries (admin-store.ts) in SQL, on the orders' Kysely database: the same
 * text for SQLite and PostgreSQL. Timestamps are ISO text, so ranges and orderings compare
 * them as strings.
 */
import {randomUUID} from 'node:crypto';
import {
  type ExpressionBuilder,
  type Kysely,
  type Selectable,
  sql,
} from 'kysely';
import type {
  AdminJob,
  AdminSession,
  AdminSignIn,
  AdminStore,
  AuditEntry,
  JobState,
  LedgerRow,
  OrderSearch,
} from './admin-store.js';
import {type OutboxTable, type Schema, toJob, toOrder} from './sql-rows.js';

interface AdminOutboxTable extends OutboxTable {
  given_up_at: string | null;
}

interface AdminSessionsTable {
  id_hash: string;
  method: AdminSignIn;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

interface AuditLogTable {
  id: string;
  at: string;
  actor: string;
  action: string;
  order_id: string | null;
  job_id: string | null;
  client_address: string | null;
  detail: string | null;
}

export interface AdminSchema extends Schema {
  outbox: AdminOutboxTable;
  admin_sessions: AdminSessionsTable;
  audit_log: AuditLogTable;
}

type OrdersWhere = ExpressionBuilder<AdminSchema, 'orders'>;
type OutboxWhere = ExpressionBuilder<AdminSchema, 'outbox'>;

/** `%`, `_` and the escape itself taken literally in a LIKE pattern (ESCAPE '\'). */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, '\\$&');

function toAdminJob(row: Selectable<AdminOutboxTable>): AdminJob {
  const state: JobState = row.given_up_at
    ? 'given_up'
    : row.done_at
      ? 'done'
      : Number(row.attempts) > 0
        ? 'failed'
        : 'pending';
  return {
    ...toJob(row),
    state,
    givenUpAt: row.given_up_at ?? undefined,
    lockedUntil: row.locked_until ?? undefined,
  };
}

/**
 * The ledger's `processed_at` is the database's CURRENT_TIMESTAMP: `2026-12-01 12:00:00` on
 * SQLite (UTC), `2026-12-01 12:00:00.123+00` on PostgreSQL. As ISO.
 */
export function ledgerTime(value: string): string {
  const text = value.trim().replace(' ', 'T');
  const zoned = /[zZ]|[+-]\d\d(:?\d\d)?$/.test(text)
    ? text.replace(/([+-]\d\d)$/, '$1:00')
    : `${text}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

export function sqlAdmin(db: Kysely<AdminSchema>): AdminStore {
  const open = (eb: OutboxWhere) =>
    eb.and([eb('done_at', 'is', null), eb('given_up_at', 'is', null)]);
  // Nobody delivering it now: a worker's lock is in the future.
  const unlocked = (eb: OutboxWhere, now: string) =>
    eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]);

  function matching(search: OrderSearch) {
    return (eb: OrdersWhere) => {
      const all = [];
      const text = search.text?.trim();
      if (text) {
        const any = [
          eb('id', '=', text),
          eb('provider_payment_id', '=', text),
          eb(
            sql<string>`lower(${sql.ref('email')})`,
            'like',
            sql<string>`${`%${likeLiteral(text.toLowerCase())}%`} escape '\\'`
          ),
        ];
        if (text.startsWith('ord_'))
          any.push(
            eb(
              'id',
              'like',
              sql<string>`${`${likeLiteral(text)}%`} escape '\\'`
            )
          );
        all.push(eb.or(any));
      }
      if (search.status) all.push(eb('status', '=', search.status));
      if (search.provider) all.push(eb('provider', '=', search.provider));
      if (search.createdFrom)
        all.push(eb('created_at', '>=', search.createdFrom));
      if (search.createdBefore)
        all.push(eb('created_at', '<', search.createdBefore));
      return eb.and(all);
    };
  }

  return {
    async searchOrders(search) {
      const where = matching(search);
      const [rows, count] = await Promise.all([
        db
          .selectFrom('orders')
          .selectAll()
          .where(where)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(search.limit)
          .offset(search.offset)
          .execute(),
        db
          .selectFrom('orders')
          .select((eb) => eb.fn.countAll<number | string>().as('total'))
          .where(where)
          .executeTakeFirstOrThrow(),
      ]);
      return {orders: rows.map(toOrder), total: Number(count.total)};
    },

    async ordersCreated(from, before, limit, cursor) {
      let query = db
        .selectFrom('orders')
        .selectAll()
        .where('created_at', '>=', from)
        .where('created_at', '<', before);
      if (cursor)
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '>', cursor.createdAt),
            eb.and([
              eb('created_at', '=', cursor.createdAt),
              eb('id', '>', cursor.id),
            ]),
          ])
        );
      const rows = await query
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toOrder);
    },

    async ledger(orderId): Promise<LedgerRow[]> {
      const rows = await db
        .selectFrom('processed_events')
        .selectAll()
        .where('order_id', '=', orderId)
        .execute();
      return rows
        .map((row) => ({
          provider: row.provider,
          eventId: row.event_id,
          type: row.type,
          processedAt: ledgerTime(String(row.processed_at)),
        }))
        .sort((a, b) => a.processedAt.localeCompare(b.processedAt));
    },

    async orderJobs(orderId) {
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where('order_id', '=', orderId)
        .orderBy('created_at')
        .orderBy('kind')
        .execute();
      return rows.map(toAdminJob);
    },

    async openJobs(limit) {
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where(open)
        .orderBy(sql`case when attempts > 0 then 0 else 1 end`)
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toAdminJob);
    },

    async job(id) {
      const row = await db
        .selectFrom('outbox')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toAdminJob(row);
    },

    async retryJob(id, now) {
      const row = await db
        .updateTable('outbox')
        .set({next_attempt_at: now})
        .where('id', '=', id)
        .where(open)
        .where((eb) => unlocked(eb, now))
        .returningAll()
        .executeTakeFirst();
      return row && toAdminJob(row);
    },

    async giveUpJob(id, now) {
      // done_at too: every worker's claim skips a done job, whatever it knows of giving up.
      const row = await db
        .updateTable('outbox')
        .set({given_up_at: now, done_at: now, locked_until: null})
        .where('id', '=', id)
        .where(open)
        .where((eb) => unlocked(eb, now))
        .returningAll()
        .executeTakeFirst();
      return row && toAdminJob(row);
    },

    async createSession(session: AdminSession) {
      await db
        .insertInto('admin_sessions')
        .values({
          id_hash: session.idHash,
          method: session.method,
          created_at: session.createdAt,
          last_seen_at: session.lastSeenAt,
          expires_at: session.expiresAt,
        })
        .execute();
    },

    async liveSession(idHash, now, idleSince) {
      const row = await db
        .selectFrom('admin_sessions')
        .selectAll()
        .where('id_hash', '=', idHash)
        .where('expires_at', '>', now)
        .where('last_seen_at', '>', idleSince)
        .executeTakeFirst();
      return (
        row && {
          idHash: row.id_hash,
          method: row.method,
          createdAt: row.created_at,
          lastSeenAt: row.last_seen_at,
          expiresAt: row.expires_at,
        }
      );
    },

    async touchSession(idHash, at) {
      await db
        .updateTable('admin_sessions')
        .set({last_seen_at: at})
        .where('id_hash', '=', idHash)
        .execute();
    },

    async deleteSession(idHash) {
      await db
        .deleteFrom('admin_sessions')
        .where('id_hash', '=', idHash)
        .execute();
    },

    async deleteEndedSessions(now, idleSince) {
      await db
        .deleteFrom('admin_sessions')
        .where((eb) =>
          eb.or([
            eb('expires_at', '<=', now),
            eb('last_seen_at', '<=', idleSince),
          ])
        )
        .execute();
    },

    async audit(entry: AuditEntry) {
      await db
        .insertInto('audit_log')
        .values({
          id: `aud_${randomUUID()}`,
          at: entry.at,
          actor: entry.actor.slice(0, 64),
          action: entry.action.slice(0, 32),
          order_id: entry.orderId?.slice(0, 64) ?? null,
          job_id: entry.jobId?.slice(0, 64) ?? null,
          client_address: entry.clientAddress?.slice(0, 64) ?? null,
          detail: entry.detail?.slice(0, 500) ?? null,
        })
        .execute();
    },

    async auditLog({orderId, limit}) {
      let query = db.selectFrom('audit_log').selectAll();
      if (orderId) query = query.where('order_id', '=', orderId);
      const rows = await query
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        at: row.at,
        actor: row.actor,
        action: row.action,
        orderId: row.order_id ?? undefined,
        jobId: row.job_id ?? undefined,
        clientAddress: row.client_address ?? undefined,
        detail: row.detail ?? undefined,
      }));
    },
  };
}
