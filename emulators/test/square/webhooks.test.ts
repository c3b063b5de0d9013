/**
 * The Square emulator's webhooks on the wire: deliveries to a loopback receiver, each checked
 * with the SDK's `WebhooksHelper.verifySignature` (awaited: it returns a Promise) and by an
 * HMAC computed here with node:crypto; Square's envelope and headers; retries; faults; and the
 * events of refunds and disputes.
 */
import assert from 'node:assert/strict';
import {createHmac} from 'node:crypto';
import {describe, it} from 'node:test';
import {WebhooksHelper} from 'square';
import type {SquareWebhookEvent} from '../../square/index.js';
import {startReceiver, type Delivery, type Reply} from '../receiver.js';
import {
  closeAfterEach,
  key,
  money,
  paid,
  raw,
  setup,
  track,
} from './helpers.js';

closeAfterEach();

async function withReceiver(
  reply?: Reply,
  options: Parameters<typeof setup>[0] = {}
) {
  const receiver = track(
    await startReceiver<SquareWebhookEvent>({
      path: '/api/webhooks/square',
      reply,
    })
  );
  const {emulator, client} = await setup({
    webhookUrl: receiver.url,
    retryDelaysMs: [20, 40],
    ...options,
  });
  return {emulator, client, receiver};
}

const verifies = (
  delivery: Delivery,
  signatureKey: string,
  notificationUrl: string
) =>
  WebhooksHelper.verifySignature({
    requestBody: delivery.body,
    signatureHeader: String(delivery.headers['x-square-hmacsha256-signature']),
    signatureKey,
    notificationUrl,
  });

describe('Square emulator webhooks: signed like Square', () => {
  it('sends payment.created (authorized) and payment.updated (captured) for a payment, each verifiable', async () => {
    const {emulator, client, receiver} = await withReceiver();
    const payment = await paid(client, 1999);
    const deliveries = (await receiver.received(
      2
    )) as Delivery<SquareWebhookEvent>[];
    const byType = new Map(deliveries.map((d) => [d.event.type, d]));
    const created = byType.get('payment.created')!;
    const updated = byType.get('payment.updated')!;
    assert.equal(created.event.data.object.payment?.status, 'APPROVED');
    assert.equal(
      created.event.data.object.payment?.card_details.status,
      'AUTHORIZED'
    );
    assert.equal(updated.event.data.object.payment?.status, 'COMPLETED');
    assert.equal(
      updated.event.data.object.payment?.card_details.status,
      'CAPTURED'
    );
    for (const delivery of [created, updated]) {
      const event = delivery.event;
      assert.deepEqual(Object.keys(event).sort(), [
        'created_at',
        'data',
        'event_id',
        'merchant_id',
        'type',
      ]);
      assert.equal(event.merchant_id, emulator.merchantId);
      assert.match(
        event.event_id,
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
      );
      assert.deepEqual(
        [event.data.type, event.data.id],
        ['payment', payment.id]
      );
      assert.equal(
        await verifies(delivery, emulator.signatureKey, receiver.url),
        true
      );
      assert.equal(
        await verifies(delivery, 'another-key', receiver.url),
        false,
        'the key is in the MAC'
      );
      assert.equal(
        await verifies(delivery, emulator.signatureKey, `${receiver.url}/`),
        false,
        'so is the URL, byte for byte'
      );
      assert.equal(
        await verifies(
          {...delivery, body: delivery.body.replace('1999', '1998')},
          emulator.signatureKey,
          receiver.url
        ),
        false,
        'and every byte of the body'
      );
      const mac = createHmac('sha256', emulator.signatureKey)
        .update(receiver.url + delivery.body)
        .digest('base64');
      assert.equal(delivery.headers['x-square-hmacsha256-signature'], mac);
      assert.equal(delivery.headers['square-environment'], 'Sandbox');
      assert.equal(delivery.headers['content-type'], 'application/json');
      assert.ok(
        Date.parse(
          String(delivery.headers['square-initial-delivery-timestamp'])
        ) > 0
      );
      assert.equal(
        delivery.headers['square-retry-number'],
        undefined,
        'only retries carry it'
      );
    }
    assert.ok(
      updated.event.data.object.payment!.version_token !==
        created.event.data.object.payment!.version_token
    );
  });

  it('matches the SDK’s own test vector for the signature', async () => {
    const {squareSignature} = await import('../../square/index.js');
    assert.equal(
      await squareSignature(
        'signature-key',
        'https://webhook.site/webhooks',
        '{"data":{"type":"webhooks","id":"fake_id"}}'
      ),
      'W3FlCNk5IA3ZQ2LHTWoajvzfaDu/OwY2tNHIHC3IUOA='
    );
  });

  it('says Production when told to', async () => {
    const {client, receiver} = await withReceiver(undefined, {
      environment: 'Production',
    });
    await paid(client);
    const [delivery] = await receiver.received(1);
    assert.equal(delivery!.headers['square-environment'], 'Production');
  });

  it('sends refund.created (PENDING) then refund.updated (COMPLETED), and payment.updated for each', async () => {
    const {emulator, client, receiver} = await withReceiver();
    const payment = await paid(client, 1000);
    await receiver.received(2);
    const {refund} = await client.refunds.refundPayment({
      idempotencyKey: key(),
      paymentId: payment.id!,
      amountMoney: money(250),
    });
    await emulator.flush();
    const events = receiver.deliveries
      .slice(2)
      .map((d) => d.event as SquareWebhookEvent);
    const refundEvents = events.filter((e) => e.data.type === 'refund');
    assert.deepEqual(
      refundEvents
        .map((e) => [e.type, e.data.id, e.data.object.refund?.status])
        .sort(),
      [
        ['refund.created', refund!.id, 'PENDING'],
        ['refund.updated', refund!.id, 'COMPLETED'],
      ]
    );
    const paymentUpdates = events
      .filter((e) => e.type === 'payment.updated')
      .map((e) => e.data.object.payment!);
    assert.equal(paymentUpdates.length, 2);
    assert.ok(paymentUpdates.some((p) => p.refunded_money?.amount === 250));
    for (const d of receiver.deliveries)
      assert.equal(
        await verifies(d, emulator.signatureKey, receiver.url),
        true
      );
  });

  it('sends dispute.created and dispute.state.updated, with the location, from the controls', async () => {
    const {emulator, client, receiver} = await withReceiver();
    const payment = await paid(client, 1000);
    const opened = await raw(
      emulator,
      `/_emulator/payments/${payment.id}/dispute`,
      {body: {reason: 'NOT_RECEIVED'}}
    );
    assert.equal(opened.status, 200);
    const dispute = opened.body.dispute;
    assert.equal(dispute.state, 'EVIDENCE_REQUIRED');
    const moved = await raw(
      emulator,
      `/_emulator/disputes/${dispute.id}/state`,
      {body: {state: 'LOST'}}
    );
    assert.equal(moved.body.dispute.state, 'LOST');
    await emulator.flush();
    const disputes = receiver.deliveries
      .map((d) => d.event as SquareWebhookEvent)
      .filter((e) => e.data.type === 'dispute');
    assert.deepEqual(
      disputes.map((e) => [e.type, e.data.object.dispute?.state]).sort(),
      [
        ['dispute.created', 'EVIDENCE_REQUIRED'],
        ['dispute.state.updated', 'LOST'],
      ]
    );
    for (const event of disputes) {
      assert.equal(event.location_id, payment.locationId);
      assert.equal(
        event.data.object.dispute?.disputed_payment.payment_id,
        payment.id
      );
      assert.deepEqual(event.data.object.dispute?.amount_money, {
        amount: 1000,
        currency: 'USD',
      });
    }
    const {dispute: read} = await client.disputes.get({disputeId: dispute.id});
    assert.equal(read?.state, 'LOST');
    const bad = await raw(emulator, `/_emulator/disputes/${dispute.id}/state`, {
      body: {state: 'MAYBE'},
    });
    assert.equal(bad.status, 400);
  });
});

describe('Square emulator webhooks: declines and the event log', () => {
  it('sends payment.created for a declined payment, FAILED, and nothing more', async () => {
    const {emulator, client, receiver} = await withReceiver();
    const declined = await client.payments
      .create({
        sourceId: 'cnon:card-nonce-declined',
        idempotencyKey: key(),
        amountMoney: money(100),
      })
      .catch(() => undefined);
    assert.equal(declined, undefined);
    await emulator.flush();
    assert.deepEqual(
      receiver.deliveries.map((d) => {
        const event = d.event as SquareWebhookEvent;
        return [event.type, event.data.object.payment?.status];
      }),
      [['payment.created', 'FAILED']]
    );
  });

  it('lists events and delivery attempts through the controls', async () => {
    const {emulator, client, receiver} = await withReceiver();
    const payment = await paid(client);
    await receiver.received(2);
    await emulator.flush();
    const events = await raw(
      emulator,
      '/_emulator/events?type=payment.updated'
    );
    assert.equal(events.status, 200);
    assert.deepEqual(
      events.body.events.map((e: SquareWebhookEvent) => [e.type, e.data.id]),
      [['payment.updated', payment.id]]
    );
    const eventId = events.body.events[0].event_id;
    const attempts = await raw(
      emulator,
      `/_emulator/deliveries?event_id=${eventId}`
    );
    assert.deepEqual(
      attempts.body.deliveries.map(
        (a: {eventId: string; ok: boolean; url: string}) => [
          a.eventId,
          a.ok,
          a.url,
        ]
      ),
      [[eventId, true, receiver.url]]
    );
  });
});

describe('Square emulator webhooks: delivery', () => {
  it('retries a failed delivery, telling the retry number and reason, each attempt signed', async () => {
    const {emulator, client, receiver} = await withReceiver((n) =>
      n <= 2 ? 500 : 200
    );
    // Delayed capture: one event, payment.created.
    await paid(client, 1000, {autocomplete: false});
    await emulator.flush();
    const attempts = receiver.deliveries.filter(
      (d) => (d.event as SquareWebhookEvent).type === 'payment.created'
    );
    assert.equal(attempts.length, 3);
    assert.deepEqual(
      attempts.map((d) => d.headers['square-retry-number']),
      [undefined, '1', '2']
    );
    assert.deepEqual(
      attempts.map((d) => d.headers['square-retry-reason']),
      [undefined, 'http_error', 'http_error']
    );
    const initial = new Set(
      attempts.map((d) => d.headers['square-initial-delivery-timestamp'])
    );
    assert.equal(
      initial.size,
      1,
      'the initial delivery time is the first attempt’s, on every attempt'
    );
    for (const d of attempts)
      assert.equal(
        await verifies(d, emulator.signatureKey, receiver.url),
        true
      );
    const log = emulator.events.deliveries(
      attempts[0]!.event && (attempts[0]!.event as SquareWebhookEvent).event_id
    );
    assert.deepEqual(
      log.map((a) => [a.attempt, a.status, a.ok]),
      [
        [1, 500, false],
        [2, 500, false],
        [3, 200, true],
      ]
    );
  });

  it('gives up after the last retry, and says http_timeout when the receiver does not answer', async () => {
    const {emulator, client, receiver} = await withReceiver(
      (n) => (n === 1 ? 'hang' : 503),
      {
        webhookTimeoutMs: 100,
        retryDelaysMs: [10],
      }
    );
    await paid(client, 1001, {autocomplete: false});
    await emulator.flush();
    assert.equal(receiver.deliveries.length, 2);
    assert.equal(
      receiver.deliveries[1]!.headers['square-retry-reason'],
      'http_timeout'
    );
    assert.deepEqual(
      emulator.events.deliveries().map((a) => [a.status, a.ok]),
      [
        [null, false],
        [503, false],
      ]
    );
  });
});

describe('Square emulator webhooks: faults', () => {
  it('duplicates an event (same event_id twice)', async () => {
    const {emulator, client, receiver} = await withReceiver();
    emulator.faults.duplicateNextEvents(1);
    await paid(client);
    await emulator.flush();
    const ids = receiver.deliveries.map(
      (d) => (d.event as SquareWebhookEvent).event_id
    );
    assert.equal(ids.length, 3);
    assert.equal(new Set(ids).size, 2);
  });

  it('drops an event, which the emulator still lists', async () => {
    const {emulator, client, receiver} = await withReceiver();
    emulator.faults.dropNextEvents(1);
    await paid(client);
    await emulator.flush();
    assert.deepEqual(
      receiver.deliveries.map((d) => (d.event as SquareWebhookEvent).type),
      ['payment.updated']
    );
    assert.equal(emulator.events.list().length, 2);
  });

  it('holds events and releases them in reverse: payment.updated arrives before payment.created', async () => {
    const {emulator, client, receiver} = await withReceiver();
    emulator.faults.holdEvents();
    await paid(client);
    assert.equal(emulator.faults.releaseEvents('reverse'), 2);
    await emulator.flush();
    assert.deepEqual(
      receiver.deliveries.map((d) => (d.event as SquareWebhookEvent).type),
      ['payment.updated', 'payment.created']
    );
  });

  it('delays an event', async () => {
    const {emulator, client, receiver} = await withReceiver();
    emulator.faults.delayNextEvents(150, 1);
    const start = Date.now();
    await paid(client);
    await emulator.flush();
    const created = receiver.deliveries.find(
      (d) => (d.event as SquareWebhookEvent).type === 'payment.created'
    )!;
    assert.ok(created.receivedAt - start >= 140);
  });

  it('signs a delivery with the wrong key on request, which the SDK’s check refuses; the retry is good', async () => {
    const {emulator, client, receiver} = await withReceiver((n) =>
      n === 1 ? 401 : 200
    );
    const armed = await raw(emulator, '/_emulator/faults/bad-signature', {
      body: {count: 1},
    });
    assert.equal(armed.body.badSignatures, 1);
    emulator.faults.holdEvents();
    await paid(client);
    emulator.faults.releaseEvents('original');
    await emulator.flush();
    const [first, second] = receiver.deliveries;
    assert.equal(
      await verifies(first!, emulator.signatureKey, receiver.url),
      false
    );
    assert.equal(
      await verifies(second!, emulator.signatureKey, receiver.url),
      true
    );
    assert.equal(emulator.events.deliveries()[0]!.badSignature, true);
  });

  it('stops delivering when the endpoint is removed, and delivers to a new one', async () => {
    const {emulator, client, receiver} = await withReceiver();
    await raw(emulator, '/_emulator/webhook-endpoint', {body: {url: null}});
    await paid(client);
    await emulator.flush();
    assert.equal(receiver.deliveries.length, 0);
    const other = track(
      await startReceiver<SquareWebhookEvent>({path: '/hooks'})
    );
    emulator.setWebhookUrl(other.url);
    await paid(client);
    const [delivery] = await other.received(1);
    assert.equal(
      await verifies(delivery!, emulator.signatureKey, other.url),
      true
    );
  });

  it('refuses the controls without the access token', async () => {
    const {emulator} = await withReceiver();
    const answer = await raw(emulator, '/_emulator/faults', {
      headers: {Authorization: 'Bearer nope'},
    });
    assert.equal(answer.status, 401);
    assert.equal(answer.body.errors[0].code, 'UNAUTHORIZED');
  });
});
