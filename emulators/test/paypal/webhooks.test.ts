/**
 * The PayPal emulator's webhooks on the wire: deliveries to a loopback receiver, each verified
 * here independently of the emulator's code — the certificate fetched from `paypal-cert-url`,
 * parsed by node:crypto, and the RSA-SHA256 signature checked over
 * `transmissionId|transmissionTime|webhookId|crc32(body)` with a CRC-32 written in this file —
 * plus retries, faults, the capture-event controls and the postback verification endpoint.
 */
import assert from 'node:assert/strict';
import {X509Certificate, verify} from 'node:crypto';
import {afterEach, describe, it} from 'node:test';
import {
  startPaypalEmulator,
  type PaypalWebhookEvent,
  type RunningPaypalEmulator,
  type PaypalEmulatorOptions,
} from '../../paypal/index.js';
import {
  startReceiver as startAnyReceiver,
  type Delivery as AnyDelivery,
  type Receiver as AnyReceiver,
  type Reply,
} from '../receiver.js';
import {serverCall} from './helpers.js';

type Delivery = AnyDelivery<PaypalWebhookEvent>;
type Receiver = AnyReceiver<PaypalWebhookEvent>;

/** A webhook endpoint where the companion server has its own. */
function startReceiver(reply?: Reply): Promise<Receiver> {
  return startAnyReceiver<PaypalWebhookEvent>({
    path: '/api/webhooks/paypal',
    reply,
  });
}

/** CRC-32 (IEEE), bit by bit: unsigned, as PayPal's message needs. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++)
      crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const certificates = new Map<string, X509Certificate>();

async function certificate(url: string): Promise<X509Certificate> {
  let cert = certificates.get(url);
  if (!cert) {
    const response = await fetch(url);
    assert.equal(response.status, 200);
    cert = new X509Certificate(await response.text());
    certificates.set(url, cert);
  }
  return cert;
}

/** The receiver's check, as the companion server makes it (offline verification). */
async function verifies(
  delivery: Delivery,
  webhookId: string,
  crc: (body: Uint8Array) => number = crc32
): Promise<boolean> {
  const h = delivery.headers;
  assert.equal(h['paypal-auth-algo'], 'SHA256withRSA');
  const cert = await certificate(String(h['paypal-cert-url']));
  const message = `${h['paypal-transmission-id']}|${h['paypal-transmission-time']}|${webhookId}|${crc(
    Buffer.from(delivery.body, 'utf8')
  )}`;
  return verify(
    'RSA-SHA256',
    Buffer.from(message, 'utf8'),
    cert.publicKey,
    Buffer.from(String(h['paypal-transmission-sig']), 'base64')
  );
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(
  options: PaypalEmulatorOptions & {reply?: Reply} = {}
): Promise<{emulator: RunningPaypalEmulator; receiver: Receiver}> {
  const receiver = await startReceiver(options.reply);
  cleanups.push(() => receiver.close());
  const emulator = await startPaypalEmulator({
    webhookUrl: receiver.url,
    retryDelaysMs: [],
    ...options,
  });
  cleanups.push(() => emulator.close());
  return {emulator, receiver};
}

function api(
  emulator: RunningPaypalEmulator,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
) {
  return serverCall(emulator, path, body, headers);
}

/** An order the buyer approved, then captured: `{orderId, captureId}`. */
async function paidOrder(emulator: RunningPaypalEmulator, value = '19.99') {
  const created = await api(emulator, '/v2/checkout/orders', {
    intent: 'CAPTURE',
    purchase_units: [
      {
        custom_id: 'order_42',
        invoice_id: 'INV-42',
        amount: {currency_code: 'USD', value},
      },
    ],
  });
  emulator.approve(created.body.id);
  const captured = await api(
    emulator,
    `/v2/checkout/orders/${created.body.id}/capture`,
    {}
  );
  assert.equal(captured.status, 201);
  return {
    orderId: created.body.id as string,
    captureId: captured.body.purchase_units[0].payments.captures[0]
      .id as string,
  };
}

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

describe('PayPal emulator webhooks: what happens to a capture later', () => {
  async function trigger(
    emulator: RunningPaypalEmulator,
    captureId: string,
    event: string,
    body: object = {}
  ) {
    const response = await fetch(
      `${emulator.url}/_emulator/captures/${captureId}/${event}`,
      {
        method: 'POST',
        headers: {
          Authorization: `Basic ${btoa(`${emulator.clientId}:${emulator.clientSecret}`)}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
      }
    );
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return {status: response.status, body: (await response.json()) as any};
  }

  it('PENDING, then COMPLETED; DENIED', async () => {
    const {emulator, receiver} = await setup();
    const {orderId, captureId} = await paidOrder(emulator);
    const pending = await trigger(emulator, captureId, 'pending');
    assert.equal(pending.body.event_type, 'PAYMENT.CAPTURE.PENDING');
    assert.equal(pending.body.resource.status, 'PENDING');
    assert.deepEqual(pending.body.resource.status_details, {
      reason: 'PENDING_REVIEW',
    });
    const completed = await trigger(emulator, captureId, 'completed');
    assert.equal(completed.body.resource.status, 'COMPLETED');
    const denied = await trigger(emulator, captureId, 'denied');
    assert.equal(denied.body.event_type, 'PAYMENT.CAPTURE.DENIED');
    assert.equal(denied.body.resource.status, 'DECLINED');
    assert.equal(
      denied.body.resource.supplementary_data.related_ids.order_id,
      orderId
    );
    const deliveries = await receiver.received(5);
    for (const d of deliveries)
      assert.equal(await verifies(d, emulator.webhookId), true);
    assert.equal(
      emulator.order(orderId)?.purchase_units?.[0]?.payments?.captures?.[0]
        ?.status,
      'DECLINED'
    );
  });

  it('REFUNDED: a refund resource linked to the capture; partly, then the rest', async () => {
    const {emulator} = await setup();
    const {orderId, captureId} = await paidOrder(emulator, '20.00');
    const partial = await trigger(emulator, captureId, 'refunded', {
      amount: '5.00',
    });
    assert.equal(partial.status, 200);
    const event = partial.body;
    assert.equal(event.event_type, 'PAYMENT.CAPTURE.REFUNDED');
    assert.equal(event.resource_type, 'refund');
    assert.equal(event.resource.status, 'COMPLETED');
    assert.deepEqual(event.resource.amount, {
      currency_code: 'USD',
      value: '5.00',
    });
    assert.equal(event.resource.custom_id, 'order_42');
    const up = event.resource.links.find((l: {rel: string}) => l.rel === 'up');
    assert.equal(
      new URL(up.href).pathname,
      `/v2/payments/captures/${captureId}`
    );
    assert.equal(
      emulator.order(orderId)?.purchase_units?.[0]?.payments?.captures?.[0]
        ?.status,
      'PARTIALLY_REFUNDED'
    );
    const rest = await trigger(emulator, captureId, 'refunded');
    assert.deepEqual(rest.body.resource.amount, {
      currency_code: 'USD',
      value: '15.00',
    });
    assert.deepEqual(
      rest.body.resource.seller_payable_breakdown.total_refunded_amount,
      {currency_code: 'USD', value: '20.00'}
    );
    const unit = emulator.order(orderId)?.purchase_units?.[0];
    assert.equal(unit?.payments?.captures?.[0]?.status, 'REFUNDED');
    assert.equal(unit?.payments?.refunds?.length, 2);
    const more = await trigger(emulator, captureId, 'refunded', {
      amount: '1.00',
    });
    assert.equal(more.status, 422);
  });

  it('REVERSED (a chargeback) and CUSTOMER.DISPUTE.CREATED', async () => {
    const {emulator} = await setup();
    const {captureId} = await paidOrder(emulator);
    const dispute = await trigger(emulator, captureId, 'dispute');
    assert.equal(dispute.body.event_type, 'CUSTOMER.DISPUTE.CREATED');
    assert.equal(dispute.body.resource_type, 'dispute');
    assert.match(dispute.body.resource.dispute_id, /^PP-D-\d+$/);
    assert.equal(
      dispute.body.resource.disputed_transactions[0].seller_transaction_id,
      captureId
    );
    assert.deepEqual(dispute.body.resource.dispute_amount, {
      currency_code: 'USD',
      value: '19.99',
    });
    const reversed = await trigger(emulator, captureId, 'reversed');
    assert.equal(reversed.body.event_type, 'PAYMENT.CAPTURE.REVERSED');
    assert.equal(reversed.body.resource_type, 'refund');
    assert.deepEqual(reversed.body.resource.amount, {
      currency_code: 'USD',
      value: '19.99',
    });
  });

  it('needs the app’s credentials, a known capture and a known event', async () => {
    const {emulator} = await setup();
    const {captureId} = await paidOrder(emulator);
    const anonymous = await fetch(
      `${emulator.url}/_emulator/captures/${captureId}/refunded`,
      {method: 'POST'}
    );
    assert.equal(anonymous.status, 403);
    assert.equal(
      (await trigger(emulator, 'NOSUCHCAPTURE', 'refunded')).status,
      404
    );
    assert.equal((await trigger(emulator, captureId, 'exploded')).status, 400);
  });
});

describe('PayPal emulator: POST /v1/notifications/verify-webhook-signature', () => {
  async function postback(
    emulator: RunningPaypalEmulator,
    body: Record<string, unknown>
  ) {
    return api(emulator, '/v1/notifications/verify-webhook-signature', body);
  }

  function request(delivery: Delivery, webhookId: string) {
    const h = delivery.headers;
    return {
      auth_algo: h['paypal-auth-algo'],
      cert_url: h['paypal-cert-url'],
      transmission_id: h['paypal-transmission-id'],
      transmission_sig: h['paypal-transmission-sig'],
      transmission_time: h['paypal-transmission-time'],
      webhook_id: webhookId,
      webhook_event: JSON.parse(delivery.body) as unknown,
    };
  }

  it('SUCCESS for a delivery as received; FAILURE for anything changed (HTTP 200 both)', async () => {
    const {emulator, receiver} = await setup();
    await paidOrder(emulator);
    const [delivery] = await receiver.received(1);
    const good = request(delivery!, emulator.webhookId);
    assert.deepEqual(await postback(emulator, good), {
      status: 200,
      body: {verification_status: 'SUCCESS'},
    });
    const tampered = structuredClone(good) as typeof good & {
      webhook_event: {summary: string};
    };
    tampered.webhook_event.summary = 'Something else';
    for (const body of [
      tampered,
      {...good, webhook_id: 'ANOTHERWEBHOOK'},
      {...good, transmission_id: crypto.randomUUID()},
      {...good, transmission_time: '2020-01-01T00:00:00Z'},
      {
        ...good,
        cert_url:
          'https://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77',
      },
      {...good, auth_algo: 'SHA1withRSA'},
      {...good, transmission_sig: Buffer.from('forged').toString('base64')},
    ]) {
      assert.deepEqual(await postback(emulator, body), {
        status: 200,
        body: {verification_status: 'FAILURE'},
      });
    }
  });

  it('400 VALIDATION_ERROR for missing fields', async () => {
    const {emulator} = await setup();
    const answer = await postback(emulator, {auth_algo: 'SHA256withRSA'});
    assert.equal(answer.status, 400);
    assert.equal(answer.body.name, 'VALIDATION_ERROR');
    assert.deepEqual(
      answer.body.details.map((d: {field: string}) => d.field),
      [
        'cert_url',
        'transmission_id',
        'transmission_sig',
        'transmission_time',
        'webhook_id',
        'webhook_event',
      ]
    );
  });
});

describe('PayPal emulator: GET /v1/notifications/webhooks-events', () => {
  it('lists events newest first, shows one, and resends it (signed afresh)', async () => {
    const {emulator, receiver} = await setup();
    await paidOrder(emulator);
    await receiver.received(2);
    const list = await api(emulator, '/v1/notifications/webhooks-events');
    assert.deepEqual(
      list.body.events.map((e: PaypalWebhookEvent) => e.event_type),
      ['PAYMENT.CAPTURE.COMPLETED', 'CHECKOUT.ORDER.APPROVED']
    );
    const id = list.body.events[1].id as string;
    assert.equal(
      (await api(emulator, `/v1/notifications/webhooks-events/${id}`)).body.id,
      id
    );
    const resent = await api(
      emulator,
      `/v1/notifications/webhooks-events/${id}/resend`,
      {}
    );
    assert.equal(resent.status, 202);
    const [first, second, again] = await receiver.received(3);
    assert.equal(again!.event.id, id);
    const original = [first!, second!].find((d) => d.event.id === id)!;
    assert.equal(again!.body, original.body, 'the same bytes');
    assert.notEqual(
      again!.headers['paypal-transmission-id'],
      original.headers['paypal-transmission-id']
    );
    assert.equal(await verifies(again!, emulator.webhookId), true);
  });
});
