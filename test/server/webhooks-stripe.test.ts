import assert from 'node:assert/strict';
import {createHmac} from 'node:crypto';
import {after, beforeEach, describe, it} from 'node:test';
import {
  deliverStripe,
  intentObject,
  makeServer,
  seedOrder,
  stripeEvent,
  stripeSignature,
  type TestServer,
  WEBHOOK_SECRET,
} from './helpers.js';

const succeeded = (
  orderId: string,
  intentId: string,
  fields: Record<string, unknown> = {}
) =>
  intentObject(orderId, intentId, {
    status: 'succeeded',
    amount_received: 5000,
    latest_charge: 'ch_1',
    ...fields,
  });

const charge = (intentId: string, amountRefunded: number) => ({
  id: 'ch_1',
  object: 'charge',
  amount: 5000,
  amount_refunded: amountRefunded,
  currency: 'usd',
  payment_intent: intentId,
  refunded: amountRefunded >= 5000,
});

const dispute = (intentId: string, status: string) => ({
  id: 'dp_1',
  object: 'dispute',
  amount: 5000,
  currency: 'usd',
  charge: 'ch_1',
  payment_intent: intentId,
  reason: 'fraudulent',
  status,
});

describe('POST /api/webhooks/stripe', () => {
  let server: TestServer;
  let now = Date.now();
  beforeEach(async () => {
    now = Date.now();
    server = await makeServer({now: () => new Date(now)});
    await seedOrder(server.store, 'ord_A', 'pi_A');
  });
  after(() => server.close());

  const status = async (id = 'ord_A') => (await server.store.get(id))!.status;

  describe('verification', () => {
    it('applies a correctly signed event', async () => {
      const res = await deliverStripe(
        server.app,
        stripeEvent('payment_intent.succeeded', succeeded('ord_A', 'pi_A'))
      );
      assert.equal(res.status, 200);
      assert.equal(await status(), 'paid');
      assert.equal((await server.settled()).length, 1);
    });

    it('refuses a tampered body: one byte, reformatted whitespace, keys reordered by a JSON round trip', async () => {
      const payload = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      const signature = stripeSignature(payload);
      const tampered = [
        payload.replace('"amount_received":5000', '"amount_received":5001'),
        JSON.stringify(JSON.parse(payload), null, 2),
        JSON.stringify(
          Object.fromEntries(Object.entries(JSON.parse(payload)).reverse())
        ),
      ];
      for (const body of tampered) {
        const res = await deliverStripe(server.app, body, signature);
        assert.equal(res.status, 400);
        assert.equal((await res.json()).error.code, 'invalid_signature');
      }
      assert.equal(await status(), 'pending');
    });

    it('refuses a signature made with another secret, or with the secret plus a newline', async () => {
      const payload = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      for (const secret of ['whsec_someone_else', `${WEBHOOK_SECRET}\n`]) {
        const res = await deliverStripe(
          server.app,
          payload,
          stripeSignature(payload, {secret})
        );
        assert.equal(res.status, 400);
      }
      assert.equal(await status(), 'pending');
    });

    it('refuses a missing, empty or malformed Stripe-Signature header, and a v0-only one', async () => {
      const payload = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      const t = Math.floor(now / 1000);
      const v1 = createHmac('sha256', WEBHOOK_SECRET)
        .update(`${t}.${payload}`)
        .digest('hex');
      const noHeader = await server.app.request('/api/webhooks/stripe', {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: payload,
      });
      assert.equal(noHeader.status, 400);
      for (const header of [
        '',
        `v1=${v1}`,
        `t=${t}`,
        `t=${t},v0=${v1}`,
        'garbage',
        `t=abc,v1=${v1}`,
      ]) {
        const res = await deliverStripe(server.app, payload, header);
        assert.equal(res.status, 400, `header "${header}"`);
      }
      assert.equal(await status(), 'pending');
    });

    it('accepts a header with several v1 signatures when one is right (secret rolling)', async () => {
      const payload = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      const t = Math.floor(now / 1000);
      const good = createHmac('sha256', WEBHOOK_SECRET)
        .update(`${t}.${payload}`)
        .digest('hex');
      const bad = createHmac('sha256', 'whsec_old')
        .update(`${t}.${payload}`)
        .digest('hex');
      assert.equal(
        (
          await deliverStripe(
            server.app,
            payload,
            `t=${t},v1=${bad},v1=${bad.replace(/^./, '0')}`
          )
        ).status,
        400
      );
      assert.equal(
        (
          await deliverStripe(
            server.app,
            payload,
            `t=${t},v1=${bad},v1=${good}`
          )
        ).status,
        200
      );
      assert.equal(await status(), 'paid');
    });

    it('refuses a timestamp older than 300 s, and accepts one just inside', async () => {
      const payload = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      const t = Math.floor(now / 1000);
      const stale = await deliverStripe(
        server.app,
        payload,
        stripeSignature(payload, {timestamp: t - 301})
      );
      assert.equal(stale.status, 400);
      assert.equal(await status(), 'pending');
      const fresh = await deliverStripe(
        server.app,
        payload,
        stripeSignature(payload, {timestamp: t - 299})
      );
      assert.equal(fresh.status, 200);
      assert.equal(await status(), 'paid');
    });

    it('refuses a timestamp more than 300 s in the future (stripe-node would accept it), and accepts clock skew inside that', async () => {
      const payload = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      const ahead = await deliverStripe(
        server.app,
        payload,
        stripeSignature(payload, {timestamp: Math.floor(now / 1000) + 600})
      );
      assert.equal(ahead.status, 400);
      assert.equal(await status(), 'pending');
      const res = await deliverStripe(
        server.app,
        payload,
        stripeSignature(payload, {timestamp: Math.floor(now / 1000) + 60})
      );
      assert.equal(res.status, 200);
    });

    it('answers a replayed delivery 200 and applies it once', async () => {
      const payload = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      const signature = stripeSignature(payload);
      assert.equal(
        (await deliverStripe(server.app, payload, signature)).status,
        200
      );
      const replay = await deliverStripe(server.app, payload, signature);
      assert.equal(replay.status, 200);
      assert.equal((await replay.json()).outcome, 'duplicate');
      // Stripe's own retry: the same event id, a new timestamp and signature.
      const retry = await deliverStripe(
        server.app,
        payload,
        stripeSignature(payload, {timestamp: Math.floor(now / 1000) + 5})
      );
      assert.equal((await retry.json()).outcome, 'duplicate');
      assert.equal((await server.settled()).length, 1);
    });

    it('refuses a body over 256 KB with 413 before reading it, with or without Content-Length', async () => {
      const big = stripeEvent('payment_intent.succeeded', {
        ...succeeded('ord_A', 'pi_A'),
        padding: 'x'.repeat(300_000),
      });
      const res = await deliverStripe(server.app, big);
      assert.equal(res.status, 413);
      assert.equal((await res.json()).error.code, 'payload_too_large');
      const chunked = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      });
      const streamed = await server.app.request('/api/webhooks/stripe', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'stripe-signature': stripeSignature(big),
        },
        body: chunked,
        duplex: 'half',
      } as RequestInit);
      assert.equal(streamed.status, 413);
      assert.equal(await status(), 'pending');
    });

    it('answers 400, not 500, to a correctly signed body that is not JSON', async () => {
      const payload = 'this is not json';
      const res = await deliverStripe(server.app, payload);
      assert.equal(res.status, 400);
    });

    it('verifies the exact bytes: escapes and odd spacing still verify', async () => {
      const object = succeeded('ord_A', 'pi_A');
      const payload = stripeEvent('payment_intent.succeeded', object).replace(
        '"livemode":false',
        '"livemode" :  false ,"note":"caf\\u00e9"'
      );
      const res = await deliverStripe(server.app, payload);
      assert.equal(res.status, 200);
      assert.equal(await status(), 'paid');
    });

    it('verifies bytes whatever the Content-Type, and refuses GET', async () => {
      const payload = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      const res = await server.app.request('/api/webhooks/stripe', {
        method: 'POST',
        headers: {
          'content-type': 'text/plain',
          'stripe-signature': stripeSignature(payload),
        },
        body: payload,
      });
      assert.equal(res.status, 200);
      const get = await server.app.request('/api/webhooks/stripe');
      assert.equal(get.status, 404);
    });
  });

  describe('event semantics', () => {
    it('marks paid once when the same event arrives twice at the same moment', async () => {
      const payload = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      const results = await Promise.all([
        deliverStripe(server.app, payload),
        deliverStripe(server.app, payload),
      ]);
      assert.deepEqual(
        results.map((r) => r.status),
        [200, 200]
      );
      const outcomes = await Promise.all(
        results.map(async (r) => (await r.json()).outcome)
      );
      assert.deepEqual(outcomes.sort(), ['applied', 'duplicate']);
      assert.equal((await server.settled()).length, 1);
    });

    it('fulfils once when two different events both report the payment concurrently', async () => {
      const first = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      const second = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      await Promise.all([
        deliverStripe(server.app, first),
        deliverStripe(server.app, second),
      ]);
      assert.equal((await server.settled()).length, 1);
    });

    it('never moves a paid order back: late processing or payment_failed', async () => {
      await deliverStripe(
        server.app,
        stripeEvent('payment_intent.succeeded', succeeded('ord_A', 'pi_A'))
      );
      await deliverStripe(
        server.app,
        stripeEvent(
          'payment_intent.processing',
          intentObject('ord_A', 'pi_A', {status: 'processing'})
        )
      );
      await deliverStripe(
        server.app,
        stripeEvent(
          'payment_intent.payment_failed',
          intentObject('ord_A', 'pi_A')
        )
      );
      await deliverStripe(
        server.app,
        stripeEvent(
          'payment_intent.canceled',
          intentObject('ord_A', 'pi_A', {status: 'canceled'})
        )
      );
      assert.equal(await status(), 'paid');
    });

    it('goes failed → paid when the buyer retries the same intent', async () => {
      await deliverStripe(
        server.app,
        stripeEvent(
          'payment_intent.payment_failed',
          intentObject('ord_A', 'pi_A')
        )
      );
      assert.equal(await status(), 'failed');
      await deliverStripe(
        server.app,
        stripeEvent('payment_intent.succeeded', succeeded('ord_A', 'pi_A'))
      );
      assert.equal(await status(), 'paid');
    });

    it('marks processing for an asynchronous method, then paid', async () => {
      await deliverStripe(
        server.app,
        stripeEvent(
          'payment_intent.processing',
          intentObject('ord_A', 'pi_A', {status: 'processing'})
        )
      );
      assert.equal(await status(), 'processing');
      assert.equal((await server.settled()).length, 0);
      await deliverStripe(
        server.app,
        stripeEvent('payment_intent.succeeded', succeeded('ord_A', 'pi_A'))
      );
      assert.equal(await status(), 'paid');
    });

    it('ignores events about another intent than the order’s current one', async () => {
      // A stale failure from an earlier attempt, and a spoofed metadata.order_id.
      await deliverStripe(
        server.app,
        stripeEvent(
          'payment_intent.payment_failed',
          intentObject('ord_A', 'pi_OLD')
        )
      );
      assert.equal(await status(), 'pending');
      await deliverStripe(
        server.app,
        stripeEvent('payment_intent.succeeded', succeeded('ord_A', 'pi_OTHER'))
      );
      assert.equal(await status(), 'pending');
      assert.equal((await server.settled()).length, 0);
    });

    it('sends an amount mismatch to needs_review, never paid', async () => {
      await deliverStripe(
        server.app,
        stripeEvent(
          'payment_intent.succeeded',
          succeeded('ord_A', 'pi_A', {amount_received: 4000})
        )
      );
      const order = (await server.store.get('ord_A'))!;
      assert.equal(order.status, 'needs_review');
      assert.match(order.reviewReason!, /4000/);
      assert.equal((await server.settled()).length, 0);
    });

    it('sends a currency mismatch to needs_review', async () => {
      await deliverStripe(
        server.app,
        stripeEvent(
          'payment_intent.succeeded',
          succeeded('ord_A', 'pi_A', {currency: 'eur'})
        )
      );
      assert.equal(await status(), 'needs_review');
    });

    it('ignores an intent we did not create, with 200', async () => {
      const foreign = {...succeeded('x', 'pi_X'), metadata: {}};
      const res = await deliverStripe(
        server.app,
        stripeEvent('payment_intent.succeeded', foreign)
      );
      assert.equal(res.status, 200);
      assert.equal((await res.json()).outcome, 'ignored');
      const unknown = await deliverStripe(
        server.app,
        stripeEvent('payment_intent.succeeded', succeeded('ord_nope', 'pi_X'))
      );
      assert.equal(unknown.status, 200);
    });

    it('records full and partial refunds, each refund once', async () => {
      await deliverStripe(
        server.app,
        stripeEvent('payment_intent.succeeded', succeeded('ord_A', 'pi_A'))
      );
      const partial = stripeEvent('charge.refunded', charge('pi_A', 1500));
      await deliverStripe(server.app, partial);
      let order = (await server.store.get('ord_A'))!;
      assert.deepEqual(
        [order.status, order.amountRefunded],
        ['partially_refunded', 1500]
      );
      await deliverStripe(server.app, partial);
      // An older, smaller cumulative total arriving late changes nothing.
      await deliverStripe(
        server.app,
        stripeEvent('charge.refunded', charge('pi_A', 1000))
      );
      order = (await server.store.get('ord_A'))!;
      assert.deepEqual(
        [order.status, order.amountRefunded],
        ['partially_refunded', 1500]
      );
      await deliverStripe(
        server.app,
        stripeEvent('charge.refunded', charge('pi_A', 5000))
      );
      order = (await server.store.get('ord_A'))!;
      assert.deepEqual(
        [order.status, order.amountRefunded],
        ['refunded', 5000]
      );
    });

    it('records a refund that arrives before the payment without marking it paid', async () => {
      await deliverStripe(
        server.app,
        stripeEvent('charge.refunded', charge('pi_A', 1500))
      );
      let order = (await server.store.get('ord_A'))!;
      assert.deepEqual([order.status, order.amountRefunded], ['pending', 1500]);
      await deliverStripe(
        server.app,
        stripeEvent('payment_intent.succeeded', succeeded('ord_A', 'pi_A'))
      );
      order = (await server.store.get('ord_A'))!;
      assert.equal(order.status, 'partially_refunded');
    });

    it('marks a dispute, idempotently, and records its outcome', async () => {
      await deliverStripe(
        server.app,
        stripeEvent('payment_intent.succeeded', succeeded('ord_A', 'pi_A'))
      );
      const created = stripeEvent(
        'charge.dispute.created',
        dispute('pi_A', 'needs_response')
      );
      await deliverStripe(server.app, created);
      await deliverStripe(server.app, created);
      let order = (await server.store.get('ord_A'))!;
      assert.deepEqual(
        [order.status, order.disputeStatus],
        ['disputed', 'needs_response']
      );
      await deliverStripe(
        server.app,
        stripeEvent('charge.dispute.closed', dispute('pi_A', 'won'))
      );
      order = (await server.store.get('ord_A'))!;
      assert.deepEqual([order.status, order.disputeStatus], ['paid', 'won']);
      assert.equal((await server.settled()).length, 1);
    });

    it('keeps a lost dispute marked disputed', async () => {
      await deliverStripe(
        server.app,
        stripeEvent('payment_intent.succeeded', succeeded('ord_A', 'pi_A'))
      );
      await deliverStripe(
        server.app,
        stripeEvent('charge.dispute.created', dispute('pi_A', 'needs_response'))
      );
      await deliverStripe(
        server.app,
        stripeEvent('charge.dispute.closed', dispute('pi_A', 'lost'))
      );
      const order = (await server.store.get('ord_A'))!;
      assert.deepEqual(
        [order.status, order.disputeStatus],
        ['disputed', 'lost']
      );
    });

    it('answers 200 to an event type it does not handle, and changes nothing', async () => {
      const res = await deliverStripe(
        server.app,
        stripeEvent('customer.created', {id: 'cus_1', object: 'customer'})
      );
      assert.equal(res.status, 200);
      assert.equal((await res.json()).outcome, 'ignored');
      assert.equal(await status(), 'pending');
    });

    it('keeps the order paid when the fulfilment hook fails, and retries the hook until it succeeds, once', async () => {
      let calls = 0;
      let clock = Date.now();
      const failing = await makeServer({
        now: () => new Date(clock),
        onOrderPaid: () => {
          calls += 1;
          if (calls === 1) throw new Error('warehouse API down');
        },
      });
      await seedOrder(failing.store, 'ord_B', 'pi_B');
      const payload = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_B', 'pi_B')
      );
      const first = await deliverStripe(failing.app, payload);
      // Stripe is told the event was applied: the money was received whatever the hook did.
      assert.equal(first.status, 200);
      await failing.outbox.idle();
      assert.equal(calls, 1);
      assert.equal((await failing.store.get('ord_B'))!.status, 'paid');
      const [job] = await failing.store.jobs('ord_B');
      assert.deepEqual(
        [job.kind, job.attempts, job.doneAt, job.lastError],
        ['hook:order.paid', 1, undefined, 'warehouse API down']
      );

      // A duplicate delivery before the retry is due changes nothing.
      await deliverStripe(failing.app, payload);
      await failing.outbox.idle();
      assert.equal(calls, 1);

      clock += 6_000;
      await failing.outbox.run();
      assert.equal(calls, 2);
      assert.ok((await failing.store.get('ord_B'))!.fulfilledAt);
      clock += 3_600_000;
      await failing.outbox.run();
      assert.equal(calls, 2);
      await failing.close();
    });
  });

  it('answers 503, never 200, when Stripe is not configured', async () => {
    const bare = await makeServer({stripe: undefined});
    const res = await deliverStripe(
      bare.app,
      stripeEvent('payment_intent.succeeded', succeeded('ord_A', 'pi_A'))
    );
    assert.equal(res.status, 503);
    await bare.close();
  });
});
