/**
 * Discount code uses in the orders store, on every dialect (SQLite always, PostgreSQL when
 * TEST_DATABASE_URL names one): a limited code's last use goes to exactly one of two
 * concurrent buyers, once per email, released with a failed or canceled order and taken again
 * by a late payment, and a hold abandoned in `pending` lapses.
 */
import assert from 'node:assert/strict';
import {Writable} from 'node:stream';
import {after, before, describe, it} from 'node:test';
import pino from 'pino';
import type {OrderStatus} from '../../server/contract.js';
import type {NewOrder} from '../../server/orders/order.js';
import {DISCOUNT_HOLD_MS} from '../../server/orders/sql-discounts.js';
import {createSqlStore} from '../../server/orders/sql-store.js';
import {
  type DiscountClaim,
  DiscountClaimRefused,
  type OrderStore,
} from '../../server/orders/store.js';
import {type TestDatabase, testDatabase} from './helpers.js';

const postgresUrl = process.env.TEST_DATABASE_URL;

let orders = 0;
const newOrder = (email = 'buyer@example.com', code = 'ONE'): NewOrder => ({
  id: `ord_d${++orders}`,
  provider: 'stripe',
  currency: 'eur',
  subtotal: 3000,
  discount: 300,
  shipping: 0,
  tax: 0,
  taxInclusive: false,
  total: 2700,
  discountCode: code,
  lines: [
    {
      sku: 'mug-enamel',
      name: 'Enamel camp mug',
      unitAmount: 3000,
      quantity: 1,
      amount: 3000,
      discount: 300,
      tax: 0,
      shippable: false,
    },
  ],
  email,
});

const dialects: ['SQLite' | 'PostgreSQL', 'sqlite' | 'postgres'][] = [
  ['SQLite', 'sqlite'],
];
if (postgresUrl) dialects.push(['PostgreSQL', 'postgres']);

for (const [dialect, kind] of dialects) {
  describe(`discount code uses on ${dialect}`, () => {
    let database: TestDatabase;
    let store: OrderStore;
    /** A second instance on the same database (PostgreSQL: its own pool, as another server would). */
    let other: OrderStore;
    let clock = Date.parse('2026-12-01T12:00:00.000Z');
    const warnings: {msg: string; code: string; uses: number}[] = [];
    const logger = pino(
      {level: 'warn'},
      new Writable({
        write(chunk, _encoding, done) {
          warnings.push(JSON.parse(String(chunk)));
          done();
        },
      })
    );

    before(async () => {
      database = await testDatabase({shared: true, dialect: kind});
      const now = () => new Date(clock);
      store = await createSqlStore({databaseUrl: database.url, now, logger});
      // SQLite is one server's embedded database: concurrent creates there share its one
      // connection. Two better-sqlite3 connections in one process would block each other.
      other =
        kind === 'postgres'
          ? await createSqlStore({databaseUrl: database.url, now, logger})
          : store;
    });
    after(async () => {
      if (other !== store) await other.close();
      await store.close();
      await database.drop();
    });

    let codes = 0;
    const limited = (limit: number, oncePerEmail = false): DiscountClaim => ({
      code: `CODE${++codes}`,
      limit,
      oncePerEmail,
    });
    const create = (
      claim: DiscountClaim,
      email?: string,
      on: OrderStore = store
    ) => on.create(newOrder(email, claim.code), 'hash', claim);
    const move = (id: string, status: OrderStatus) =>
      store.update(id, () => ({status}));
    const refused = (error: unknown) =>
      error instanceof DiscountClaimRefused && error.reason === 'used_up';

    it('gives a code’s last use to exactly one of two concurrent buyers, and writes nothing for the other', async () => {
      // Several codes at once, each with one use left, each raced by two instances.
      const claims = Array.from({length: 8}, () => limited(2));
      for (const claim of claims)
        await move((await create(claim, 'first@example.com')).id, 'paid');
      const races = await Promise.all(
        claims.map((claim) => {
          const a = newOrder('a@example.com', claim.code);
          const b = newOrder('b@example.com', claim.code);
          return Promise.allSettled([
            store.create(a, 'hash', claim),
            other.create(b, 'hash', claim),
          ]).then((results) => ({results, ids: [a.id, b.id]}));
        })
      );
      for (const [i, {results, ids}] of races.entries()) {
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r) => r.status === 'rejected');
        assert.equal(won.length, 1, `one buyer gets ${claims[i].code}`);
        assert.ok(refused(lost[0].reason), 'the other is refused: used up');
        const loser = ids[results.indexOf(lost[0])];
        assert.equal(await store.get(loser), undefined, 'no order written');
        assert.deepEqual(await store.discountUses(claims[i].code), {
          uses: 2,
          byEmail: false,
        });
      }
    });

    it('refuses a code a second time to the same email, in any case', async () => {
      const claim = limited(100, true);
      await create(claim, 'Buyer@Example.com');
      await assert.rejects(
        create({...claim, email: ' buyer@EXAMPLE.com '}),
        refused
      );
      await create(claim, 'someone-else@example.com');
      assert.deepEqual(
        await store.discountUses(claim.code, 'BUYER@example.com'),
        {uses: 2, byEmail: true}
      );
      assert.deepEqual(
        await store.discountUses(claim.code.toLowerCase(), 'new@example.com'),
        {uses: 2, byEmail: false}
      );
    });

    it('releases the use when the order fails or is canceled', async () => {
      for (const status of ['failed', 'canceled'] as const) {
        const claim = limited(1);
        const first = await create(claim);
        await assert.rejects(create(claim), refused);
        await move(first.id, 'processing');
        await assert.rejects(create(claim), refused, 'processing still holds');
        await move(first.id, status);
        assert.equal((await store.discountUses(claim.code)).uses, 0, status);
        await create(claim, 'second@example.com');
        assert.equal((await store.discountUses(claim.code)).uses, 1);
      }
    });

    it('frees the email of a released use for its next order', async () => {
      const claim = limited(5, true);
      const first = await create(claim, 'again@example.com');
      await move(first.id, 'failed');
      assert.equal(
        (await store.discountUses(claim.code, 'again@example.com')).byEmail,
        false
      );
      await create(claim, 'again@example.com');
    });

    it('takes a released use again when the failed order is paid after all, over the limit if it must, and says so', async () => {
      const claim = limited(1);
      const first = await create(claim);
      await move(first.id, 'failed');
      const second = await create(claim, 'second@example.com');
      await move(second.id, 'paid');
      warnings.length = 0;
      const paid = await move(first.id, 'paid');
      assert.equal(paid.outcome, 'changed', 'the payment is recorded');
      assert.equal((await store.get(first.id))?.status, 'paid');
      assert.equal((await store.discountUses(claim.code)).uses, 2);
      assert.equal(warnings.length, 1);
      assert.equal(warnings[0].code, claim.code);
      assert.equal(warnings[0].uses, 2);
    });

    it('counts spent uses for good, refunded or not', async () => {
      const claim = limited(2);
      const a = await create(claim);
      const b = await create(claim);
      await move(a.id, 'paid');
      await move(b.id, 'paid');
      await move(b.id, 'refunded');
      clock += 2 * DISCOUNT_HOLD_MS;
      assert.equal((await store.discountUses(claim.code)).uses, 2);
      await assert.rejects(create(claim), refused);
    });

    it('lets a hold abandoned in pending lapse after the hold time, but not a processing one', async () => {
      const claim = limited(2);
      const abandoned = await create(claim, 'gone@example.com');
      const processing = await create(claim);
      await move(processing.id, 'processing');
      await assert.rejects(create(claim), refused);
      clock += DISCOUNT_HOLD_MS - 1000;
      await assert.rejects(create(claim), refused, 'still within the hold');
      clock += 1000;
      assert.deepEqual(
        await store.discountUses(claim.code, 'gone@example.com'),
        {uses: 1, byEmail: false}
      );
      const late = await create(claim);
      // The abandoned buyer comes back and pays: recorded, over the limit, and logged.
      warnings.length = 0;
      await move(abandoned.id, 'paid');
      assert.equal((await store.discountUses(claim.code)).uses, 3);
      assert.equal(warnings.length, 1);
      await move(late.id, 'canceled');
      assert.equal((await store.discountUses(claim.code)).uses, 2);
    });

    it('counts an unlimited code’s uses, and takes none without a claim', async () => {
      const claim: DiscountClaim = {
        code: `FREE${++codes}`,
        oncePerEmail: false,
      };
      await create(claim);
      await create(claim);
      await store.create(newOrder(undefined, claim.code), 'hash');
      assert.equal((await store.discountUses(claim.code)).uses, 2);
      assert.deepEqual(await store.discountUses('NEVER-USED'), {
        uses: 0,
        byEmail: false,
      });
    });
  });
}
