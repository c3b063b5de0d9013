/**
 * The Hono app: Stripe's `/v1` API behind the same pipeline Stripe runs (parameters → API key
 * → idempotency → the endpoint), plus the emulator's `/_emulator` controls. Web-standard
 * Request/Response only, so tests drive it with `app.request()`.
 */
import {Hono, type MiddlewareHandler} from 'hono';
import {cors} from 'hono/cors';
import type {FaultController} from '../shared/faults.js';
import {requestFaults} from '../shared/request-faults.js';
import {authenticate} from './api/auth.js';
import type {Env} from './api/context.js';
import {StripeApiError, apiError} from './api/errors.js';
import {parseForm, parseQuery, type Params} from './api/form.js';
import {idempotency, type IdempotencyStore} from './api/idempotency.js';
import {chargeRoutes} from './charges/charges.js';
import {checkoutSessionRoutes} from './checkout-sessions/checkout-sessions.js';
import {expireDue} from './checkout-sessions/flow.js';
import {checkoutPageRoutes} from './checkout-sessions/hosted-page.js';
import {controlRoutes, type ControlOptions} from './controls.js';
import {couponRoutes} from './coupons/coupons.js';
import {newRequestId} from './core/ids.js';
import type {EventRecord} from './core/state.js';
import {disputeRoutes} from './disputes/disputes.js';
import {eventRoutes} from './events/events.js';
import {paymentIntentRoutes} from './payment-intents/payment-intents.js';
import {paymentMethodRoutes} from './payment-methods/payment-methods.js';
import {refundRoutes} from './refunds/refunds.js';
import {taxRateRoutes} from './tax-rates/tax-rates.js';

interface AppOptions extends ControlOptions {
  apiVersion: string;
  publishableKey: string;
  idempotency: IdempotencyStore;
  faults: FaultController<EventRecord>;
}

/** `Request-Id` on every answer, as Stripe sends. */
function requestId(): MiddlewareHandler<Env> {
  return async (c, next) => {
    const id = newRequestId();
    c.set('requestId', id);
    c.set('skipIdempotentSave', false);
    await next();
    c.res.headers.set('Request-Id', id);
  };
}

/**
 * Query string and body, merged. `/v1` bodies are form-encoded only (a JSON body is not read,
 * as at Stripe); the emulator's controls also take JSON.
 */
function parseParams(
  acceptJson: boolean,
  defaultVersion: string
): MiddlewareHandler<Env> {
  return async (c, next) => {
    let params: Params = parseQuery(c.req.url);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const type = c.req.header('Content-Type') ?? '';
      const text = await c.req.text();
      if (acceptJson && type.includes('json') && text.trim()) {
        params = {...params, ...jsonParams(text)};
      } else if (!type || type.includes('x-www-form-urlencoded')) {
        params = {...params, ...parseForm(text)};
      }
    }
    c.set('params', params);
    // Stripe.js names the version in a parameter, the server libraries in a header.
    const version = params._stripe_version;
    const apiVersion =
      c.req.header('Stripe-Version') ??
      (typeof version === 'string' ? version : defaultVersion);
    c.set('apiVersion', apiVersion);
    await next();
    c.res.headers.set('Stripe-Version', apiVersion);
  };
}

function jsonParams(text: string): Params {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StripeApiError(
      400,
      {type: 'invalid_request_error', message: 'Invalid JSON body.'},
      false
    );
  }
  // Keep the same shape as form parameters: strings all the way down.
  const convert = (v: unknown): Params | string =>
    v !== null && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v).map(([k, item]) => [k, convert(item)])
        )
      : v === null || v === undefined
        ? ''
        : String(v);
  const params = convert(value);
  return typeof params === 'string' ? {} : params;
}

/** Request faults act after idempotency, so a hanging request holds its key (a retry gets 409). */
function stripeRequestFaults(
  faults: FaultController<EventRecord>
): MiddlewareHandler<Env> {
  return requestFaults<Env>(faults, {
    closed(c) {
      c.set('skipIdempotentSave', true);
      return apiError(
        'The Stripe emulator closed while this request was hanging.'
      );
    },
    failed(c) {
      // An injected outage happens before the endpoint runs, so nothing is saved for
      // replay and a retry with the same Idempotency-Key runs normally.
      c.set('skipIdempotentSave', true);
      return apiError(
        'An unknown error occurred while processing this request (fault injected by the Stripe emulator).'
      );
    },
  });
}

const corsForBrowsers = cors({
  origin: '*',
  allowMethods: ['GET', 'POST', 'OPTIONS'],
  allowHeaders: [
    'Authorization',
    'Content-Type',
    'Idempotency-Key',
    'Stripe-Version',
  ],
  exposeHeaders: ['Request-Id', 'Idempotent-Replayed', 'Original-Request'],
  maxAge: 300,
});

export function createApp(options: AppOptions): Hono<Env> {
  const {core} = options;
  const app = new Hono<Env>();

  app.use('*', requestId());
  // Stripe expires sessions on its own at `expires_at`; here, at the next request after it.
  app.use('*', async (_c, next) => {
    expireDue(core);
    await next();
  });
  // Stripe answers browsers from any origin for publishable-key calls.
  app.use('/v1/*', corsForBrowsers);
  app.use('/_emulator/3ds/*', corsForBrowsers);

  app.use('/v1/*', parseParams(false, options.apiVersion));
  app.use(
    '/v1/*',
    authenticate({
      secret: options.secretKey,
      publishable: options.publishableKey,
    })
  );
  app.use('/v1/*', idempotency(options.idempotency));
  app.use('/v1/*', stripeRequestFaults(options.faults));
  app.route('/v1/payment_intents', paymentIntentRoutes(core));
  app.route('/v1/payment_methods', paymentMethodRoutes(core));
  app.route('/v1/charges', chargeRoutes(core));
  app.route('/v1/refunds', refundRoutes(core));
  app.route('/v1/disputes', disputeRoutes(core));
  app.route('/v1/events', eventRoutes(core.state));
  app.route('/v1/checkout/sessions', checkoutSessionRoutes(core));
  app.route('/v1/coupons', couponRoutes(core));
  app.route('/v1/tax_rates', taxRateRoutes(core));

  // The hosted payment page a Checkout Session's `url` opens, and the calls its script makes.
  app.use('/checkout/*', parseParams(true, options.apiVersion));
  app.route(
    '/checkout',
    checkoutPageRoutes({core, publishableKey: options.publishableKey})
  );

  app.use('/_emulator/*', parseParams(true, options.apiVersion));
  app.route('/_emulator', controlRoutes(options));

  app.onError((error, c) => {
    if (error instanceof StripeApiError) return error.toResponse();
    console.error('[stripe emulator]', error);
    return c.json(
      {
        error: {
          type: 'api_error',
          message: `The Stripe emulator failed: ${String(error)}`,
        },
      },
      500
    );
  });

  app.notFound((c) =>
    c.json(
      {
        error: {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${c.req.method}: ${c.req.path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        },
      },
      404
    )
  );

  return app;
}
