/**
 * PayPal on the command line: its environment variables (PAYPAL_…) and their checks, how the
 * Node server starts it (or, in development, the offline PayPal emulator), and the origins a
 * checkout page must allow for PayPal's JS SDK.
 */
import {z} from 'zod';
import {optional, token} from '../../env.js';
import {gatewayEnv, type GatewayNode, type PageLoad} from '../command-line.js';
import {createPaypalProvider, type PaypalProvider} from './client.js';

/** Unset: no credentials were given, and the offline PayPal emulator stands in. */
export interface PaypalConfig {
  clientId: string;
  clientSecret: string;
  webhookId: string;
  environment: 'sandbox' | 'live';
  apiBase?: string;
  webhookVerification: 'offline' | 'postback';
}

export const paypalEnv = gatewayEnv({
  schema: {
    PAYPAL_CLIENT_ID: token('a PayPal REST app client id'),
    PAYPAL_CLIENT_SECRET: token('a PayPal REST app secret'),
    // PayPal's ids are letters and digits; the webhook simulator's literal is WEBHOOK_ID.
    PAYPAL_WEBHOOK_ID: token('a PayPal webhook id').refine(
      (value) => value === undefined || /^[A-Za-z0-9_-]{1,50}$/.test(value),
      'must be the webhook id PayPal shows for the listener (letters and digits)'
    ),
    PAYPAL_ENVIRONMENT: optional.pipe(
      z.enum(['sandbox', 'live']).default('sandbox')
    ),
    PAYPAL_API_BASE: optional,
    PAYPAL_WEBHOOK_VERIFICATION: optional.pipe(
      z.enum(['offline', 'postback']).default('offline')
    ),
  },
  credentials: [
    'PAYPAL_CLIENT_ID',
    'PAYPAL_CLIENT_SECRET',
    'PAYPAL_WEBHOOK_ID',
  ],
  apiBase: 'PAYPAL_API_BASE',
  read(vars, problems): PaypalConfig | undefined {
    const {
      PAYPAL_CLIENT_ID: clientId,
      PAYPAL_CLIENT_SECRET: clientSecret,
      PAYPAL_WEBHOOK_ID: webhookId,
    } = vars;
    if (!clientId && !clientSecret && !webhookId) return undefined;
    if (!clientId)
      problems.push(
        'PAYPAL_CLIENT_ID is required when any PAYPAL_ credential is set'
      );
    if (!clientSecret)
      problems.push('PAYPAL_CLIENT_SECRET is required with PAYPAL_CLIENT_ID');
    // Without it no webhook can be verified: PAYMENT.CAPTURE.COMPLETED, refunds and disputes
    // would all be refused, and an order whose capture answer was lost would never be paid.
    if (!webhookId) {
      problems.push(
        'PAYPAL_WEBHOOK_ID is required with PAYPAL_CLIENT_ID (the id PayPal shows for the webhook listener of the app)'
      );
    }
    if (!clientId || !clientSecret || !webhookId) return undefined;
    return {
      clientId,
      clientSecret,
      webhookId,
      environment: vars.PAYPAL_ENVIRONMENT,
      apiBase: vars.PAYPAL_API_BASE,
      webhookVerification: vars.PAYPAL_WEBHOOK_VERIFICATION,
    };
  },
  live: (vars) =>
    vars.PAYPAL_ENVIRONMENT === 'live' ? 'PAYPAL_ENVIRONMENT=live' : undefined,
});

/** PayPal's JS SDK with a nonce instead of 'unsafe-inline': developer.paypal.com/sdk/js/best-practices. */
const PAYPAL_JS = [
  'https://*.paypal.com',
  'https://*.paypalobjects.com',
  'https://*.venmo.com',
];

// The SDK adds <style> elements to the page: under the policy they need the page's nonce.
const page = (from: string, hosts: readonly string[]): PageLoad => ({
  from,
  policy: {
    sources: {
      'script-src': hosts,
      'style-src': hosts,
      'connect-src': hosts,
      'frame-src': hosts,
      'img-src': hosts,
      'child-src': hosts,
    },
    nonce: {
      directives: ['script-src', 'style-src'],
      why: "PayPal's SDK adds <style> elements that need it.",
    },
  },
});

export const paypalNode: GatewayNode<PaypalConfig, PaypalProvider> = {
  configured(config) {
    const {apiBase, environment, clientId, webhookVerification} = config;
    return {
      settings: createPaypalProvider(config),
      lines: [
        `PayPal: ${apiBase ?? `PayPal ${environment}`} (${clientId.slice(0, 8)}…, ${webhookVerification} webhooks)`,
      ],
    };
  },
  page: page('PayPal JS SDK', PAYPAL_JS),
  emulator: {
    async start(emulators, {port, webhookUrl}) {
      const emulator = await emulators.startPaypalEmulator({port});
      emulator.setWebhookUrl(webhookUrl);
      const sdkBaseUrl = `${emulator.url}/sdk/js`;
      return {
        settings: createPaypalProvider({
          clientId: emulator.clientId,
          clientSecret: emulator.clientSecret,
          webhookId: emulator.webhookId,
          apiBase: emulator.url,
          sdkBaseUrl,
        }),
        lines: [
          `PayPal: no PAYPAL_CLIENT_ID set, so the offline PayPal emulator runs at ${emulator.url}`,
          '        its approval window offers Approve, Cancel and Decline card',
        ],
        page: emulatorPage(new URL(sdkBaseUrl).origin),
        close: () => emulator.close(),
      };
    },
    page: emulatorPage,
  },
};

function emulatorPage(origin: string): PageLoad {
  return page(`emulator at ${origin}`, [origin]);
}
