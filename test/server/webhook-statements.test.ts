/**
 * What a webhook costs in SQL, counted as the statements run (BEGIN and COMMIT included): on
 * the request's path, the gateway's read of the order, then one transaction with the ledger
 * first and the order written against the read (not read again), its jobs written held for
 * this process; after the answer, the jobs run and are marked done; for a duplicate, nothing
 * past the ledger. PostgreSQL does the whole change in
 * one statement (one round trip, its own transaction).
 */
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {createCheckoutServer} from '../../server/app.js';
import type {Mailer} from '../../server/notify/email.js';
import {createSqlStore} from '../../server/orders/sql-store.js';
import {createStripeProvider} from '../../server/providers/stripe/client.js';
import {
  deliverStripe,
  demoCatalog,
  intentObject,
  seedOrder,
  stripeEvent,
  TEST_STORE,
  testDatabase,
  WEBHOOK_SECRET,
} from './helpers.js';

/** `select orders`, `insert outbox`, `begin`…: a statement's verb and table. */
function kind(sql: string): string {
  const text = sql.trim().toLowerCase();
  const verb = /^(begin|commit|rollback|select|insert|update|delete|with)/.exec(
    text
  )?.[1];
  // A CTE is named after the table its first part reads or writes.
  const table =
    /^(?:select .*? from|insert into|update|delete from|with "\w+" as \((?:insert into|update|select .*? from)) "(\w+)"/.exec(
      text
    )?.[1];
  return table ? `${verb} ${table}` : (verb ?? text);
}

async function countingServer() {
  const database = await testDatabase();
  const statements: string[] = [];
  const store = await createSqlStore({
    databaseUrl: database.url,
    onQuery: (sql) => statements.push(kind(sql)),
  });
  const sent: string[] = [];
  const mailer: Mailer = {
    async send(message) {
      sent.push(message.to);
    },
  };
  const paid: string[] = [];
  const {app, outbox} = createCheckoutServer({
    catalog: demoCatalog(),
    store,
    stripe: createStripeProvider({
      secretKey: 'sk_test_unit',
      publishableKey: 'pk_test_unit',
      webhookSecret: WEBHOOK_SECRET,
      apiBase: 'http://127.0.0.1:9',
      maxNetworkRetries: 0,
    }),
    onOrderPaid: (order) => {
      paid.push(order.id);
    },
    mailer,
  });
  after(async () => {
    await outbox.idle();
    await store.close();
    await database.drop();
  });
  /** The statements run since the last call. */
  const taken = () => statements.splice(0);
  return {app, outbox, store, taken, sent, paid};
}

const succeeded = (orderId: string, id?: string) =>
  stripeEvent(
    'payment_intent.succeeded',
    intentObject(orderId, `pi_${orderId}`, {
      status: 'succeeded',
      amount_received: 5000,
    }),
    id
  );

describe('POST /api/webhooks/stripe: statements per event', () => {
  it('a new event: one transaction, ledger first; the outbox after the answer', async () => {
    const {app, outbox, store, taken, sent, paid} = await countingServer();
    await seedOrder(store, 'ord_S', 'pi_ord_S', 5000, 'usd', 'b@example.com');
    await outbox.idle();
    const payload = succeeded('ord_S');
    taken();

    const response = await deliverStripe(app, payload);
    assert.equal(response.status, 200);
    assert.deepEqual(
      taken(),
      TEST_STORE === 'postgres'
        ? [
            'select orders', // the gateway finds the order the event names
            // The ledger entry, the order's update if it is as read, the hook's and the
            // email's jobs: one statement.
            'with processed_events',
          ]
        : [
            'select orders', // the gateway finds the order the event names
            'begin',
            'insert processed_events',
            'update orders', // if it is as the gateway read it
            'insert outbox', // the hook's and the email's jobs, one statement
            'commit',
          ]
    );
    // Nothing rendered or sent before the answer: the worker does that after it.
    assert.deepEqual([sent, paid], [[], []]);

    await outbox.idle();
    // The jobs were written held for this worker, which runs them with the order it wrote:
    // nothing to claim, nothing to read.
    assert.deepEqual(taken(), [
      'update orders', // the hook's fulfilled_at
      'update outbox', // both marked done
    ]);
    assert.deepEqual([sent, paid], [['b@example.com'], ['ord_S']]);

    // The same event again stops at the ledger; the outbox finds nothing left to do.
    const again = await deliverStripe(app, payload);
    assert.equal((await again.json()).outcome, 'duplicate');
    assert.deepEqual(
      taken(),
      TEST_STORE === 'postgres'
        ? ['select orders', 'with processed_events']
        : ['select orders', 'begin', 'insert processed_events', 'commit']
    );
    await outbox.idle();
    assert.deepEqual(taken(), ['update outbox']);
    assert.deepEqual([sent, paid], [['b@example.com'], ['ord_S']]);
    assert.equal((await store.get('ord_S'))!.status, 'paid');
  });

  it('claims the outbox jobs by the batch, and every job runs once', async () => {
    const {app, outbox, store, taken, sent, paid} = await countingServer();
    const ids = Array.from({length: 60}, (_, i) => `ord_B${i}`);
    for (const id of ids)
      await seedOrder(store, id, `pi_${id}`, 5000, 'usd', `${id}@example.com`);
    await outbox.idle();
    taken();

    const answers = await Promise.all(
      ids.map((id) => deliverStripe(app, succeeded(id)))
    );
    assert.deepEqual(
      new Set(answers.map((answer) => answer.status)),
      new Set([200])
    );
    await outbox.idle();
    assert.deepEqual(paid.sort(), [...ids].sort());
    assert.equal(sent.length, 60);
    const statements = taken();
    const claims = statements.filter((s) => s === 'update outbox').length;
    // 120 jobs, claimed and completed by the batch: at most a claim and a completion per
    // order (answers that come together share them), never one of each per job.
    assert.ok(claims <= 2 * ids.length, `${claims} claims and completions`);
    for (const job of await store.jobs()) assert.ok(job.doneAt, job.kind);
  });
});
