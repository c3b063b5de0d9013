/**
 * What the Braintree server suites share: a server with Braintree (an API that does not answer,
 * or the emulator's), signed notifications from the official SDK with the same keys, and
 * orders seeded straight through the store.
 */
import braintree from 'braintree';
import {
  type BraintreeSettings,
  createBraintreeProvider,
} from '../../server/providers/braintree/client.js';
import type {OrderStore} from '../../server/orders/store.js';
import {fakeBraintree} from './braintree-sdk-fake.js';
import {makeServer} from './helpers.js';

export const BT_KEYS = {
  merchantId: 'unit_merchant',
  publicKey: 'unit_public_key',
  privateKey: 'unit_private_key_0123456789',
};

export const MERCHANT_ACCOUNTS = {
  USD: 'unit_usd',
  EUR: 'unit_eur',
  JPY: 'unit_jpy',
};

/** A server offering Braintree; by default its API is a closed loopback port (nothing answers). */
export function makeBraintreeServer(
  settings: Partial<BraintreeSettings> = {},
  options: Parameters<typeof makeServer>[0] = {}
) {
  return makeServer({
    braintree: createBraintreeProvider({
      ...BT_KEYS,
      merchantAccounts: MERCHANT_ACCOUNTS,
      apiBase: 'http://127.0.0.1:9',
      timeoutMs: 2000,
      ...settings,
    }),
    ...options,
  });
}

/** A server whose Braintree SDK calls are answered in memory (braintree-sdk-fake.ts). */
export async function makeFakedBraintreeServer(
  options: Parameters<typeof makeServer>[0] = {}
) {
  const provider = createBraintreeProvider({
    ...BT_KEYS,
    merchantAccounts: MERCHANT_ACCOUNTS,
    apiBase: 'http://127.0.0.1:9',
    timeoutMs: 2000,
  });
  const fake = fakeBraintree(provider);
  const server = await makeServer({braintree: provider, ...options});
  return {server, fake};
}

/** The SDK's own signed sample notifications, for keys (ours unless told). */
export function sampleNotification(
  kind: string,
  id: string,
  keys: {publicKey: string; privateKey: string} = BT_KEYS
): {bt_signature: string; bt_payload: string} {
  const gateway = new braintree.BraintreeGateway({
    environment: braintree.Environment.Sandbox,
    merchantId: BT_KEYS.merchantId,
    ...keys,
  });
  return gateway.webhookTesting.sampleNotification(
    kind as braintree.WebhookNotificationKind,
    id
  ) as unknown as {bt_signature: string; bt_payload: string};
}

/** A delivery as Braintree makes it: the two fields form-encoded (URLSearchParams keeps +, / and \n). */
export function deliverBraintree(
  app: {
    request: (path: string, init: RequestInit) => Response | Promise<Response>;
  },
  fields: Record<string, string> | string
) {
  return app.request('/api/webhooks/braintree', {
    method: 'POST',
    headers: {'content-type': 'application/x-www-form-urlencoded'},
    body:
      typeof fields === 'string'
        ? fields
        : new URLSearchParams(fields).toString(),
  });
}

/** A pending Braintree order with a transaction id, straight through the store. */
export async function seedBraintreeOrder(
  store: OrderStore,
  id: string,
  transactionId: string | undefined,
  total = 10000,
  currency = 'usd'
) {
  await store.create(
    {
      id,
      provider: 'braintree',
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
          unitAmount: total,
          quantity: 1,
          amount: total,
          discount: 0,
          tax: 0,
          shippable: true,
        },
      ],
    },
    'unused-token-hash'
  );
  if (transactionId)
    await store.update(id, () => ({providerPaymentId: transactionId}));
  return (await store.get(id))!;
}
