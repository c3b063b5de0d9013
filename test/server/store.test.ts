/**
 * One suite for every dialect: SQLite always, PostgreSQL when TEST_DATABASE_URL names one
 * (.ci/run starts a server and sets it), each in a database (a schema) of its own.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import type {NewOrder} from '../../server/orders/order.js';
import {createSqlStore} from '../../server/orders/sql-store.js';
import type {OrderStore} from '../../server/orders/store.js';
import {type TestDatabase, testDatabase} from './helpers.js';

const postgresUrl = process.env.TEST_DATABASE_URL;

const newOrder = (id: string): NewOrder => ({
  id,
  provider: 'stripe',
  currency: 'jpy',
  subtotal: 3800,
  total: 3800,
  discount: 0,
  shipping: 0,
  tax: 0,
  taxInclusive: false,
  lines: [
    {
      sku: 'tee-black-m',
      name: 'Black tee, size M',
      unitAmount: 3800,
      quantity: 1,
      amount: 3800,
      discount: 0,
      tax: 0,
      shippable: true,
    },
  ],
  email: 'buyer@example.com',
});

// Each dialect gets a database of its own (on PostgreSQL, a new schema), dropped at the end.
const dialects: ['SQLite' | 'PostgreSQL', 'sqlite' | 'postgres'][] = [
  ['SQLite', 'sqlite'],
];
if (postgresUrl) dialects.push(['PostgreSQL', 'postgres']);

for (const [dialect, kind] of dialects) {
  describe(`the orders store on ${dialect}`, () => {
    let database: TestDatabase;
    let url: string;
    let store: OrderStore;
    before(async () => {
      database = await testDatabase({shared: true, dialect: kind});
      url = database.url;
      store = await createSqlStore({databaseUrl: url});
    });
    after(async () => {
      await store.close();
      await database.drop();
    });

    it('writes a pending order and reads it back whole', async () => {
      const created = await store.create(newOrder('ord_1'), 'hash1');
      assert.equal(created.status, 'pending');
      assert.equal(created.amountRefunded, 0);
      const read = await store.get('ord_1');
      assert.deepEqual(read, created);
      assert.equal(read?.total, 3800);
      assert.equal(read?.lines[0].sku, 'tee-black-m');
      assert.equal(await store.tokenHash('ord_1'), 'hash1');
      assert.equal(await store.get('ord_missing'), undefined);
    });

    it('finds an order by its provider payment id', async () => {
      await store.create(newOrder('ord_2'), 'hash2');
      await store.update('ord_2', () => ({providerPaymentId: 'pi_2'}));
      assert.equal((await store.findByPayment('stripe', 'pi_2'))?.id, 'ord_2');
      assert.equal(await store.findByPayment('paypal', 'pi_2'), undefined);
    });

    it('applies a ledgered event once, even when both copies arrive at once', async () => {
      await store.create(newOrder('ord_3'), 'hash3');
      const ledger = {
        provider: 'stripe',
        eventId: 'evt_3',
        type: 'payment_intent.succeeded',
      };
      const results = await Promise.all(
        Array.from({length: 5}, () =>
          store.update('ord_3', () => ({status: 'paid'}), ledger)
        )
      );
      assert.deepEqual(results.map((r) => r.outcome).sort(), [
        'changed',
        'duplicate',
        'duplicate',
        'duplicate',
        'duplicate',
      ]);
      assert.equal((await store.get('ord_3'))?.status, 'paid');
    });

    it('answers not_found for an unknown order and records nothing', async () => {
      const ledger = {provider: 'stripe', eventId: 'evt_nope', type: 'x'};
      assert.equal(
        (await store.update('ord_nope', () => ({status: 'paid'}), ledger))
          .outcome,
        'not_found'
      );
    });

    it('queues outbox jobs with the change, each (order, kind) once ever', async () => {
      await store.create(newOrder('ord_4'), 'hash4');
      const jobsFor = () => [
        {
          orderId: 'ord_4',
          kind: 'email:order.paid',
          channel: 'email' as const,
          event: 'order.paid' as const,
        },
      ];
      await store.update('ord_4', () => ({status: 'paid'}), undefined, jobsFor);
      await store.update(
        'ord_4',
        () => ({amountRefunded: 1}),
        undefined,
        jobsFor
      );
      const jobs = await store.jobs('ord_4');
      assert.deepEqual(
        jobs.map((j) => [j.kind, j.attempts, j.doneAt]),
        [['email:order.paid', 0, undefined]]
      );
      // Nothing is queued when the decision changes nothing.
      await store.update('ord_4', () => null, undefined, jobsFor);
      assert.equal((await store.jobs('ord_4')).length, 1);
    });

    it('lends a due job to one worker at a time, and retries a failed one later', async () => {
      const [job] = await store.jobs('ord_4');
      const t0 = new Date(Date.now() + 1000).toISOString();
      const lease = new Date(Date.now() + 60_000).toISOString();
      assert.equal((await store.dueJobs(t0, 10, 'ord_4')).length, 1);
      const locks = await Promise.all(
        Array.from({length: 5}, () => store.lockJob(job.id, t0, lease))
      );
      assert.equal(locks.filter(Boolean).length, 1);
      assert.equal(
        (await store.dueJobs(t0, 10, 'ord_4')).length,
        0,
        'a locked job is not due'
      );
      const retryAt = new Date(Date.now() + 5_000).toISOString();
      await store.failJob(job.id, 'smtp down', retryAt);
      assert.equal(
        (await store.dueJobs(t0, 10, 'ord_4')).length,
        0,
        'not before its retry time'
      );
      assert.equal(
        await store.lockJob(job.id, t0, lease),
        undefined,
        'a worker that listed the job before it failed cannot take it before its retry time'
      );
      const later = new Date(Date.now() + 6_000).toISOString();
      assert.equal((await store.dueJobs(later, 10, 'ord_4')).length, 1);
      assert.equal(
        (await store.lockJob(job.id, later, lease))?.attempts,
        1,
        'the job is answered as it is now, with the failed attempt counted'
      );
      await store.completeJobs([job.id], later);
      const [done] = await store.jobs('ord_4');
      assert.deepEqual(
        [done.attempts, done.lastError, Boolean(done.doneAt)],
        [2, 'smtp down', true]
      );
      assert.equal(
        await store.lockJob(job.id, later, lease),
        undefined,
        'a done job is never lent again'
      );
    });

    it('lists open orders for reconciliation, oldest first', async () => {
      const future = new Date(Date.now() + 60_000).toISOString();
      const open = await store.openOrders(future, 100);
      // ord_2 is pending with a payment id; ord_1 has none; ord_3 and ord_4 are paid.
      assert.deepEqual(
        open.map((o) => o.id),
        ['ord_2']
      );
      assert.deepEqual(
        await store.openOrders('2000-01-01T00:00:00.000Z', 100),
        []
      );
    });

    it('keeps a priced order whole: every sum, the code, the rate and both addresses', async () => {
      const priced: NewOrder = {
        ...newOrder('ord_priced'),
        currency: 'eur',
        lines: [
          {
            sku: 'tee-black-m',
            name: 'Black tee, size M',
            unitAmount: 2500,
            quantity: 2,
            amount: 5000,
            discount: 500,
            tax: 718,
            shippable: true,
          },
        ],
        subtotal: 5000,
        discount: 500,
        shipping: 1490,
        tax: 956,
        taxInclusive: true,
        total: 5990,
        discountCode: 'WELCOME10',
        shippingRate: {id: 'express', name: 'Express', amount: 1490},
        shippingAddress: {
          name: 'Kim Berg',
          line1: 'Hauptstraße 5',
          postalCode: '10115',
          city: 'Berlin',
          country: 'DE',
        },
        billingAddress: {country: 'DE', name: 'Kim Berg GmbH'},
        locale: 'de-DE',
      };
      const created = await store.create(priced, 'hash_priced');
      assert.deepEqual(
        [created.status, created.amountRefunded],
        ['pending', 0]
      );
      const stored = Object.fromEntries(
        Object.keys(priced).map((key) => [key, created[key as keyof NewOrder]])
      );
      assert.deepEqual(stored, priced);
      assert.deepEqual(await store.get('ord_priced'), created);
    });

    it('reprices a pending order with a pricing patch, leaving the rest as it was', async () => {
      const before = (await store.get('ord_priced'))!;
      const pricing = {
        lines: before.lines.map((line) => ({...line, tax: 799})),
        subtotal: 5000,
        discount: 500,
        shipping: 490,
        tax: 877,
        taxInclusive: true,
        total: 4990,
        shippingRate: {id: 'standard', name: 'Standard', amount: 490},
        shippingAddress: {...before.shippingAddress!, city: 'München'},
      };
      await store.update('ord_priced', () => pricing);
      const after = (await store.get('ord_priced'))!;
      assert.deepEqual(
        {...after, updatedAt: before.updatedAt},
        {
          ...before,
          ...pricing,
        }
      );
      // A patch with only a new address still rewrites the pricing columns.
      await store.update('ord_priced', () => ({
        shippingAddress: {...pricing.shippingAddress, postalCode: '80331'},
      }));
      assert.equal(
        (await store.get('ord_priced'))?.shippingAddress?.postalCode,
        '80331'
      );
    });

    it('reads lines stored before the pricing columns with no discount, no tax, shipped', async () => {
      // As migration 004 found them: JSON lines without discount, tax and shippable.
      const legacy = [
        {
          sku: 'mug-enamel',
          name: 'Mug',
          unitAmount: 1450,
          quantity: 1,
          amount: 1450,
        },
      ] as unknown as NewOrder['lines'];
      await store.create({...newOrder('ord_legacy'), lines: legacy}, 'hash');
      assert.deepEqual((await store.get('ord_legacy'))?.lines, [
        {
          sku: 'mug-enamel',
          name: 'Mug',
          unitAmount: 1450,
          quantity: 1,
          amount: 1450,
          discount: 0,
          tax: 0,
          shippable: true,
        },
      ]);
    });

    it('keeps orders and the ledger across a restart', async () => {
      await store.create(newOrder('ord_5'), 'hash5');
      const ledger = {
        provider: 'stripe',
        eventId: 'evt_5',
        type: 'payment_intent.succeeded',
      };
      await store.update('ord_5', () => ({status: 'paid'}), ledger);
      await store.close();
      store = await createSqlStore({databaseUrl: url});
      assert.equal((await store.get('ord_5'))?.status, 'paid');
      assert.equal(
        (await store.update('ord_5', () => ({status: 'paid'}), ledger)).outcome,
        'duplicate'
      );
    });
  });
}
