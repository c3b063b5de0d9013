/**
 * The whole PayPal loop over real HTTP: our server on a loopback port, the PayPal emulator on
 * another, signed webhooks flowing between them and verified offline with the certificate the
 * emulator serves from its own origin.
 */
import assert from 'node:assert/strict';
import type {AddressInfo} from 'node:net';
import {after, before, beforeEach, describe, it} from 'node:test';
import {serve} from '@hono/node-server';
import {
  type RunningPaypalEmulator,
  startPaypalEmulator,
} from '../../emulators/paypal/index.js';
import {
  createPaypalProvider,
  type PaypalSettings,
} from '../../server/providers/paypal/client.js';
import {demoCatalog, makeServer, postJson, type TestServer} from './helpers.js';

interface Harness {
  emulator: RunningPaypalEmulator;
  server: TestServer;
  close(): Promise<void>;
}

async function startHarness(
  settings: Partial<PaypalSettings> = {}
): Promise<Harness> {
  const emulator = await startPaypalEmulator({retryDelaysMs: [20, 50, 100]});
  const server = await makeServer({
    paypal: createPaypalProvider({
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      webhookId: emulator.webhookId,
      apiBase: emulator.url,
      timeoutMs: 2000,
      ...settings,
    }),
    // The shop's shipping, tax and codes: the emulator checks the breakdowns they make.
    catalog: demoCatalog({withRules: true}),
  });
  const listener = serve({
    fetch: server.app.fetch,
    hostname: '127.0.0.1',
    port: 0,
  });
  await new Promise((resolve) => listener.once('listening', resolve));
  emulator.setWebhookUrl(
    `http://127.0.0.1:${(listener.address() as AddressInfo).port}/api/webhooks/paypal`
  );
  return {
    emulator,
    server,
    async close() {
      await emulator.close();
      await new Promise((resolve) => listener.close(resolve));
      await server.close();
    },
  };
}

const address = {
  name: 'Ada Buyer',
  line1: '1 Main St',
  city: 'Portland',
  region: 'OR',
  postalCode: '97201',
  country: 'US',
};
const germany = {
  name: 'Erika Mustermann',
  line1: 'Unter den Linden 1',
  city: 'Berlin',
  postalCode: '10117',
  country: 'DE',
};

const cart = {
  items: [{sku: 'tee-black-m', quantity: 2}],
  email: 'buyer@example.com',
  shippingAddress: address,
};

async function createOrder(h: Harness, body: unknown = cart) {
  const res = await postJson(h.server.app, '/api/paypal/orders', body);
  const json = await res.json();
  assert.equal(res.status, 201, JSON.stringify(json));
  return json as {orderId: string; orderToken: string; paypalOrderId: string};
}

async function capture(
  h: Harness,
  order: {paypalOrderId: string; orderToken: string}
) {
  const res = await h.server.app.request(
    `/api/paypal/orders/${order.paypalOrderId}/capture`,
    {
      method: 'POST',
      headers: {authorization: `Bearer ${order.orderToken}`},
    }
  );
  return {status: res.status, json: await res.json()};
}

const captureIdOf = (h: Harness, paypalOrderId: string) =>
  h.emulator.order(paypalOrderId)!.purchase_units![0].payments!.captures![0]
    .id!;

describe('the PayPal loop, against the emulator', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());
  beforeEach(() => h.emulator.faults.reset());

  const stored = (id: string) => h.server.store.get(id);
  const fulfilledIds = async () =>
    (await h.server.settled()).map((order) => order.id);

  it('creates, captures and marks paid once; the signed webhook verifies and finds nothing left to do', async () => {
    const order = await createOrder(h);
    assert.equal(
      h.emulator.order(order.paypalOrderId)?.purchase_units?.[0].custom_id,
      order.orderId
    );
    h.emulator.approve(order.paypalOrderId);
    const {status, json} = await capture(h, order);
    assert.equal(status, 200);
    assert.deepEqual(json, {orderId: order.orderId, status: 'paid'});
    await h.emulator.flush();
    const deliveries = h.emulator.events
      .deliveries()
      .filter((d) => d.eventType === 'PAYMENT.CAPTURE.COMPLETED');
    assert.ok(deliveries.length >= 1);
    assert.ok(
      deliveries.every((d) => d.status === 200),
      JSON.stringify(deliveries)
    );
    assert.equal(
      (await fulfilledIds()).filter((id) => id === order.orderId).length,
      1
    );
  });

  it('builds orders the emulator’s breakdown checks accept: sales tax, VAT, a code, express, JPY', async () => {
    for (const body of [
      {
        // California: tax added on top, shipping charged.
        items: [
          {sku: 'notebook-a5', quantity: 3},
          {sku: 'sticker-pack', quantity: 7},
          {sku: 'mug-enamel', quantity: 1},
        ],
        shippingAddress: {
          ...address,
          city: 'Oakland',
          region: 'CA',
          postalCode: '94607',
        },
      },
      {
        // Germany, VAT included in the prices; express.
        items: [
          {sku: 'hoodie-grey-l', quantity: 2},
          {sku: 'cap-navy', quantity: 1},
        ],
        currency: 'JPY',
        shippingAddress: germany,
        shippingRate: 'express',
      },
      {
        // A percentage code, and a book that ships with an e-book that does not.
        items: [
          {sku: 'tote-canvas', quantity: 4},
          {sku: 'field-guide-ebook', quantity: 1},
        ],
        currency: 'eur',
        shippingAddress: germany,
        discountCode: 'welcome10',
        email: 'new@example.com',
      },
      {items: [{sku: 'field-guide-ebook', quantity: 1}], currency: 'eur'},
    ]) {
      const order = await createOrder(h, body);
      const amount = h.emulator.order(order.paypalOrderId)!.purchase_units![0]
        .amount!;
      const total = (await stored(order.orderId))!.total;
      assert.equal(
        amount.value,
        body.currency === 'JPY' ? String(total) : (total / 100).toFixed(2)
      );
    }
  });

  it('marks paid from the webhook alone when the capture answer never reaches the buyer', async () => {
    const order = await createOrder(h);
    h.emulator.approve(order.paypalOrderId);
    // PayPal captures, but only after our client has given up waiting.
    h.emulator.faults.hangNextRequests(1, 2500);
    const lost = await capture(h, order);
    assert.equal(lost.status, 503);
    assert.equal(lost.json.error.code, 'provider_unavailable');
    await h.emulator.flush();
    assert.equal((await stored(order.orderId))?.status, 'paid');
    // The buyer's retry is answered from the order, now paid.
    assert.deepEqual((await capture(h, order)).json, {
      orderId: order.orderId,
      status: 'paid',
    });
    assert.equal(
      (await fulfilledIds()).filter((id) => id === order.orderId).length,
      1
    );
  });

  it('marks paid from the capture answer alone when the webhook is lost', async () => {
    h.emulator.faults.dropNextEvents(5);
    const order = await createOrder(h);
    h.emulator.approve(order.paypalOrderId);
    assert.equal((await capture(h, order)).json.status, 'paid');
    await h.emulator.flush();
    assert.ok((await fulfilledIds()).includes(order.orderId));
  });

  it('fulfils once when every webhook arrives twice at the same time', async () => {
    h.emulator.faults.duplicateNextEvents(5);
    const order = await createOrder(h);
    h.emulator.approve(order.paypalOrderId);
    await Promise.all([capture(h, order), capture(h, order)]);
    await h.emulator.flush();
    assert.equal((await stored(order.orderId))?.status, 'paid');
    assert.equal(
      (await fulfilledIds()).filter((id) => id === order.orderId).length,
      1
    );
  });

  it('answers instrument_declined, and the buyer’s second approval captures', async () => {
    const order = await createOrder(h);
    h.emulator.approve(order.paypalOrderId, 'decline');
    const declined = await capture(h, order);
    assert.equal(declined.status, 402);
    assert.equal(declined.json.error.code, 'instrument_declined');
    assert.equal((await stored(order.orderId))?.status, 'failed');
    h.emulator.approve(order.paypalOrderId, 'approve');
    assert.deepEqual((await capture(h, order)).json, {
      orderId: order.orderId,
      status: 'paid',
    });
  });

  it('answers order_not_approved before approval', async () => {
    const order = await createOrder(h);
    const early = await capture(h, order);
    assert.equal(early.status, 409);
    assert.equal(early.json.error.code, 'order_not_approved');
  });

  it('keeps a PENDING capture unpaid until PAYMENT.CAPTURE.COMPLETED', async () => {
    const order = await createOrder(h);
    h.emulator.approve(order.paypalOrderId, 'pending');
    assert.equal((await capture(h, order)).json.status, 'processing');
    await h.emulator.flush();
    assert.equal((await stored(order.orderId))?.status, 'processing');
    assert.ok(!(await fulfilledIds()).includes(order.orderId));
    h.emulator.triggerCaptureEvent(
      captureIdOf(h, order.paypalOrderId),
      'completed'
    );
    await h.emulator.flush();
    assert.equal((await stored(order.orderId))?.status, 'paid');
    assert.ok((await fulfilledIds()).includes(order.orderId));
  });

  it('marks a denied pending capture failed', async () => {
    const order = await createOrder(h);
    h.emulator.approve(order.paypalOrderId, 'pending');
    await capture(h, order);
    // The capture's PAYMENT.CAPTURE.PENDING is delivered first, as PayPal's DENIED comes later
    // (the bank's review): without the flush the two raced, and a PENDING landing after the
    // DENIED moved the order back to processing (NOTES.md; the reconciler reads it back).
    await h.emulator.flush();
    h.emulator.triggerCaptureEvent(
      captureIdOf(h, order.paypalOrderId),
      'denied'
    );
    await h.emulator.flush();
    assert.equal((await stored(order.orderId))?.status, 'failed');
  });

  it('records refunds, partial then full, and a reversal', async () => {
    const order = await createOrder(h);
    h.emulator.approve(order.paypalOrderId);
    await capture(h, order);
    const captureId = captureIdOf(h, order.paypalOrderId);
    h.emulator.triggerCaptureEvent(captureId, 'refunded', {amount: '10.00'});
    await h.emulator.flush();
    let after = (await stored(order.orderId))!;
    assert.deepEqual(
      [after.status, after.amountRefunded],
      ['partially_refunded', 1000]
    );
    h.emulator.triggerCaptureEvent(captureId, 'refunded');
    await h.emulator.flush();
    after = (await stored(order.orderId))!;
    assert.deepEqual([after.status, after.amountRefunded], ['refunded', 5000]);

    const reversed = await createOrder(h);
    h.emulator.approve(reversed.paypalOrderId);
    await capture(h, reversed);
    h.emulator.triggerCaptureEvent(
      captureIdOf(h, reversed.paypalOrderId),
      'reversed'
    );
    await h.emulator.flush();
    after = (await stored(reversed.orderId))!;
    assert.deepEqual([after.status, after.amountRefunded], ['refunded', 5000]);
  });

  it('uses one OAuth token for the whole run', async () => {
    assert.equal(h.emulator.stats().tokenRequests, 1);
    assert.equal(h.emulator.stats().authenticationFailures, 0);
  });
});

describe('PayPal webhooks verified by postback, against the emulator', () => {
  it('accepts the emulator’s deliveries through verify-webhook-signature', async () => {
    const h = await startHarness({webhookVerification: 'postback'});
    const order = await createOrder(h);
    h.emulator.approve(order.paypalOrderId, 'pending');
    await capture(h, order);
    h.emulator.triggerCaptureEvent(
      captureIdOf(h, order.paypalOrderId),
      'completed'
    );
    await h.emulator.flush();
    assert.equal((await h.server.store.get(order.orderId))?.status, 'paid');
    assert.ok(h.emulator.events.deliveries().every((d) => d.status === 200));
    await h.close();
  });
});
