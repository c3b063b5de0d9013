/**
 * The Stripe emulator's events on the wire: signed deliveries to a loopback receiver, checked
 * with stripe-node's own verifier, retries, and every injected fault.
 */
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import Stripe from 'stripe';
import {
  startStripeEmulator,
  type RunningStripeEmulator,
  type StripeEmulatorOptions,
} from '../../stripe/index.js';
import {
  startReceiver,
  type Delivery,
  type Receiver,
  type Reply,
} from '../receiver.js';
import {stripeClient} from './helpers.js';

const RETURN_URL = 'https://shop.example/return';
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function setup(reply?: Reply, options: StripeEmulatorOptions = {}) {
  const receiver = await startReceiver({path: '/webhooks/stripe', reply});
  const emulator = await startStripeEmulator({
    webhookUrl: receiver.url,
    retryDelaysMs: [5, 5],
    ...options,
  });
  cleanups.push(receiver.close, emulator.close);
  const stripe = client(emulator);
  return {receiver, emulator, stripe};
}

function client(
  emulator: RunningStripeEmulator,
  config: Stripe.StripeConfig = {}
) {
  return stripeClient(emulator.secretKey, emulator.port, config);
}

/** Verifies a delivery exactly as the companion server will: stripe-node's verifier. */
function verify(
  stripe: Stripe,
  emulator: RunningStripeEmulator,
  delivery: Delivery,
  receivedAt?: number
) {
  return stripe.webhooks.constructEventAsync(
    delivery.body,
    String(delivery.headers['stripe-signature']),
    emulator.webhookSecret,
    undefined,
    undefined,
    receivedAt
  );
}

function eventIds(receiver: Receiver): string[] {
  return receiver.deliveries.map(
    (d) => (JSON.parse(d.body) as {id: string}).id
  );
}

function createIntent(stripe: Stripe, options: Stripe.RequestOptions = {}) {
  return stripe.paymentIntents.create({amount: 1000, currency: 'usd'}, options);
}

describe('Stripe emulator webhooks', () => {
  it('delivers every event, signed so that constructEventAsync accepts it', async () => {
    const {receiver, emulator, stripe} = await setup();
    const intent = await stripe.paymentIntents.create({
      amount: 2000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      return_url: RETURN_URL,
    });
    await emulator.flush();

    assert.equal(receiver.deliveries.length, 3);
    const verified = await Promise.all(
      receiver.deliveries.map((d) => verify(stripe, emulator, d))
    );
    assert.deepEqual(verified.map((e) => e.type).sort(), [
      'charge.succeeded',
      'payment_intent.created',
      'payment_intent.succeeded',
    ]);
    const succeeded = verified.find(
      (e) => e.type === 'payment_intent.succeeded'
    );
    assert.equal(
      (succeeded?.data.object as Stripe.PaymentIntent).id,
      intent.id
    );
    assert.equal(succeeded?.pending_webhooks, 1);

    const [first] = receiver.deliveries;
    assert.equal(
      first.headers['content-type'],
      'application/json; charset=utf-8'
    );
    assert.equal(
      first.headers['user-agent'],
      'Stripe/1.0 (+https://stripe.com/docs/webhooks)'
    );
    assert.match(
      String(first.headers['stripe-signature']),
      /^t=\d+,v1=[0-9a-f]{64},v0=[0-9a-f]{64}$/
    );
    // Pretty-printed as Stripe sends it: only the raw bytes verify.
    assert.match(first.body, /^\{\n {2}"id": "evt_/);
    await assert.rejects(
      stripe.webhooks.constructEventAsync(
        JSON.stringify(JSON.parse(first.body)),
        String(first.headers['stripe-signature']),
        emulator.webhookSecret
      ),
      /No signatures found matching the expected signature/
    );
    await assert.rejects(
      stripe.webhooks.constructEventAsync(
        first.body,
        String(first.headers['stripe-signature']),
        'whsec_someoneElses'
      ),
      /No signatures found matching the expected signature/
    );

    const fetched = await stripe.events.retrieve(String(succeeded?.id));
    assert.equal(fetched.pending_webhooks, 0);
    const delivered = await stripe.events.list({delivery_success: true});
    assert.equal(delivered.data.length, 3);
  });

  it('answers the API without waiting for the receiver', async () => {
    const {receiver, emulator, stripe} = await setup(() => 'hang', {
      webhookTimeoutMs: 60_000,
    });
    const intent = await createIntent(stripe);
    assert.equal(intent.status, 'requires_payment_method');
    // The receiver has not answered (and never will): close() must still end everything.
    const started = Date.now();
    await emulator.close();
    assert.ok(Date.now() - started < 2_000);
    assert.equal(
      emulator.events.deliveries().every((d) => !d.ok),
      true
    );
    assert.ok(receiver.deliveries.length <= 1);
  });

  it('retries a failed delivery with a fresh timestamp and signature', async () => {
    let clock = Date.UTC(2031, 0, 1);
    const {receiver, emulator, stripe} = await setup(
      (n) => {
        clock += 7_000; // the next attempt happens "later"
        return n === 1 ? 500 : 200;
      },
      {now: () => clock}
    );
    const intent = await createIntent(stripe);
    await emulator.flush();

    assert.equal(receiver.deliveries.length, 2);
    const [failed, retried] = receiver.deliveries;
    assert.equal(failed.body, retried.body);
    const signature = (d: Delivery) => String(d.headers['stripe-signature']);
    assert.notEqual(signature(failed), signature(retried));
    const timestamp = (d: Delivery) =>
      Number(/t=(\d+)/.exec(signature(d))?.[1]);
    assert.equal(timestamp(retried) - timestamp(failed), 7);
    const event = await verify(stripe, emulator, retried, clock);
    assert.equal((event.data.object as Stripe.PaymentIntent).id, intent.id);
    // The first signature is now older than the receiver's tolerance allows.
    await assert.rejects(
      verify(stripe, emulator, failed, clock + 300_000),
      /Timestamp outside the tolerance zone/
    );

    const attempts = emulator.events.deliveries(event.id);
    assert.deepEqual(
      attempts.map((a) => [a.attempt, a.status, a.ok]),
      [
        [1, 500, false],
        [2, 200, true],
      ]
    );
  });

  it('gives up after the retry schedule and lists the event as undelivered', async () => {
    const {receiver, emulator, stripe} = await setup(() => 503);
    const intent = await createIntent(stripe);
    await emulator.flush();
    assert.equal(receiver.deliveries.length, 3); // the first attempt and two retries
    const undelivered = await stripe.events.list({delivery_success: false});
    assert.deepEqual(
      undelivered.data.map((e) => (e.data.object as Stripe.PaymentIntent).id),
      [intent.id]
    );
    assert.equal(undelivered.data[0].pending_webhooks, 1);
  });

  it('counts a timeout and a refused connection as failed attempts', async () => {
    const {receiver, emulator, stripe} = await setup(
      (n) => (n === 1 ? 'hang' : 200),
      {
        webhookTimeoutMs: 100,
      }
    );
    await createIntent(stripe);
    await emulator.flush();
    assert.equal(receiver.deliveries.length, 2);
    const [timedOut, ok] = emulator.events.deliveries();
    assert.equal(timedOut.error, 'timed out after 100 ms');
    assert.equal(ok.ok, true);

    const gone = await startReceiver({path: '/webhooks/stripe'});
    await gone.close();
    emulator.setWebhookUrl(gone.url);
    await createIntent(stripe);
    await emulator.flush();
    const refused = emulator.events.deliveries().slice(2);
    assert.equal(refused.length, 3);
    assert.ok(refused.every((a) => a.status === null && a.error !== null));
  });

  it('sends nothing while no endpoint is set', async () => {
    const {receiver, emulator, stripe} = await setup();
    emulator.setWebhookUrl(undefined);
    await createIntent(stripe);
    await emulator.flush();
    assert.equal(receiver.deliveries.length, 0);
    assert.equal(emulator.events.list()[0].pending_webhooks, 0);
  });

  it('delivers refund and dispute events with the charge and the dispute', async () => {
    const {receiver, emulator, stripe} = await setup();
    const intent = await stripe.paymentIntents.create({
      amount: 3000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      return_url: RETURN_URL,
    });
    await stripe.refunds.create({payment_intent: intent.id, amount: 1000});
    const dispute = await fetch(
      `${emulator.url}/_emulator/payment_intents/${intent.id}/dispute`,
      {
        method: 'POST',
        headers: {Authorization: `Bearer ${emulator.secretKey}`},
      }
    );
    assert.equal(dispute.status, 200);
    await emulator.flush();

    const events = await Promise.all(
      receiver.deliveries.map((d) => verify(stripe, emulator, d))
    );
    const byType = new Map(events.map((e) => [e.type, e]));
    const refunded = byType.get('charge.refunded')?.data
      .object as Stripe.Charge;
    assert.equal(refunded.payment_intent, intent.id);
    assert.equal(refunded.amount_refunded, 1000);
    assert.equal(refunded.refunded, false);
    assert.deepEqual(byType.get('charge.refunded')?.data.previous_attributes, {
      amount_refunded: 0,
      refunded: false,
    });
    assert.equal(
      (byType.get('refund.created')?.data.object as Stripe.Refund).amount,
      1000
    );
    const disputed = byType.get('charge.dispute.created')?.data
      .object as Stripe.Dispute;
    assert.equal(disputed.payment_intent, intent.id);
    assert.equal(disputed.status, 'needs_response');
  });
});

describe('Stripe emulator faults', () => {
  it('duplicates the next event, delivering both copies at once', async () => {
    const {receiver, emulator, stripe} = await setup();
    emulator.faults.duplicateNextEvents(1);
    await createIntent(stripe);
    await createIntent(stripe);
    await emulator.flush();
    const ids = eventIds(receiver);
    assert.equal(ids.length, 3);
    const events = emulator.events.list();
    assert.deepEqual(ids.filter((id) => id === events[0].id).length, 2);
    assert.deepEqual(ids.filter((id) => id === events[1].id).length, 1);
    await Promise.all(
      receiver.deliveries.map((d) => verify(stripe, emulator, d))
    );
  });

  it('drops the next event, which is still listed as undelivered', async () => {
    const {receiver, emulator, stripe} = await setup();
    emulator.faults.dropNextEvents(1);
    const dropped = await createIntent(stripe);
    await createIntent(stripe);
    await emulator.flush();
    const [droppedEvent, deliveredEvent] = emulator.events.list();
    assert.deepEqual(eventIds(receiver), [deliveredEvent.id]);
    const undelivered = await stripe.events.list({delivery_success: false});
    assert.deepEqual(
      undelivered.data.map((e) => e.id),
      [droppedEvent.id]
    );
    assert.equal(
      (undelivered.data[0].data.object as Stripe.PaymentIntent).id,
      dropped.id
    );
  });

  it('delays the next event', async () => {
    const {receiver, emulator, stripe} = await setup();
    emulator.faults.delayNextEvents(400);
    const started = Date.now();
    await createIntent(stripe);
    await createIntent(stripe);
    await emulator.flush();
    const [delayed, prompt] = emulator.events.list();
    assert.deepEqual(eventIds(receiver), [prompt.id, delayed.id]);
    assert.ok(receiver.deliveries[1].receivedAt - started >= 400);
  });

  it('holds events and releases them in reverse order', async () => {
    const {receiver, emulator, stripe} = await setup();
    emulator.faults.holdEvents();
    for (let i = 0; i < 3; i++) await createIntent(stripe);
    await emulator.flush();
    assert.equal(receiver.deliveries.length, 0);
    assert.equal(emulator.faults.snapshot().heldEvents, 3);

    assert.equal(emulator.faults.releaseEvents(), 3);
    await emulator.flush();
    const created = emulator.events.list().map((e) => e.id);
    assert.deepEqual(eventIds(receiver), created.reverse());
    await createIntent(stripe);
    await emulator.flush();
    assert.equal(receiver.deliveries.length, 4);
  });

  it('answers the next request with a 500 that is not saved for replay', async () => {
    const {emulator, stripe} = await setup();
    emulator.faults.failNextRequests(1);
    const error = await createIntent(stripe, {idempotencyKey: 'outage-1'}).then(
      () => assert.fail('expected a 500'),
      (e: Stripe.errors.StripeError) => e
    );
    assert.equal(error.type, 'StripeAPIError');
    assert.equal(error.statusCode, 500);
    assert.equal(error.rawType, 'api_error');
    assert.equal(emulator.events.list().length, 0);

    const retried = await createIntent(stripe, {idempotencyKey: 'outage-1'});
    const again = await createIntent(stripe, {idempotencyKey: 'outage-1'});
    assert.equal(again.id, retried.id);
    assert.equal(emulator.events.list('payment_intent.created').length, 1);
  });

  it('hangs a request, holding its idempotency key until close()', async () => {
    const {emulator, stripe} = await setup();
    emulator.faults.hangNextRequests(1);
    const stuck = createIntent(stripe, {idempotencyKey: 'stuck-1'}).catch(
      (e: Stripe.errors.StripeError) => e
    );
    await emulator.faults.whenHanging();

    const conflict = await createIntent(stripe, {
      idempotencyKey: 'stuck-1',
    }).then(
      () => assert.fail('expected a 409'),
      (e: Stripe.errors.StripeError) => e
    );
    assert.equal(conflict.statusCode, 409);
    assert.equal(conflict.code, 'idempotency_key_in_use');
    assert.equal(emulator.faults.snapshot().hanging, 1);

    await emulator.close();
    const released = await stuck;
    assert.ok(released instanceof Stripe.errors.StripeError);
    assert.equal(emulator.events.list().length, 0);
  });

  it('hangs a request for a while: the client times out, the retry gets the same intent', async () => {
    const {emulator} = await setup();
    const impatient = client(emulator, {timeout: 100});
    emulator.faults.hangNextRequests(1, 300);
    const timedOut = await createIntent(impatient, {
      idempotencyKey: 'slow-1',
    }).then(
      () => assert.fail('expected a timeout'),
      (e: Stripe.errors.StripeError) => e
    );
    assert.equal(timedOut.type, 'StripeConnectionError');

    await emulator.flush();
    const retried = await createIntent(impatient, {idempotencyKey: 'slow-1'});
    const created = emulator.events.list('payment_intent.created');
    assert.equal(created.length, 1);
    assert.equal(created[0].data.object.id, retried.id);
  });

  it('takes the same faults over HTTP with the secret key, and resets them', async () => {
    const {receiver, emulator, stripe} = await setup();
    const control = (
      path: string,
      body: object = {},
      key = emulator.secretKey
    ) =>
      fetch(`${emulator.url}/_emulator${path}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${key}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
      });

    assert.equal(
      (
        await control(
          '/faults/drop-events',
          {count: 1},
          emulator.publishableKey
        )
      ).status,
      401
    );
    const armed = await control('/faults/drop-events', {count: 1});
    assert.equal(armed.status, 200);
    assert.equal(((await armed.json()) as {dropEvents: number}).dropEvents, 1);
    await createIntent(stripe);
    await emulator.flush();
    assert.equal(receiver.deliveries.length, 0);

    await control('/faults/fail-requests', {count: 5});
    await control('/faults/hold-events');
    const reset = await control('/reset');
    const {faults} = (await reset.json()) as {
      faults: {failRequests: number; holding: boolean};
    };
    assert.equal(faults.failRequests, 0);
    assert.equal(faults.holding, false);
    await createIntent(stripe);
    await emulator.flush();
    assert.equal(receiver.deliveries.length, 1);

    const elsewhere = await startReceiver({path: '/webhooks/stripe'});
    cleanups.push(elsewhere.close);
    await control('/webhook-endpoint', {url: elsewhere.url});
    await control('/faults/hold-events');
    await createIntent(stripe);
    const released = await control('/faults/release-events', {
      order: 'original',
    });
    assert.equal(((await released.json()) as {released: number}).released, 1);
    await emulator.flush();
    assert.equal(elsewhere.deliveries.length, 1);
  });

  it('stops pending retries on close() so the process can exit', async () => {
    const {receiver, emulator, stripe} = await setup(() => 500, {
      retryDelaysMs: [60_000],
    });
    await createIntent(stripe);
    const started = Date.now();
    await emulator.close();
    assert.ok(Date.now() - started < 1_000);
    assert.ok(receiver.deliveries.length <= 1);
  });
});
