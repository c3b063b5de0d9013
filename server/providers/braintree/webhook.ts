/**
 * Verifying a Braintree webhook delivery: a form-encoded POST of `bt_signature` and
 * `bt_payload` (developer.paypal.com/braintree/docs/guides/webhooks/parse/node), checked and
 * parsed by the SDK's `webhookNotification.parse` (HMAC-SHA1 keyed with SHA-1 of our private
 * key, for our public key's pair). Nothing it does not accept is an event.
 */
import {createHash} from 'node:crypto';
import type braintree from 'braintree';
import {ApiError} from '../../errors.js';
import type {WebhookEvent} from '../gateway.js';

/** A verified notification: the SDK's object, as far as we read it. */
export interface BraintreeNotification {
  kind: string;
  timestamp?: unknown;
  transaction?: Record<string, unknown>;
  dispute?: Record<string, unknown>;
}

const invalid = (message: string) =>
  new ApiError(400, 'invalid_signature', message);

/**
 * The form's two fields from the exact bytes Braintree sent. URLSearchParams decodes as a form
 * does (`+` is a space, `%2B` a plus), which is how Braintree encodes them; a payload still
 * URL-encoded, or with a plus turned into a space, then fails the SDK's character check.
 */
function formFields(rawBody: Uint8Array) {
  let text: string;
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(rawBody);
  } catch {
    throw invalid('The webhook body is not a form.');
  }
  const form = new URLSearchParams(text);
  const signatures = form.getAll('bt_signature');
  const payloads = form.getAll('bt_payload');
  // One of each: a second copy of either field is not something Braintree sends.
  if (
    signatures.length !== 1 ||
    payloads.length !== 1 ||
    !signatures[0] ||
    !payloads[0]
  )
    throw invalid('The webhook has no bt_signature and bt_payload.');
  return {signature: signatures[0], payload: payloads[0]};
}

export async function verifyBraintreeWebhook(
  client: braintree.BraintreeGateway,
  rawBody: Uint8Array
): Promise<WebhookEvent<BraintreeNotification>> {
  if (rawBody.length === 0) throw invalid('The webhook body is empty.');
  const {signature, payload} = formFields(rawBody);
  let notification: BraintreeNotification;
  try {
    notification = (await client.webhookNotification.parse(
      signature,
      payload
    )) as unknown as BraintreeNotification;
  } catch {
    // invalidSignatureError ("no matching public key", "signature does not match payload", …),
    // or an XML parse error for a signed payload that is not XML: the message stays ours.
    throw invalid('The webhook signature could not be verified.');
  }
  if (
    typeof notification?.kind !== 'string' ||
    !notification.kind ||
    notification.kind.length > 64
  )
    throw new ApiError(
      400,
      'invalid_request',
      'The notification is not a Braintree notification.'
    );
  return {
    id: notificationId(payload),
    type: notification.kind,
    body: notification,
  };
}

/**
 * Braintree's notifications carry no id. A redelivery sends the same payload, so the ledger
 * keys a notification by its kind and a hash of the payload's decoded bytes (the base64
 * without its line breaks): the same notification is one event, however often it comes.
 */
function notificationId(payload: string): string {
  const xml = Buffer.from(payload.replace(/\n/g, ''), 'base64');
  return `bt_${createHash('sha256').update(xml).digest('hex').slice(0, 40)}`;
}
