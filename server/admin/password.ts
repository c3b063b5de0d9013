/**
 * ADMIN_PASSWORD_HASH: Node's scrypt in a self-describing text, `scrypt$N$r$p$salt$hash`
 * (salt and hash in base64), so the cost can rise later without breaking the hashes already
 * configured. `pay-checkout-server hash-password` prints one.
 */
import {randomBytes, scrypt, timingSafeEqual} from 'node:crypto';

export interface ScryptHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

/** 2^15, r 8, p 1: OWASP's scrypt minimum (about 32 MiB and 50–100 ms a check). */
const DEFAULT = {N: 2 ** 15, r: 8, p: 1};
const KEY_LENGTH = 32;
// A hash from the configuration is trusted only this far: a huge N would stall every sign-in.
const MAX_N = 2 ** 20;
const MAX_RP = 16;

function derive(
  password: string,
  salt: Buffer,
  {N, r, p}: {N: number; r: number; p: number},
  length: number
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      length,
      // scrypt needs 128 · N · r bytes; Node's default ceiling is 32 MiB.
      {N, r, p, maxmem: 256 * N * r + 1024 * 1024},
      (error, key) => (error ? reject(error) : resolve(key))
    )
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, DEFAULT, KEY_LENGTH);
  const {N, r, p} = DEFAULT;
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** The hash's parts, or a sentence saying what is wrong with it. */
export function parsePasswordHash(text: string): ScryptHash | string {
  const parts = text.trim().split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt')
    return 'must be scrypt$N$r$p$salt$hash, as `pay-checkout-server hash-password` prints it';
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (!Number.isInteger(N) || N < 2 ** 10 || N > MAX_N || (N & (N - 1)) !== 0)
    return `has N=${parts[1]}; N must be a power of two from 1024 to ${MAX_N}`;
  if (![r, p].every((v) => Number.isInteger(v) && v >= 1 && v <= MAX_RP))
    return `has r=${parts[2]}, p=${parts[3]}; each must be 1 to ${MAX_RP}`;
  const base64 = /^[A-Za-z0-9+/]+={0,2}$/;
  if (!base64.test(parts[4]) || !base64.test(parts[5]))
    return 'has a salt or hash that is not base64';
  const salt = Buffer.from(parts[4], 'base64');
  const hash = Buffer.from(parts[5], 'base64');
  if (salt.length < 8 || hash.length < 16)
    return 'has a salt or hash that is too short';
  return {N, r, p, salt, hash};
}

/** Whether `password` is the one hashed; constant-time in the comparison. */
export async function verifyPassword(
  password: string,
  stored: ScryptHash
): Promise<boolean> {
  const key = await derive(password, stored.salt, stored, stored.hash.length);
  return timingSafeEqual(key, stored.hash);
}
