/**
 * Who may use the admin area, and how a browser proves it: the admin token or password, once,
 * at the sign-in form; then a session cookie holding a random id (the store keeps only its
 * hash) that ends after a fixed time or when idle; and, with every action, a CSRF token derived
 * from the session id, in a hidden field, compared in constant time. Actions from another site
 * are refused on their Origin / Sec-Fetch-Site before anything else (a header can only refuse
 * here, never admit).
 */
import {
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import type {Context} from 'hono';
import {deleteCookie, getCookie, setCookie} from 'hono/cookie';
import type {AdminSession, AdminSignIn} from '../orders/admin-store.js';
import {
  parsePasswordHash,
  type ScryptHash,
  verifyPassword,
} from './password.js';

export interface AdminOptions {
  /** ADMIN_TOKEN: at least 32 characters. */
  token?: string;
  /** ADMIN_PASSWORD_HASH: `scrypt$N$r$p$salt$hash` (pay-checkout-server hash-password). */
  passwordHash?: string;
  /** The cookie's Secure flag (default: when the shop's public URL is https). */
  secureCookie?: boolean;
  /** A session's absolute lifetime (default 12 h). */
  sessionTtlMs?: number;
  /** A session ends after this long without a request (default 30 min). */
  idleTimeoutMs?: number;
  /** Sign-in attempts per client per 15 minutes (default 10). */
  loginAttempts?: number;
}

export const MIN_TOKEN_LENGTH = 32;

/** Whether the options turn the admin area on; throws on a token too short or a bad hash. */
export function adminEnabled(options: AdminOptions | undefined): boolean {
  if (!options || (!options.token && !options.passwordHash)) return false;
  if (options.token !== undefined && options.token.length < MIN_TOKEN_LENGTH)
    throw new Error(
      `ADMIN_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters`
    );
  if (options.passwordHash !== undefined) {
    const parsed = parsePasswordHash(options.passwordHash);
    if (typeof parsed === 'string')
      throw new Error(`ADMIN_PASSWORD_HASH ${parsed}`);
  }
  return true;
}

const sha256 = (text: string) =>
  createHash('sha256').update(text).digest('hex');

/** Equal strings, in time that depends on neither (both hashed to the same length first). */
export function equalSecrets(a: string, b: string): boolean {
  return timingSafeEqual(
    createHash('sha256').update(a).digest(),
    createHash('sha256').update(b).digest()
  );
}

export interface Credentials {
  /** What the secret typed at the sign-in form is: undefined when neither. */
  check(secret: string): Promise<AdminSignIn | undefined>;
}

export function credentials(options: AdminOptions): Credentials {
  const hash = options.passwordHash
    ? (parsePasswordHash(options.passwordHash) as ScryptHash)
    : undefined;
  return {
    async check(secret) {
      if (!secret || secret.length > 1024) return undefined;
      // Both checks run whatever the first says, so the answer's time says nothing of which
      // one failed.
      const isToken = options.token
        ? equalSecrets(secret, options.token)
        : false;
      const isPassword = hash ? await verifyPassword(secret, hash) : false;
      return isToken ? 'token' : isPassword ? 'password' : undefined;
    },
  };
}

export interface SessionCookie {
  /** The name: `__Secure-` prefixed when Secure. */
  name: string;
  read(c: Context): string | undefined;
  write(c: Context, id: string, maxAgeSeconds: number): void;
  clear(c: Context): void;
}

export function sessionCookie(secure: boolean): SessionCookie {
  const name = secure ? '__Secure-pc_admin' : 'pc_admin';
  const base = {
    path: '/admin',
    httpOnly: true,
    sameSite: 'Strict' as const,
    secure,
    ...(secure && {prefix: 'secure' as const}),
  };
  const plain = secure ? 'pc_admin' : name;
  return {
    name,
    read: (c) => {
      const value = secure
        ? getCookie(c, plain, 'secure')
        : getCookie(c, plain);
      return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
    },
    write: (c, id, maxAge) => setCookie(c, plain, id, {...base, maxAge}),
    clear: (c) => deleteCookie(c, plain, base),
  };
}

/** A new session's id (for the cookie) and its row (for the store). */
export function newSession(
  method: AdminSignIn,
  now: Date,
  ttlMs: number
): {id: string; session: AdminSession} {
  const id = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  return {
    id,
    session: {
      idHash: sessionHash(id),
      method,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
    },
  };
}

export const sessionHash = sha256;

/** Who did it, in the audit log: the first 12 hex digits of the session's hash. */
export const actorOf = (session: AdminSession) =>
  `session:${session.idHash.slice(0, 12)}`;

/** The session's CSRF token: derived from its id, which only the browser's cookie holds. */
export const csrfToken = (sessionId: string) =>
  createHmac('sha256', sessionId)
    .update('pay-checkout admin csrf')
    .digest('base64url');

/**
 * Whether a POST comes from our own pages: a browser that sends Sec-Fetch-Site must say
 * same-origin (a same-site subdomain is someone else's), and one that sends Origin must send
 * the shop's own (PUBLIC_URL's) or the one the request was sent to (a browser names the host it
 * sends to, so a page elsewhere cannot match it; in development the shop answers on localhost
 * and 127.0.0.1). Only a refusal comes of this: an action still needs its CSRF token.
 */
export function fromOurPages(c: Context, publicOrigin?: string): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return false;
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  return origin === publicOrigin || origin === new URL(c.req.url).origin;
}
