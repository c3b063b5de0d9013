/**
 * OAuth 2.0 client credentials (developer.paypal.com/api/rest/authentication):
 * `POST /v1/oauth2/token` with HTTP Basic `clientId:clientSecret` and
 * `grant_type=client_credentials`. Like PayPal, a token is reused until it expires (the same
 * `access_token`, a shorter `expires_in`) unless `ignoreCache=true` asks for a new one.
 *
 * The JS SDK authenticates with the client id alone (`clientId:`), as PayPal's smart buttons
 * do for their facilitator token; such a token may only create, read and capture orders.
 */
import {Hono, type MiddlewareHandler} from 'hono';
import type {AccessToken, Env} from '../api/context.js';
import {PaypalApiError, authenticationFailure, detail} from '../api/errors.js';
import {newAccessToken, newNonce} from '../core/ids.js';

export interface PaypalEmulatorStats {
  /** Tokens granted to a server (client id and secret), cached ones included. */
  tokenRequests: number;
  /** Token requests refused: wrong credentials or grant. */
  rejectedTokenRequests: number;
  /** Tokens granted to the JS SDK (client id only). */
  browserTokenRequests: number;
  /** Requests refused for a missing, unknown or expired bearer token. */
  authenticationFailures: number;
}

export interface TokenStoreOptions {
  clientId: string;
  clientSecret: string;
  appId: string;
  ttlSeconds: number;
  now(): number;
}

const SCOPE = [
  'https://uri.paypal.com/services/invoicing',
  'https://uri.paypal.com/services/disputes/read-buyer',
  'https://uri.paypal.com/services/payments/realtimepayment',
  'https://uri.paypal.com/services/disputes/update-seller',
  'https://uri.paypal.com/services/payments/payment/authcapture',
  'openid',
  'https://uri.paypal.com/services/disputes/read-seller',
  'https://uri.paypal.com/services/payments/refund',
  'https://uri.paypal.com/services/applications/webhooks',
  'https://uri.paypal.com/services/applications/verify-webhook-signature',
].join(' ');

const BROWSER_SCOPE =
  'https://uri.paypal.com/services/payments/payment/authcapture';

/** The routes a JS SDK token may call: the orders the buyer is paying for. */
const BROWSER_ROUTES: readonly [string, RegExp][] = [
  ['POST', /^\/v2\/checkout\/orders\/?$/],
  ['GET', /^\/v2\/checkout\/orders\/[^/]+\/?$/],
  ['POST', /^\/v2\/checkout\/orders\/[^/]+\/capture\/?$/],
];

export function createTokenStore(options: TokenStoreOptions) {
  const tokens = new Map<string, AccessToken>();
  const current = new Map<AccessToken['kind'], AccessToken>();
  const stats: PaypalEmulatorStats = {
    tokenRequests: 0,
    rejectedTokenRequests: 0,
    browserTokenRequests: 0,
    authenticationFailures: 0,
  };

  function issue(kind: AccessToken['kind'], fresh: boolean): AccessToken {
    const now = options.now();
    const cached = current.get(kind);
    if (!fresh && cached && cached.expiresAt > now) return cached;
    const token: AccessToken = {
      token: newAccessToken(),
      kind,
      expiresAt: now + options.ttlSeconds * 1000,
    };
    tokens.set(token.token, token);
    current.set(kind, token);
    return token;
  }

  return {
    stats,
    issue,
    /** The live token with this value, if any. */
    find(value: string): AccessToken | undefined {
      const token = tokens.get(value);
      return token && token.expiresAt > options.now() ? token : undefined;
    },
  };
}

export type TokenStore = ReturnType<typeof createTokenStore>;

function basicCredentials(header: string | undefined) {
  const match = /^Basic\s+(\S+)$/i.exec(header?.trim() ?? '');
  if (!match) return undefined;
  try {
    const decoded = atob(match[1]!);
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    return {id: decoded.slice(0, colon), secret: decoded.slice(colon + 1)};
  } catch {
    return undefined;
  }
}

export function oauthRoutes(store: TokenStore, options: TokenStoreOptions) {
  const app = new Hono<Env>();
  app.post('/token', async (c) => {
    const credentials = basicCredentials(c.req.header('Authorization'));
    const kind =
      credentials?.id !== options.clientId
        ? undefined
        : credentials.secret === options.clientSecret
          ? 'server'
          : credentials.secret === ''
            ? 'browser'
            : undefined;
    if (!kind) {
      store.stats.rejectedTokenRequests++;
      return c.json(
        {
          error: 'invalid_client',
          error_description: 'Client Authentication failed',
        },
        401
      );
    }
    const form = new URLSearchParams(await c.req.text());
    const grant = form.get('grant_type');
    if (grant !== 'client_credentials') {
      store.stats.rejectedTokenRequests++;
      return c.json(
        {
          error: 'unsupported_grant_type',
          error_description:
            grant === null ? 'Grant Type is NULL' : 'unsupported grant_type',
        },
        400
      );
    }
    if (kind === 'server') store.stats.tokenRequests++;
    else store.stats.browserTokenRequests++;
    const now = options.now();
    const token = store.issue(kind, form.get('ignoreCache') === 'true');
    return c.json({
      scope: kind === 'server' ? SCOPE : BROWSER_SCOPE,
      access_token: token.token,
      token_type: 'Bearer',
      app_id: options.appId,
      expires_in: Math.max(0, Math.floor((token.expiresAt - now) / 1000)),
      nonce: newNonce(now),
    });
  });
  return app;
}

/** `Authorization: Bearer <access_token>` on every REST call. */
export function requireToken(store: TokenStore): MiddlewareHandler<Env> {
  return async (c, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(
      c.req.header('Authorization')?.trim() ?? ''
    );
    const token = match ? store.find(match[1]!) : undefined;
    if (!token) {
      store.stats.authenticationFailures++;
      return authenticationFailure(c.get('debugId'));
    }
    const browserAllowed = BROWSER_ROUTES.some(
      ([method, path]) => method === c.req.method && path.test(c.req.path)
    );
    if (token.kind === 'browser' && !browserAllowed) {
      throw new PaypalApiError(403, [detail('PERMISSION_DENIED')]);
    }
    c.set('token', token);
    await next();
  };
}
