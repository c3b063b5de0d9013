/**
 * A limited discount code through the API, with two server instances on one database (on
 * PostgreSQL, each with its own pool, as two processes would be): the last use goes to one
 * buyer, the other gets 409 price_changed with a quote saying `used_up`; a failed payment gives
 * the use back.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {
  type RunningStripeEmulator,
  startStripeEmulator,
} from '../../emulators/stripe/index.js';
import {createCheckoutServer} from '../../server/app.js';
import {parseCatalog} from '../../server/catalog/index.js';
import {createSqlStore} from '../../server/orders/sql-store.js';
import type {OrderStore} from '../../server/orders/store.js';
import {createStripeProvider} from '../../server/providers/stripe/client.js';
import {
  deliverStripe,
  intentIdOf,
  intentObject,
  postJson,
  stripeEvent,
  stripeSignature,
  TEST_STORE,
  type TestDatabase,
  testDatabase,
} from './helpers.js';

const catalog = parseCatalog(
  {
    defaultCurrency: 'usd',
    products: [
      {
        sku: 'ebook',
        name: 'Field guide (PDF)',
        maxQuantity: 1,
        prices: {usd: 3000},
        shippable: false,
      },
    ],
    discounts: [{code: 'LAST1', percentOff: 10, usageLimit: 1}],
  },
  'test catalog'
);

describe('a discount code’s last use, raced through two server instances', () => {
  let emulator: RunningStripeEmulator;
  let database: TestDatabase;
  const stores: OrderStore[] = [];
  let apps: ReturnType<typeof createCheckoutServer>['app'][];

  before(async () => {
    emulator = await startStripeEmulator();
    database = await testDatabase({shared: true});
    // SQLite is one instance's embedded database: both apps share its store.
    stores.push(await createSqlStore({databaseUrl: database.url}));
    stores.push(
      TEST_STORE === 'postgres'
        ? await createSqlStore({databaseUrl: database.url})
        : stores[0]
    );
    apps = stores.map(
      (store) =>
        createCheckoutServer({
          catalog,
          store,
          stripe: createStripeProvider({
            secretKey: emulator.secretKey,
            publishableKey: emulator.publishableKey,
            webhookSecret: emulator.webhookSecret,
            apiBase: emulator.url,
            maxNetworkRetries: 0,
          }),
          rateLimits: {createPerMinute: 0, quotePerMinute: 0},
        }).app
    );
  });
  after(async () => {
    for (const store of new Set(stores)) await store.close();
    await database.drop();
    await emulator.close();
  });

  const buy = (instance: number, email: string) =>
    postJson(apps[instance], '/api/stripe/payment-intents', {
      items: [{sku: 'ebook', quantity: 1}],
      discountCode: 'last1',
      email,
    });

  let winner: {orderId: string; clientSecret: string};

  it('charges one buyer the discounted price and answers the other 409 used_up, creating nothing for them', async () => {
    const answers = await Promise.all([
      buy(0, 'ann@example.com'),
      buy(1, 'bob@example.com'),
    ]);
    const statuses = answers.map((res) => res.status).sort();
    assert.deepEqual(statuses, [201, 409]);
    const won = answers.find((res) => res.status === 201)!;
    const lost = answers.find((res) => res.status === 409)!;
    winner = await won.json();
    assert.equal((await stores[0].get(winner.orderId))?.total, 2700);
    const {error} = await lost.json();
    assert.equal(error.code, 'price_changed');
    assert.equal(error.quote.discountCode.status, 'used_up');
    assert.equal(error.quote.total, 3000, 'the price without the code');
    assert.equal(
      emulator.events.list('payment_intent.created').length,
      1,
      'only the winner reached Stripe'
    );
    const quote = await postJson(apps[1], '/api/quote', {
      items: [{sku: 'ebook', quantity: 1}],
      discountCode: 'LAST1',
    });
    assert.equal((await quote.json()).discountCode.status, 'used_up');
  });

  it('gives the use back when the winner’s payment fails', async () => {
    const failed = stripeEvent(
      'payment_intent.payment_failed',
      intentObject(winner.orderId, intentIdOf(winner.clientSecret), {
        status: 'requires_payment_method',
        amount: 2700,
      })
    );
    const res = await deliverStripe(
      apps[0],
      failed,
      stripeSignature(failed, {secret: emulator.webhookSecret})
    );
    assert.equal(res.status, 200);
    assert.equal((await stores[1].get(winner.orderId))?.status, 'failed');
    const again = await buy(1, 'bob@example.com');
    assert.equal(again.status, 201);
    assert.equal((await again.json()).amount, 2700);
  });
});
