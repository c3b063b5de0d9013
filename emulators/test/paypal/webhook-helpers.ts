/**
 * What the PayPal emulator's webhook suites share: a loopback receiver and an emulator per test
 * (closed after it), a paid order, and a check of a delivery's signature independent of the
 * emulator's code — the certificate fetched from `paypal-cert-url`, parsed by node:crypto, and
 * the RSA-SHA256 signature checked over `transmissionId|transmissionTime|webhookId|crc32(body)`
 * with a CRC-32 written in this file.
 */
import assert from 'node:assert/strict';
import {X509Certificate, verify} from 'node:crypto';
import {afterEach} from 'node:test';
import {
  startPaypalEmulator,
  type PaypalWebhookEvent,
  type RunningPaypalEmulator,
  type PaypalEmulatorOptions,
} from '../../paypal/index.js';
import {
  startReceiver as startAnyReceiver,
  type Delivery as AnyDelivery,
  type Receiver as AnyReceiver,
  type Reply,
} from '../receiver.js';
import {serverCall} from './helpers.js';

export type Delivery = AnyDelivery<PaypalWebhookEvent>;

export type Receiver = AnyReceiver<PaypalWebhookEvent>;

/** A webhook endpoint where the companion server has its own. */
export function startReceiver(reply?: Reply): Promise<Receiver> {
  return startAnyReceiver<PaypalWebhookEvent>({
    path: '/api/webhooks/paypal',
    reply,
  });
}

/** CRC-32 (IEEE), bit by bit: unsigned, as PayPal's message needs. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++)
      crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export const certificates = new Map<string, X509Certificate>();

export async function certificate(url: string): Promise<X509Certificate> {
  let cert = certificates.get(url);
  if (!cert) {
    const response = await fetch(url);
    assert.equal(response.status, 200);
    cert = new X509Certificate(await response.text());
    certificates.set(url, cert);
  }
  return cert;
}

/** The receiver's check, as the companion server makes it (offline verification). */
export async function verifies(
  delivery: Delivery,
  webhookId: string,
  crc: (body: Uint8Array) => number = crc32
): Promise<boolean> {
  const h = delivery.headers;
  assert.equal(h['paypal-auth-algo'], 'SHA256withRSA');
  const cert = await certificate(String(h['paypal-cert-url']));
  const message = `${h['paypal-transmission-id']}|${h['paypal-transmission-time']}|${webhookId}|${crc(
    Buffer.from(delivery.body, 'utf8')
  )}`;
  return verify(
    'RSA-SHA256',
    Buffer.from(message, 'utf8'),
    cert.publicKey,
    Buffer.from(String(h['paypal-transmission-sig']), 'base64')
  );
}

export const cleanups: (() => Promise<void>)[] = [];

export async function setup(
  options: PaypalEmulatorOptions & {reply?: Reply} = {}
): Promise<{emulator: RunningPaypalEmulator; receiver: Receiver}> {
  const receiver = await startReceiver(options.reply);
  cleanups.push(() => receiver.close());
  const emulator = await startPaypalEmulator({
    webhookUrl: receiver.url,
    retryDelaysMs: [],
    ...options,
  });
  cleanups.push(() => emulator.close());
  return {emulator, receiver};
}

export function api(
  emulator: RunningPaypalEmulator,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
) {
  return serverCall(emulator, path, body, headers);
}

/** An order the buyer approved, then captured: `{orderId, captureId}`. */
export async function paidOrder(
  emulator: RunningPaypalEmulator,
  value = '19.99'
) {
  const created = await api(emulator, '/v2/checkout/orders', {
    intent: 'CAPTURE',
    purchase_units: [
      {
        custom_id: 'order_42',
        invoice_id: 'INV-42',
        amount: {currency_code: 'USD', value},
      },
    ],
  });
  emulator.approve(created.body.id);
  const captured = await api(
    emulator,
    `/v2/checkout/orders/${created.body.id}/capture`,
    {}
  );
  assert.equal(captured.status, 201);
  return {
    orderId: created.body.id as string,
    captureId: captured.body.purchase_units[0].payments.captures[0]
      .id as string,
  };
}

/** Closes what each test's setup() started, after the test. */
export function closeAfterEach(): void {
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
}
