/**
 * Configuration from environment variables, validated once at start-up. Every problem names
 * the variable and what is wrong with it, and a setting that could make the server fail open
 * (a Stripe key without its webhook secret, PayPal credentials without a webhook id) stops it
 * instead.
 */
import {z} from 'zod';
import {isLoopbackHost, parseApiBase} from './net.js';

const optional = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

// A pasted secret with a trailing newline is the classic cause of "No signatures found"
// (honojs/examples#159): refuse it here rather than fail every webhook later.
const secret = (prefixes: string[], what: string) =>
  optional
    .refine(
      (value) => value === undefined || !/\s/.test(value),
      'contains whitespace (a stray newline?)'
    )
    .refine(
      (value) =>
        value === undefined ||
        prefixes.some((prefix) => value.startsWith(prefix)),
      `must be ${what} (starting with ${prefixes.join(' or ')})`
    );

// PayPal credentials have no prefix to check, but the same stray newline breaks them.
const token = (what: string) =>
  optional.refine(
    (value) => value === undefined || !/\s/.test(value),
    `contains whitespace (a stray newline?); expected ${what}`
  );

// 1/true/yes or 0/false/no, any case; unset leaves the mode's default.
const flag = optional
  .transform((value) => value?.toLowerCase())
  .pipe(
    z
      .enum(['1', 'true', 'yes', '0', 'false', 'no'], {
        error: 'must be 1 or 0 (or true/false)',
      })
      .optional()
  )
  .transform((value) =>
    value === undefined ? undefined : ['1', 'true', 'yes'].includes(value)
  );

const envSchema = z.object({
  NODE_ENV: optional,
  PORT: z.coerce.number().int().min(0).max(65535).default(4242),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: optional.pipe(
    z.url({protocol: /^https?$/, error: 'must be an http(s) URL'}).optional()
  ),
  TRUST_PROXY: flag,
  SERVE_DEMO: flag,
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(0).max(3600).default(10),
  CATALOG: optional,
  DATABASE_URL: z.string().default('sqlite:./data/pay-checkout.sqlite'),
  ALLOWED_ORIGINS: optional,
  LOCALE: optional,
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  SHOP_NAME: z.string().default('Field Supply Co.'),
  SMTP_URL: optional.pipe(
    z
      .url({protocol: /^smtps?$/, error: 'must be smtp://… or smtps://…'})
      .optional()
  ),
  MAIL_FROM: z.string().default('Field Supply Co. <orders@localhost>'),
  MAIL_DIR: z.string().default('./data/mail'),
  ORDER_WEBHOOK_URL: optional,
  ORDER_WEBHOOK_SECRET: optional.refine(
    (value) => value === undefined || (value.length >= 24 && !/\s/.test(value)),
    'must be at least 24 characters, without whitespace'
  ),
  RATE_LIMIT_CREATE_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  RATE_LIMIT_QUOTE_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(60),
  RECONCILE_AFTER_SECONDS: z.coerce.number().int().min(0).default(300),
  STRIPE_SECRET_KEY: secret(
    ['sk_test_', 'sk_live_', 'rk_test_', 'rk_live_'],
    'a Stripe secret or restricted key'
  ),
  STRIPE_PUBLISHABLE_KEY: secret(
    ['pk_test_', 'pk_live_'],
    'a Stripe publishable key'
  ),
  STRIPE_WEBHOOK_SECRET: secret(['whsec_'], 'a Stripe webhook signing secret'),
  STRIPE_API_BASE: optional,
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
});

type ServerMode = 'development' | 'production';

export interface ServerConfig {
  /**
   * `production` with NODE_ENV=production, any live key or PAYPAL_ENVIRONMENT=live: no
   * emulator, no development page, no demo unless asked, PUBLIC_URL and CATALOG required.
   */
  mode: ServerMode;
  /** Why the mode is what it is, for the first line the server prints. */
  modeReason: string;
  port: number;
  host: string;
  /** The shop's public URL: its origin is the shop's own, whatever a request's Host says. */
  publicUrl?: string;
  /** X-Forwarded-Proto/Host/For come from a proxy we run (see README, "Running in production"). */
  trustProxy: boolean;
  /** Creates (orders, payments, captures) and quotes per client per minute; 0 is no limit. */
  rateLimits: {createPerMinute: number; quotePerMinute: number};
  /** The demo shop at `/`: on in development, off in production unless SERVE_DEMO=1. */
  serveDemo: boolean;
  /** How long SIGTERM waits for in-flight requests and outbox jobs. */
  shutdownTimeoutMs: number;
  /** Unset (development only): the demo shop's catalog, which ships with the server. */
  catalogPath?: string;
  databaseUrl: string;
  allowedOrigins: string[];
  locale?: string;
  logLevel: string;
  shopName: string;
  /** Unset: emails are written as .eml files to `mailDir` (listed at /dev/mail). */
  smtpUrl?: string;
  mailFrom: string;
  mailDir: string;
  orderWebhook?: {url: string; secret: string};
  /** 0 turns the periodic check off. */
  reconcileIntervalMs: number;
  reconcileAfterMs: number;
  /** Unset: no keys were given, and the offline Stripe emulator stands in. */
  stripe?: {
    secretKey: string;
    publishableKey: string;
    webhookSecret: string;
    apiBase?: string;
  };
  /** Unset: no credentials were given, and the offline PayPal emulator stands in. */
  paypal?: {
    clientId: string;
    clientSecret: string;
    webhookId: string;
    environment: 'sandbox' | 'live';
    apiBase?: string;
    webhookVerification: 'offline' | 'postback';
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`
    );
    this.name = 'ConfigError';
  }
}

export function parseConfig(
  env: Record<string, string | undefined>
): ServerConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map(
        (issue) => `${issue.path.join('.')} ${issue.message}`
      )
    );
  }
  const vars = result.data;
  const problems: string[] = [];

  const allowedOrigins = (vars.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    if (origin !== '*' && !URL.canParse(origin))
      problems.push(`ALLOWED_ORIGINS has "${origin}", which is not an origin`);
  }
  if (vars.STRIPE_API_BASE) {
    try {
      parseApiBase(vars.STRIPE_API_BASE, 'STRIPE_API_BASE');
    } catch (error) {
      problems.push((error as Error).message);
    }
  }

  if (vars.PAYPAL_API_BASE) {
    try {
      parseApiBase(vars.PAYPAL_API_BASE, 'PAYPAL_API_BASE');
    } catch (error) {
      problems.push((error as Error).message);
    }
  }

  let stripe: ServerConfig['stripe'];
  const {
    STRIPE_SECRET_KEY: secretKey,
    STRIPE_PUBLISHABLE_KEY: publishableKey,
    STRIPE_WEBHOOK_SECRET: webhookSecret,
  } = vars;
  if (secretKey || publishableKey || webhookSecret) {
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
    if (secretKey && publishableKey && webhookSecret) {
      stripe = {
        secretKey,
        publishableKey,
        webhookSecret,
        apiBase: vars.STRIPE_API_BASE,
      };
    }
  }

  let paypal: ServerConfig['paypal'];
  const {
    PAYPAL_CLIENT_ID: clientId,
    PAYPAL_CLIENT_SECRET: clientSecret,
    PAYPAL_WEBHOOK_ID: webhookId,
  } = vars;
  if (clientId || clientSecret || webhookId) {
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
    if (clientId && clientSecret && webhookId) {
      paypal = {
        clientId,
        clientSecret,
        webhookId,
        environment: vars.PAYPAL_ENVIRONMENT,
        apiBase: vars.PAYPAL_API_BASE,
        webhookVerification: vars.PAYPAL_WEBHOOK_VERIFICATION,
      };
    }
  }
  let orderWebhook: ServerConfig['orderWebhook'];
  if (vars.ORDER_WEBHOOK_URL) {
    try {
      parseApiBase(vars.ORDER_WEBHOOK_URL, 'ORDER_WEBHOOK_URL');
    } catch (error) {
      problems.push((error as Error).message);
    }
    // Unsigned order events would let anyone who finds the URL fake a paid order.
    if (!vars.ORDER_WEBHOOK_SECRET)
      problems.push('ORDER_WEBHOOK_SECRET is required with ORDER_WEBHOOK_URL');
    else
      orderWebhook = {
        url: vars.ORDER_WEBHOOK_URL,
        secret: vars.ORDER_WEBHOOK_SECRET,
      };
  }
  const {mode, modeReason} = serverMode(vars);
  if (vars.PUBLIC_URL) {
    const url = new URL(vars.PUBLIC_URL);
    if (url.username || url.password)
      problems.push('PUBLIC_URL must not contain a user name or password');
    // Live payment pages are served over TLS (Stripe.js and PayPal refuse plain http there).
    if (
      mode === 'production' &&
      url.protocol !== 'https:' &&
      !isLoopbackHost(url.hostname)
    ) {
      problems.push(
        `PUBLIC_URL must be https in production (plain http only on loopback), got "${vars.PUBLIC_URL}"`
      );
    }
  }
  if (mode === 'production') {
    // Nothing meant for development is a fallback here: no demo catalog, no emulator, no
    // origin guessed from a request.
    if (!vars.PUBLIC_URL) {
      problems.push(
        `PUBLIC_URL is required in production (${modeReason}): the https address buyers use, e.g. https://shop.example. The shop's own origin, its redirect checks and HSTS come from it, never from a request's Host header`
      );
    }
    if (!vars.CATALOG) {
      problems.push(
        `CATALOG is required in production (${modeReason}): the path to your catalog file (the demo catalog is for development only)`
      );
    }
    if (allowedOrigins.includes('*')) {
      problems.push(
        'ALLOWED_ORIGINS=* is refused in production: list the origins of the sites that embed the checkout'
      );
    }
    const anyCredential = [
      secretKey,
      publishableKey,
      webhookSecret,
      clientId,
      clientSecret,
      webhookId,
    ].some(Boolean);
    if (!anyCredential) {
      problems.push(
        `No payment provider is configured, and production mode (${modeReason}) never starts the emulators: set STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET, or PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET and PAYPAL_WEBHOOK_ID`
      );
    }
  }
  if (problems.length) throw new ConfigError(problems);

  return {
    mode,
    modeReason,
    port: vars.PORT,
    host: vars.HOST,
    publicUrl: vars.PUBLIC_URL,
    trustProxy: vars.TRUST_PROXY ?? false,
    rateLimits: {
      createPerMinute: vars.RATE_LIMIT_CREATE_PER_MINUTE,
      quotePerMinute: vars.RATE_LIMIT_QUOTE_PER_MINUTE,
    },
    serveDemo: vars.SERVE_DEMO ?? mode === 'development',
    shutdownTimeoutMs: vars.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    catalogPath: vars.CATALOG,
    databaseUrl: vars.DATABASE_URL,
    allowedOrigins,
    locale: vars.LOCALE,
    logLevel: vars.LOG_LEVEL,
    shopName: vars.SHOP_NAME,
    smtpUrl: vars.SMTP_URL,
    mailFrom: vars.MAIL_FROM,
    mailDir: vars.MAIL_DIR,
    orderWebhook,
    reconcileIntervalMs: vars.RECONCILE_INTERVAL_SECONDS * 1000,
    reconcileAfterMs: vars.RECONCILE_AFTER_SECONDS * 1000,
    stripe,
    paypal,
  };
}

const keyMode = (key: string) => (key.includes('_live_') ? 'live' : 'test');

/**
 * Production as soon as anything says so: NODE_ENV, a live Stripe key of any kind, or PayPal's
 * live environment. A test key alone stays in development (without that provider's emulator).
 */
function serverMode(vars: z.infer<typeof envSchema>): {
  mode: ServerMode;
  modeReason: string;
} {
  const liveStripe = [vars.STRIPE_SECRET_KEY, vars.STRIPE_PUBLISHABLE_KEY].some(
    (key) => key !== undefined && keyMode(key) === 'live'
  );
  const reason =
    vars.NODE_ENV === 'production'
      ? 'NODE_ENV=production'
      : liveStripe
        ? 'a live Stripe key is set'
        : vars.PAYPAL_ENVIRONMENT === 'live'
          ? 'PAYPAL_ENVIRONMENT=live'
          : undefined;
  return reason
    ? {mode: 'production', modeReason: reason}
    : {
        mode: 'development',
        modeReason: 'no NODE_ENV=production and no live key',
      };
}
