// Stripe-looking identifiers. Only the prefix carries meaning; the rest is random so ids from
// two emulators (or two test runs) never collide.
const ALPHABET =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomString(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

/** `pi_…`, `ch_…`, `evt_…`: the prefix followed by 24 random characters, as Stripe's are. */
export function newId(prefix: string): string {
  return `${prefix}_${randomString(24)}`;
}

/** Stripe's client secrets are `${id}_secret_${random}`; Stripe.js checks that shape. */
export function newClientSecret(intentId: string): string {
  return `${intentId}_secret_${randomString(25)}`;
}

export function newRequestId(): string {
  return `req_${randomString(14)}`;
}
