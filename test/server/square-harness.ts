/**
 * The whole Square loop over real HTTP: our server on a loopback port, the Square emulator on
 * another, the official SDK between them, and webhooks signed by the emulator for the
 * notification URL our server was configured with.
 */
import assert from 'node:assert/strict';
import type {AddressInfo} from 'node:net';
import {serve} from '@hono/node-server';
import {
  type RunningSquareEmulator,
  startSquareEmulator,
} from '../../emulators/square/index.js';
import {
  createSquareProvider,
  type SquareSettings,
} from '../../server/providers/square/client.js';
import {makeServer, postJson, type TestServer} from './helpers.js';

export interface SquareHarness {
  emulator: RunningSquareEmulator;
  server: TestServer;
  /** The notification URL: where the emulator delivers, and what it signs. */
  webhookUrl: string;
  close(): Promise<void>;
}

export async function startSquareHarness(
  options: Parameters<typeof makeServer>[0] & {
    squareSettings?: Partial<SquareSettings>;
    emulatorOptions?: Parameters<typeof startSquareEmulator>[0];
  } = {}
): Promise<SquareHarness> {
  const {squareSettings, emulatorOptions, ...rest} = options;
  const emulator = await startSquareEmulator({
    retryDelaysMs: [20, 50, 100],
    ...emulatorOptions,
  });
  // The server's port is its notification URL, which its Square settings need: listen first.
  let fetchApp: (request: Request) => Response | Promise<Response> = () =>
    new Response(null, {status: 503});
  const listener = serve({
    fetch: (request) => fetchApp(request),
    hostname: '127.0.0.1',
    port: 0,
  });
  await new Promise((resolve) => listener.once('listening', resolve));
  const webhookUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/api/webhooks/square`;
  const server = await makeServer({
    square: createSquareProvider({
      accessToken: emulator.accessToken,
      applicationId: emulator.applicationId,
      locations: {...emulator.locations},
      webhookSignatureKey: emulator.signatureKey,
      webhookUrl,
      apiBase: emulator.url,
      sdkUrl: `${emulator.url}/v1/square.js`,
      maxRetries: 0,
      timeoutMs: 3000,
      ...squareSettings,
    }),
    ...rest,
  });
  fetchApp = server.app.fetch;
  emulator.setWebhookUrl(webhookUrl);
  return {
    emulator,
    server,
    webhookUrl,
    async close() {
      await emulator.close();
      await new Promise((resolve) => listener.close(resolve));
      await server.close();
    },
  };
}

/** Two tees, 50.00 USD (the demo's products without shipping or tax rules). */
export const cart = {
  items: [{sku: 'tee-black-m', quantity: 2}],
  email: 'buyer@example.com',
};

export async function pay(
  h: SquareHarness,
  body: Record<string, unknown>,
  headers: Record<string, string> = {}
) {
  const res = await postJson(
    h.server.app,
    '/api/square/payments',
    body,
    headers
  );
  const text = await res.text();
  let json: Record<string, unknown> & {
    error?: {code: string; message: string};
  };
  try {
    json = JSON.parse(text);
  } catch {
    assert.fail(`not JSON (${res.status}): ${text}`);
  }
  return {status: res.status, json, text};
}

/** A paid order: the card form's nonce for a good card, charged through the route. */
export async function paidOrder(h: SquareHarness, body: object = cart) {
  const {status, json} = await pay(h, {
    ...body,
    sourceId: h.emulator.cardNonce(),
  });
  assert.equal(status, 201, JSON.stringify(json));
  assert.equal(json.status, 'paid');
  const order = (await h.server.store.get(json.orderId as string))!;
  return {
    orderId: order.id,
    orderToken: json.orderToken as string,
    paymentId: order.providerPaymentId!,
  };
}

/** Every order the server has, oldest first. */
export const allOrders = (h: SquareHarness) =>
  h.server.store.admin.ordersCreated(
    '2000-01-01T00:00:00.000Z',
    '2100-01-01T00:00:00.000Z',
    1000
  );
