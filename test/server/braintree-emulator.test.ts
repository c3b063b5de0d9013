/**
 * The whole Braintree loop over real HTTP: our server and the Braintree emulator on loopback
 * ports, the official SDK between them (JSON out, XML back), the browser played by the client
 * API (a card tokenised with the client token's fingerprint) and the sandbox's nonces, and the
 * emulator's signed notifications delivered to /api/webhooks/braintree.
 */
import assert from 'node:assert/strict';
import type {AddressInfo} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {serve} from '@hono/node-server';
import type braintree from 'braintree';
import {
  type RunningBraintreeEmulator,
  startBraintreeEmulator,
} from '../../emulators/braintree/index.js';
import {parseCatalog} from '../../server/catalog/index.js';
import {createBraintreeProvider} from '../../server/providers/braintree/client.js';
import {makeServer, postJson, type TestServer} from './helpers.js';

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789abcdef';

let emulator: RunningBraintreeEmulator;
let server: TestServer;
let listener: ReturnType<typeof serve>;
let provider: ReturnType<typeof createBraintreeProvider>;

/** A transaction as the SDK reads it back from the emulator (its XML, camelCased). */
const sdkTransaction = (id: string) =>
  provider.client.transaction.find(id) as Promise<braintree.Transaction>;

const catalog = parseCatalog(
  {
    defaultCurrency: 'usd',
    products: [
      {
        sku: 'tee',
        name: 'Tee',
        maxQuantity: 10,
        prices: {usd: 2500, eur: 2300, jpy: 3800},
      },
      // 2001.00: the sandbox declines it with processor response 2001 (insufficient funds).
      {
        sku: 'declined-2001',
        name: 'Declined',
        maxQuantity: 1,
        prices: {usd: 200100},
      },
    ],
  },
  'test catalog'
);

const cart = {items: [{sku: 'tee', quantity: 2}], currency: 'usd'};

async function pay(body: Record<string, unknown>) {
  const res = await postJson(server.app, '/api/braintree/transactions', {
    ...cart,
    ...body,
  });
  return {res, json: await res.json()};
}

/** The browser's step: a client token, then a card tokenised by the client API it names. */
async function cardNonce(number = '4111111111111111', currency = 'usd') {
  const res = await postJson(server.app, '/api/braintree/client-token', {
    currency,
  });
  assert.equal(res.status, 200);
  const {clientToken} = await res.json();
  const token = JSON.parse(Buffer.from(clientToken, 'base64').toString('utf8'));
  const url: string = token.clientApiUrl;
  assert.ok(url.startsWith(emulator.url), url);
  const tokenized = await fetch(`${url}/v1/payment_methods/credit_cards`, {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify({
      authorizationFingerprint: token.authorizationFingerprint,
      creditCard: {
        number,
        expirationDate: '12/30',
        cvv: '123',
        options: {validate: false},
      },
    }),
  });
  assert.ok(tokenized.ok, `the client API answered ${tokenized.status}`);
  return ((await tokenized.json()) as {creditCards: [{nonce: string}]})
    .creditCards[0].nonce;
}

const order = (id: string) => server.store.get(id);

function refund(orderId: string, key: string, amount?: number) {
  return server.app.request(`/api/admin/orders/${orderId}/refunds`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      'idempotency-key': key,
      'content-type': 'application/json',
    },
    body: JSON.stringify(amount === undefined ? {} : {amount}),
  });
}

describe('Braintree through the emulator', () => {
  before(async () => {
    emulator = await startBraintreeEmulator({
      merchantAccounts: {USD: 'shop_usd', EUR: 'shop_eur', JPY: 'shop_jpy'},
      retryDelaysMs: [20, 50],
    });
    server = await makeServer({
      catalog,
      admin: {token: ADMIN_TOKEN},
      braintree: (provider = createBraintreeProvider({
        merchantId: emulator.merchantId,
        publicKey: emulator.publicKey,
        privateKey: emulator.privateKey,
        merchantAccounts: emulator.merchantAccounts,
        apiBase: emulator.url,
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
    await new Promise((resolve) => listener.close(resolve));
    await server.close();
  });

  it("passes the emulator's destination check (bt_challenge) with our keys", async () => {
    const result = await emulator.verifyWebhookEndpoint();
    assert.equal(result.status, 200);
    assert.equal(result.verified, true);
  });

  it('a client token names the emulator and the currency’s merchant account', async () => {
    const res = await postJson(server.app, '/api/braintree/client-token', {
      currency: 'EUR',
    });
    const {clientToken} = await res.json();
    const token = JSON.parse(
      Buffer.from(clientToken, 'base64').toString('utf8')
    );
    assert.ok(token.authorizationFingerprint);
    assert.ok(
      JSON.stringify(token).includes(emulator.url),
      'its URLs are the emulator’s'
    );
  });

  it('sells a tokenised card for the catalog price, under our order id, and the order is paid', async () => {
    const nonce = await cardNonce();
    const {res, json} = await pay({
      paymentMethodNonce: nonce,
      deviceData: '{"correlation_id":"c1"}',
    });
    assert.equal(res.status, 201, JSON.stringify(json));
    assert.equal(json.status, 'paid');
    const stored = (await order(json.orderId))!;
    const sale = emulator.transaction(stored.providerPaymentId!)!;
    assert.equal(sale.status, 'submitted_for_settlement');
    assert.equal(sale.amount, '50.00');
    assert.equal(sale.orderId, json.orderId);
    const read = await sdkTransaction(sale.id);
    assert.equal(read.merchantAccountId, 'shop_usd');
    assert.equal(read.orderId, json.orderId);
  });

  it('the same nonce a second time is refused (400 invalid_request), the nonce being single-use', async () => {
    const nonce = await cardNonce();
    assert.equal((await pay({paymentMethodNonce: nonce})).res.status, 201);
    const {res, json} = await pay({paymentMethodNonce: nonce});
    assert.equal(res.status, 400);
    assert.equal(json.error.code, 'invalid_request');
  });

  it('sells in yen without decimals, on the yen account', async () => {
    const {res, json} = await pay({
      currency: 'jpy',
      paymentMethodNonce: 'fake-valid-nonce',
    });
    assert.equal(res.status, 201, JSON.stringify(json));
    const sale = emulator.transaction(
      (await order(json.orderId))!.providerPaymentId!
    )!;
    assert.equal(sale.amount, '7600');
    assert.equal((await sdkTransaction(sale.id)).merchantAccountId, 'shop_jpy');
  });

  it('a processor decline by amount is 402 card_declined naming the cause; the order failed', async () => {
    const {res, json} = await pay({
      items: [{sku: 'declined-2001', quantity: 1}],
      paymentMethodNonce: 'fake-valid-nonce',
    });
    assert.equal(res.status, 402);
    assert.equal(json.error.code, 'card_declined');
    assert.match(json.error.message, /insufficient funds/);
    // The declined sale, found through the SDK's search by amount; its order is failed.
    const declined: braintree.Transaction[] = [];
    for await (const transaction of provider.client.transaction.search(
      (search) => search.amount().is('2001.00')
    ))
      declined.push(transaction as braintree.Transaction);
    assert.equal(declined.length, 1);
    assert.equal(declined[0].status, 'processor_declined');
    const failed = await server.store.findByPayment(
      'braintree',
      declined[0].id
    );
    assert.equal(failed?.status, 'failed');
    assert.equal(failed?.total, 200100);
  });

  it('sandbox nonces: declined is card_declined, gateway-rejected fraud is payment_refused', async () => {
    const declined = await pay({
      paymentMethodNonce: 'fake-processor-declined-visa-nonce',
    });
    assert.equal(declined.res.status, 402);
    assert.equal(declined.json.error.code, 'card_declined');
    const fraud = await pay({
      paymentMethodNonce: 'fake-gateway-rejected-fraud-nonce',
    });
    assert.equal(fraud.res.status, 402);
    assert.equal(fraud.json.error.code, 'payment_refused');
  });

  it('settlement sends transaction_settled: verified, applied to a paid order without fulfilling it twice', async () => {
    const {json} = await pay({paymentMethodNonce: 'fake-valid-nonce'});
    const stored = (await order(json.orderId))!;
    await server.settled();
    const fulfilled = server.fulfilled.filter(
      (o) => o.id === json.orderId
    ).length;
    emulator.settle(stored.providerPaymentId!);
    await emulator.flush();
    const [delivery] = emulator
      .deliveries()
      .filter((d) => d.status !== undefined)
      .slice(-1);
    assert.equal(delivery?.status, 200);
    assert.equal((await order(json.orderId))?.status, 'paid');
    await server.settled();
    assert.equal(
      server.fulfilled.filter((o) => o.id === json.orderId).length,
      fulfilled
    );
    assert.equal(fulfilled, 1);
  });

  it('an order whose sale answer was lost is paid by the settlement notification', async () => {
    const {json} = await pay({paymentMethodNonce: 'fake-valid-nonce'});
    await server.store.update(json.orderId, () => ({
      status: 'pending',
      paidAt: undefined,
    }));
    emulator.settle((await order(json.orderId))!.providerPaymentId!);
    await emulator.flush();
    assert.equal((await order(json.orderId))?.status, 'paid');
  });

  it('a notification signed with another key is refused (400) and changes nothing', async () => {
    const {json} = await pay({paymentMethodNonce: 'fake-valid-nonce'});
    const transactionId = (await order(json.orderId))!.providerPaymentId!;
    emulator.settle(transactionId);
    await emulator.flush();
    emulator.faults.badSignatureNextEvents(1);
    emulator.openDispute(transactionId);
    await emulator.flush();
    const statuses = emulator.deliveries().map((d) => d.status);
    assert.ok(
      statuses.includes(400),
      `deliveries answered ${statuses.join(', ')}`
    );
    assert.equal((await order(json.orderId))?.status, 'paid');
  });

  it('a dispute opened on a settled sale disputes the order; won, it is paid again', async () => {
    const {json} = await pay({paymentMethodNonce: 'fake-valid-nonce'});
    const transactionId = (await order(json.orderId))!.providerPaymentId!;
    emulator.settle(transactionId);
    const dispute = emulator.openDispute(transactionId, {reason: 'fraud'});
    await emulator.flush();
    let stored = await order(json.orderId);
    assert.equal(stored?.status, 'disputed');
    assert.equal(stored?.dispute?.id, dispute.id);
    assert.equal(stored?.dispute?.amount, 5000);
    emulator.winDispute(dispute.id);
    await emulator.flush();
    stored = await order(json.orderId);
    assert.equal(stored?.status, 'paid');
    assert.equal(stored?.disputeStatus, 'won');
  });

  it('settlement declined after the sale: the paid order is disputed (its money never came)', async () => {
    const {json} = await pay({paymentMethodNonce: 'fake-valid-nonce'});
    emulator.declineSettlement((await order(json.orderId))!.providerPaymentId!);
    await emulator.flush();
    const stored = await order(json.orderId);
    assert.equal(stored?.status, 'disputed');
    assert.equal(stored?.disputeStatus, 'settlement_declined');
  });

  it('refunds: a void before settlement; after it, a partial credit and then the rest', async () => {
    const early = (await pay({paymentMethodNonce: 'fake-valid-nonce'})).json;
    const voided = await refund(early.orderId, 'void-early');
    assert.equal(voided.status, 201, await voided.clone().text());
    const earlyTx = (await order(early.orderId))!.providerPaymentId!;
    assert.equal(emulator.transaction(earlyTx)?.status, 'voided');
    assert.equal((await order(early.orderId))?.status, 'refunded');

    const late = (await pay({paymentMethodNonce: 'fake-valid-nonce'})).json;
    const lateTx = (await order(late.orderId))!.providerPaymentId!;
    const partEarly = await refund(late.orderId, 'part-too-early', 1000);
    assert.equal(partEarly.status, 409);
    emulator.settle(lateTx);
    await emulator.flush();
    const part = await refund(late.orderId, 'part', 1000);
    assert.equal(part.status, 201, await part.clone().text());
    assert.equal((await order(late.orderId))?.status, 'partially_refunded');
    const again = await refund(late.orderId, 'part', 1000);
    assert.equal(again.status, 200);
    const rest = await refund(late.orderId, 'rest');
    assert.equal(rest.status, 201, await rest.clone().text());
    const refunded = await order(late.orderId);
    assert.equal(refunded?.status, 'refunded');
    assert.equal(emulator.transaction(lateTx)?.refundIds.length, 2);
  });

  it('reconciliation reads the transaction back', async () => {
    const {json} = await pay({paymentMethodNonce: 'fake-valid-nonce'});
    await server.store.update(json.orderId, () => ({
      status: 'pending',
      paidAt: undefined,
    }));
    await server.reconciler.runOnce(-60_000);
    assert.equal((await order(json.orderId))?.status, 'paid');
  });
});
