/**
 * The Braintree loop when the network misbehaves: the emulator's faults (a 500, a sale that
 * hangs past our timeout, notifications duplicated or reordered) between our server and the
 * emulator on loopback ports. Each report is applied exactly once, whichever comes first.
 */
import assert from 'node:assert/strict';
import type {AddressInfo} from 'node:net';
import {afterEach, beforeEach, describe, it} from 'node:test';
import {serve} from '@hono/node-server';
import {
  type RunningBraintreeEmulator,
  startBraintreeEmulator,
} from '../../emulators/braintree/index.js';
import {createBraintreeProvider} from '../../server/providers/braintree/client.js';
import {demoCatalog, makeServer, postJson, type TestServer} from './helpers.js';

let emulator: RunningBraintreeEmulator;
let server: TestServer;
let listener: ReturnType<typeof serve>;
let provider: ReturnType<typeof createBraintreeProvider>;

const cart = {
  items: [{sku: 'tee-black-m', quantity: 2}],
  currency: 'usd',
  paymentMethodNonce: 'fake-valid-nonce',
};

async function pay() {
  const res = await postJson(server.app, '/api/braintree/transactions', cart);
  return {res, json: await res.json()};
}

const transactionOf = async (orderId: string) =>
  (await server.store.get(orderId))!.providerPaymentId!;

describe('Braintree through the emulator, with faults', () => {
  beforeEach(async () => {
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
        // Short, so a hung sale times out within the test.
        timeoutMs: 300,
      })),
    });
    listener = serve({fetch: server.app.fetch, hostname: '127.0.0.1', port: 0});
    await new Promise((resolve) => listener.once('listening', resolve));
    emulator.setWebhookUrl(
      `http://127.0.0.1:${(listener.address() as AddressInfo).port}/api/webhooks/braintree`
    );
  });
  afterEach(async () => {
    await emulator.close();
    await new Promise((resolve) => listener.close(resolve));
    await server.close();
  });

  it('Braintree answering 500 to the sale: 503 provider_unavailable, nothing sold; the next try sells', async () => {
    emulator.faults.failNextRequests(1);
    const down = await pay();
    assert.equal(down.res.status, 503);
    assert.equal(down.json.error.code, 'provider_unavailable');
    const sold: unknown[] = [];
    for await (const transaction of provider.client.transaction.search(
      (search) => search.amount().is('50.00')
    ))
      sold.push(transaction);
    assert.equal(sold.length, 0);
    const again = await pay();
    assert.equal(again.res.status, 201);
    assert.equal(again.json.status, 'paid');
  });

  it('a sale that answers after our timeout: 503 to the buyer, and the order is paid by its settlement notification (found by orderId)', async () => {
    emulator.faults.hangNextRequests(1, 1000);
    const late = await pay();
    assert.equal(late.res.status, 503);
    // The hung sale goes through a moment later; Braintree has it under our order id.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const found: {id: string; orderId: string}[] = [];
    for await (const transaction of provider.client.transaction.search(
      (search) => search.amount().is('50.00')
    ))
      found.push(transaction as {id: string; orderId: string});
    assert.equal(found.length, 1);
    const orderId = found[0].orderId;
    const pending = await server.store.get(orderId);
    assert.equal(
      pending?.status,
      'pending',
      'the order was stored before the sale'
    );
    assert.equal(pending?.providerPaymentId, undefined);
    emulator.settle(found[0].id);
    await emulator.flush();
    const paid = await server.store.get(orderId);
    assert.equal(paid?.status, 'paid');
    assert.equal(paid?.providerPaymentId, found[0].id);
    assert.deepEqual(
      (await server.settled()).map((o) => o.id),
      [orderId]
    );
  });

  it('a notification delivered twice at once is applied once', async () => {
    const {json} = await pay();
    await server.store.update(json.orderId, () => ({
      status: 'pending',
      paidAt: undefined,
    }));
    emulator.faults.duplicateNextEvents(1);
    emulator.settle(await transactionOf(json.orderId));
    await emulator.flush();
    const answered = emulator.deliveries().map((d) => d.status);
    assert.deepEqual(answered, [200, 200]);
    assert.equal((await server.store.get(json.orderId))?.status, 'paid');
    assert.deepEqual(
      (await server.settled()).map((o) => o.id),
      [json.orderId]
    );
  });

  it('notifications out of order (the dispute before the settlement) end the same: disputed', async () => {
    const {json} = await pay();
    const transactionId = await transactionOf(json.orderId);
    emulator.faults.holdEvents();
    emulator.settle(transactionId);
    emulator.openDispute(transactionId);
    assert.equal(emulator.faults.releaseEvents('reverse'), 2);
    await emulator.flush();
    const order = await server.store.get(json.orderId);
    assert.equal(order?.status, 'disputed');
    assert.equal(order?.disputeStatus, 'open');
  });

  it('a notification signed with another key is refused on every delivery, and the order waits for a verified report', async () => {
    const {json} = await pay();
    await server.store.update(json.orderId, () => ({
      status: 'pending',
      paidAt: undefined,
    }));
    emulator.faults.badSignatureNextEvents(1);
    emulator.settle(await transactionOf(json.orderId));
    await emulator.flush();
    const statuses = emulator.deliveries().map((d) => d.status);
    assert.ok(statuses.length >= 1);
    assert.ok(
      statuses.every((status) => status === 400),
      statuses.join(', ')
    );
    // A forged notification is never applied: the order waits for a verified report.
    assert.equal((await server.store.get(json.orderId))?.status, 'pending');
  });
});
