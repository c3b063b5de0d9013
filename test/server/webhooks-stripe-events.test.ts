import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  deliverStripe,
  intentObject,
  makeServer,
  seedOrder,
  stripeEvent,
} from './helpers.js';
import {
  server,
  status,
  succeeded,
  useSeededServer,
} from './webhooks-stripe-helpers.js';

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
  useSeededServer();

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
