/**
 * Braintree's webhook signature, exactly as the SDK checks it (webhook_notification_gateway.js,
 * digest.js): `bt_signature` is `publicKey|hex(HMAC-SHA1(key = SHA1(privateKey), bt_payload))`,
 * and `bt_payload` is base64 of the `<notification>` XML followed by a newline, as the SDK's
 * own sample notifications are. The endpoint check (`bt_challenge`) signs the challenge alike.
 */
import {createHash, createHmac} from 'node:crypto';

export function hmacSha1Hex(privateKey: string, data: string): string {
  const key = createHash('sha1').update(privateKey, 'binary').digest();
  return createHmac('sha1', key).update(data, 'binary').digest('hex');
}

export function signPayload(
  publicKey: string,
  privateKey: string,
  payload: string
): string {
  return `${publicKey}|${hmacSha1Hex(privateKey, payload)}`;
}

export function encodePayload(xml: string): string {
  return `${Buffer.from(xml, 'utf8').toString('base64')}\n`;
}

/** `gateway.webhookNotification.verify(challenge)`: the answer a destination gives `bt_challenge`. */
export function challengeAnswer(
  publicKey: string,
  privateKey: string,
  challenge: string
): string {
  return `${publicKey}|${hmacSha1Hex(privateKey, challenge)}`;
}
