/**
 * The payment providers a Node server offers, by mode:
 * - a provider with keys or credentials talks to them (Stripe, PayPal, or any compatible API);
 * - development: a provider without them is replaced by its offline emulator
 *   (`@pay-checkout/emulators`, an optional dependency), on PORT+1 (Stripe) and PORT+2
 *   (PayPal), so a checkout page's Content Security Policy can name them;
 * - production: a provider without them is not offered, and no emulator is ever loaded.
 */
import type {
  RunningPaypalEmulator,
  RunningStripeEmulator,
} from '@pay-checkout/emulators';
import {ConfigError, type ServerConfig} from './config.js';
import type {CheckoutPagePolicyOptions} from './csp.js';
import {emulatorPorts} from './emulator-ports.js';
import type {GatewayProviders} from './providers/registry.js';
import {
  createPaypalProvider,
  type PaypalProvider,
} from './providers/paypal/client.js';
import {
  createStripeProvider,
  type StripeProvider,
} from './providers/stripe/client.js';

export interface Providers {
  /** Each offered gateway's settings, as createCheckoutServer takes them. */
  gateways: GatewayProviders;
  /** What a checkout page loads for them (its policy's provider part). */
  browser: Pick<CheckoutPagePolicyOptions, 'stripe' | 'paypal'>;
  /** One line per provider for the start-up banner. */
  lines: string[];
  close(): Promise<void>;
}

/** `port` is the one the server listens on: emulators deliver their webhooks there. */
export async function startProviders(
  config: ServerConfig,
  port: number
): Promise<Providers> {
  const development = config.mode === 'development';
  const lines: string[] = [];
  const needEmulators = development && (!config.stripe || !config.paypal);
  const emulators = needEmulators ? await loadEmulators() : undefined;
  const ports = emulatorPorts(config.port);
  const webhook = (provider: string) =>
    `http://127.0.0.1:${port}/api/webhooks/${provider}`;

  let stripe: StripeProvider | undefined;
  let stripeEmulator: RunningStripeEmulator | undefined;
  const browser: Providers['browser'] = {};
  if (config.stripe) {
    stripe = createStripeProvider(config.stripe);
    browser.stripe = {};
    lines.push(
      `Stripe: ${config.stripe.apiBase ?? 'api.stripe.com'} (${config.stripe.secretKey.slice(0, 8)}…)`
    );
  } else if (emulators) {
    stripeEmulator = await emulators.startStripeEmulator({port: ports.stripe});
    stripeEmulator.setWebhookUrl(webhook('stripe'));
    const jsUrl = `${stripeEmulator.url}/js/stripe.js`;
    stripe = createStripeProvider({
      secretKey: stripeEmulator.secretKey,
      publishableKey: stripeEmulator.publishableKey,
      webhookSecret: stripeEmulator.webhookSecret,
      apiBase: stripeEmulator.url,
      jsUrl,
    });
    browser.stripe = {jsUrl};
    lines.push(
      `Stripe: no STRIPE_SECRET_KEY set, so the offline Stripe emulator runs at ${stripeEmulator.url}`,
      '        pay with 4242 4242 4242 4242 (any future date, any CVC); 4000 0000 0000 0002 is declined'
    );
  } else {
    lines.push(
      'Stripe: not configured, so not offered (no emulator in production)'
    );
  }

  let paypal: PaypalProvider | undefined;
  let paypalEmulator: RunningPaypalEmulator | undefined;
  if (config.paypal) {
    paypal = createPaypalProvider(config.paypal);
    browser.paypal = {};
    const {apiBase, environment, clientId, webhookVerification} = config.paypal;
    lines.push(
      `PayPal: ${apiBase ?? `PayPal ${environment}`} (${clientId.slice(0, 8)}…, ${webhookVerification} webhooks)`
    );
  } else if (emulators) {
    paypalEmulator = await emulators.startPaypalEmulator({port: ports.paypal});
    paypalEmulator.setWebhookUrl(webhook('paypal'));
    const sdkBaseUrl = `${paypalEmulator.url}/sdk/js`;
    paypal = createPaypalProvider({
      clientId: paypalEmulator.clientId,
      clientSecret: paypalEmulator.clientSecret,
      webhookId: paypalEmulator.webhookId,
      apiBase: paypalEmulator.url,
      sdkBaseUrl,
    });
    browser.paypal = {sdkBaseUrl};
    lines.push(
      `PayPal: no PAYPAL_CLIENT_ID set, so the offline PayPal emulator runs at ${paypalEmulator.url}`,
      '        its approval window offers Approve, Cancel and Decline card'
    );
  } else {
    lines.push(
      'PayPal: not configured, so not offered (no emulator in production)'
    );
  }

  return {
    gateways: {stripe, paypal},
    browser,
    lines,
    async close() {
      await stripeEmulator?.close();
      await paypalEmulator?.close();
    },
  };
}

/** The emulators are an optional dependency: development without keys needs them, nothing else. */
async function loadEmulators() {
  try {
    return await import('@pay-checkout/emulators');
  } catch (error) {
    if ((error as {code?: string}).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new ConfigError([
      'No keys are set for Stripe or PayPal, and @pay-checkout/emulators (the offline providers for development) is not installed. Install it, or set STRIPE_SECRET_KEY… / PAYPAL_CLIENT_ID… (see the README).',
    ]);
  }
}
