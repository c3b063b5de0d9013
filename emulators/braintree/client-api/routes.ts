/**
 * The client API under `/merchants/:merchantId/client_api`, which the browser (the Drop-in fake,
 * as braintree-web for the real Drop-in) calls cross-origin with the client token's
 * `authorizationFingerprint` in the JSON body or the query: the gateway configuration, card
 * tokenising, and 3-D Secure. JSON in and out; CORS for any origin (the real one answers the
 * shop's origin too). A missing, forged or expired fingerprint is a 401, as braintree-web's
 * `CLIENT_AUTHORIZATION_INVALID` expects.
 */
import {Hono, type Context} from 'hono';
import {cors} from 'hono/cors';
import type {Env} from '../api/context.js';
import {lookUpNonce} from '../core/nonces.js';
import type {Core} from '../core/state.js';
import {
  clientApiUrl,
  readFingerprint,
  type Fingerprint,
} from './authorization.js';
import {cardPayload, tokenizeCard} from './cards.js';
import {
  approvePayment,
  createPaymentResource,
  paymentSummary,
  tokenizePaypalAccount,
  type PaypalResult,
} from './paypal.js';
import {authenticate, lookup, type LookupResult} from './three-d-secure.js';

type ClientEnv = Env & {Variables: {fingerprint: Fingerprint}};

function bodyField(c: Context<ClientEnv>, key: string): unknown {
  const body = c.get('body');
  return typeof body === 'object' && body !== null
    ? (body as Record<string, unknown>)[key]
    : undefined;
}

export function clientApiRoutes(core: Core) {
  const app = new Hono<ClientEnv>();
  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Braintree-Version', 'Authorization'],
      maxAge: 600,
    })
  );
  // Analytics beacons are accepted and dropped (the real ones go to PayPal's logger).
  app.post('/analytics', (c) => c.body(null, 204));
  app.use('*', async (c, next) => {
    if (c.req.param('merchantId') !== core.merchantId) {
      return c.json({error: {message: 'Not found'}}, 404);
    }
    const fingerprint = readFingerprint(
      core,
      bodyField(c, 'authorizationFingerprint') ??
        c.req.query('authorizationFingerprint')
    );
    if (!fingerprint) {
      return c.json(
        {error: {message: 'Authorization fingerprint is invalid'}},
        401
      );
    }
    c.set('fingerprint', fingerprint);
    await next();
  });

  app.get('/v1/configuration', (c) => {
    const origin = core.baseUrl();
    return c.json({
      environment: 'sandbox',
      environmentId: 'sandbox',
      merchantId: core.merchantId,
      merchantAccountId: c.get('fingerprint').merchantAccountId,
      clientApiUrl: clientApiUrl(core),
      assetsUrl: origin,
      configUrl: `${clientApiUrl(core)}/v1/configuration`,
      challenges: ['cvv', 'postal_code'],
      analytics: {url: `${clientApiUrl(core)}/analytics`},
      threeDSecureEnabled: true,
      threeDSecure: {cardinalAuthenticationJWT: 'emulator'},
      // PayPal through Braintree is linked on the emulator's merchant (the approval is its window).
      paypalEnabled: true,
      paypal: {
        displayName: 'Pay Checkout (emulator)',
        clientId: `emulator-${core.merchantId}`,
        environment: 'offline',
        environmentNoNetwork: true,
        currencyIsoCode:
          [...core.merchantAccounts].find(
            ([, id]) => id === c.get('fingerprint').merchantAccountId
          )?.[0] ?? null,
        assetsUrl: origin,
      },
      applePayWeb: null,
      androidPay: null,
      venmo: 'off',
      creditCards: {
        supportedCardTypes: [
          'American Express',
          'Discover',
          'JCB',
          'MasterCard',
          'Visa',
          'UnionPay',
        ],
        supportedGateways: [{name: 'clientApi'}],
      },
      graphQL: null,
    });
  });

  app.post('/v1/payment_methods/credit_cards', (c) => {
    const result = tokenizeCard(core, c.get('body'));
    if (!result.ok) {
      return c.json(
        {
          error: {message: 'Credit card is invalid'},
          fieldErrors: [{field: 'creditCard', fieldErrors: result.errors}],
        },
        422
      );
    }
    return c.json({creditCards: [cardPayload(result.record)]}, 201);
  });

  const paypal = (c: Context<ClientEnv>, result: PaypalResult) =>
    result.ok
      ? c.json(result.body, 201)
      : c.json({error: {message: result.message}}, result.status);
  const body = (c: Context<ClientEnv>) => {
    const value = c.get('body');
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : {};
  };
  app.post('/v1/paypal_hermes/create_payment_resource', (c) =>
    paypal(
      c,
      createPaymentResource(
        core,
        body(c),
        c.get('fingerprint').merchantAccountId,
        `${core.baseUrl()}/web/dropin/fake/paypal.html`
      )
    )
  );
  app.post('/v1/paypal_hermes/emulator_approve', (c) =>
    paypal(c, approvePayment(core, body(c)))
  );
  app.get('/v1/paypal_hermes/payment/:token', (c) =>
    paypal(c, paymentSummary(core, c.req.param('token')))
  );
  app.post('/v1/payment_methods/paypal_accounts', (c) =>
    paypal(c, tokenizePaypalAccount(core, body(c)))
  );

  const answer = (c: Context<ClientEnv>, result: LookupResult) =>
    result.ok
      ? c.json(result.body, 201)
      : c.json({error: {message: result.message}}, result.status as 422);

  const nonceOf = (c: Context<ClientEnv>) => {
    const found = lookUpNonce(core, c.req.param('nonce') ?? '');
    return found.kind === 'found' && found.record.singleUse
      ? found.record
      : undefined;
  };

  app.post('/v1/payment_methods/:nonce/three_d_secure/lookup', (c) => {
    const record = nonceOf(c);
    if (!record)
      return c.json(
        {error: {message: 'Unknown or expired payment_method_nonce.'}},
        422
      );
    return answer(
      c,
      lookup(
        core,
        record,
        `${core.baseUrl()}/web/dropin/fake/three-d-secure.html`
      )
    );
  });

  app.post(
    '/v1/payment_methods/:nonce/three_d_secure/authenticate_from_jwt',
    (c) => {
      const record = nonceOf(c);
      if (!record)
        return c.json(
          {error: {message: 'Unknown or expired payment_method_nonce.'}},
          422
        );
      return answer(c, authenticate(core, record, bodyField(c, 'outcome')));
    }
  );

  return app;
}
