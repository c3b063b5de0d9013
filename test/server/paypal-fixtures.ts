/**
 * A checkout server for the tests with PayPal configured against the in-memory fake PayPal
 * (paypal-fake.ts), and PayPal orders seeded straight through its store. Webhooks to send it:
 * paypal-webhook-fixtures.ts.
 */
import type {CheckoutServerOptions} from '../../server/app.js';
import type {Catalog} from '../../server/catalog/index.js';
import {
  createPaypalProvider,
  type PaypalSettings,
} from '../../server/providers/paypal/client.js';
import {makeServer, type TestServer} from './helpers.js';
import {createFakePaypal, type FakePaypal} from './paypal-fake.js';
import {
  PAYPAL_CLIENT_ID,
  PAYPAL_CLIENT_SECRET,
  PAYPAL_WEBHOOK_ID,
} from './paypal-webhook-fixtures.js';

export interface PaypalTestServer extends TestServer {
  fake: FakePaypal;
}

/** A checkout server with PayPal configured against a fake PayPal. */
export async function makePaypalServer(
  options: {
    fake?: FakePaypal;
    settings?: Partial<PaypalSettings>;
    catalog?: Catalog;
    now?: () => Date;
    onOrderPaid?: CheckoutServerOptions['onOrderPaid'];
  } = {}
): Promise<PaypalTestServer> {
  const fake = options.fake ?? createFakePaypal();
  const server = await makeServer({
    paypal: createPaypalProvider({
      clientId: PAYPAL_CLIENT_ID,
      clientSecret: PAYPAL_CLIENT_SECRET,
      webhookId: PAYPAL_WEBHOOK_ID,
      fetch: fake.fetch,
      timeoutMs: 500,
      ...options.settings,
    }),
    ...(options.catalog && {catalog: options.catalog}),
    ...(options.now && {now: options.now}),
    ...(options.onOrderPaid && {onOrderPaid: options.onOrderPaid}),
  });
  return {...server, fake};
}

/** A pending PayPal order with a given PayPal order id, straight through the store. */
export async function seedPaypalOrder(
  server: TestServer,
  id: string,
  paypalOrderId: string,
  total = 5000,
  currency = 'usd'
) {
  await server.store.create(
    {
      id,
      provider: 'paypal',
      currency,
      subtotal: total,
      discount: 0,
      shipping: 0,
      tax: 0,
      taxInclusive: false,
      total,
      lines: [
        {
          sku: 'tee-black-m',
          name: 'Black tee, size M',
          unitAmount: total / 2,
          quantity: 2,
          amount: total,
          discount: 0,
          tax: 0,
          shippable: true,
        },
      ],
    },
    'unused-token-hash'
  );
  await server.store.update(id, () => ({providerPaymentId: paypalOrderId}));
  return (await server.store.get(id))!;
}
