/** The capture's answer and PAYMENT.CAPTURE.COMPLETED racing to the same order: fulfilled once. */
import assert from 'node:assert/strict';
import {after, beforeEach, describe, it} from 'node:test';
import {makePaypalServer, type PaypalTestServer} from './paypal-fixtures.js';
import {
  captureResource,
  deliverPaypal,
  paypalEvent,
} from './paypal-webhook-fixtures.js';

describe('capture response and webhook', () => {
  let server: PaypalTestServer;
  beforeEach(async () => {
    server = await makePaypalServer();
  });
  after(() => server.close());

  async function approved() {
    const res = await server.app.request('/api/paypal/orders', {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({items: [{sku: 'tee-black-m', quantity: 2}]}),
    });
    const json = (await res.json()) as {
      orderId: string;
      orderToken: string;
      paypalOrderId: string;
    };
    server.fake.approve(json.paypalOrderId);
    const capture = () =>
      server.app.request(`/api/paypal/orders/${json.paypalOrderId}/capture`, {
        method: 'POST',
        headers: {authorization: `Bearer ${json.orderToken}`},
      });
    const webhook = () =>
      deliverPaypal(
        server.app,
        paypalEvent(
          'PAYMENT.CAPTURE.COMPLETED',
          captureResource(json.orderId, json.paypalOrderId)
        )
      );
    return {...json, capture, webhook};
  }

  it('finds a disputed order through its capture when the dispute names only the capture', async () => {
    const {orderId, paypalOrderId, capture} = await approved();
    await capture();
    const captureId = server.fake.orders.get(paypalOrderId)!.capture!
      .id as string;
    const dispute = (id: string) => ({
      dispute_id: 'PP-D-1',
      status: 'OPEN',
      disputed_transactions: [{seller_transaction_id: id}],
    });
    const res = await deliverPaypal(
      server.app,
      paypalEvent('CUSTOMER.DISPUTE.CREATED', dispute(captureId))
    );
    assert.equal((await res.json()).outcome, 'applied');
    assert.equal((await server.store.get(orderId))!.status, 'disputed');

    const unknown = await deliverPaypal(
      server.app,
      paypalEvent('CUSTOMER.DISPUTE.CREATED', dispute('NOTACAPTURE'))
    );
    assert.equal((await unknown.json()).outcome, 'ignored');
    server.fake.fault(
      'GET',
      '/v2/payments/captures/',
      new Response('down', {status: 503})
    );
    const down = await deliverPaypal(
      server.app,
      paypalEvent('CUSTOMER.DISPUTE.CREATED', dispute(captureId))
    );
    assert.equal(down.status, 503, 'PayPal will retry');
  });

  it('fulfils once when the capture answer comes first', async () => {
    const {orderId, capture, webhook} = await approved();
    assert.equal((await (await capture()).json()).status, 'paid');
    assert.equal((await (await webhook()).json()).outcome, 'unchanged');
    assert.deepEqual(
      (await server.settled()).map((o) => o.id),
      [orderId]
    );
  });

  it('fulfils once when the webhook comes first', async () => {
    const {orderId, capture, webhook} = await approved();
    assert.equal((await (await webhook()).json()).outcome, 'applied');
    assert.deepEqual(await (await capture()).json(), {orderId, status: 'paid'});
    assert.deepEqual(
      (await server.settled()).map((o) => o.id),
      [orderId]
    );
  });

  it('fulfils once when both arrive at the same moment', async () => {
    for (let i = 0; i < 5; i++) {
      const {capture, webhook} = await approved();
      await Promise.all([capture(), webhook(), webhook(), capture()]);
    }
    const fulfilled = await server.settled();
    assert.equal(fulfilled.length, 5);
    assert.equal(new Set(fulfilled.map((o) => o.id)).size, 5);
  });
});
