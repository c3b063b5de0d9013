/**
 * The guards' tables in SQL (the same Kysely database as the orders): rate-limit counters and
 * Idempotency-Key records. Every step that decides something is one atomic statement (an
 * upsert, an insert that may conflict, a conditional update), so two instances on one
 * PostgreSQL, or two requests at once, count and claim as one.
 */
import {type Kysely, sql} from 'kysely';
import type {GuardStore, HitCount, IdempotencyClaim} from './store.js';

interface RateLimitsTable {
  bucket: string;
  hits: number;
  reset_at: number;
}

interface IdempotencyKeysTable {
  key_hash: string;
  fingerprint: string;
  status: number | null;
  response: string | null;
  locked_until: string | null;
  created_at: string;
  expires_at: string;
}

export interface GuardSchema {
  rate_limits: RateLimitsTable;
  idempotency_keys: IdempotencyKeysTable;
}

/** How often expired counters and keys are deleted (by whichever instance notices first). */
const SWEEP_EVERY_MS = 60_000;

export function sqlGuards(
  db: Kysely<GuardSchema>,
  now: () => string
): GuardStore {
  let lastSweep = 0;
  const ms = () => Date.parse(now());

  // Expired rows are only clutter (a new hit or claim overwrites them): delete them now and
  // then, without holding up the request that noticed.
  function sweep(at: number) {
    if (at - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = at;
    void Promise.all([
      db.deleteFrom('rate_limits').where('reset_at', '<=', at).execute(),
      db
        .deleteFrom('idempotency_keys')
        .where('expires_at', '<=', new Date(at).toISOString())
        .execute(),
    ]).catch(() => {
      lastSweep = 0;
    });
  }

  return {
    async countHit(bucket, windowMs): Promise<HitCount> {
      const at = ms();
      const resetAt = at + windowMs;
      // One statement for SQLite and PostgreSQL: a first hit inserts, a hit in the window
      // adds one, a hit after it starts a new window. The SET expressions read the old row.
      const {rows} = await sql<{hits: number; reset_at: number}>`
        INSERT INTO rate_limits (bucket, hits, reset_at) VALUES (${bucket}, 1, ${resetAt})
        ON CONFLICT (bucket) DO UPDATE SET
          hits = CASE WHEN rate_limits.reset_at <= ${at} THEN 1 ELSE rate_limits.hits + 1 END,
          reset_at = CASE WHEN rate_limits.reset_at <= ${at} THEN ${resetAt} ELSE rate_limits.reset_at END
        RETURNING hits, reset_at`.execute(db);
      sweep(at);
      return {hits: Number(rows[0].hits), resetAt: Number(rows[0].reset_at)};
    },

    async uncountHit(bucket) {
      await db
        .updateTable('rate_limits')
        .set((eb) => ({hits: eb('hits', '-', 1)}))
        .where('bucket', '=', bucket)
        .where('hits', '>', 0)
        .where('reset_at', '>', ms())
        .execute();
    },

    async resetHits(bucket) {
      await db.deleteFrom('rate_limits').where('bucket', '=', bucket).execute();
    },

    async claimIdempotencyKey(
      keyHash,
      fingerprint,
      lockedUntil,
      expiresAt
    ): Promise<IdempotencyClaim> {
      const at = now();
      const fresh = {
        fingerprint,
        status: null,
        response: null,
        locked_until: lockedUntil,
        created_at: at,
        expires_at: expiresAt,
      };
      const inserted = await db
        .insertInto('idempotency_keys')
        .values({key_hash: keyHash, ...fresh})
        .onConflict((oc) => oc.column('key_hash').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1)
        return {outcome: 'claimed'};

      const row = await db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('key_hash', '=', keyHash)
        .executeTakeFirst();
      // Deleted between the two statements (released, or swept): ask again.
      if (!row) return {outcome: 'in_progress'};
      if (row.expires_at <= at) {
        // An expired key is a new key: whoever rewrites it first holds it.
        const taken = await db
          .updateTable('idempotency_keys')
          .set(fresh)
          .where('key_hash', '=', keyHash)
          .where('expires_at', '<=', at)
          .executeTakeFirst();
        return Number(taken.numUpdatedRows) === 1
          ? {outcome: 'claimed'}
          : {outcome: 'in_progress'};
      }
      if (row.fingerprint !== fingerprint) return {outcome: 'mismatch'};
      if (row.response !== null && row.status !== null)
        return {
          outcome: 'replay',
          status: Number(row.status),
          response: row.response,
        };
      if (row.locked_until !== null && row.locked_until > at)
        return {outcome: 'in_progress'};
      // The holder's lock ran out without an answer (it crashed): take it over.
      const taken = await db
        .updateTable('idempotency_keys')
        .set({locked_until: lockedUntil})
        .where('key_hash', '=', keyHash)
        .where('response', 'is', null)
        .where((eb) =>
          eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)])
        )
        .executeTakeFirst();
      return Number(taken.numUpdatedRows) === 1
        ? {outcome: 'claimed'}
        : {outcome: 'in_progress'};
    },

    async completeIdempotencyKey(keyHash, status, response) {
      await db
        .updateTable('idempotency_keys')
        .set({status, response, locked_until: null})
        .where('key_hash', '=', keyHash)
        .execute();
    },

    async releaseIdempotencyKey(keyHash) {
      await db
        .deleteFrom('idempotency_keys')
        .where('key_hash', '=', keyHash)
        .where('response', 'is', null)
        .execute();
    },
  };
}
