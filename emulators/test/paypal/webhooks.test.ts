/**
 * The PayPal emulator's webhooks on the wire: deliveries to a loopback receiver, each verified
 * here independently of the emulator's code (webhook-helpers.ts), plus retries and faults.
 * The capture-event controls: webhook-captures.test.ts; the postback verification endpoint:
 * notifications.test.ts.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  startPaypalEmulator,
  type RunningPaypalEmulator,
} from '../../paypal/index.js';
import {
  api,
  certificate,
  cleanups,
  closeAfterEach,
  crc32,
  paidOrder,
  setup,
  startReceiver,
  verifies,
} from './webhook-helpers.js';

closeAfterEach();

describe('PayPal emulator webhooks: signed like PayPal', () => {
  it('sends CHECKOUT.ORDER.APPROVED and PAYMENT.CAPTURE.COMPLETED, each verifiable offline', async () => {
    const {emulator, receiver} = await setup();
    const {orderId, captureId} = await paidOrder(emulator);
    // Deliveries run concurrently: PayPal promises no order either.
    const deliveries = await receiver.received(2);
    const approved = deliveries.find(
      (d) => d.event.event_type === 'CHECKOUT.ORDER.APPROVED'
    );
    const completed = deliveries.find(
      (d) => d.event.event_type === 'PAYMENT.CAPTURE.COMPLETED'
    );
    assert.ok(approved && completed);
    for (const delivery of [approved!, completed!]) {
      assert.equal(await verifies(delivery, emulator.webhookId), true);
      assert.equal(
        await verifies(delivery, 'SOMEOTHERWEBHOOK'),
        false,
        'the webhook id is part of it'
      );
      assert.equal(
        await verifies(
          {...delivery, body: delivery.body.replace('19.99', '19.98')},
          emulator.webhookId
        ),
        false,
        'so is every byte of the body'
      );
      const h = delivery.headers;
      assert.match(
        String(h['paypal-transmission-id']),
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
      );
      assert.match(
        String(h['paypal-transmission-time']),
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/
      );
      assert.equal(h['content-type'], 'application/json');
    }

    const event = completed!.event;
    assert.deepEqual(Object.keys(event), [
      'id',
      'event_version',
      'create_time',
      'resource_type',
      'resource_version',
      'event_type',
      'summary',
      'resource',
      'links',
    ]);
    assert.match(event.id, /^WH-[A-Z0-9]{17}-[A-Z0-9]{17}$/);
    assert.equal(event.event_version, '1.0');
    assert.equal(event.resource_version, '2.0');
    assert.equal(event.resource_type, 'capture');
    assert.equal(event.summary, 'Payment completed for 19.99 USD');
    const resource = event.resource as {
      id: string;
      status: string;
      custom_id: string;
      invoice_id: string;
      amount: unknown;
      supplementary_data: {related_ids: {order_id: string}};
    };
    assert.equal(resource.id, captureId);
    assert.equal(resource.status, 'COMPLETED');
    assert.equal(resource.custom_id, 'order_42');
    assert.equal(resource.invoice_id, 'INV-42');
    assert.deepEqual(resource.amount, {currency_code: 'USD', value: '19.99'});
    assert.deepEqual(resource.supplementary_data, {
      related_ids: {order_id: orderId},
    });
    assert.deepEqual(
      event.links.map((l) => [l.rel, l.method, new URL(l.href).pathname]),
      [
        ['self', 'GET', `/v1/notifications/webhooks-events/${event.id}`],
        [
          'resend',
          'POST',
          `/v1/notifications/webhooks-events/${event.id}/resend`,
        ],
      ]
    );
    assert.equal(
      (approved!.event.resource as {id: string; status: string}).status,
      'APPROVED'
    );
  });

  it('names a certificate on its own origin: X.509, CN messageverificationcerts.paypal.com, valid now', async () => {
    const {emulator, receiver} = await setup();
    await paidOrder(emulator);
    const [delivery] = await receiver.received(1);
    const certUrl = new URL(String(delivery!.headers['paypal-cert-url']));
    assert.equal(certUrl.origin, emulator.url);
    assert.match(
      certUrl.pathname,
      /^\/v1\/notifications\/certs\/CERT-emulator-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/
    );
    assert.equal(certUrl.toString(), emulator.certUrl());
    const cert = await certificate(certUrl.toString());
    assert.match(cert.subject, /^CN=messageverificationcerts\.paypal\.com$/m);
    assert.equal(cert.issuer, cert.subject, 'self-signed');
    assert.equal(cert.verify(cert.publicKey), true);
    const now = Date.now();
    assert.ok(
      Date.parse(cert.validFrom) <= now - 23 * 3600_000,
      'valid since yesterday'
    );
    assert.ok(Date.parse(cert.validTo) >= now + 364 * 86_400_000, 'for a year');
    assert.equal(cert.publicKey.asymmetricKeyType, 'rsa');
    assert.equal(
      await emulator.certificate(),
      await (await fetch(certUrl)).text()
    );
    assert.equal(
      (await fetch(`${emulator.url}/v1/notifications/certs/CERT-unknown`))
        .status,
      404
    );
  });

  it('verifies a body whose CRC-32 is 2^31 or more (only as an unsigned decimal)', async () => {
    const {emulator, receiver} = await setup();
    const {captureId} = await paidOrder(emulator);
    // Every event has fresh random ids, so its CRC is as good as random: keep going until both
    // halves of the range have been signed and checked.
    for (let sent = 2; ; sent++) {
      const deliveries = await receiver.received(sent);
      const crcs = deliveries.map((d) => crc32(Buffer.from(d.body, 'utf8')));
      if (crcs.some((c) => c >= 2 ** 31) && crcs.some((c) => c < 2 ** 31))
        break;
      assert.ok(sent < 64, 'a CRC on each side of 2^31 within 64 events');
      emulator.triggerCaptureEvent(captureId, 'completed');
    }
    const signedInt32 = (body: Uint8Array) => crc32(body) | 0;
    for (const delivery of receiver.deliveries) {
      assert.equal(await verifies(delivery, emulator.webhookId), true);
      const high = crc32(Buffer.from(delivery.body, 'utf8')) >= 2 ** 31;
      assert.equal(
        await verifies(delivery, emulator.webhookId, signedInt32),
        !high,
        'a signed CRC only matches below 2^31'
      );
    }
  });
});

describe('PayPal emulator webhooks: delivery', () => {
  it('retries a failed delivery on schedule, signing each attempt afresh', async () => {
    const {emulator, receiver} = await setup({
      retryDelaysMs: [5, 5],
      reply: (n) => (n === 1 ? 500 : n === 2 ? 503 : 200),
    });
    emulator.approve(
      (
        await api(emulator, '/v2/checkout/orders', {
          intent: 'CAPTURE',
          purchase_units: [{amount: {currency_code: 'USD', value: '1.00'}}],
        })
      ).body.id
    );
    const attempts = await receiver.received(3);
    await emulator.flush();
    assert.equal(new Set(attempts.map((a) => a.event.id)).size, 1, 'one event');
    assert.equal(
      new Set(attempts.map((a) => a.headers['paypal-transmission-id'])).size,
      3
    );
    assert.equal(
      new Set(attempts.map((a) => a.headers['paypal-transmission-sig'])).size,
      3
    );
    for (const attempt of attempts)
      assert.equal(await verifies(attempt, emulator.webhookId), true);
    const log = emulator.events.deliveries();
    assert.deepEqual(
      log.map((a) => [a.attempt, a.status, a.ok]),
      [
        [1, 500, false],
        [2, 503, false],
        [3, 200, true],
      ]
    );
    assert.deepEqual(
      log.map((a) => a.transmissionId),
      attempts.map((a) => a.headers['paypal-transmission-id'])
    );
  });

  it('gives up after the last retry', async () => {
    const {emulator, receiver} = await setup({
      retryDelaysMs: [1, 1],
      reply: () => 500,
    });
    await paidOrder(emulator);
    await emulator.flush();
    assert.equal(
      receiver.deliveries.length,
      6,
      'two events, three attempts each'
    );
    assert.deepEqual(
      emulator.events.deliveries().map((a) => a.ok),
      [false, false, false, false, false, false]
    );
  });

  it('close() stops waiting retries', async () => {
    const {emulator, receiver} = await setup({
      retryDelaysMs: [60_000],
      reply: () => 500,
    });
    await paidOrder(emulator);
    await receiver.received(2);
    await emulator.close();
    await emulator.flush();
    assert.equal(receiver.deliveries.length, 2);
  });

  it('sends to a URL set later, over HTTP too', async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const emulator = await startPaypalEmulator({retryDelaysMs: []});
    cleanups.push(() => emulator.close());
    const set = await fetch(`${emulator.url}/_emulator/webhook-endpoint`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${btoa(`${emulator.clientId}:${emulator.clientSecret}`)}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({url: receiver.url}),
    });
    assert.equal(set.status, 200);
    await paidOrder(emulator);
    assert.equal((await receiver.received(2)).length, 2);
  });
});

describe('PayPal emulator webhooks: faults', () => {
  async function twoEvents(emulator: RunningPaypalEmulator) {
    const created = await api(emulator, '/v2/checkout/orders', {
      intent: 'CAPTURE',
      purchase_units: [{amount: {currency_code: 'USD', value: '5.00'}}],
    });
    emulator.approve(created.body.id);
    await api(emulator, `/v2/checkout/orders/${created.body.id}/capture`, {});
    return emulator.events.list().map((e) => e.event_type);
  }

  it('duplicates: the same event twice, each transmission signed on its own', async () => {
    const {emulator, receiver} = await setup();
    emulator.faults.duplicateNextEvents(1);
    await twoEvents(emulator);
    const deliveries = await receiver.received(3);
    await emulator.flush();
    const approved = deliveries.filter(
      (d) => d.event.event_type === 'CHECKOUT.ORDER.APPROVED'
    );
    assert.equal(approved.length, 2);
    assert.equal(approved[0]!.event.id, approved[1]!.event.id);
    assert.notEqual(
      approved[0]!.headers['paypal-transmission-id'],
      approved[1]!.headers['paypal-transmission-id']
    );
    for (const d of approved)
      assert.equal(await verifies(d, emulator.webhookId), true);
  });

  it('drops: the event is listed but never delivered', async () => {
    const {emulator, receiver} = await setup();
    emulator.faults.dropNextEvents(1);
    const types = await twoEvents(emulator);
    await emulator.flush();
    assert.deepEqual(types, [
      'CHECKOUT.ORDER.APPROVED',
      'PAYMENT.CAPTURE.COMPLETED',
    ]);
    assert.deepEqual(
      receiver.deliveries.map((d) => d.event.event_type),
      ['PAYMENT.CAPTURE.COMPLETED']
    );
  });

  it('delays: the next event is delivered that much later', async () => {
    const {emulator, receiver} = await setup();
    emulator.faults.delayNextEvents(200, 1);
    const created = await api(emulator, '/v2/checkout/orders', {
      intent: 'CAPTURE',
      purchase_units: [{amount: {currency_code: 'USD', value: '5.00'}}],
    });
    const emittedAt = Date.now();
    emulator.approve(created.body.id);
    const [delivery] = await receiver.received(1);
    assert.ok(Date.now() - emittedAt >= 200);
    assert.equal(delivery!.event.event_type, 'CHECKOUT.ORDER.APPROVED');
    assert.equal(emulator.faults.snapshot().delayEvents.remaining, 0);
  });

  it('holds events and releases them in reverse, armed over HTTP', async () => {
    const {emulator, receiver} = await setup();
    const control = (name: string, body: object = {}) =>
      fetch(`${emulator.url}/_emulator/faults/${name}`, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${btoa(`${emulator.clientId}:${emulator.clientSecret}`)}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<Record<string, unknown>>);
    assert.equal((await control('hold-events')).holding, true);
    await twoEvents(emulator);
    await emulator.flush();
    assert.equal(receiver.deliveries.length, 0);
    assert.equal(emulator.faults.snapshot().heldEvents, 2);
    assert.equal(
      (await control('release-events', {order: 'reverse'})).released,
      2
    );
    const deliveries = await receiver.received(2);
    assert.deepEqual(
      deliveries.map((d) => d.event.event_type),
      ['PAYMENT.CAPTURE.COMPLETED', 'CHECKOUT.ORDER.APPROVED']
    );
  });
});
