/**
 * API keys, as Stripe checks them. Server calls authenticate with the secret key (Bearer, or
 * Basic with the key as the user name). Browser calls authenticate with the publishable key —
 * sent as the `key` parameter, as Stripe.js does, or as a Bearer token — and may only create
 * PaymentMethods and retrieve or confirm a PaymentIntent whose client_secret they present.
 */
import type {MiddlewareHandler} from 'hono';
import type {Auth, Env} from './context.js';
import {authenticationError} from './errors.js';

const PUBLISHABLE_ROUTES: readonly [string, RegExp][] = [
  ['POST', /^\/v1\/payment_methods\/?$/],
  ['GET', /^\/v1\/payment_intents\/[^/]+\/?$/],
  ['POST', /^\/v1\/payment_intents\/[^/]+\/confirm\/?$/],
];

const NO_KEY =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";

const PUBLISHABLE_NOT_ALLOWED =
  'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.';

/** Stripe shows the first 8 and last 4 characters of a wrong key, never the whole of it. */
function maskKey(key: string): string {
  if (key.length <= 12) return '*'.repeat(key.length);
  return `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}`;
}

function keyFromHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value = ''] = header.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) {
    try {
      return atob(value).split(':')[0];
    } catch {
      return '';
    }
  }
  return '';
}

function isPublishableRoute(method: string, path: string): boolean {
  return PUBLISHABLE_ROUTES.some(
    ([m, pattern]) => m === method && pattern.test(path)
  );
}

/** Needs `params` parsed first, because Stripe.js sends its key as a parameter. */
export function authenticate(keys: {
  secret: string;
  publishable: string;
}): MiddlewareHandler<Env> {
  return async (c, next) => {
    const params = c.get('params');
    let key = keyFromHeader(c.req.header('Authorization'));
    if (key === undefined && typeof params.key === 'string') key = params.key;
    // Stripe.js's own parameters are not part of the request's parameters.
    for (const name of Object.keys(params)) {
      if (name === 'key' || name.startsWith('_stripe_')) delete params[name];
    }
    if (!key) throw authenticationError(NO_KEY);

    let auth: Auth;
    if (key === keys.secret) auth = {kind: 'secret', key};
    else if (key === keys.publishable) auth = {kind: 'publishable', key};
    else throw authenticationError(`Invalid API Key provided: ${maskKey(key)}`);

    if (
      auth.kind === 'publishable' &&
      !isPublishableRoute(c.req.method, c.req.path)
    ) {
      throw authenticationError(PUBLISHABLE_NOT_ALLOWED);
    }
    c.set('auth', auth);
    await next();
  };
}

/** For the emulator's own control endpoints: the secret key only. */
export function requireSecretKey(secret: string): MiddlewareHandler<Env> {
  return async (c, next) => {
    const key = keyFromHeader(c.req.header('Authorization'));
    if (!key) throw authenticationError(NO_KEY);
    if (key !== secret)
      throw authenticationError(`Invalid API Key provided: ${maskKey(key)}`);
    c.set('auth', {kind: 'secret', key});
    await next();
  };
}
