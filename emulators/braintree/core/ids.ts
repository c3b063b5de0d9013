/** Identifiers in Braintree's shapes (a transaction id is 8 lowercase letters and digits). */
import {randomBytes, randomInt, randomUUID} from 'node:crypto';

const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function randomChars(length: number, alphabet = LOWER): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** Transaction ids look like `kx8qx3qz` (and refunds alike). */
export const newTransactionId = () => randomChars(8);
/** Dispute ids look like `9x7m4kq2yj3h6b5w`. */
export const newDisputeId = () => randomChars(16);
/** Card nonces are UUIDs (`tokencc_…` nonces are newer; both are opaque to the merchant). */
export const newNonce = () => randomUUID();
export const newMerchantId = () => randomChars(16);
export const newPublicKey = () => randomChars(16);
export const newPrivateKey = () => randomBytes(16).toString('hex');
/** A 6-digit processor authorization code, as card processors give. */
export const newAuthorizationCode = () => String(randomInt(100000, 1000000));
export const newGlobalId = (prefix: string, id: string) =>
  Buffer.from(`${prefix}_${id}`).toString('base64').replace(/=+$/, '');
