/**
 * The merchant's email (MERCHANT_EMAIL): one per paid order and one per dispute, through the
 * outbox, whatever the webhooks do (duplicates, replays under new ids, late events, a worker
 * that fails and another that takes over); none without a merchant address.
 */
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import type {Mailer} from '../../server/notify/email.js';
import {createSqlStore} from '../../server/orders/sql-store.js';
import {
  deliverStripe,
  makeServer,
  seedOrder,
  stripeEvent,
  testDatabase,
  type TestServer,
} from './helpers.js';
import {succeeded} from './webhooks-stripe-helpers.js';

type Sent = Parameters<Mailer['send']>[0];

const MERCHANT = 'owner@shop.example';

/** A mailer that keeps what it sends (and can be told to refuse, like an SMTP outage). */
function recordingMailer() {
  const sent: Sent[] = [];
  let refusing = false;
  return {
    sent,
    refuse(on: boolean) {
      refusing = on;
    },
    toMerchant: () => sent.filter((m) => m.to === MERCHANT),
    async send(message: Sent) {
      if (refusing) throw new Error('SMTP 421 try again later');
      sent.push(message);
    },
  };
}

const servers: TestServer[] = [];
after(async () => {
  for (const server of servers) await server.close();
});

async function paidServer(options: Parameters<typeof makeServer>[0] = {}) {
  const mailer = recordingMailer();
  const server = await makeServer({
    mailer,
    merchantEmail: MERCHANT,
    publicUrl: 'https://shop.example',
    ...options,
  });
  servers.push(server);
  await seedOrder(
    server.store,
    'ord_A',
    'pi_A',
    5000,
    'usd',
    'kim@example.com'
  );
  return {server, mailer};
}

const paid = (id?: string) =>
  stripeEvent('payment_intent.succeeded', succeeded('ord_A', 'pi_A'), id);

const dispute = (disputeId: string, fields: Record<string, unknown> = {}) => ({
  id: disputeId,
  object: 'dispute',
  amount: 5000,
  currency: 'usd',
  reason: 'fraudulent',
  status: 'needs_response',
  charge: 'ch_1',
  payment_intent: 'pi_A',
  ...fields,
});

async function deliver(server: TestServer, payload: string) {
  const response = await deliverStripe(server.app, payload);
  assert.equal(response.status, 200);
  await server.settled();
}

describe('the merchant email', () => {
  it('goes out once per paid order, under duplicate, replayed and late webhooks', async () => {
    const {server, mailer} = await paidServer();
    await deliver(
      server,
      stripeEvent(
        'payment_intent.processing',
        succeeded('ord_A', 'pi_A', {status: 'processing'})
      )
    );
    const first = paid('evt_paid_1');
    await deliver(server, first);
    await deliver(server, first); // the same delivery again
    await deliver(server, paid('evt_paid_2')); // the same news under another id
    // A processing event that arrives after the payment changes nothing.
    await deliver(
      server,
      stripeEvent(
        'payment_intent.processing',
        succeeded('ord_A', 'pi_A', {status: 'processing'})
      )
    );
    const toMerchant = mailer.toMerchant();
    assert.equal(toMerchant.length, 1);
    // The buyer has their own confirmation, once.
    assert.equal(
      mailer.sent.filter((m) => m.to === 'kim@example.com').length,
      1
    );
    assert.match(toMerchant[0].subject, /new order ord_A \(\$50\.00\)/);
    assert.equal(
      (await server.store.jobs('ord_A')).filter(
        (job) => job.channel === 'merchant-email'
      ).length,
      1
    );
  });

  it('says what was bought, the sums, who bought it, where it ships, the provider and its id, and links to the admin', async () => {
    const {server, mailer} = await paidServer();
    await server.store.update('ord_A', () => ({
      shippingAddress: {
        name: '<b>Kim</b> & Co',
        line1: '1 Main St',
        city: 'Portland',
        region: 'OR',
        postalCode: '97201',
        country: 'US',
      },
    }));
    await deliver(server, paid());
    const [email] = mailer.toMerchant();
    for (const part of [
      'Black tee, size M (tee-black-m) × 2',
      'Total: $50.00',
      'Email: kim@example.com',
      'Provider: Stripe',
      'Payment id: pi_A',
      'Portland, OR 97201',
      'View the order: https://shop.example/admin/orders/ord_A',
    ])
      assert.ok(email.text.includes(part), `${part} in\n${email.text}`);
    assert.ok(email.html.includes('&lt;b&gt;Kim&lt;/b&gt; &amp; Co'));
    assert.ok(!email.html.includes('<b>Kim</b>'));
    assert.ok(
      email.html.includes('href="https://shop.example/admin/orders/ord_A"')
    );
  });

  it('has no admin link without a public URL', async () => {
    const {server, mailer} = await paidServer({publicUrl: undefined});
    await deliver(server, paid());
    const [email] = mailer.toMerchant();
    assert.ok(!email.text.includes('/admin/orders/'));
    assert.ok(!email.html.includes('/admin/orders/'));
  });

  it('goes out once per dispute: not again for the same one, again for a new one', async () => {
    const {server, mailer} = await paidServer();
    await deliver(server, paid());
    const opened = stripeEvent('charge.dispute.created', dispute('dp_1'));
    await deliver(server, opened);
    await deliver(server, opened);
    await deliver(
      server,
      stripeEvent('charge.dispute.created', dispute('dp_1'))
    );
    let disputes = mailer
      .toMerchant()
      .filter((m) => m.subject.includes('dispute'));
    assert.equal(disputes.length, 1);
    assert.match(disputes[0].subject, /dispute opened on order ord_A/);
    for (const part of [
      'Dispute: dp_1',
      'Amount disputed: $50.00',
      'Reason: fraudulent',
      'Status: needs response',
      'Total: $50.00',
    ])
      assert.ok(
        disputes[0].text.includes(part),
        `${part} in\n${disputes[0].text}`
      );
    assert.equal((await server.store.get('ord_A'))!.status, 'disputed');

    // Won, and later a second, partial dispute.
    await deliver(
      server,
      stripeEvent('charge.dispute.closed', dispute('dp_1', {status: 'won'}))
    );
    await deliver(
      server,
      stripeEvent(
        'charge.dispute.created',
        dispute('dp_2', {amount: 1500, reason: 'product_not_received'})
      )
    );
    disputes = mailer.toMerchant().filter((m) => m.subject.includes('dispute'));
    assert.equal(disputes.length, 2);
    assert.ok(disputes[1].text.includes('Dispute: dp_2'));
    assert.ok(disputes[1].text.includes('Amount disputed: $15.00'));
    assert.ok(disputes[1].text.includes('Reason: product not received'));
    // The paid email was not sent again by any of this.
    assert.equal(
      mailer.toMerchant().filter((m) => m.subject.includes('new order')).length,
      1
    );
  });

  it('tells of a dispute that arrives before the payment, once the payment lands', async () => {
    const {server, mailer} = await paidServer();
    const opened = stripeEvent('charge.dispute.created', dispute('dp_early'));
    await deliver(server, opened);
    let order = (await server.store.get('ord_A'))!;
    assert.equal(order.status, 'pending');
    assert.equal(order.dispute?.id, 'dp_early');
    assert.equal(mailer.toMerchant().length, 0);
    await deliver(server, paid());
    await deliver(server, paid());
    await deliver(server, opened);
    order = (await server.store.get('ord_A'))!;
    assert.equal(order.status, 'disputed');
    const subjects = mailer.toMerchant().map((m) => m.subject);
    assert.equal(subjects.length, 2, subjects.join('\n'));
    assert.equal(subjects.filter((s) => s.includes('new order')).length, 1);
    assert.equal(subjects.filter((s) => s.includes('dispute')).length, 1);
    // The sale happened: the fulfilment hook ran once.
    assert.deepEqual(
      server.fulfilled.map((o) => o.id),
      ['ord_A']
    );
  });

  it('is not sent without MERCHANT_EMAIL (the buyer’s is)', async () => {
    const {server, mailer} = await paidServer({merchantEmail: undefined});
    await deliver(server, paid());
    await deliver(
      server,
      stripeEvent('charge.dispute.created', dispute('dp_1'))
    );
    assert.deepEqual(
      mailer.sent.map((m) => m.to),
      ['kim@example.com']
    );
    assert.ok(
      (await server.store.jobs('ord_A')).every(
        (job) => job.channel !== 'merchant-email'
      )
    );
  });

  it('survives a worker that fails and a restart: the next worker sends it once', async () => {
    const database = await testDatabase({shared: true});
    let clock = Date.now();
    const now = () => new Date(clock);
    // One clock for the stores and the workers, as in one process.
    const store = await createSqlStore({databaseUrl: database.url, now});
    const first = recordingMailer();
    first.refuse(true);
    const before = await makeServer({
      store,
      now,
      mailer: first,
      merchantEmail: MERCHANT,
    });
    await seedOrder(store, 'ord_A', 'pi_A', 5000, 'usd', 'kim@example.com');
    await deliver(before, paid('evt_restart'));
    assert.equal(first.sent.length, 0);
    const [job] = (await store.jobs('ord_A')).filter(
      (j) => j.channel === 'merchant-email'
    );
    assert.equal(job.attempts, 1);
    await before.outbox.idle();
    await before.close();

    // Another process on the same database, after the retry's backoff; the provider resends.
    const store2 = await createSqlStore({databaseUrl: database.url, now});
    const second = recordingMailer();
    const after2 = await makeServer({
      store: store2,
      now,
      mailer: second,
      merchantEmail: MERCHANT,
    });
    servers.push(after2);
    clock += 60_000;
    await after2.outbox.run();
    await after2.outbox.idle();
    await deliver(after2, paid('evt_restart'));
    clock += 3_600_000;
    await after2.outbox.run();
    await after2.outbox.idle();
    assert.equal(second.toMerchant().length, 1);
    assert.equal(
      second.toMerchant()[0].messageId,
      `<${job.id}@pay-checkout>`,
      'the same job, recognisable as the same message'
    );
    await store.close();
    await store2.close();
    await database.drop();
  });
});
