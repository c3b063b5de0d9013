/**
 * Client tokens (reference/request/client-token/generate): base64 of JSON with `version: 2`, an
 * `authorizationFingerprint`, and `configUrl`/`clientApiUrl`/`assetsUrl` on the emulator's origin
 * (no `graphQL`, so braintree-web-style clients stay on the REST client API). The fingerprint is
 * the older public format, `hmac|created_at=…&merchant_id=…&public_key=…`, signed with the
 * private key so the client API can check it without remembering it; a token lives 24 hours.
 */
import {createHmac, timingSafeEqual} from 'node:crypto';
import {isoSeconds} from '../api/xml.js';
import type {Core} from '../core/state.js';

export const CLIENT_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

export interface Fingerprint {
  merchantId: string;
  merchantAccountId: string;
  createdAt: number;
}

function sign(core: Core, query: string): string {
  return createHmac('sha256', core.privateKey).update(query).digest('hex');
}

export function newFingerprint(core: Core, merchantAccountId: string): string {
  const query = new URLSearchParams({
    created_at: isoSeconds(core.now()),
    merchant_id: core.merchantId,
    public_key: core.publicKey,
    merchant_account_id: merchantAccountId,
  }).toString();
  return `${sign(core, query)}|${query}`;
}

/** The fingerprint's claims, or undefined when it is forged, for another merchant, or expired. */
export function readFingerprint(
  core: Core,
  value: unknown
): Fingerprint | undefined {
  if (typeof value !== 'string') return undefined;
  const bar = value.indexOf('|');
  if (bar < 0) return undefined;
  const mac = Buffer.from(value.slice(0, bar));
  const query = value.slice(bar + 1);
  const expected = Buffer.from(sign(core, query));
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected))
    return undefined;
  const fields = new URLSearchParams(query);
  const createdAt = Date.parse(fields.get('created_at') ?? '');
  if (
    fields.get('merchant_id') !== core.merchantId ||
    !Number.isFinite(createdAt) ||
    core.now() - createdAt > CLIENT_TOKEN_TTL_MS
  ) {
    return undefined;
  }
  return {
    merchantId: core.merchantId,
    merchantAccountId:
      fields.get('merchant_account_id') ?? core.defaultMerchantAccountId,
    createdAt,
  };
}

export function clientApiUrl(core: Core): string {
  return `${core.baseUrl()}/merchants/${core.merchantId}/client_api`;
}

export function clientToken(core: Core, merchantAccountId: string): string {
  const json = {
    version: 2,
    authorizationFingerprint: newFingerprint(core, merchantAccountId),
    configUrl: `${clientApiUrl(core)}/v1/configuration`,
    challenges: [],
    environment: 'sandbox',
    clientApiUrl: clientApiUrl(core),
    assetsUrl: core.baseUrl(),
    analytics: {
      url: `${core.baseUrl()}/merchants/${core.merchantId}/client_api/analytics`,
    },
    threeDSecureEnabled: true,
    paypalEnabled: true,
    merchantId: core.merchantId,
    merchantAccountId,
    venmo: 'off',
  };
  return Buffer.from(JSON.stringify(json)).toString('base64');
}
