/**
 * The emulator's signing identity: an RSA key pair and a self-signed X.509 certificate for it,
 * made when the emulator starts (Web Crypto, so nothing blocks) and served at the cert URL every
 * webhook names. `new crypto.X509Certificate(pem)` parses it, and its subject CN is PayPal's
 * (`messageverificationcerts.paypal.com`), so a receiver runs exactly the checks it runs against
 * PayPal — except the chain, which ends at this certificate and at no public authority.
 */
import {
  bitString,
  type Bytes,
  boolean,
  explicit,
  nullValue,
  objectIdentifier,
  octetString,
  printableString,
  sequence,
  set,
  time,
  unsignedInteger,
  utf8String,
} from './der.js';

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const ALGORITHM = {name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256'} as const;
const DAY_MS = 86_400_000;

export const CERTIFICATE_COMMON_NAME = 'messageverificationcerts.paypal.com';

export interface SigningIdentity {
  /** The PEM-encoded certificate (one `CERTIFICATE` block). */
  certificatePem: string;
  /** Base64 RSASSA-PKCS1-v1_5 / SHA-256 signature of the UTF-8 message (`SHA256withRSA`). */
  sign(message: string): Promise<string>;
  verify(message: string, signatureBase64: string): Promise<boolean>;
}

function attribute(oid: string, value: Uint8Array): Bytes {
  return set(sequence(objectIdentifier(oid), value));
}

function subjectName(): Bytes {
  return sequence(
    attribute('2.5.4.6', printableString('US')),
    attribute('2.5.4.8', utf8String('California')),
    attribute('2.5.4.7', utf8String('San Jose')),
    attribute('2.5.4.10', utf8String('pay-checkout PayPal emulator')),
    attribute('2.5.4.11', utf8String('Offline test certificate')),
    attribute('2.5.4.3', utf8String(CERTIFICATE_COMMON_NAME))
  );
}

function extensions(): Bytes {
  const basicConstraints = sequence(
    objectIdentifier('2.5.29.19'),
    boolean(true),
    octetString(sequence())
  );
  // digitalSignature only: bit 0 of the KeyUsage BIT STRING, 7 unused bits.
  const keyUsage = sequence(
    objectIdentifier('2.5.29.15'),
    boolean(true),
    octetString(bitString(Uint8Array.of(0x80), 7))
  );
  return explicit(3, sequence(basicConstraints, keyUsage));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Bytes | undefined {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function pem(der: Uint8Array): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** Valid from a day before `nowMs` (clock skew) to a year after it. */
export async function createSigningIdentity(
  nowMs: number
): Promise<SigningIdentity> {
  const keys = await crypto.subtle.generateKey(
    {
      ...ALGORITHM,
      modulusLength: 2048,
      publicExponent: Uint8Array.of(1, 0, 1),
    },
    true,
    ['sign', 'verify']
  );
  const spki = new Uint8Array(
    await crypto.subtle.exportKey('spki', keys.publicKey)
  );
  const serial = crypto.getRandomValues(new Uint8Array(16));
  serial[0]! &= 0x7f;
  const algorithm = sequence(objectIdentifier(SHA256_WITH_RSA), nullValue());
  const name = subjectName();
  const tbs = sequence(
    explicit(0, unsignedInteger(Uint8Array.of(2))), // v3
    unsignedInteger(serial),
    algorithm,
    name, // issuer: self-signed
    sequence(
      time(new Date(nowMs - DAY_MS)),
      time(new Date(nowMs + 365 * DAY_MS))
    ),
    name,
    spki,
    extensions()
  );
  const signature = new Uint8Array(
    await crypto.subtle.sign(ALGORITHM, keys.privateKey, tbs)
  );
  const certificate = sequence(tbs, algorithm, bitString(signature));
  const encoder = new TextEncoder();

  return {
    certificatePem: pem(certificate),
    async sign(message) {
      const bytes = await crypto.subtle.sign(
        ALGORITHM,
        keys.privateKey,
        encoder.encode(message)
      );
      return toBase64(new Uint8Array(bytes));
    },
    async verify(message, signatureBase64) {
      const bytes = fromBase64(signatureBase64);
      if (!bytes) return false;
      return crypto.subtle.verify(
        ALGORITHM,
        keys.publicKey,
        bytes,
        encoder.encode(message)
      );
    },
  };
}
