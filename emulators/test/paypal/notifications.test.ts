/** The PayPal emulator's /v1/notifications endpoints: postback verification and the events list. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  type PaypalWebhookEvent,
  type RunningPaypalEmulator,
} from '../../paypal/index.js';
import {
  api,
  closeAfterEach,
  type Delivery,
  paidOrder,
  setup,
  verifies,
} from './webhook-helpers.js';

closeAfterEach();

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
