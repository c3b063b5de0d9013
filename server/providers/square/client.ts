/**
 * The Square side of the server: a client built with the official `square` package (the
 * Fern-generated SquareClient), pointed at connect.squareup.com, connect.squareupsandbox.com
 * or, through SQUARE_API_BASE, any Square-compatible API (the emulator).
 */
import {createHash} from 'node:crypto';
import {SquareClient, SquareEnvironment} from 'square';
import {parseApiBase} from '../../net.js';

export type SquareEnvironmentName = 'sandbox' | 'production';

export interface SquareSettings {
  accessToken: string;
  /** The Web Payments SDK's application id (`sq0idp-…`, `sandbox-sq0idb-…`): public. */
  applicationId: string;
  /**
   * Currency (ISO 4217, any case) → the location that takes it. A currency not listed is not
   * offered with Square (a location has one currency).
   */
  locations?: Record<string, string>;
  /** The location for the shop's default currency (the catalog's), when `locations` does not name it. */
  locationId?: string;
  /** The webhook subscription's signature key: every delivery's HMAC is checked with it. */
  webhookSignatureKey: string;
  /**
   * The subscription's notification URL, exactly as Square has it: it is part of what Square
   * signs. Configured, never rebuilt from a request's Host header.
   */
  webhookUrl: string;
  environment?: SquareEnvironmentName;
  /** A Square-compatible API; unset means Square's own host for the environment. */
  apiBase?: string;
  /** Served to the browser in emulator mode: where the offline Web Payments SDK lives. */
  sdkUrl?: string;
  /** Per request to Square (default 20 s). */
  timeoutMs?: number;
  /** The SDK's retries of 408, 429 and 5xx, with the same idempotency key (default 2). */
  maxRetries?: number;
  /** The HTTP client; tests may pass one. */
  fetch?: typeof fetch;
}

export interface SquareProvider {
  client: SquareClient;
  applicationId: string;
  environment: SquareEnvironmentName;
  /** Uppercase currency → location id, as configured (the default currency's added by the gateway). */
  locations: Readonly<Record<string, string>>;
  locationId?: string;
  webhookSignatureKey: string;
  webhookUrl: string;
  sdkUrl?: string;
}

export const SQUARE_API_BASES: Readonly<Record<SquareEnvironmentName, string>> =
  {
    production: SquareEnvironment.Production,
    sandbox: SquareEnvironment.Sandbox,
  };

export function createSquareProvider(settings: SquareSettings): SquareProvider {
  const environment = settings.environment ?? 'sandbox';
  // `baseUrl` wins over `environment` in the SDK; passing the URL as `environment` would
  // also work, but `environment: 'sandbox'` is taken as a URL (square-nodejs-sdk#168).
  const baseUrl = parseApiBase(
    settings.apiBase ?? SQUARE_API_BASES[environment],
    'SQUARE_API_BASE'
  ).href.replace(/\/+$/, '');
  if (!settings.webhookSignatureKey)
    throw new Error('Square needs the webhook subscription’s signature key');
  parseNotificationUrl(settings.webhookUrl);
  const client = new SquareClient({
    token: settings.accessToken,
    baseUrl,
    timeoutInSeconds: (settings.timeoutMs ?? 20_000) / 1000,
    maxRetries: settings.maxRetries ?? 2,
    ...(settings.fetch && {fetch: settings.fetch}),
  });
  const locations: Record<string, string> = {};
  for (const [currency, id] of Object.entries(settings.locations ?? {})) {
    if (!/^[A-Za-z]{3}$/.test(currency) || !id)
      throw new Error(
        `Square locations are currency → location id, got ${currency}`
      );
    locations[currency.toUpperCase()] = id;
  }
  if (Object.keys(locations).length === 0 && !settings.locationId)
    throw new Error(
      'Square needs a location: locationId (the shop’s currency) or locations by currency'
    );
  return {
    client,
    applicationId: settings.applicationId,
    environment,
    locations,
    locationId: settings.locationId,
    webhookSignatureKey: settings.webhookSignatureKey,
    webhookUrl: settings.webhookUrl,
    sdkUrl: settings.sdkUrl,
  };
}

/** A notification URL: an absolute http(s) URL, no credentials (it is signed as written). */
export function parseNotificationUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `The Square notification URL must be a URL, got "${value}"`
    );
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username ||
    url.password
  )
    throw new Error(
      `The Square notification URL must be http(s) without credentials, got "${value}"`
    );
  return url;
}

// Square takes idempotency keys of 1 to 45 characters (api.json, CreatePaymentRequest and
// RefundPaymentRequest). A longer key is replaced by its SHA-256, still one key per input.
const MAX_KEY = 45;
export const squareKey = (key: string) =>
  key.length <= MAX_KEY
    ? key
    : createHash('sha256').update(key).digest('base64url');

/** The idempotency key of an order's payment: a retried call reuses it, one order one charge. */
export function paymentIdempotencyKey(orderId: string, attempt = 1): string {
  return squareKey(`pay-checkout:${orderId}:${attempt}`);
}
