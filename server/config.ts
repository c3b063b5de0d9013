/**
 * Configuration from environment variables, validated once at start-up. Every problem names
 * the variable and what is wrong with it, and a setting that could make the server fail open
 * (a gateway's key without its webhook secret or id) stops it instead. Each gateway declares its
 * own variables and checks (providers/<name>/command-line.ts); this file composes them from the
 * registry, in its order.
 */
import {z} from 'zod';
import type {PaymentProvider} from './contract.js';
import {parsePasswordHash} from './admin/password.js';
import {flag, optional} from './env.js';
import {isLoopbackHost, parseApiBase} from './net.js';
import {
  definitionOf,
  GATEWAY_NAMES,
  type GatewayConfigs,
} from './providers/registry.js';

const envOf = (name: PaymentProvider) => definitionOf(name).env;
const GATEWAY_ENVS = GATEWAY_NAMES.map(envOf);
// Their variables, typed as none: each gateway reads its own (`read`), not this file.
const GATEWAY_SCHEMA = Object.assign(
  {},
  ...GATEWAY_ENVS.map((env) => env.schema)
) as Record<never, never>;

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
  SQLITE_SYNCHRONOUS: z
    .enum(['normal', 'full', 'NORMAL', 'FULL'])
    .default('normal')
    .transform((value) => value.toLowerCase() as 'normal' | 'full'),
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
  MERCHANT_EMAIL: optional.pipe(
    z.email({error: 'must be an email address'}).optional()
  ),
  METRICS: flag,
  METRICS_TOKEN: optional.refine(
    (value) => value === undefined || (value.length >= 24 && !/\s/.test(value)),
    'must be at least 24 characters, without whitespace'
  ),
  ORDER_WEBHOOK_URL: optional,
  ORDER_WEBHOOK_SECRET: optional.refine(
    (value) => value === undefined || (value.length >= 24 && !/\s/.test(value)),
    'must be at least 24 characters, without whitespace'
  ),
  // The admin area at /admin: off unless one of these is set.
  ADMIN_TOKEN: optional.refine(
    (value) => value === undefined || (value.length >= 32 && !/\s/.test(value)),
    'must be at least 32 characters, without whitespace (e.g. `openssl rand -base64 32`)'
  ),
  ADMIN_PASSWORD_HASH: optional.superRefine((value, ctx) => {
    const parsed = value === undefined ? undefined : parsePasswordHash(value);
    if (typeof parsed === 'string')
      ctx.addIssue({code: 'custom', message: parsed});
  }),
  RATE_LIMIT_CREATE_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  RATE_LIMIT_QUOTE_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(60),
  RECONCILE_AFTER_SECONDS: z.coerce.number().int().min(0).default(300),
  // Then each gateway's own (providers/<name>/command-line.ts), in the registry's order.
  ...GATEWAY_SCHEMA,
});

type ServerMode = 'development' | 'production';

/** The server's settings, and each configured gateway's under its name (`config.<name>`). */
export interface ServerConfig extends GatewayConfigs {
  /**
   * `production` with NODE_ENV=production or anything a gateway counts as live (a live key):
   * no emulator, no development page, no demo unless asked, PUBLIC_URL and CATALOG required.
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
  /** SQLite: `normal` (the default) or `full`, how each commit reaches the disk (server/README.md). */
  sqliteSynchronous: 'normal' | 'full';
  allowedOrigins: string[];
  locale?: string;
  logLevel: string;
  shopName: string;
  /** Unset: emails are written as .eml files to `mailDir` (listed at /dev/mail). */
  smtpUrl?: string;
  mailFrom: string;
  mailDir: string;
  orderWebhook?: {url: string; secret: string};
  /** The admin area (ADMIN_TOKEN, ADMIN_PASSWORD_HASH); unset: /admin is off. */
  admin?: {token?: string; passwordHash?: string};
  /** Told of each paid order and each dispute (by the same mailer as the buyers). */
  merchantEmail?: string;
  /** METRICS=0: no GET /metrics and no counting of requests (default on). */
  metrics: boolean;
  /** GET /metrics with this bearer token; unset, only from this machine. */
  metricsToken?: string;
  /** 0 turns the periodic check off. */
  reconcileIntervalMs: number;
  reconcileAfterMs: number;
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
  // Each gateway reads its own variables from the same checked values.
  const all = vars as Record<string, unknown>;
  const problems: string[] = [];

  const allowedOrigins = (vars.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    if (origin !== '*' && !URL.canParse(origin))
      problems.push(`ALLOWED_ORIGINS has "${origin}", which is not an origin`);
  }
  for (const env of GATEWAY_ENVS) {
    const apiBase = env.apiBase && (all[env.apiBase] as string | undefined);
    if (!apiBase) continue;
    try {
      parseApiBase(apiBase, env.apiBase!);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }

  // Each gateway's configuration, when its variables give one; unset when none of them is set.
  const gateways: GatewayConfigs = {};
  for (const name of GATEWAY_NAMES) {
    const settings = envOf(name).read(all, problems);
    if (settings !== undefined)
      (gateways as Record<string, unknown>)[name] = settings;
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
    // Live payment pages are served over TLS (the gateways' scripts refuse plain http there).
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
    // Production writes no mail folder: without SMTP_URL the merchant's emails could never
    // leave, which nobody would notice until a sale went unannounced.
    if (vars.MERCHANT_EMAIL && !vars.SMTP_URL) {
      problems.push(
        'MERCHANT_EMAIL is set but SMTP_URL is not: production sends email only through SMTP, so the merchant would never be told of a sale. Set SMTP_URL, or unset MERCHANT_EMAIL'
      );
    }
    if (allowedOrigins.includes('*')) {
      problems.push(
        'ALLOWED_ORIGINS=* is refused in production: list the origins of the sites that embed the checkout'
      );
    }
    const anyCredential = GATEWAY_ENVS.some((env) =>
      env.credentials.some((name) => all[name])
    );
    if (!anyCredential) {
      const sets = GATEWAY_ENVS.map((env) => listed(env.credentials));
      problems.push(
        `No payment provider is configured, and production mode (${modeReason}) never starts the emulators: set ${sets.join(', or ')}`
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
    sqliteSynchronous: vars.SQLITE_SYNCHRONOUS,
    allowedOrigins,
    locale: vars.LOCALE,
    logLevel: vars.LOG_LEVEL,
    shopName: vars.SHOP_NAME,
    smtpUrl: vars.SMTP_URL,
    mailFrom: vars.MAIL_FROM,
    mailDir: vars.MAIL_DIR,
    orderWebhook,
    admin:
      vars.ADMIN_TOKEN || vars.ADMIN_PASSWORD_HASH
        ? {token: vars.ADMIN_TOKEN, passwordHash: vars.ADMIN_PASSWORD_HASH}
        : undefined,
    merchantEmail: vars.MERCHANT_EMAIL,
    metrics: vars.METRICS ?? true,
    metricsToken: vars.METRICS_TOKEN,
    reconcileIntervalMs: vars.RECONCILE_INTERVAL_SECONDS * 1000,
    reconcileAfterMs: vars.RECONCILE_AFTER_SECONDS * 1000,
    ...gateways,
  };
}

/** `A, B and C`. */
export const listed = (names: readonly string[]) =>
  names.length < 2
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * Production as soon as anything says so: NODE_ENV, or a gateway's variables (a live key of any
 * kind, a live environment), asked in the registry's order.
 */
function serverMode(vars: z.infer<typeof envSchema>): {
  mode: ServerMode;
  modeReason: string;
} {
  const reason =
    vars.NODE_ENV === 'production'
      ? 'NODE_ENV=production'
      : GATEWAY_ENVS.map((env) =>
          env.live(vars as Record<string, unknown>)
        ).find(Boolean);
  return reason
    ? {mode: 'production', modeReason: reason}
    : {
        mode: 'development',
        modeReason: 'no NODE_ENV=production and no live key',
      };
}
