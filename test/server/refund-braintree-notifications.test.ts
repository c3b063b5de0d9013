/**
 * A Braintree refund (a credit) that the bank refuses later: Braintree's `refund_failed`,
 * signed as the SDK's own webhookTesting signs it, through our webhook route, fails our row.
 * The credit was answered `submitted_for_settlement` (done, for refundOrder), so the order's
 * refunded total has moved already and is not undone: the row says what happened, and the
 * merchant is told in the log.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {
  deliverBraintree,
  makeFakedBraintreeServer,
  sampleNotification,
} from './braintree-helpers.js';
import type {FakeBraintree} from './braintree-sdk-fake.js';
import {demoCatalog, postJson, type TestServer} from './helpers.js';

const ADMIN_TOKEN = 'admin-token-for-refund-braintree-0123456789';

describe('Braintree refund_failed: the row follows', () => {
  let server: TestServer;
  let fake: FakeBraintree;
  before(async () => {
    ({server, fake} = await makeFakedBraintreeServer({
      catalog: demoCatalog(),
      admin: {token: ADMIN_TOKEN},
    }));
  });
  after(() => server.close());

  it('a credit refused after it was made: the row is failed, once, whatever the duplicates', async () => {
    const paid = await postJson(server.app, '/api/braintree/transactions', {
      items: [{sku: 'tee-black-m', quantity: 2}],
      currency: 'usd',
      paymentMethodNonce: 'fake-valid-nonce',
    });
    assert.equal(paid.status, 201);
    const {orderId} = (await paid.json()) as {orderId: string};
    const order = (await server.store.get(orderId))!;
    fake.settle(order.providerPaymentId!);

    const res = await server.app.request(
      `/api/admin/orders/${orderId}/refunds`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          'idempotency-key': 'bt-refund-1',
          'content-type': 'application/json',
        },
        body: JSON.stringify({amount: 2000}),
      }
    );
    assert.equal(res.status, 201, await res.clone().text());
    const {refund} = (await res.json()) as {
      refund: {id: string; providerRefundId: string};
    };

    const notification = sampleNotification(
      'refund_failed',
      refund.providerRefundId
    );
    for (let delivery = 0; delivery < 2; delivery++)
      assert.equal(
        (await deliverBraintree(server.app, notification)).status,
        200
      );
    const [row] = await server.store.refunds.forOrder(orderId);
    assert.equal(row.id, refund.id);
    assert.equal(row.status, 'failed');
    // The order keeps what Braintree's answer reported refunded.
    assert.equal((await server.store.get(orderId))?.amountRefunded, 2000);
  });
});
