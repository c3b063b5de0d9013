/**
 * CRC-32 (IEEE 802.3, the zlib polynomial), unsigned. PayPal's webhook signature covers the
 * decimal form of this checksum of the raw body, so a signed int32 here (as npm's `crc-32`
 * returns) would break every body whose checksum is 2^31 or more.
 */
function makeTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

const TABLE = makeTable();

export function crc32(data: Uint8Array | string): number {
  const bytes =
    typeof data === 'string' ? new TextEncoder().encode(data) : data;
  let crc = 0xffffffff;
  for (const byte of bytes) crc = TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
