/**
 * Stripe's webhook signature (docs.stripe.com/webhooks#verify-manually):
 * `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` where the key is the whole
 * `whsec_…` string as UTF-8 (not base64-decoded, prefix kept) and the message is
 * `${t}.${rawBody}`. Web Crypto, so it runs wherever the Hono app does.
 */
const encoder = new TextEncoder();

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    {name: 'HMAC', hash: 'SHA-256'},
    false,
    ['sign']
  );
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(message));
  return Array.from(new Uint8Array(mac), (b) =>
    b.toString(16).padStart(2, '0')
  ).join('');
}

export async function signatureHeader(
  secret: string,
  timestamp: number,
  payload: string
): Promise<string> {
  const v1 = await hmacHex(secret, `${timestamp}.${payload}`);
  // Test-mode deliveries also carry a `v0` signature nobody can verify; receivers must ignore
  // every scheme but v1 (a downgrade guard), so we send one too.
  const v0 = await hmacHex(`v0_${secret}`, `${timestamp}.${payload}`);
  return `t=${timestamp},v1=${v1},v0=${v0}`;
}
