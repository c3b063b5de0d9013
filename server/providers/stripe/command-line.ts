/**
 * Stripe on the command line: its environment variables (STRIPE_…) and their checks.
 */
import {optional, secret} from '../../env.js';
import {gatewayEnv} from '../command-line.js';

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
