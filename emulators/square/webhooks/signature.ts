/**
 * `x-square-hmacsha256-signature` (developer.squareup.com/docs/webhooks/step3validate, and the
 * SDK's `WebhooksHelper.verifySignature`): base64 of HMAC-SHA256, keyed with the subscription's
 * signature key as UTF-8 text, over the notification URL followed by the raw body.
 */
const encoder = new TextEncoder();

export async function squareSignature(
  signatureKey: string,
  notificationUrl: string,
  body: string
): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(signatureKey),
    {name: 'HMAC', hash: 'SHA-256'},
    false,
    ['sign']
  );
  const mac = await crypto.subtle.sign(
    'HMAC',
    key,
    encoder.encode(notificationUrl + body)
  );
  return btoa(String.fromCharCode(...new Uint8Array(mac)));
}
