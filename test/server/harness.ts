/**
 * Our server on a loopback port and the Stripe emulator on another, webhooks flowing between
 * them: the whole Stripe loop over real HTTP.
 */
import type {AddressInfo} from 'node:net';
import {serve} from '@hono/node-server';
import Stripe from 'stripe';
import {
  type RunningStripeEmulator,
  startStripeEmulator,
} from '../../emulators/stripe/index.js';
import {makeServer, type TestServer} from './helpers.js';

export interface Harness {
  emulator: RunningStripeEmulator;
  server: TestServer;
  /** The official SDK with the emulator's secret key, playing the buyer's browser and the dashboard. */
  stripe: Stripe;
  close(): Promise<void>;
}

export async function startHarness(
  options: Parameters<typeof makeServer>[0] = {}
): Promise<Harness> {
  const emulator = await startStripeEmulator({retryDelaysMs: [20, 50, 100]});
  const {stripeSettings, ...rest} = options;
  const server = await makeServer({
    ...rest,
    stripeSettings: {
      secretKey: emulator.secretKey,
      publishableKey: emulator.publishableKey,
      webhookSecret: emulator.webhookSecret,
      apiBase: emulator.url,
      ...stripeSettings,
    },
  });
  const listener = serve({
    fetch: server.app.fetch,
    hostname: '127.0.0.1',
    port: 0,
  });
  await new Promise((resolve) => listener.once('listening', resolve));
  emulator.setWebhookUrl(
    `http://127.0.0.1:${(listener.address() as AddressInfo).port}/api/webhooks/stripe`
  );
  const stripe = emulatorClient(emulator);
  return {
    emulator,
    server,
    stripe,
    async close() {
      await emulator.close();
      await new Promise((resolve) => listener.close(resolve));
      await server.close();
    },
  };
}

/** stripe-node with the emulator's secret key: the buyer's browser and the dashboard in tests. */
export function emulatorClient(emulator: RunningStripeEmulator): Stripe {
  return new Stripe(emulator.secretKey, {
    host: '127.0.0.1',
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
    httpClient: Stripe.createFetchHttpClient(),
  });
}
