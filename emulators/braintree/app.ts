/**
 * The Hono app: the gateway API under `/merchants/:merchantId/…` (Basic auth → JSON body →
 * faults → the endpoint, XML out), the client API the browser calls (fingerprint, CORS, JSON),
 * the Drop-in fake's files, and the emulator's `/_emulator` controls. Web-standard
 * Request/Response, so tests can drive it with `app.request()`.
 */
import {Hono} from 'hono';
import type {Env} from './api/context.js';
import {BraintreeErrorResponse, BraintreeHttpError} from './api/errors.js';
import {
  braintreeRequestFaults,
  jsonBody,
  requireKeys,
  xml,
  xmlText,
} from './api/pipeline.js';
import {clientApiRoutes} from './client-api/routes.js';
import {clientToken} from './client-api/authorization.js';
import {controlRoutes, type ControlOptions} from './controls.js';
import {currencyOfAccount} from './core/state.js';
import {dropinBrowserRoutes} from './dropin/routes.js';
import {transactionRoutes} from './transactions/routes.js';
import {authorizationFailed} from './api/errors.js';

export function createApp(options: ControlOptions): Hono<Env> {
  const {core, faults} = options;
  const app = new Hono<Env>();
  const gateway = '/merchants/:merchantId';

  app.use('*', jsonBody());
  // The client API is the browser's: its own authorisation (the fingerprint) and CORS.
  app.route(`${gateway}/client_api`, clientApiRoutes(core));

  app.use(`${gateway}/*`, requireKeys(core));
  app.use(`${gateway}/*`, braintreeRequestFaults(faults));

  app.post(`${gateway}/client_token`, (c) => {
    const params =
      (c.get('body') as {client_token?: Record<string, unknown>} | undefined)
        ?.client_token ?? {};
    const requested = params.merchant_account_id;
    const accountId =
      typeof requested === 'string' && requested !== ''
        ? requested
        : core.defaultMerchantAccountId;
    // An account the keys do not own is an authorisation error, as for a sale.
    if (currencyOfAccount(core, accountId) === undefined)
      throw authorizationFailed();
    return xml(c, 201, 'clientToken', {value: clientToken(core, accountId)});
  });
  app.route(`${gateway}/transactions`, transactionRoutes(core));

  app.route('/_emulator', controlRoutes(options));
  app.route('/', dropinBrowserRoutes());

  app.onError((error, c) => {
    if (error instanceof BraintreeErrorResponse)
      return xmlText(c, 422, error.toXml());
    if (error instanceof BraintreeHttpError) {
      const json = error.body.startsWith('{');
      return new Response(error.body || null, {
        status: error.status,
        headers: json ? {'Content-Type': 'application/json'} : {},
      });
    }
    console.error('[braintree emulator]', error);
    return c.body(null, 500);
  });
  app.notFound((c) => c.body(null, 404));
  return app;
}
