/**
 * Stripe on the command line: its environment variables (STRIPE_…) and their checks, how the
 * Node server starts it (or, in development, the offline Stripe emulator), and the origins a
 * checkout page must allow for Stripe.js.
 */
import {optional, secret} from '../../env.js';
import {gatewayEnv, type GatewayNode, type PageLoad} from '../command-line.js';
import {createStripeProvider, type StripeProvider} from './client.js';

/** Unset: no keys were given, and the offline Stripe emulator stands in. */
export interface StripeConfig {
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
  apiBase?: string;
}

const keyMode = (key: string) => (key.includes('_live_') ? 'live' : 'test');

export const stripeEnv = gatewayEnv({
  schema: {
    STRIPE_SECRET_KEY: secret(
      ['sk_test_', 'sk_live_', 'rk_test_', 'rk_live_'],
      'a Stripe secret or restricted key'
    ),
    STRIPE_PUBLISHABLE_KEY: secret(
      ['pk_test_', 'pk_live_'],
      'a Stripe publishable key'
    ),
    STRIPE_WEBHOOK_SECRET: secret(
      ['whsec_'],
      'a Stripe webhook signing secret'
    ),
    STRIPE_API_BASE: optional,
  },
  credentials: [
    'STRIPE_SECRET_KEY',
    'STRIPE_PUBLISHABLE_KEY',
    'STRIPE_WEBHOOK_SECRET',
  ],
  apiBase: 'STRIPE_API_BASE',
  read(vars, problems): StripeConfig | undefined {
    const {
      STRIPE_SECRET_KEY: secretKey,
      STRIPE_PUBLISHABLE_KEY: publishableKey,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
    } = vars;
    if (!secretKey && !publishableKey && !webhookSecret) return undefined;
    if (!secretKey)
      problems.push(
        'STRIPE_SECRET_KEY is required when any STRIPE_ variable is set'
      );
    if (!publishableKey)
      problems.push(
        'STRIPE_PUBLISHABLE_KEY is required with STRIPE_SECRET_KEY'
      );
    // Without it no webhook can be verified and no order could ever be marked paid.
    if (!webhookSecret) {
      problems.push(
        'STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY (from the Dashboard endpoint, or printed by `stripe listen`)'
      );
    }
    if (
      secretKey &&
      publishableKey &&
      keyMode(secretKey) !== keyMode(publishableKey)
    ) {
      problems.push(
        'STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY must both be test keys or both live keys'
      );
    }
    if (!secretKey || !publishableKey || !webhookSecret) return undefined;
    return {
      secretKey,
      publishableKey,
      webhookSecret,
      apiBase: vars.STRIPE_API_BASE,
    };
  },
  // A live key of any kind is production; a test key alone stays in development.
  live: (vars) =>
    [vars.STRIPE_SECRET_KEY, vars.STRIPE_PUBLISHABLE_KEY].some(
      (key) => key !== undefined && keyMode(key) === 'live'
    )
      ? 'a live Stripe key is set'
      : undefined,
});

/** Stripe.js, and Link, which the Payment Element offers: docs.stripe.com/security/guide#content-security-policy. */
const STRIPE_JS: PageLoad = {
  from: 'js.stripe.com',
  policy: {
    sources: {
      'script-src': ['https://js.stripe.com', 'https://*.js.stripe.com'],
      'frame-src': [
        'https://js.stripe.com',
        'https://*.js.stripe.com',
        // 3-D Secure and other redirect-based methods.
        'https://hooks.stripe.com',
        'https://link.com',
        'https://*.link.com',
      ],
      'connect-src': [
        'https://api.stripe.com',
        'https://link.com',
        'https://*.link.com',
      ],
      'img-src': ['https://*.link.com'],
      // https://maps.googleapis.com is only for the Address Element, which the checkout does not use.
      // Hosted Checkout is a top-level navigation to checkout.stripe.com: no directive governs it.
    },
  },
};

// The emulator serves its Stripe.js, the Payment Element's frame and the API on one origin.
const emulatorPage = (origin: string): PageLoad => ({
  from: `emulator at ${origin}`,
  policy: {
    sources: {
      'script-src': [origin],
      'frame-src': [origin],
      'connect-src': [origin],
    },
  },
});

export const stripeNode: GatewayNode<StripeConfig, StripeProvider> = {
  configured: (config) => ({
    settings: createStripeProvider(config),
    lines: [
      `Stripe: ${config.apiBase ?? 'api.stripe.com'} (${config.secretKey.slice(0, 8)}…)`,
    ],
  }),
  page: STRIPE_JS,
  emulator: {
    async start(emulators, {port, webhookUrl}) {
      const emulator = await emulators.startStripeEmulator({port});
      emulator.setWebhookUrl(webhookUrl);
      const jsUrl = `${emulator.url}/js/stripe.js`;
      return {
        settings: createStripeProvider({
          secretKey: emulator.secretKey,
          publishableKey: emulator.publishableKey,
          webhookSecret: emulator.webhookSecret,
          apiBase: emulator.url,
          jsUrl,
        }),
        lines: [
          `Stripe: no STRIPE_SECRET_KEY set, so the offline Stripe emulator runs at ${emulator.url}`,
          '        pay with 4242 4242 4242 4242 (any future date, any CVC); 4000 0000 0000 0002 is declined',
        ],
        page: emulatorPage(new URL(jsUrl).origin),
        close: () => emulator.close(),
      };
    },
    page: emulatorPage,
  },
};
