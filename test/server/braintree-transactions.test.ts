/**
 * POST /api/braintree/client-token and POST /api/braintree/transactions through app.request(),
 * with the SDK's calls answered in memory (braintree-sdk-fake.ts): what is sent to Braintree,
 * what the buyer is answered, and what the order becomes.
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, beforeEach, describe, it} from 'node:test';
import {parseCatalog} from '../../server/catalog/index.js';
import type {FakeBraintree} from './braintree-sdk-fake.js';
import {makeFakedBraintreeServer} from './braintree-helpers.js';
import {demoCatalog, postJson, type TestServer} from './helpers.js';
import {collectingLogger} from './hostile-helpers.js';

let server: TestServer;
let fake: FakeBraintree;

// Two tees, 25.00 each, in the demo catalog's products (no shipping or tax rules).
const cart = {
  items: [{sku: 'tee-black-m', quantity: 2}],
  currency: 'usd',
  email: 'buyer@example.com',
};

const pay = (
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {}
) =>
  postJson(
    server.app,
    '/api/braintree/transactions',
    {...cart, paymentMethodNonce: 'fake-valid-nonce', ...body},
    headers
  );

describe('Braintree routes', () => {
  beforeEach(async () => {
    await server?.close();
    ({server, fake} = await makeFakedBraintreeServer({catalog: demoCatalog()}));
  });
  after(() => server.close());

  describe('POST /api/braintree/client-token', () => {
    it("answers a client token for the currency's merchant account", async () => {
      const res = await postJson(server.app, '/api/braintree/client-token', {
        currency: 'eur',
      });
      assert.equal(res.status, 200);
      const {clientToken} = await res.json();
      assert.equal(
        JSON.parse(Buffer.from(clientToken, 'base64').toString())
          .merchantAccountId,
        'unit_eur'
      );
      assert.deepEqual(fake.calls, ['clientToken unit_eur']);
    });

    it('refuses a currency without a merchant account (400 currency_not_supported), a bad body (400), and Braintree not answering (503)', async () => {
      const gbp = await postJson(server.app, '/api/braintree/client-token', {
        currency: 'GBP',
      });
      assert.equal(gbp.status, 400);
      assert.equal((await gbp.json()).error.code, 'currency_not_supported');
      for (const body of [{}, {currency: 'dollars'}, {currency: ['usd']}]) {
        const res = await postJson(
          server.app,
          '/api/braintree/client-token',
          body
        );
        assert.equal(res.status, 400, JSON.stringify(body));
      }
      fake.failNext = 'unexpectedError';
      const down = await postJson(server.app, '/api/braintree/client-token', {
        currency: 'usd',
      });
      assert.equal(down.status, 503);
      assert.equal((await down.json()).error.code, 'provider_unavailable');
    });
  });

  describe('POST /api/braintree/transactions', () => {
    it("sells the nonce for the catalog price, our order id and the currency's account, and answers the order paid", async () => {
      const res = await pay({
        items: [{sku: 'tee-black-m', quantity: 2, price: 1}],
        amount: 1,
        deviceData: '{"correlation_id":"abc"}',
      });
      assert.equal(res.status, 201);
      const body = await res.json();
      assert.deepEqual(Object.keys(body).sort(), [
        'orderId',
        'orderToken',
        'status',
      ]);
      assert.equal(body.status, 'paid');
      assert.deepEqual(fake.sales, [
        {
          amount: '50.00',
          paymentMethodNonce: 'fake-valid-nonce',
          deviceData: '{"correlation_id":"abc"}',
          orderId: body.orderId,
          merchantAccountId: 'unit_usd',
          options: {submitForSettlement: true},
        },
      ]);
      const order = await server.store.get(body.orderId);
      assert.equal(order?.status, 'paid');
      assert.equal(order?.provider, 'braintree');
      assert.equal(order?.providerPaymentId, 'bt_1');
      assert.deepEqual(
        (await server.settled()).map((o) => o.id),
        [body.orderId]
      );
    });

    it('writes a zero-decimal currency without decimals (JPY)', async () => {
      const res = await pay({currency: 'jpy'});
      assert.equal(res.status, 201, JSON.stringify(await res.clone().json()));
      assert.match(fake.sales[0].amount as string, /^\d+$/);
      assert.equal(fake.sales[0].merchantAccountId, 'unit_jpy');
    });

    it('a processor decline is 402 card_declined in our words; the order is failed; a retry is a new order', async () => {
      const res = await pay({
        paymentMethodNonce: 'fake-processor-declined-visa-nonce',
      });
      assert.equal(res.status, 402);
      const {error} = await res.json();
      assert.equal(error.code, 'card_declined');
      assert.doesNotMatch(error.message, /Do Not Honor/);
      const [declined] = [...fake.transactions.values()];
      const order = await server.store.findByPayment('braintree', declined.id);
      assert.equal(order?.status, 'failed');

      const retry = await pay();
      assert.equal(retry.status, 201);
      const again = await retry.json();
      assert.notEqual(again.orderId, order?.id);
      assert.equal(again.status, 'paid');
    });

    it('a gateway rejection for fraud is 402 payment_refused; a used nonce 400 invalid_request, the order failed', async () => {
      const fraud = await pay({
        paymentMethodNonce: 'fake-gateway-rejected-fraud-nonce',
      });
      assert.equal(fraud.status, 402);
      assert.equal((await fraud.json()).error.code, 'payment_refused');

      const used = await pay({paymentMethodNonce: 'fake-consumed-nonce'});
      assert.equal(used.status, 400);
      const {error} = await used.json();
      assert.equal(error.code, 'invalid_request');
      assert.doesNotMatch(error.message, /payment_method_nonce/);
      // Braintree made no transaction: nothing to wait for, so no order is left open.
      const open = await server.store.openOrders(
        new Date(Date.now() + 60_000).toISOString(),
        10
      );
      assert.deepEqual(open, []);
    });

    it('a used nonce releases the order’s discount code at once: the next attempt may use it', async () => {
      await server.close();
      const data = JSON.parse(readFileSync('demo/catalog.json', 'utf8')) as {
        products: unknown;
      };
      ({server, fake} = await makeFakedBraintreeServer({
        catalog: parseCatalog(
          {
            defaultCurrency: 'usd',
            products: data.products,
            discounts: [{code: 'ONCE', percentOff: 10, usageLimit: 1}],
          },
          'test catalog'
        ),
      }));
      const used = await pay({
        paymentMethodNonce: 'fake-consumed-nonce',
        discountCode: 'ONCE',
        expectedTotal: 4500,
      });
      assert.equal(used.status, 400);
      const paid = await pay({discountCode: 'ONCE', expectedTotal: 4500});
      assert.equal(paid.status, 201, await paid.clone().text());
      assert.equal((await paid.json()).status, 'paid');
    });

    it('answers 409 price_changed with the fresh quote when the buyer saw another total, and sells nothing', async () => {
      const res = await pay({expectedTotal: 4000});
      assert.equal(res.status, 409);
      const {error} = await res.json();
      assert.equal(error.code, 'price_changed');
      assert.equal(error.quote.total, 5000);
      assert.deepEqual(fake.sales, []);
    });

    it('refuses a currency without a merchant account before an order is written', async () => {
      const res = await pay({currency: 'gbp'});
      assert.equal(res.status, 400);
      assert.equal((await res.json()).error.code, 'currency_not_supported');
      assert.deepEqual(fake.sales, []);
    });

    it('refuses hostile input: no nonce, a nonce that is not an id, a huge device data, a bad cart', async () => {
      for (const body of [
        {paymentMethodNonce: undefined},
        {paymentMethodNonce: ''},
        {paymentMethodNonce: 'fake-valid-nonce\r\nX-Injected: 1'},
        {paymentMethodNonce: {$ne: 1}},
        {paymentMethodNonce: 'x'.repeat(300)},
        {deviceData: 'x'.repeat(5000)},
        {deviceData: {a: 1}},
        {items: []},
        {items: [{sku: 'nope', quantity: 1}]},
      ]) {
        const res = await pay(body as Record<string, unknown>);
        assert.ok(
          [400, 422].includes(res.status),
          `${JSON.stringify(body).slice(0, 60)} → ${res.status}`
        );
      }
      assert.deepEqual(fake.sales, []);
      const notJson = await postJson(
        server.app,
        '/api/braintree/transactions',
        '{"items":'
      );
      assert.equal(notJson.status, 400);
    });

    it('Braintree not answering after it made the sale: the sale is found by its order id, and the order paid', async () => {
      fake.failNextSale = {type: 'unexpectedError', made: true};
      const res = await pay();
      assert.equal(res.status, 201);
      const body = await res.json();
      assert.equal(body.status, 'paid');
      assert.deepEqual(fake.calls, ['sale', 'search']);
      assert.equal(
        (await server.store.get(body.orderId))?.providerPaymentId,
        'bt_1'
      );
    });

    it('Braintree not answering and no sale made: 503 provider_unavailable, the order pending without a payment', async () => {
      fake.failNextSale = {type: 'gatewayTimeoutError', made: false};
      const res = await pay();
      assert.equal(res.status, 503);
      assert.equal((await res.json()).error.code, 'provider_unavailable');
      assert.equal(fake.transactions.size, 0);
    });

    it('Braintree refusing our credentials is 502 provider_error, and says nothing of them', async () => {
      fake.failNextSale = {type: 'authenticationError', made: false};
      const res = await pay();
      assert.equal(res.status, 502);
      const text = await res.text();
      assert.match(text, /provider_error/);
      assert.doesNotMatch(text, /unit_private_key|authenticationError/);
    });

    it("logs Braintree's own reason (not the buyer's answer), never a key, a nonce or a stack", async () => {
      const {logger, lines} = collectingLogger();
      const logged = await makeFakedBraintreeServer({
        catalog: demoCatalog(),
        logger,
      });
      try {
        const res = await postJson(
          logged.server.app,
          '/api/braintree/transactions',
          {
            ...cart,
            paymentMethodNonce: 'fake-processor-declined-visa-nonce',
          }
        );
        assert.equal(res.status, 402);
        assert.doesNotMatch(await res.text(), /Do Not Honor/);
        const refusal = lines
          .map((line) => JSON.parse(line))
          .find((l) => l.msg === 'Braintree refused the sale');
        assert.equal(refusal?.processorResponseCode, '2000');
        assert.equal(refusal?.message, 'Do Not Honor');
        for (const line of lines) {
          assert.doesNotMatch(
            line,
            /unit_private_key|fake-processor-declined-visa-nonce|"stack"/,
            line
          );
        }
      } finally {
        await logged.server.close();
      }
    });

    it('the same Idempotency-Key answers the first sale again, without a second one', async () => {
      const first = await pay(
        {},
        {'idempotency-key': 'checkout-key-0000000001'}
      );
      const second = await pay(
        {},
        {'idempotency-key': 'checkout-key-0000000001'}
      );
      assert.equal(first.status, 201);
      assert.equal(second.status, 201);
      assert.equal((await first.json()).orderId, (await second.json()).orderId);
      assert.equal(fake.sales.length, 1);
    });
  });
});
