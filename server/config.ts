/**
 * Configuration from environment variables, validated once at start-up. Every problem names
 * the variable and what is wrong with it, and a setting that could make the server fail open
 * (a Stripe key without its webhook secret) stops it instead.
 */
import {z} from 'zod';
import {parseApiBase} from './net.js';

const optional = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

// A pasted secret with a trailing newline is the classic cause of "No signatures found"
// (honojs/examples#159): refuse it here rather than fail every webhook later.
const secret = (prefixes: string[], what: string) =>
  optional.refine((value) => value === undefined || !/\s/.test(value), 'contains whitespace (a stray newline?)').refine(
    (value) => value === undefined || prefixes.some((prefix) => value.startsWith(prefix)),
    `must be ${what} (starting with ${prefixes.join(' or ')})`
  );

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4242),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: optional.pipe(z.url().optional()),
  CATALOG: z.string().default('demo/catalog.json'),
  DATABASE_URL: z.string().default('sqlite:./data/pay-checkout.sqlite'),
  ALLOWED_ORIGINS: optional,
  LOCALE: optional,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STRIPE_SECRET_KEY: secret(['sk_test_', 'sk_live_', 'rk_test_', 'rk_live_'], 'a Stripe secret or restricted key'),
  STRIPE_PUBLISHABLE_KEY: secret(['pk_test_', 'pk_live_'], 'a Stripe publishable key'),
  STRIPE_WEBHOOK_SECRET: secret(['whsec_'], 'a Stripe webhook signing secret'),
  STRIPE_API_BASE: optional,
});

export interface ServerConfig {
  port: number;
  host: string;
  publicUrl?: string;
  catalogPath: string;
  databaseUrl: string;
  allowedOrigins: string[];
  locale?: string;
  logLevel: string;
  /** Unset: no keys were given, and the offline Stripe emulator stands in. */
  stripe?: {secretKey: string; publishableKey: string; webhookSecret: string; apiBase?: string};
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): ServerConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const vars = result.data;
  const problems: string[] = [];

  const allowedOrigins = (vars.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    if (origin !== '*' && !URL.canParse(origin)) problems.push(`ALLOWED_ORIGINS has "${origin}", which is not an origin`);
  }
  if (vars.STRIPE_API_BASE) {
    try {
      parseApiBase(vars.STRIPE_API_BASE, 'STRIPE_API_BASE');
    } catch (error) {
      problems.push((error as Error).message);
    }
  }

  let stripe: ServerConfig['stripe'];
  const {STRIPE_SECRET_KEY: secretKey, STRIPE_PUBLISHABLE_KEY: publishableKey, STRIPE_WEBHOOK_SECRET: webhookSecret} =
    vars;
  if (secretKey || publishableKey || webhookSecret) {
    if (!secretKey) problems.push('STRIPE_SECRET_KEY is required when any STRIPE_ variable is set');
    if (!publishableKey) problems.push('STRIPE_PUBLISHABLE_KEY is required with STRIPE_SECRET_KEY');
    // Without it no webhook can be verified and no order could ever be marked paid.
    if (!webhookSecret) {
      problems.push(
        'STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY (from the Dashboard endpoint, or printed by `stripe listen`)'
      );
    }
    if (secretKey && publishableKey && mode(secretKey) !== mode(publishableKey)) {
      problems.push('STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY must both be test keys or both live keys');
    }
    if (secretKey && publishableKey && webhookSecret) {
      stripe = {secretKey, publishableKey, webhookSecret, apiBase: vars.STRIPE_API_BASE};
    }
  }
  if (problems.length) throw new ConfigError(problems);

  return {
    port: vars.PORT,
    host: vars.HOST,
    publicUrl: vars.PUBLIC_URL,
    catalogPath: vars.CATALOG,
    databaseUrl: vars.DATABASE_URL,
    allowedOrigins,
    locale: vars.LOCALE,
    logLevel: vars.LOG_LEVEL,
    stripe,
  };
}

const mode = (key: string) => (key.includes('_live_') ? 'live' : 'test');
