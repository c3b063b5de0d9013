/**
 * The outbox's table in SQL (the orders' Kysely database): jobs listed, claimed (one worker
 * wins each: compare-and-set on the lock, also across instances on one PostgreSQL), completed
 * and failed. The rows are written by the store's update, with the change that calls for them.
 */
import {type ExpressionBuilder, type Kysely, sql} from 'kysely';
import type {OutboxJob} from './outbox-rows.js';
import type {OrderStore} from './store.js';
import {type Schema, toJob} from './sql-rows.js';

type OutboxStore = Pick<
  OrderStore,
  'dueJobs' | 'lockJob' | 'claimJobs' | 'completeJobs' | 'failJob' | 'jobs'
>;

export function sqlOutbox(
  db: Kysely<Schema>,
  dialect: 'sqlite' | 'postgres'
): OutboxStore {
  /** `column` is one of `values`, as one SQL text whatever their number (one prepared statement). */
  const oneOf = (column: 'order_id' | 'id', values: readonly string[]) =>
    dialect === 'postgres'
      ? sql<boolean>`${sql.ref(column)} = any(${[...values]})`
      : sql<boolean>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`;

  return {
    async dueJobs(
      now: string,
      limit: number,
      orderId?: string
    ): Promise<OutboxJob[]> {
      let query = db
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
    },

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
      const row = await db
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
    },

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
      let pick = db.selectFrom('outbox').select('id').where(due);
      if (orderIds) pick = pick.where(oneOf('order_id', orderIds));
      // The due conditions again on the rows written, not only in the pick: on PostgreSQL a
      // second instance's UPDATE waits for the first's and re-checks them against the row it
      // wrote (now locked), so each job goes to one worker (as lockJob's compare-and-set).
      const rows = await db
        .updateTable('outbox')
        .set({locked_until: until})
        .where('id', 'in', pick.orderBy('created_at').limit(limit))
        .where(due)
        .returningAll()
        .execute();
      return rows
        .map(toJob)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    async completeJobs(ids: readonly string[], now: string): Promise<void> {
      if (!ids.length) return;
      await db
        .updateTable('outbox')
        .set((eb) => ({
          done_at: now,
          locked_until: null,
          attempts: eb('attempts', '+', 1),
        }))
        .where(oneOf('id', ids))
        .execute();
    },

    async failJob(
      id: string,
      error: string,
      nextAttemptAt: string
    ): Promise<void> {
      await db
        .updateTable('outbox')
        .set((eb) => ({
          last_error: error.slice(0, 500),
          next_attempt_at: nextAttemptAt,
          locked_until: null,
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', '=', id)
        .execute();
    },

    async jobs(orderId?: string): Promise<OutboxJob[]> {
      let query = db.selectFrom('outbox').selectAll();
      if (orderId) query = query.where('order_id', '=', orderId);
      return (await query.orderBy('created_at').orderBy('kind').execute()).map(
        toJob
      );
    },
  };
}
