/**
 * The Braintree side of the server: a gateway of the official `braintree` SDK, pointed at
 * Braintree's sandbox or production or, through BRAINTREE_API_BASE, at any Braintree-compatible
 * API (the emulator), and the merchant account that takes each currency.
 */
import braintree from 'braintree';
import {parseApiBase} from '../../net.js';

export interface BraintreeSettings {
  merchantId: string;
  publicKey: string;
  privateKey: string;
  /** Braintree's sandbox or production; ignored for the host when `apiBase` is set. */
  environment?: 'sandbox' | 'production';
  /**
   * The merchant account for each currency the shop takes through Braintree (ISO 4217 in any
   * case → merchant account id): a Braintree merchant account settles in one currency, so a
   * currency not listed is not offered.
   */
  merchantAccounts: Readonly<Record<string, string>>;
  /** A Braintree-compatible API (the emulator): https, or http on loopback only. */
  apiBase?: string;
  /** Served to the browser in emulator mode: the offline Drop-in's script. */
  sdkUrl?: string;
  /** PayPal through Braintree is linked on the merchant: Drop-in offers it beside the card. */
  paypal?: boolean;
  timeoutMs?: number;
}

export interface BraintreeProvider {
  client: braintree.BraintreeGateway;
  environment: 'sandbox' | 'production';
  /** Lowercase currency → merchant account id. */
  merchantAccounts: ReadonlyMap<string, string>;
  sdkUrl?: string;
  paypal?: boolean;
}

export function createBraintreeProvider(
  settings: BraintreeSettings
): BraintreeProvider {
  const environment = settings.environment ?? 'sandbox';
  const client = new braintree.BraintreeGateway({
    environment: settings.apiBase
      ? apiEnvironment(settings.apiBase)
      : environment === 'production'
        ? braintree.Environment.Production
        : braintree.Environment.Sandbox,
    merchantId: settings.merchantId,
    publicKey: settings.publicKey,
    privateKey: settings.privateKey,
  });
  // The SDK fixes 60 s in its constructor and reads no option for it; it has no retries.
  (client.config as {timeout: number}).timeout = settings.timeoutMs ?? 20_000;
  const merchantAccounts = new Map<string, string>();
  for (const [currency, account] of Object.entries(settings.merchantAccounts)) {
    if (!/^[A-Za-z]{3}$/.test(currency) || !account)
      throw new Error(
        `Braintree merchant accounts are keyed by ISO 4217 currency codes, got "${currency}"`
      );
    merchantAccounts.set(currency.toLowerCase(), account);
  }
  if (merchantAccounts.size === 0)
    throw new Error(
      'Braintree needs a merchant account for one currency at least'
    );
  return {
    client,
    environment,
    merchantAccounts,
    ...(settings.sdkUrl && {sdkUrl: settings.sdkUrl}),
    ...(settings.paypal && {paypal: true}),
  };
}

/**
 * A custom Environment for an API base (the SDK's documented constructor: server, port,
 * authUrl, ssl, graphQL server and port). REST calls use the server, port and ssl only; the
 * auth URL is for OAuth, which this server does not use.
 */
function apiEnvironment(apiBase: string): braintree.Environment {
  const base = parseApiBase(apiBase, 'BRAINTREE_API_BASE');
  const host = base.hostname.replace(/^\[|\]$/g, '');
  const ssl = base.protocol === 'https:';
  const port = base.port || (ssl ? '443' : '80');
  return new braintree.Environment(host, port, base.origin, ssl, host, port);
}

/**
 * The `orderId` a sale carries: our order id, with the attempt after the first. Braintree has
 * no idempotency key; this is what a retried sale is looked up by (transaction.search).
 */
export function braintreeOrderId(orderId: string, attempt = 1): string {
  return attempt > 1 ? `${orderId}.${attempt}` : orderId;
}

/** Our order id from a transaction's `orderId` (braintreeOrderId's inverse). */
export function orderIdOf(braintreeOrderId: unknown): string | undefined {
  if (typeof braintreeOrderId !== 'string' || !braintreeOrderId)
    return undefined;
  return braintreeOrderId.replace(/\.\d+$/, '');
}
