/**
 * What GET /metrics reads from the database at scrape time: orders counted by status and
 * provider, and the outbox's undone jobs by channel (pending: not failed yet; failed: an attempt
 * failed, and it is due again later). Two grouped queries, whatever the number of orders.
 */
import {type Kysely, sql} from 'kysely';
import type {Schema} from './sql-rows.js';
import type {StoreMetrics} from './store.js';

export async function sqlMetrics(db: Kysely<Schema>): Promise<StoreMetrics> {
  const [orders, outbox] = await Promise.all([
    db
      .selectFrom('orders')
      .select(['status', 'provider', (eb) => eb.fn.countAll().as('count')])
      .groupBy(['status', 'provider'])
      .execute(),
    db
      .selectFrom('outbox')
      .select([
        'channel',
        sql<number>`case when last_error is null then 0 else 1 end`.as(
          'failed'
        ),
        (eb) => eb.fn.countAll().as('count'),
      ])
      .where('done_at', 'is', null)
      .groupBy(['channel', sql`case when last_error is null then 0 else 1 end`])
      .execute(),
  ]);
  return {
    orders: orders.map((row) => ({
      status: row.status,
      provider: row.provider,
      count: Number(row.count),
    })),
    outbox: outbox.map((row) => ({
      channel: row.channel,
      state: Number(row.failed) === 1 ? 'failed' : 'pending',
      count: Number(row.count),
    })),
  };
}
