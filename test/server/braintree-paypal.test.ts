/**
 * PayPal through Braintree on the server: BRAINTREE_PAYPAL (off unless set) puts
 * `providers.braintree.paypal: true` in /api/config, and a sale of a PayPal account nonce
 * (settling at once, as the sandbox answers) pays the order, once, and settles through the
 * signed notification, against the emulator over real HTTP.
 */
import assert from 'node:assert/strict';
import type {AddressInfo} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {serve} from '@hono/node-server';
import {
  type RunningBraintreeEmulator,
  startBraintreeEmulator,
} from '../../emulators/braintree/index.js';
import {parseConfig} from '../../server/config.js';
import {createBraintreeProvider} from '../../server/providers/braintree/client.js';
import {makeBraintreeServer} from './braintree-helpers.js';
import {demoCatalog, makeServer, postJson, type TestServer} from './helpers.js';

const credentials = {
  BRAINTREE_MERCHANT_ID: 'm1',
  BRAINTREE_PUBLIC_KEY: 'pub',
  BRAINTREE_PRIVATE_KEY: 'priv',
  BRAINTREE_MERCHANT_ACCOUNT_ID: 'USD:m1_usd',
};

describe('BRAINTREE_PAYPAL', () => {
  it('is off unless set, on with 1, and refuses anything but a flag', () => {
    assert.equal(parseConfig(credentials).braintree?.paypal, undefined);
    assert.equal(
      parseConfig({...credentials, BRAINTREE_PAYPAL: '1'}).braintree?.paypal,
      true
    );
    assert.throws(() =>
      parseConfig({...credentials, BRAINTREE_PAYPAL: 'maybe'})
    );
  });

  it('says paypal: true in /api/config only when enabled', async () => {
    for (const paypal of [false, true]) {
      const server = await makeBraintreeServer({paypal});
      try {
        const body = await (await server.app.request('/api/config')).json();
        assert.equal(body.providers.braintree.paypal, paypal || undefined);
      } finally {
        await server.close();
      }
    }
  });
});

describe('a PayPal account sold through Braintree (emulator)', () => {
  let emulator: RunningBraintreeEmulator;
  let server: TestServer;
  let listener: ReturnType<typeof serve>;
  let provider: ReturnType<typeof createBraintreeProvider>;
  before(async () => {
    emulator = await startBraintreeEmulator({
      merchantAccounts: {USD: 'shop_usd'},
      retryDelaysMs: [20, 50],
    });
    server = await makeServer({
      catalog: demoCatalog(),
      braintree: (provider = createBraintreeProvider({
        merchantId: emulator.merchantId,
        publicKey: emulator.publicKey,
        privateKey: emulator.privateKey,
        merchantAccounts: emulator.merchantAccounts,
        apiBase: emulator.url,
        paypal: true,
        timeoutMs: 5000,
      })),
    });
    listener = serve({fetch: server.app.fetch, hostname: '127.0.0.1', port: 0});
    await new Promise((resolve) => listener.once('listening', resolve));
    emulator.setWebhookUrl(
      `http://127.0.0.1:${(listener.address() as AddressInfo).port}/api/webhooks/braintree`
    );
  });
  after(async () => {
    await emulator.close();
    listener.close();
    await server.close();
  });

  it('pays the order with fake-paypal-one-time-nonce (settling), then settled by the notification', async () => {
    const res = await postJson(server.app, '/api/braintree/transactions', {
      items: [{sku: 'tee-black-m', quantity: 2}],
      currency: 'usd',
      email: 'buyer@example.com',
      paymentMethodNonce: 'fake-paypal-one-time-nonce',
    });
    assert.equal(res.status, 201);
    const {orderId, status} = await res.json();
    assert.equal(status, 'paid');
    const order = await server.store.get(orderId);
    const transactionId = order?.providerPaymentId;
    assert.ok(transactionId, 'the transaction id is stored');
    const sold = await provider.client.transaction.find(transactionId);
    assert.equal(sold.status, 'settling');
    assert.equal(sold.paymentInstrumentType, 'paypal_account');
    assert.equal(sold.amount, '50.00');

    await provider.client.testing.settle(transactionId);
    await emulator.flush();
    const settled = await server.store.get(orderId);
    assert.equal(settled?.status, 'paid');
    assert.equal(settled?.providerPaymentId, transactionId);
    assert.equal(
      (await provider.client.transaction.find(transactionId)).status,
      'settled'
    );
  });
});
