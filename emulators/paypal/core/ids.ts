/**
 * PayPal-looking identifiers. Only their shape carries meaning (17 upper-case characters for
 * orders and captures, `WH-…` for events, 13 hex digits for debug ids); the rest is random so
 * ids from two emulators, or two test runs, never collide.
 */
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const MIXED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const TOKEN = `${MIXED}-_`;

export function randomChars(length: number, alphabet = UPPER): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

function hex(length: number): string {
  return randomChars(length, '0123456789abcdef');
}

/** `5O190127TN364715T`: orders, captures and refunds share PayPal's 17-character shape. */
export const newResourceId = (): string => randomChars(17);

/** A payer id (`YTENGYR8PAF9A`) or a merchant id: 13 characters. */
export const newAccountId = (): string => randomChars(13);

export const newEventId = (): string =>
  `WH-${randomChars(17)}-${randomChars(17)}`;

export const newDebugId = (): string => hex(13);

export const newDisputeId = (): string =>
  `PP-D-${randomChars(8, '0123456789')}`;

export const newCertId = (): string =>
  `CERT-emulator-${hex(8)}-${hex(8)}-${hex(8)}`;

/** Webhook ids must match `^[a-zA-Z0-9]+$` (the postback's schema). */
export const newWebhookId = (): string => randomChars(17);

export const newAppId = (): string => `APP-${randomChars(17)}`;

/** Client ids and secrets go into script URLs unescaped (paypal-js does not encode them). */
export const newClientId = (): string => `Aemulator${randomChars(71, MIXED)}`;
export const newClientSecret = (): string =>
  `Eemulator${randomChars(71, MIXED)}`;

export const newAccessToken = (): string => `A21AA${randomChars(92, TOKEN)}`;

/** Seconds-precision RFC 3339, the format of `create_time` and transmission times. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The OAuth `nonce`: the issue time followed by random characters, as PayPal's look. */
export function newNonce(ms: number): string {
  return `${isoSeconds(ms)}${randomChars(43, TOKEN)}`;
}
