/**
 * Braintree on the command line: its environment variables (BRAINTREE_…) and their checks, how
 * the Node server starts it (or, in development, the offline Braintree emulator), and the
 * origins a checkout page must allow for Drop-in.
 */
import {z} from 'zod';
import {flag, optional, token} from '../../env.js';
import {isLoopbackHost} from '../../net.js';
import {gatewayEnv, type GatewayNode, type PageLoad} from '../command-line.js';
import {createBraintreeProvider, type BraintreeProvider} from './client.js';

/** Unset: no credentials were given, and the offline Braintree emulator stands in. */
export interface BraintreeConfig {
  merchantId: string;
  publicKey: string;
  privateKey: string;
  environment: 'sandbox' | 'production';
  /** Uppercase currency → merchant account id. */
  merchantAccounts: Record<string, string>;
  apiBase?: string;
  /** BRAINTREE_PAYPAL: PayPal through Braintree is linked on the merchant (off by default). */
  paypal?: boolean;
}

const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * `USD:acct_usd,EUR:acct_eur` → {USD: 'acct_usd', EUR: 'acct_eur'}, or the problem with it. A
 * Braintree merchant account settles in one currency, so each is named with its currency.
 */
export function parseMerchantAccounts(
  value: string
): Record<string, string> | string {
  const accounts: Record<string, string> = {};
  for (const entry of value.split(',')) {
    const match = /^\s*([A-Za-z]{3})\s*:\s*(\S+?)\s*$/.exec(entry);
    if (!match || !ACCOUNT_ID.test(match[2]))
      return `"${entry.trim()}" is not CURRENCY:merchant-account-id (e.g. USD:mystore_usd)`;
    const currency = match[1].toUpperCase();
    if (Object.hasOwn(accounts, currency)) return `${currency} is listed twice`;
    accounts[currency] = match[2];
  }
  return accounts;
}

export const braintreeEnv = gatewayEnv({
  schema: {
    BRAINTREE_MERCHANT_ID: token('a Braintree merchant id'),
    BRAINTREE_PUBLIC_KEY: token('a Braintree public key'),
    BRAINTREE_PRIVATE_KEY: token('a Braintree private key'),
    BRAINTREE_ENVIRONMENT: optional.pipe(
      z.enum(['sandbox', 'production']).default('sandbox')
    ),
    /** One merchant account, with its currency: `USD:mystore_usd`. */
    BRAINTREE_MERCHANT_ACCOUNT_ID: token('CURRENCY:merchant-account-id'),
    /** One per currency: `USD:mystore_usd,EUR:mystore_eur`. */
    BRAINTREE_MERCHANT_ACCOUNT_IDS: optional,
    BRAINTREE_API_BASE: optional,
    /** 1: Drop-in offers PayPal (linked to the merchant in Braintree's Control Panel). */
    BRAINTREE_PAYPAL: flag,
  },
  credentials: [
    'BRAINTREE_MERCHANT_ID',
    'BRAINTREE_PUBLIC_KEY',
    'BRAINTREE_PRIVATE_KEY',
  ],
  apiBase: 'BRAINTREE_API_BASE',
  read(vars, problems): BraintreeConfig | undefined {
    const {
      BRAINTREE_MERCHANT_ID: merchantId,
      BRAINTREE_PUBLIC_KEY: publicKey,
      BRAINTREE_PRIVATE_KEY: privateKey,
      BRAINTREE_MERCHANT_ACCOUNT_ID: one,
      BRAINTREE_MERCHANT_ACCOUNT_IDS: many,
    } = vars;
    if (!merchantId && !publicKey && !privateKey) return undefined;
    if (!merchantId)
      problems.push(
        'BRAINTREE_MERCHANT_ID is required when any BRAINTREE_ credential is set'
      );
    if (!publicKey)
      problems.push(
        'BRAINTREE_PUBLIC_KEY is required with BRAINTREE_MERCHANT_ID'
      );
    // It also verifies every webhook: without it none could be, and no order be settled by one.
    if (!privateKey)
      problems.push(
        'BRAINTREE_PRIVATE_KEY is required with BRAINTREE_MERCHANT_ID'
      );
    let merchantAccounts: Record<string, string> | undefined;
    if (one && many) {
      problems.push(
        'BRAINTREE_MERCHANT_ACCOUNT_ID and BRAINTREE_MERCHANT_ACCOUNT_IDS cannot both be set (list every currency in BRAINTREE_MERCHANT_ACCOUNT_IDS)'
      );
    } else if (!one && !many) {
      problems.push(
        'BRAINTREE_MERCHANT_ACCOUNT_IDS (USD:mystore_usd,EUR:mystore_eur) or BRAINTREE_MERCHANT_ACCOUNT_ID (USD:mystore_usd) is required with BRAINTREE_MERCHANT_ID: a currency without a merchant account is not offered'
      );
    } else {
      const variable = one
        ? 'BRAINTREE_MERCHANT_ACCOUNT_ID'
        : 'BRAINTREE_MERCHANT_ACCOUNT_IDS';
      const parsed = parseMerchantAccounts((one ?? many)!);
      if (typeof parsed === 'string') problems.push(`${variable}: ${parsed}`);
      else if (one && Object.keys(parsed).length > 1)
        problems.push(
          'BRAINTREE_MERCHANT_ACCOUNT_ID names one account; list several in BRAINTREE_MERCHANT_ACCOUNT_IDS'
        );
      else merchantAccounts = parsed;
    }
    if (!merchantId || !publicKey || !privateKey || !merchantAccounts)
      return undefined;
    return {
      merchantId,
      publicKey,
      privateKey,
      environment: vars.BRAINTREE_ENVIRONMENT,
      merchantAccounts,
      apiBase: vars.BRAINTREE_API_BASE,
      ...(vars.BRAINTREE_PAYPAL === true && {paypal: true}),
    };
  },
  live: (vars) =>
    vars.BRAINTREE_ENVIRONMENT === 'production'
      ? 'BRAINTREE_ENVIRONMENT=production'
      : undefined,
});

/**
 * Drop-in from Braintree's CDN, its client API and analytics, Hosted Fields' frames, PayPal
 * through Braintree, and 3-D Secure's Cardinal frames: Braintree's CSP guide
 * (developer.paypal.com/braintree/docs/guides/client-sdk/setup/javascript/v3#content-security-policy),
 * for sandbox and production alike.
 */
const BRAINTREE_JS: PageLoad = {
  from: 'js.braintreegateway.com (Drop-in)',
  policy: {
    sources: {
      'script-src': [
        'https://js.braintreegateway.com',
        'https://assets.braintreegateway.com',
        'https://www.paypalobjects.com',
        'https://*.paypal.com',
        'https://songbird.cardinalcommerce.com',
        'https://songbirdstag.cardinalcommerce.com',
      ],
      // Drop-in adds its stylesheet from assets.braintreegateway.com.
      'style-src': ['https://assets.braintreegateway.com'],
      'frame-src': [
        'https://assets.braintreegateway.com',
        'https://*.paypal.com',
        'https://*.cardinalcommerce.com',
      ],
      'connect-src': [
        'https://api.braintreegateway.com',
        'https://api.sandbox.braintreegateway.com',
        'https://client-analytics.braintreegateway.com',
        'https://client-analytics.sandbox.braintreegateway.com',
        'https://*.braintree-api.com',
        'https://*.paypal.com',
        'https://*.cardinalcommerce.com',
      ],
      'img-src': [
        'https://assets.braintreegateway.com',
        'https://checkout.paypal.com',
      ],
    },
  },
};

// The emulator serves the Drop-in fake, its card frame, its stylesheet and the client API on one origin.
const emulatorPage = (origin: string): PageLoad => ({
  from: `emulator at ${origin}`,
  policy: {
    sources: {
      'script-src': [origin],
      'style-src': [origin],
      'frame-src': [origin],
      'connect-src': [origin],
      'img-src': [origin],
    },
  },
});

/**
 * The Drop-in fake of the emulator that `apiBase` names, when it can only be one: plain http on
 * loopback (parseApiBase refuses plain http anywhere else). Braintree's own Drop-in cannot talk
 * to it, so the browser loads the emulator's, and the page allows its origin.
 */
function emulatorDropin(apiBase: string | undefined): URL | undefined {
  if (!apiBase || !URL.canParse(apiBase)) return undefined;
  const base = new URL(apiBase);
  if (base.protocol !== 'http:' || !isLoopbackHost(base.hostname))
    return undefined;
  return new URL('/web/dropin/fake/dropin.js', base.origin);
}

/**
 * The emulator's merchant accounts in development: one per currency the demo catalog sells in,
 * and the other common ones, so a shop's own catalog finds its currency offered too.
 */
const EMULATOR_CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CAD', 'AUD', 'CHF'];

export const braintreeNode: GatewayNode<BraintreeConfig, BraintreeProvider> = {
  configured: (config) => ({
    settings: createBraintreeProvider({
      ...config,
      sdkUrl: emulatorDropin(config.apiBase)?.href,
    }),
    lines: [
      `Braintree: ${config.apiBase ?? `Braintree ${config.environment}`} (merchant ${config.merchantId}; ${Object.keys(config.merchantAccounts).join(', ')})`,
    ],
  }),
  page: BRAINTREE_JS,
  pageFor(config) {
    const dropin = emulatorDropin(config.apiBase);
    return dropin && emulatorPage(dropin.origin);
  },
  emulator: {
    async start(emulators, {port, webhookUrl}) {
      const emulator = await emulators.startBraintreeEmulator({
        port,
        merchantAccounts: Object.fromEntries(
          EMULATOR_CURRENCIES.map((c) => [c, `pay_checkout_${c.toLowerCase()}`])
        ),
      });
      emulator.setWebhookUrl(webhookUrl);
      const sdkUrl = `${emulator.url}/web/dropin/fake/dropin.js`;
      // The emulator links PayPal: on unless BRAINTREE_PAYPAL=0.
      const paypal = !['0', 'false', 'no'].includes(
        process.env.BRAINTREE_PAYPAL?.trim().toLowerCase() ?? ''
      );
      return {
        settings: createBraintreeProvider({
          merchantId: emulator.merchantId,
          publicKey: emulator.publicKey,
          privateKey: emulator.privateKey,
          merchantAccounts: emulator.merchantAccounts,
          apiBase: emulator.url,
          sdkUrl,
          paypal,
        }),
        lines: [
          `Braintree: no BRAINTREE_MERCHANT_ID set, so the offline Braintree emulator runs at ${emulator.url}`,
          '        pay with 4111 1111 1111 1111 (any future date, any CVV); an amount of 2000.00–2999.99 is declined',
          ...(paypal
            ? [
                '        or choose PayPal in Drop-in and Approve in its window (BRAINTREE_PAYPAL=0: card only)',
              ]
            : []),
        ],
        page: emulatorPage(new URL(sdkUrl).origin),
        close: () => emulator.close(),
      };
    },
    page: emulatorPage,
  },
};
