/**
 * What the Drop-in fake reads from `authorization`: a client token is base64 JSON, and
 * braintree-web takes only `authorizationFingerprint`, `configUrl` (and `clientApiUrl` and
 * `assetsUrl`, where Hosted Fields' frames and Drop-in's stylesheet come from, from the
 * configuration it fetches) and `environment` from it (`lib/create-authorization-data.js`). A
 * tokenization key (`sandbox_xxx_merchant`) has no fingerprint the emulator could check, so the
 * fake refuses one, as the emulator issues client tokens only. Runs in the browser.
 */

export interface Authorization {
  authorizationFingerprint: string;
  clientApiUrl: string;
  environment: string;
  threeDSecureEnabled: boolean;
  /** PayPal through Braintree is linked on the merchant (the gateway configuration's `paypalEnabled`). */
  paypalEnabled: boolean;
  /** Where Drop-in's frames and stylesheet come from (the token's `assetsUrl`), if it says. */
  assetsUrl?: string;
}

/** A BraintreeError-like error (`name`, `code`, `type`, `message`), as braintree-web throws. */
export class BraintreeError extends Error {
  readonly code: string;
  readonly type: 'MERCHANT' | 'CUSTOMER' | 'NETWORK' | 'INTERNAL' | 'UNKNOWN';
  constructor(code: string, type: BraintreeError['type'], message: string) {
    super(message);
    this.name = 'BraintreeError';
    this.code = code;
    this.type = type;
  }
}

/** Drop-in's own error (`DropinError`): a message, and braintree-web's error when there is one. */
export class DropinError extends Error {
  readonly _braintreeWebError?: BraintreeError;
  constructor(message: string, cause?: BraintreeError) {
    super(message);
    this.name = 'DropinError';
    if (cause) this._braintreeWebError = cause;
  }
}

export function readAuthorization(authorization: unknown): Authorization {
  if (typeof authorization !== 'string' || authorization === '')
    throw new BraintreeError(
      'INSTANTIATION_OPTION_REQUIRED',
      'MERCHANT',
      'options.authorization is required.'
    );
  let decoded: Record<string, unknown>;
  try {
    decoded = JSON.parse(atob(authorization)) as Record<string, unknown>;
  } catch {
    throw new BraintreeError(
      'CLIENT_INVALID_AUTHORIZATION',
      'MERCHANT',
      'Authorization is invalid. Make sure your client token or tokenization key is valid.'
    );
  }
  const fingerprint = decoded.authorizationFingerprint;
  const configUrl = decoded.configUrl;
  const clientApiUrl =
    typeof decoded.clientApiUrl === 'string'
      ? decoded.clientApiUrl
      : typeof configUrl === 'string'
        ? configUrl.replace(/\/v1\/configuration$/, '')
        : undefined;
  if (typeof fingerprint !== 'string' || !clientApiUrl)
    throw new BraintreeError(
      'CLIENT_INVALID_AUTHORIZATION',
      'MERCHANT',
      'Authorization is invalid. Make sure your client token or tokenization key is valid.'
    );
  return {
    authorizationFingerprint: fingerprint,
    clientApiUrl: clientApiUrl.replace(/\/$/, ''),
    environment:
      typeof decoded.environment === 'string' ? decoded.environment : 'sandbox',
    threeDSecureEnabled: decoded.threeDSecureEnabled !== false,
    paypalEnabled: decoded.paypalEnabled === true,
    ...(typeof decoded.assetsUrl === 'string' &&
      URL.canParse(decoded.assetsUrl) && {
        assetsUrl: new URL(decoded.assetsUrl).origin,
      }),
  };
}
