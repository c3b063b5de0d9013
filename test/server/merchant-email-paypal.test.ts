/**
 * PayPal disputes reach the order, over real HTTP against the PayPal emulator: its signed
 * CUSTOMER.DISPUTE.* webhooks name the capture and carry our order id as the disputed
 * transaction's custom and invoice_number, so the order's dispute status moves and the
 * merchant is told of each new dispute once.
 */
import assert from 'node:assert/strict';
import type {AddressInfo} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {serve} from '@hono/node-server';
import {
  type RunningPaypalEmulator,
  startPaypalEmulator,
} from '../../emulators/paypal/index.js';
import type {Mailer} from '../../server/notify/email.js';
import type {Order} from '../../server/orders/order.js';
import {translatePaypalEvent} from '../../server/providers/paypal/events.js';
import {createPaypalProvider} from '../../server/providers/paypal/client.js';
import {makeServer, postJson, type TestServer} from './helpers.js';

type Sent = Parameters<Mailer['send']>[0];
const MERCHANT = 'owner@shop.example';

describe('PayPal disputes, against the emulator', () => {
  let emulator: RunningPaypalEmulator;
  let server: TestServer;
  let close: () => Promise<void>;
  const sent: Sent[] = [];
  const disputeEmails = () =>
    sent.filter((m) => m.to === MERCHANT && m.subject.includes('dispute'));

  before(async () => {
    emulator = await startPaypalEmulator({retryDelaysMs: [20, 50, 100]});
    server = await makeServer({
      paypal: createPaypalProvider({
        clientId: emulator.clientId,
        clientSecret: emulator.clientSecret,
        webhookId: emulator.webhookId,
        apiBase: emulator.url,
        timeoutMs: 2000,
      }),
      mailer: {
        async send(message) {
          sent.push(message);
        },
      },
      merchantEmail: MERCHANT,
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
    close = async () => {
      await emulator.close();
      await new Promise((resolve) => listener.close(resolve));
      await server.close();
    };
  });
  after(() => close());

  /** A paid PayPal order: our id and its capture's. */
  async function paidOrder() {
    const res = await postJson(server.app, '/api/paypal/orders', {
      items: [{sku: 'tee-black-m', quantity: 2}],
      email: 'buyer@example.com',
    });
    const order = (await res.json()) as {
      orderId: string;
      orderToken: string;
      paypalOrderId: string;
    };
    emulator.approve(order.paypalOrderId);
    const captured = await server.app.request(
      `/api/paypal/orders/${order.paypalOrderId}/capture`,
      {method: 'POST', headers: {authorization: `Bearer ${order.orderToken}`}}
    );
    assert.equal(captured.status, 200);
    const captureId = emulator.order(order.paypalOrderId)!.purchase_units![0]
      .payments!.captures![0].id!;
    return {orderId: order.orderId, captureId};
  }

  /** Lets the emulator deliver what it sent, and our outbox run what that queued. */
  async function settle() {
    await emulator.flush();
    await server.settled();
  }

  const stored = async (id: string) => (await server.store.get(id))!;

  it('CREATED disputes the order and mails the merchant once; UPDATED moves its status only; RESOLVED in the seller’s favour pays it again', async () => {
    const {orderId, captureId} = await paidOrder();
    const created = emulator.triggerCaptureEvent(captureId, 'dispute', {
      amount: '10.00',
      reason: 'MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED',
    });
    await settle();
    let order = await stored(orderId);
    assert.equal(order.status, 'disputed');
    assert.equal(order.disputeStatus, 'open');
    const disputeId = (created.resource as {dispute_id: string}).dispute_id;
    assert.deepEqual(order.dispute, {
      id: disputeId,
      amount: 1000,
      reason: 'MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED',
    });
    assert.equal(disputeEmails().length, 1);
    const [email] = disputeEmails();
    assert.ok(email.text.includes(`Dispute: ${disputeId}`), email.text);
    assert.ok(email.text.includes('Amount disputed: $10.00'), email.text);
    assert.ok(
      email.text.includes('Reason: merchandise or service not as described')
    );
    assert.ok(email.text.includes('Provider: PayPal'));

    emulator.triggerCaptureEvent(captureId, 'dispute-updated');
    await settle();
    order = await stored(orderId);
    assert.equal(order.disputeStatus, 'waiting_for_seller_response');
    assert.equal(disputeEmails().length, 1);

    emulator.triggerCaptureEvent(captureId, 'dispute-resolved', {
      outcome: 'RESOLVED_SELLER_FAVOUR',
    });
    await settle();
    order = await stored(orderId);
    assert.deepEqual([order.status, order.disputeStatus], ['paid', 'won']);

    // A second dispute on the same capture is news.
    emulator.triggerCaptureEvent(captureId, 'dispute');
    await settle();
    assert.equal((await stored(orderId)).status, 'disputed');
    assert.equal(disputeEmails().length, 2);
    // Every delivery was accepted (no 4xx or 5xx that PayPal would retry or drop).
    assert.ok(
      emulator.events
        .deliveries()
        .filter((d) => d.eventType.startsWith('CUSTOMER.DISPUTE.'))
        .every((d) => d.status === 200)
    );
  });

  it('reads the dispute as PayPal sends it: our id from custom or invoice_number, else the capture to ask about; an UPDATED that says RESOLVED waits for RESOLVED', () => {
    const order = {currency: 'usd', providerPaymentId: 'PP1'} as Order;
    const resource = {
      dispute_id: 'PP-D-12345678',
      status: 'WAITING_FOR_SELLER_RESPONSE',
      reason: 'UNAUTHORISED',
      dispute_amount: {currency_code: 'USD', value: '12.50'},
      disputed_transactions: [
        {
          seller_transaction_id: 'CAP1',
          invoice_number: 'ord_B',
          custom: 'ord_A',
        },
      ],
    };
    const created = translatePaypalEvent({
      id: 'WH-1',
      event_type: 'CUSTOMER.DISPUTE.CREATED',
      resource,
    })!;
    assert.equal(created.orderId, 'ord_A');
    assert.deepEqual(created.event(order, 'PP1'), {
      type: 'dispute_opened',
      paymentId: 'PP1',
      disputeStatus: 'waiting_for_seller_response',
      dispute: {id: 'PP-D-12345678', amount: 1250, reason: 'UNAUTHORISED'},
    });
    // In another currency than the order's, the amount is left out.
    assert.deepEqual(created.event({...order, currency: 'eur'}, 'PP1'), {
      type: 'dispute_opened',
      paymentId: 'PP1',
      disputeStatus: 'waiting_for_seller_response',
      dispute: {id: 'PP-D-12345678', reason: 'UNAUTHORISED'},
    });
    const captureOnly = translatePaypalEvent({
      id: 'WH-2',
      event_type: 'CUSTOMER.DISPUTE.UPDATED',
      resource: {
        ...resource,
        disputed_transactions: [{seller_transaction_id: 'CAP1'}],
      },
    })!;
    assert.equal(captureOnly.orderId, undefined);
    assert.equal(captureOnly.captureId, 'CAP1');
    const resolvedUpdate = translatePaypalEvent({
      id: 'WH-3',
      event_type: 'CUSTOMER.DISPUTE.UPDATED',
      resource: {...resource, status: 'RESOLVED'},
    })!;
    assert.equal(resolvedUpdate.event(order, 'PP1'), null);
  });
});
