/**
 * PayPal on the command line: its environment variables (PAYPAL_…) and their checks.
 */
import {z} from 'zod';
import {optional, token} from '../../env.js';
import {gatewayEnv} from '../command-line.js';

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
