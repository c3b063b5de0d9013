/**
 * Discount code uses in SQL (the orders' Kysely database): one row per order that applied a
 * code, taken in the order's own insert transaction and moved with its status.
 *
 * - `held` while the order is pending or processing, `spent` once the money is received,
 *   `released` when the order fails or is canceled (a later success takes it again).
 * - A pending order's hold lasts DISCOUNT_HOLD_MS from its creation: a buyer who abandons the
 *   checkout stops blocking the code's last use after that. Processing payments (a bank debit
 *   on its way) hold without end; a paid order's use is spent for good (a refund keeps it).
 * - Claims of a limited code are serialised by one row per code in `discount_codes`, written
 *   first in the claim's transaction: PostgreSQL's upsert locks that row until the transaction
 *   ends, so a second buyer (on any instance) waits, then counts the first one's committed
 *   use; on SQLite the write takes the database's single write lock before anything is read.
 */
import type {Kysely} from 'kysely';
import type {OrderStatus} from '../contract.js';
import type {Logger} from '../log.js';
import type {Order} from './order.js';
import {isSettled} from './state.js';
import {type DiscountClaim, DiscountClaimRefused} from './store.js';

/** How long an order left `pending` keeps its code's use: one hour, then others may have it. */
export const DISCOUNT_HOLD_MS = 60 * 60_000;

type UseState = 'held' | 'spent' | 'released';

interface DiscountCodesTable {
  code: string;
  /** The limit the last claim came with (the catalog's), for the over-limit warning. */
  usage_limit: number | null;
  last_claim_at: string;
}

interface DiscountUsesTable {
  order_id: string;
  code: string;
  /** Lowercased. */
  email: string | null;
  state: UseState;
  /** A pending order's hold ends here; null: no end (processing, spent, released). */
  held_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface DiscountSchema {
  discount_codes: DiscountCodesTable;
  discount_uses: DiscountUsesTable;
}

/** The store's database or the transaction it runs in (a Transaction is a Kysely). */
type Db = Kysely<DiscountSchema>;

const normalEmail = (email: string | undefined) =>
  email?.trim().toLowerCase() || undefined;

/** The uses that count at `at`: spent ones, and held ones whose hold has not run out. */
function counting(db: Db, code: string, at: string) {
  return db
    .selectFrom('discount_uses')
    .where('code', '=', code)
    .where((eb) =>
      eb.or([
        eb('state', '=', 'spent'),
        eb.and([
          eb('state', '=', 'held'),
          eb.or([eb('held_until', 'is', null), eb('held_until', '>', at)]),
        ]),
      ])
    );
}

export async function countDiscountUses(
  db: Db,
  code: string,
  email: string | undefined,
  at: string
): Promise<{uses: number; byEmail: boolean}> {
  const normal = code.toUpperCase();
  const {uses} = await counting(db, normal, at)
    .select((eb) => eb.fn.countAll<number>().as('uses'))
    .executeTakeFirstOrThrow();
  const lower = normalEmail(email);
  const mine = lower
    ? await counting(db, normal, at)
        .where('email', '=', lower)
        .select('order_id')
        .limit(1)
        .executeTakeFirst()
    : undefined;
  return {uses: Number(uses), byEmail: mine !== undefined};
}

/**
 * Takes one use of the claim's code for `orderId`, inside the order's insert transaction;
 * throws DiscountClaimRefused (the caller's transaction rolls back) when the limit is reached
 * or this email holds one already.
 */
export async function claimDiscountUse(
  trx: Db,
  claim: DiscountClaim,
  orderId: string,
  fallbackEmail: string | undefined,
  at: string
): Promise<void> {
  const code = claim.code.toUpperCase();
  const email = normalEmail(claim.email ?? fallbackEmail);
  const limited =
    claim.limit !== undefined || (claim.oncePerEmail && email !== undefined);
  if (limited) {
    // The per-code lock (see the top of this file): first, before anything is counted.
    await trx
      .insertInto('discount_codes')
      .values({code, usage_limit: claim.limit ?? null, last_claim_at: at})
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          usage_limit: eb.ref('excluded.usage_limit'),
          last_claim_at: eb.ref('excluded.last_claim_at'),
        }))
      )
      .execute();
    const {uses, byEmail} = await countDiscountUses(trx, code, email, at);
    if (claim.limit !== undefined && uses >= claim.limit)
      throw new DiscountClaimRefused(code);
    if (claim.oncePerEmail && byEmail) throw new DiscountClaimRefused(code);
  }
  await trx
    .insertInto('discount_uses')
    .values({
      order_id: orderId,
      code,
      email: email ?? null,
      state: 'held',
      held_until: new Date(Date.parse(at) + DISCOUNT_HOLD_MS).toISOString(),
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** What an order's status makes of its use; pending keeps the hold it was created with. */
function stateFor(status: OrderStatus): UseState | 'pending' {
  if (status === 'pending') return 'pending';
  if (status === 'processing') return 'held';
  if (status === 'failed' || status === 'canceled') return 'released';
  // Settled, or needs_review: the money was received either way.
  return isSettled(status) || status === 'needs_review' ? 'spent' : 'held';
}

/**
 * Moves the order's use with its status change, inside update's transaction. A use taken
 * back (a payment succeeded after a failure, or after the hold ran out) is never refused —
 * the money was taken — but one that puts the code over its limit is logged.
 */
export async function moveDiscountUse(
  trx: Db,
  previous: Order,
  next: Order,
  at: string,
  logger: Logger
): Promise<void> {
  if (!previous.discountCode || previous.status === next.status) return;
  const target = stateFor(next.status);
  if (target === 'pending') return;
  const use = await trx
    .selectFrom('discount_uses')
    .selectAll()
    .where('order_id', '=', next.id)
    .executeTakeFirst();
  if (!use || (use.state === target && use.held_until === null)) return;
  await trx
    .updateTable('discount_uses')
    .set({state: target, held_until: null, updated_at: at})
    .where('order_id', '=', next.id)
    .execute();

  const wasCounting =
    use.state === 'spent' ||
    (use.state === 'held' && (use.held_until === null || use.held_until > at));
  if (wasCounting || target === 'released') return;
  const code = await trx
    .selectFrom('discount_codes')
    .select('usage_limit')
    .where('code', '=', use.code)
    .executeTakeFirst();
  const limit = code?.usage_limit ?? null;
  if (limit === null) return;
  const {uses} = await countDiscountUses(trx, use.code, undefined, at);
  if (uses > Number(limit))
    logger.warn(
      {orderId: next.id, code: use.code, uses, limit: Number(limit)},
      'a payment succeeded for an order whose discount code use had lapsed: the code is now over its usage limit'
    );
}
