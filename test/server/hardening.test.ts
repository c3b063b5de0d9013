/**
 * Hostile but correctly signed webhooks: event types that are Object.prototype's names, ids of
 * the wrong type, signatures dated in the future; and an outbox that honours its backoff when
 * one event arrives twice at once.
 */
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {Writable} from 'node:stream';
import {after, before, beforeEach, describe, it} from 'node:test';
import pino from 'pino';
import {
  deliverStripe,
  intentObject,
  makeServer,
  seedOrder,
  stripeEvent,
  stripeSignature,
  type TestServer,
} from './helpers.js';
import {
  makePaypalServer,
  type PaypalTestServer,
  seedPaypalOrder,
} from './paypal-fixtures.js';
import {
  captureResource,
  deliverPaypal,
  paypalEvent,
  signPaypalWebhook,
} from './paypal-webhook-fixtures.js';

/** A logger whose lines a test can read. */
function recordingLogger() {
  const lines: {msg: string; problem?: string}[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return {logger: pino({level: 'info'}, stream), lines};
}

const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];

const succeeded = (fields: Record<string, unknown> = {}) =>
  intentObject('ord_A', 'pi_A', {
    status: 'succeeded',
    amount_received: 5000,
    ...fields,
  });

describe('Stripe webhooks with hostile contents', () => {
  let server: TestServer;
  let log: ReturnType<typeof recordingLogger>;
  beforeEach(async () => {
    log = recordingLogger();
    server = await makeServer({logger: log.logger});
    await seedOrder(server.store, 'ord_A', 'pi_A');
  });
  after(() => server.close());

  const status = async () => (await server.store.get('ord_A'))!.status;

  it('answers 200 ignored to an event type named like an Object.prototype property', async () => {
    for (const type of PROTOTYPE_NAMES) {
      const res = await deliverStripe(
        server.app,
        stripeEvent(type, succeeded())
      );
      assert.equal(res.status, 200, type);
      assert.deepEqual(
        await res.json(),
        {received: true, outcome: 'ignored'},
        type
      );
    }
    assert.equal(await status(), 'pending');
  });

  it('answers 200 ignored, and logs, when metadata.order_id is an object, a number or an array', async () => {
    for (const orderId of [{id: 'ord_A'}, 42, ['ord_A'], '']) {
      const res = await deliverStripe(
        server.app,
        stripeEvent(
          'payment_intent.succeeded',
          succeeded({metadata: {order_id: orderId}})
        )
      );
      assert.equal(res.status, 200, JSON.stringify(orderId));
      assert.equal((await res.json()).outcome, 'ignored');
    }
    assert.equal(await status(), 'pending');
    const warnings = log.lines.filter((l) => /wrong type/.test(l.msg));
    assert.equal(warnings.length, 4);
    assert.match(warnings[0].problem!, /metadata\.order_id is an object/);
    assert.ok(
      !JSON.stringify(log.lines).includes('"id":"ord_A"}'),
      'the value itself is not logged'
    );
  });

  it('answers 200 ignored when the intent id, the amount or a refund total has the wrong type', async () => {
    const cases = [
      stripeEvent('payment_intent.succeeded', succeeded({id: {x: 1}})),
      stripeEvent(
        'payment_intent.succeeded',
        succeeded({amount_received: '5000'})
      ),
      stripeEvent('payment_intent.succeeded', succeeded({currency: 840})),
      stripeEvent('charge.refunded', {
        id: 'ch_A',
        object: 'charge',
        payment_intent: 'pi_A',
        amount_refunded: {value: 5000},
      }),
      stripeEvent('charge.dispute.created', {
        id: 'dp_A',
        object: 'dispute',
        payment_intent: 'pi_A',
        status: ['lost'],
      }),
    ];
    for (const payload of cases) {
      const res = await deliverStripe(server.app, payload);
      assert.equal(res.status, 200, payload);
      assert.equal((await res.json()).outcome, 'ignored', payload);
    }
    assert.equal(await status(), 'pending');
  });

  it('refuses an event whose data.object is not an object, with 400', async () => {
    for (const object of ['pi_A', 7, ['pi_A']]) {
      const payload = JSON.stringify({
        id: `evt_obj_${JSON.stringify(object)}`,
        type: 'payment_intent.succeeded',
        data: {object},
      });
      const res = await deliverStripe(server.app, payload);
      assert.equal(res.status, 400, JSON.stringify(object));
      assert.equal((await res.json()).error.code, 'invalid_request');
    }
  });

  it('refuses a signature dated more than 300 s ahead, and accepts one just inside', async () => {
    const now = Math.floor(Date.now() / 1000);
    const ahead = stripeEvent('payment_intent.succeeded', succeeded());
    for (const timestamp of [now + 310, now + 86_400 * 365]) {
      const res = await deliverStripe(
        server.app,
        ahead,
        stripeSignature(ahead, {timestamp})
      );
      assert.equal(res.status, 400, `t=${timestamp - now}`);
      assert.equal((await res.json()).error.code, 'invalid_signature');
    }
    // stripe-node reads "t=<digits><junk>" with parseInt; so do we.
    const junk = stripeSignature(ahead, {timestamp: now + 600}).replace(
      /^t=(\d+)/,
      't=$1x'
    );
    assert.equal((await deliverStripe(server.app, ahead, junk)).status, 400);
    assert.equal(await status(), 'pending');
    const res = await deliverStripe(
      server.app,
      ahead,
      stripeSignature(ahead, {timestamp: now + 240})
    );
    assert.equal(res.status, 200);
    assert.equal(await status(), 'paid');
  });
});

describe('PayPal webhooks with hostile contents', () => {
  const PP_A = '5O190127TN364715T';
  let server: PaypalTestServer;
  beforeEach(async () => {
    server = await makePaypalServer();
    await seedPaypalOrder(server, 'ord_A', PP_A);
  });
  after(() => server.close());
  const status = async () => (await server.store.get('ord_A'))!.status;

  it('answers 200 ignored to an event type named like an Object.prototype property', async () => {
    for (const type of PROTOTYPE_NAMES) {
      const res = await deliverPaypal(
        server.app,
        paypalEvent(type, captureResource('ord_A', PP_A))
      );
      assert.equal(res.status, 200, type);
      assert.equal((await res.json()).outcome, 'ignored', type);
    }
    assert.equal(await status(), 'pending');
  });

  it('answers 200 ignored when custom_id, invoice_id or the PayPal order id has the wrong type', async () => {
    const capture = captureResource('ord_A', PP_A);
    for (const resource of [
      {...capture, custom_id: {id: 'ord_A'}},
      {...capture, custom_id: 42},
      {...capture, invoice_id: ['ord_A']},
      {...capture, supplementary_data: {related_ids: {order_id: [PP_A]}}},
    ]) {
      const res = await deliverPaypal(
        server.app,
        paypalEvent('PAYMENT.CAPTURE.COMPLETED', resource)
      );
      assert.equal(res.status, 200, JSON.stringify(resource));
      assert.equal((await res.json()).outcome, 'ignored');
    }
    const dispute = paypalEvent('CUSTOMER.DISPUTE.CREATED', {
      dispute_id: 'PP-D-1',
      status: 'OPEN',
      disputed_transactions: [{custom: {order: 'ord_A'}}],
    });
    const res = await deliverPaypal(server.app, dispute);
    assert.equal(res.status, 200);
    assert.equal((await res.json()).outcome, 'ignored');
    assert.equal(await status(), 'pending');
  });

  it('refuses a transmission time more than 300 s ahead or unreadable, and accepts one just inside', async () => {
    const body = paypalEvent(
      'PAYMENT.CAPTURE.COMPLETED',
      captureResource('ord_A', PP_A)
    );
    const iso = (ms: number) =>
      new Date(Date.now() + ms).toISOString().replace(/\.\d+Z$/, 'Z');
    for (const transmissionTime of [
      iso(310_000),
      iso(365 * 86_400_000),
      'tomorrow',
    ]) {
      const res = await deliverPaypal(
        server.app,
        body,
        signPaypalWebhook(body, {transmissionTime})
      );
      assert.equal(res.status, 400, transmissionTime);
      assert.equal((await res.json()).error.code, 'invalid_signature');
    }
    assert.equal(await status(), 'pending');
    // Old is fine: PayPal retries for three days, and the ledger stops replays.
    const old = await deliverPaypal(
      server.app,
      body,
      signPaypalWebhook(body, {transmissionTime: iso(-2 * 86_400_000)})
    );
    assert.equal(old.status, 200);
    assert.equal(await status(), 'paid');
  });
});

describe('the outbox under a duplicate delivery', () => {
  const secret = 'merchant_secret_0123456789abcdef';
  let calls: number[];
  let url: string;
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls.push(Date.now());
      res.statusCode = 503;
      res.end();
    });
  });
  before(async () => {
    await new Promise<void>((resolve) =>
      receiver.listen(0, '127.0.0.1', resolve)
    );
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  after(() => new Promise((resolve) => receiver.close(resolve)));

  it('does not retry a failing merchant webhook early when one event arrives twice at once', async () => {
    calls = [];
    let clock = Date.parse('2026-11-26T12:00:00.000Z');
    const server = await makeServer({
      now: () => new Date(clock),
      orderWebhook: {url, secret},
    });
    await seedOrder(server.store, 'ord_W', 'pi_W');
    const payload = stripeEvent(
      'payment_intent.succeeded',
      intentObject('ord_W', 'pi_W', {
        status: 'succeeded',
        amount_received: 5000,
      })
    );
    const signature = stripeSignature(payload, {
      timestamp: Math.floor(clock / 1000),
    });
    const answers = await Promise.all(
      Array.from({length: 4}, () =>
        deliverStripe(server.app, payload, signature)
      )
    );
    assert.deepEqual(
      answers.map((r) => r.status),
      [200, 200, 200, 200]
    );
    await server.outbox.idle();
    const webhookJob = async () =>
      (await server.store.jobs('ord_W')).find((j) => j.channel === 'webhook')!;
    assert.equal(calls.length, 1, 'one attempt, not one per delivery');
    let job = await webhookJob();
    assert.equal(job.attempts, 1);
    assert.equal(job.nextAttemptAt, new Date(clock + 5_000).toISOString());

    // Before the backoff: nothing, however often the worker runs.
    clock += 4_000;
    await Promise.all([server.outbox.run(), server.outbox.run()]);
    assert.equal(calls.length, 1);

    // After it: one attempt, and the next delay follows from the second attempt (30 s).
    clock += 2_000;
    await Promise.all([server.outbox.run(), server.outbox.run()]);
    assert.equal(calls.length, 2);
    job = await webhookJob();
    assert.equal(job.attempts, 2);
    assert.equal(job.nextAttemptAt, new Date(clock + 30_000).toISOString());
    await server.close();
  });
});
