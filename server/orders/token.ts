/**
 * Order tokens: a random secret returned once at creation, stored only as a SHA-256, so a
 * leaked database does not leak read access.
 */
import {createHash, randomBytes, timingSafeEqual} from 'node:crypto';

export function newOrderToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
