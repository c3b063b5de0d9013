/**
 * Just enough DER (ITU-T X.690) to write one X.509 certificate: tag-length-value encoding and
 * the handful of universal types a certificate uses.
 */

/** Bytes backed by a plain ArrayBuffer, which is what Web Crypto accepts. */
export type Bytes = Uint8Array<ArrayBuffer>;

function concat(parts: readonly Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function encodeLength(length: number): Bytes {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

function tlv(tag: number, content: Uint8Array): Bytes {
  return concat([Uint8Array.of(tag), encodeLength(content.length), content]);
}

export const sequence = (...parts: Uint8Array[]): Bytes =>
  tlv(0x30, concat(parts));

export const set = (...parts: Uint8Array[]): Bytes => tlv(0x31, concat(parts));

/** `[n] EXPLICIT`: a constructed, context-specific wrapper. */
export const explicit = (n: number, content: Uint8Array): Bytes =>
  tlv(0xa0 | n, content);

/** A non-negative INTEGER from its big-endian magnitude. */
export function unsignedInteger(magnitude: Uint8Array): Bytes {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const trimmed = magnitude.subarray(start);
  // A leading 1 bit would make the number negative: pad with a zero byte.
  const body =
    trimmed[0]! & 0x80 ? concat([Uint8Array.of(0), trimmed]) : trimmed;
  return tlv(0x02, body);
}

export function objectIdentifier(dotted: string): Bytes {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) {
      chunk.unshift(0x80 | (n & 0x7f));
    }
    bytes.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(bytes));
}

export const nullValue = (): Bytes => Uint8Array.of(0x05, 0x00);

export const boolean = (value: boolean): Bytes =>
  Uint8Array.of(0x01, 0x01, value ? 0xff : 0x00);

export const utf8String = (text: string): Bytes =>
  tlv(0x0c, new TextEncoder().encode(text));

/** PrintableString: for country codes, as certificate authorities write them. */
export const printableString = (text: string): Bytes =>
  tlv(0x13, new TextEncoder().encode(text));

export const octetString = (content: Uint8Array): Bytes => tlv(0x04, content);

/** A BIT STRING of whole bytes, or with `unusedBits` trailing bits of the last byte unused. */
export const bitString = (content: Uint8Array, unusedBits = 0): Bytes =>
  tlv(0x03, concat([Uint8Array.of(unusedBits), content]));

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
export function time(date: Date): Bytes {
  const iso = date.toISOString();
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  const year = date.getUTCFullYear();
  return year < 2050
    ? tlv(0x17, new TextEncoder().encode(digits.slice(2)))
    : tlv(0x18, new TextEncoder().encode(digits));
}
