/** The Braintree emulator on loopback, and the official SDK pointed at it. */
import braintree from 'braintree';
import {
  startBraintreeEmulator,
  type BraintreeEmulatorOptions,
  type RunningBraintreeEmulator,
} from '../../braintree/index.js';

export interface Setup {
  emulator: RunningBraintreeEmulator;
  gateway: braintree.BraintreeGateway;
}

export async function start(
  options: BraintreeEmulatorOptions = {}
): Promise<Setup> {
  const emulator = await startBraintreeEmulator({
    merchantAccounts: {USD: 'shop_usd', EUR: 'shop_eur', JPY: 'shop_jpy'},
    ...options,
  });
  const gateway = new braintree.BraintreeGateway({
    // Host, port, auth URL, ssl: plain HTTP on loopback.
    environment: new braintree.Environment(
      '127.0.0.1',
      String(emulator.port),
      '',
      false,
      '',
      ''
    ),
    merchantId: emulator.merchantId,
    publicKey: emulator.publicKey,
    privateKey: emulator.privateKey,
  });
  return {emulator, gateway};
}

/**
 * The SDK's answers as plain objects: @types/braintree lags the SDK (it types `errors.on()` as one
 * error where the SDK returns a list), so the tests read what the SDK really returns.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export function sale(
  setup: Setup,
  attributes: Record<string, unknown>
): Promise<Loose> {
  return setup.gateway.transaction.sale(attributes as never);
}

/** The codes of the validation errors on `attribute` under the resource path. */
export function codesOn(
  result: Loose,
  path: string[],
  attribute: string
): string[] {
  let collection = result.errors;
  for (const key of path) collection = collection?.for(key);
  return (collection?.on(attribute) ?? []).map((e: {code: string}) => e.code);
}

/** Basic auth for raw requests (the gateway API and the controls take the same keys). */
export function basic(emulator: RunningBraintreeEmulator): string {
  return `Basic ${Buffer.from(`${emulator.publicKey}:${emulator.privateKey}`).toString('base64')}`;
}

export async function control(
  emulator: RunningBraintreeEmulator,
  path: string,
  body: unknown = {}
): Promise<{status: number; json: Loose}> {
  const response = await fetch(`${emulator.url}/_emulator${path}`, {
    method: 'POST',
    headers: {
      Authorization: basic(emulator),
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {status: response.status, json: text ? JSON.parse(text) : null};
}

/** Decodes a client token (base64 JSON). */
export function decodeClientToken(token: string): Record<string, Loose> {
  return JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
}

/** Tokenises a card on the client API, as the Drop-in fake's card frame does. */
export async function tokenize(
  emulator: RunningBraintreeEmulator,
  card: Record<string, unknown>,
  fingerprint?: string
): Promise<{status: number; json: Loose}> {
  const token = decodeClientToken(emulator.clientToken());
  const response = await fetch(
    `${token.clientApiUrl}/v1/payment_methods/credit_cards`,
    {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: 'http://shop.example',
      },
      body: JSON.stringify({
        creditCard: card,
        authorizationFingerprint: fingerprint ?? token.authorizationFingerprint,
      }),
    }
  );
  return {status: response.status, json: await response.json()};
}

export function futureExpiry(): string {
  return `12/${new Date().getUTCFullYear() + 2}`;
}
