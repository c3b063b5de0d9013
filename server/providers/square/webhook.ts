/**
 * Verifying a Square webhook delivery (developer.squareup.com/docs/webhooks/step3validate):
 * `x-square-hmacsha256-signature` is base64(HMAC-SHA256(signature key, notification URL +
 * body)), over the exact bytes Square sent and the subscription's URL as configured. The
 * SDK's WebhooksHelper.verifySignature computes the same (a test holds the two together) but
 * compares with `===`; this compares in constant time, and never fails open.
 */
import {createHmac, timingSafeEqual} from 'node:crypto';
import {ApiError} from '../../errors.js';

export const SQUARE_SIGNATURE_HEADER = 'x-square-hmacsha256-signature';

/** A webhook event as far as we read it: only its verified bytes got it this far. */
export interface SquareWebhookEvent {
  merchant_id?: unknown;
  type: string;
  event_id: string;
  created_at?: unknown;
  data: {type?: unknown; id?: unknown; object?: unknown};
}

const invalid = (message: string) =>
  new ApiError(400, 'invalid_signature', message);

/** What Square signs: the notification URL's bytes, then the body's. */
export function squareSignature(
  signatureKey: string,
  notificationUrl: string,
  body: Uint8Array
): string {
  return createHmac('sha256', Buffer.from(signatureKey, 'utf8'))
    .update(Buffer.from(notificationUrl, 'utf8'))
    .update(body)
    .digest('base64');
}

/** Whether a header is the signature of `body` for this URL and key, in constant time. */
export function isSquareSignature(
  header: string,
  signatureKey: string,
  notificationUrl: string,
  body: Uint8Array
): boolean {
  if (!signatureKey || !notificationUrl) return false;
  const expected = Buffer.from(
    squareSignature(signatureKey, notificationUrl, body),
    'utf8'
  );
  const given = Buffer.from(header, 'utf8');
  // Unequal lengths cannot match (and timingSafeEqual would throw); the length of a base64
  // SHA-256 is public anyway.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The verified event, or a 400: a forgery is never retried into success. */
export function verifySquareWebhook(
  rawBody: Uint8Array,
  header: (name: string) => string | undefined,
  key: {signatureKey: string; notificationUrl: string}
): SquareWebhookEvent {
  const signature = header(SQUARE_SIGNATURE_HEADER)?.trim();
  if (!signature || rawBody.length === 0)
    throw invalid(
      `The ${SQUARE_SIGNATURE_HEADER} header or the body is missing.`
    );
  if (signature.length > 200)
    throw invalid(`The ${SQUARE_SIGNATURE_HEADER} header is too long.`);
  if (
    !isSquareSignature(
      signature,
      key.signatureKey,
      key.notificationUrl,
      rawBody
    )
  )
    throw invalid('The webhook signature could not be verified.');
  return parseSquareEvent(rawBody);
}

/** A signed body that is not a Square event is still not one: 400 invalid_request. */
function parseSquareEvent(body: Uint8Array): SquareWebhookEvent {
  let event: Partial<SquareWebhookEvent> | undefined;
  try {
    event = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(body));
  } catch {
    throw new ApiError(400, 'invalid_request', 'The webhook body is not JSON.');
  }
  if (
    typeof event !== 'object' ||
    event === null ||
    typeof event.event_id !== 'string' ||
    !event.event_id ||
    event.event_id.length > 255 ||
    typeof event.type !== 'string' ||
    !event.type ||
    event.type.length > 255 ||
    typeof event.data !== 'object' ||
    event.data === null ||
    Array.isArray(event.data)
  ) {
    throw new ApiError(
      400,
      'invalid_request',
      'The body is not a Square webhook event.'
    );
  }
  return event as SquareWebhookEvent;
}
