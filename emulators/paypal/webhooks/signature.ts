/**
 * PayPal's webhook signature (developer.paypal.com/api/rest/webhooks/rest, and PayPal's SDKs'
 * `validateReceivedEvent`): an RSA PKCS#1 v1.5 / SHA-256 (`SHA256withRSA`) signature, base64,
 * over `${transmissionId}|${transmissionTime}|${webhookId}|${crc32(rawBody)}` with the CRC as an
 * unsigned decimal. The webhook id is the receiver's own configured id, never read from the
 * delivery.
 */
import {crc32} from './crc32.js';

export const AUTH_ALGO = 'SHA256withRSA';

export function transmissionMessage(
  transmissionId: string,
  transmissionTime: string,
  webhookId: string,
  rawBody: string
): string {
  return `${transmissionId}|${transmissionTime}|${webhookId}|${crc32(rawBody)}`;
}
