/**
 * Square-looking identifiers. Only their shape carries meaning (as in Square's own examples:
 * 29-character payment ids, refund ids `<payment id>_<43 characters>`, 13-character upper-case
 * location and merchant ids, UUID event ids); the rest is random, so ids from two emulators or
 * two test runs never collide.
 */
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const MIXED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const TOKEN = `${MIXED}-_`;

export function randomChars(length: number, alphabet = MIXED): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** `R2B3Z8WMVt3EAmzYWLZvz7Y69EbZY` (api.json's CreatePayment example). */
export const newPaymentId = (): string => `${randomChars(27)}ZY`;

/** `<payment id>_KlWP8IC1557ddwc9QWTKrCVU6m0JXDz15R2Qym5eQfR` (RefundPayment's example). */
export const newRefundId = (paymentId: string): string =>
  `${paymentId}_${randomChars(43)}`;

/** `L88917AVBK2S5`, `6SSW7HV8K2ST5`: locations and merchants. */
export const newLocationId = (): string => `L${randomChars(12, UPPER)}`;
export const newMerchantId = (): string => randomChars(13, UPPER);

/** `ORSEVtZAJxb37RA1EiGw` (DisputeCreatedEvent's example). */
export const newDisputeId = (): string => randomChars(20);

/** An opaque token for optimistic concurrency, changed on every update of the payment. */
export const newVersionToken = (): string => randomChars(45);

/** `cnon:CBASEF667Xdo69NiVEeuHo_Hj3Q`: a card token minted by the card form. */
export const newCardNonce = (): string => `cnon:CBASE${randomChars(22, TOKEN)}`;

/** `verf:…`: a buyer verification token (verifyBuyer). */
export const newVerificationToken = (): string =>
  `verf:CBASE${randomChars(22, TOKEN)}`;

/** The challenge of one verification: what the SCA window completes. */
export const newVerificationId = (): string => `vrf_${randomChars(24)}`;

export const newAuthResultCode = (): string => randomChars(6);

/** `sq-1-…`: a card's fingerprint, stable per card number within one emulator. */
export const newFingerprint = (): string => `sq-1-${randomChars(64, TOKEN)}`;

/** Sandbox access tokens begin `EAAA`. */
export const newAccessToken = (): string => `EAAAl${randomChars(59, TOKEN)}`;

/** Sandbox application ids begin `sandbox-sq0idb-` (square/web-sdk `src/payments.ts`). */
export const newApplicationId = (): string =>
  `sandbox-sq0idb-${randomChars(22, TOKEN)}`;

/** A webhook subscription's signature key (base64url-looking, 22 characters). */
export const newSignatureKey = (): string => randomChars(22, TOKEN);

/** RFC 3339 with milliseconds, as Square's `created_at`/`updated_at` are. */
export const iso = (ms: number): string => new Date(ms).toISOString();
