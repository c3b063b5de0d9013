/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/**
 * `bytes` random bytes as lowercase hex. `getRandomValues` rather than `randomUUID`: that one
 * needs a secure context, and shops test on plain http.
 */
export function randomKey(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) =>
    byte.toString(16).padStart(2, '0')
  ).join('');
}
