/**
 * The refunds table in SQL (the same Kysely database as the orders). A reservation is one
 * transaction that starts by writing the order's row (a no-op assignment): on PostgreSQL that
 * takes the row's lock, on SQLite the database's write lock, so concurrent reservations for one
 * order, on any instance, run one after the other and each sees what the others reserved.
 */
import {randomUUID} from 'node:crypto';
import type {Kysely, Selectable} from 'kysely';
import type {OrderStatus} from '../contract.js';
import {
  type FollowOutcome,
  REFUNDABLE_STATUSES,
  type Refund,
  type RefundStatus,
  type RefundStore,
  type ReserveOutcome,
} from './refunds.js';

interface RefundsTable {
  id: string;
  order_id: string;
  key_hash: string;
  amount: number;
  currency: string;
  status: RefundStatus;
  provider_refund_id: string | null;
  failure_code: string | null;
  actor: string;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

/** The orders table, as far as a reservation reads it. */
interface RefundedOrdersTable {
  id: string;
  provider: string;
  status: OrderStatus;
  currency: string;
  total: number;
  amount_refunded: number;
}

export interface RefundSchema {
  refunds: RefundsTable;
  orders: RefundedOrdersTable;
}

/**
 * The statuses a row may leave for each of the provider's final words (refunds.ts RefundStatus):
 * done from anything not final; failed also from succeeded (a refund that failed after it
 * looked done); failed is final.
 */
const MAY_MOVE_FROM: Readonly<
  Record<'succeeded' | 'failed', readonly RefundStatus[]>
> = {
  succeeded: ['requested', 'pending'],
  failed: ['requested', 'pending', 'succeeded'],
};

function toRefund(row: Selectable<RefundsTable>): Refund {
  return {
    id: row.id,
    orderId: row.order_id,
    amount: Number(row.amount),
    currency: row.currency,
    status: row.status,
    providerRefundId: row.provider_refund_id ?? undefined,
    failureCode: row.failure_code ?? undefined,
    actor: row.actor,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function sqlRefunds(
  db: Kysely<RefundSchema>,
  now: () => string
): RefundStore {
  return {
    reserve(request) {
      // Read committed on PostgreSQL: after waiting for the order's lock, the reservation must
      // see the refunds its holder committed.
      return db
        .transaction()
        .setIsolationLevel('read committed')
        .execute(async (trx): Promise<ReserveOutcome> => {
          const order = await trx
            .updateTable('orders')
            .set((eb) => ({amount_refunded: eb.ref('amount_refunded')}))
            .where('id', '=', request.orderId)
            .returning(['status', 'currency', 'total', 'amount_refunded'])
            .executeTakeFirst();
          const existing = await trx
            .selectFrom('refunds')
            .selectAll()
            .where('key_hash', '=', request.keyHash)
            .executeTakeFirst();
          const at = now();
          if (existing) {
            const refund = toRefund(existing);
            if (
              refund.orderId !== request.orderId ||
              (request.amount !== undefined && request.amount !== refund.amount)
            )
              return {outcome: 'mismatch'};
            if (refund.status !== 'requested')
              return {outcome: 'replay', refund};
            if (existing.locked_until && existing.locked_until > at)
              return {outcome: 'in_progress', refund};
            await trx
              .updateTable('refunds')
              .set({locked_until: request.lockedUntil, updated_at: at})
              .where('id', '=', refund.id)
              .execute();
            return {outcome: 'retry', refund: {...refund, updatedAt: at}};
          }
          if (!order) return {outcome: 'not_found'};
          if (!REFUNDABLE_STATUSES.has(order.status))
            return {outcome: 'not_refundable', status: order.status};

          const ours = await trx
            .selectFrom('refunds')
            .select((eb) => eb.fn.sum<number | string>('amount').as('sum'))
            .where('order_id', '=', request.orderId)
            .where('status', '!=', 'failed')
            .executeTakeFirst();
          // What the provider reported refunded includes ours once confirmed, and also any made
          // elsewhere (the provider's dashboard); ours not yet confirmed are not in it.
          const committed = Math.max(
            Number(order.amount_refunded),
            Number(ours?.sum ?? 0)
          );
          const available = Number(order.total) - committed;
          const amount = request.amount ?? available;
          if (available <= 0)
            return {outcome: 'not_refundable', status: order.status};
          if (amount > available) return {outcome: 'too_large', available};

          const row: RefundsTable = {
            id: `rf_${randomUUID().replaceAll('-', '')}`,
            order_id: request.orderId,
            key_hash: request.keyHash,
            amount,
            currency: order.currency,
            status: 'requested',
            provider_refund_id: null,
            failure_code: null,
            actor: request.actor,
            locked_until: request.lockedUntil,
            created_at: at,
            updated_at: at,
          };
          await trx.insertInto('refunds').values(row).execute();
          return {outcome: 'reserved', refund: toRefund(row)};
        });
    },

    async settle(id, patch) {
      const at = now();
      const row = await db
        .updateTable('refunds')
        .set({
          status: patch.status,
          ...(patch.providerRefundId !== undefined && {
            provider_refund_id: patch.providerRefundId,
          }),
          ...(patch.failureCode !== undefined && {
            failure_code: patch.failureCode,
          }),
          locked_until: null,
          updated_at: at,
        })
        .where('id', '=', id)
        .where('status', '=', 'requested')
        .returningAll()
        .executeTakeFirst();
      if (row) return toRefund(row);
      // Its webhook came before the call's answer and moved the row already: that word stands,
      // and the answer only adds the provider's id if the row has none.
      const moved = await db
        .updateTable('refunds')
        .set((eb) => ({
          provider_refund_id: eb.fn.coalesce(
            'provider_refund_id',
            eb.val(patch.providerRefundId ?? null)
          ),
          locked_until: null,
        }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return moved && toRefund(moved);
    },

    async follow(report): Promise<FollowOutcome> {
      const row = report.row
        ? await selectRefunds(db)
            .where('id', '=', report.row.id)
            .where('order_id', '=', report.row.orderId)
            .executeTakeFirst()
        : report.providerRefundId
          ? await selectRefunds(db)
              .where('provider_refund_id', '=', report.providerRefundId)
              .where('order_id', 'in', (eb) =>
                eb
                  .selectFrom('orders')
                  .select('id')
                  .where('provider', '=', report.provider)
              )
              .executeTakeFirst()
          : undefined;
      if (!row) return {outcome: 'not_found'};
      const moved = await updateRefunds(db)
        .set((eb) => ({
          status: report.status,
          provider_refund_id: eb.fn.coalesce(
            'provider_refund_id',
            eb.val(report.providerRefundId ?? null)
          ),
          ...(report.status === 'failed' && {failure_code: 'provider_error'}),
          locked_until: null,
          updated_at: now(),
        }))
        .where('id', '=', row.id)
        // The row's status as read is not trusted: the statement decides, so that two reports
        // at once move the row once.
        .where('status', 'in', MAY_MOVE_FROM[report.status])
        .returningAll()
        .executeTakeFirst();
      if (!moved) {
        const current = await selectRefunds(db)
          .where('id', '=', row.id)
          .executeTakeFirst();
        return {outcome: 'unchanged', refund: toRefund(current ?? row)};
      }
      // (previous: as read just before the statement, which is what moved it from unless
      // another report moved it in between.)
      return {
        outcome: 'changed',
        refund: toRefund(moved),
        previous: row.status,
      };
    },

    async unlock(id) {
      await db
        .updateTable('refunds')
        .set({locked_until: null})
        .where('id', '=', id)
        .where('status', '=', 'requested')
        .execute();
    },

    async forOrder(orderId) {
      const rows = await db
        .selectFrom('refunds')
        .selectAll()
        .where('order_id', '=', orderId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toRefund);
    },
  };
}

const selectRefunds = (db: Kysely<RefundSchema>) =>
  db.selectFrom('refunds').selectAll();

const updateRefunds = (db: Kysely<RefundSchema>) => db.updateTable('refunds');
