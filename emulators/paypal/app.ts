/**
 * The Hono app: PayPal's REST API behind the pipeline PayPal runs (debug id → token → JSON body
 * → PayPal-Request-Id → mock responses → the endpoint), the browser pages, and the emulator's
 * `/_emulator` controls. Web-standard Request/Response, so tests drive it with `app.request()`.
 */
import {Hono} from 'hono';
import type {Env} from './api/context.js';
import {PaypalApiError} from './api/errors.js';
import {idempotency, type IdempotencyStore} from './api/idempotency.js';
import {mockResponses} from './api/mock-response.js';
import {
  corsForBrowsers,
  debugId,
  jsonBody,
  paypalRequestFaults,
} from './api/pipeline.js';
import {paymentRoutes, refundReplay} from './captures/refunds.js';
import {controlRoutes, type ControlOptions} from './controls.js';
import type {EventRecord} from './core/state.js';
import {browserRoutes} from './js-sdk/js-sdk.js';
import {
  oauthRoutes,
  requireToken,
  type TokenStoreOptions,
} from './oauth/oauth.js';
import {orderRoutes} from './orders/orders.js';
import {
  capturedOrderView,
  createdOrderView,
  parsePrefer,
} from './orders/view.js';
import type {SigningIdentity} from './webhooks/certificate.js';
import {eventRoutes} from './webhooks/events.js';
import {notificationRoutes} from './webhooks/notifications.js';

interface AppOptions extends ControlOptions {
  tokenOptions: TokenStoreOptions;
  idempotency: IdempotencyStore;
  identity: Promise<SigningIdentity>;
  certId: string;
  certUrl(): string;
  webhookId: string;
  resend(record: EventRecord): void;
}

export function createApp(options: AppOptions): Hono<Env> {
  const {core, tokens, faults} = options;
  const app = new Hono<Env>();
  const verifyPath = '/v1/notifications/verify-webhook-signature';
  const eventsPath = '/v1/notifications/webhooks-events';

  app.use('*', debugId());
  app.use('/v1/*', corsForBrowsers);
  app.use('/v2/*', corsForBrowsers);

  for (const path of ['/v2/*', verifyPath, eventsPath, `${eventsPath}/*`]) {
    app.use(path, requireToken(tokens));
  }
  for (const path of ['/v2/*', '/v1/notifications/*', '/_emulator/*']) {
    app.use(path, jsonBody());
  }
  app.use(
    '/v2/*',
    idempotency(options.idempotency, (orderId, endpoint, prefer) => {
      // A refund's request id answers the refund it made (its id is what was saved).
      if (endpoint.endsWith('/refund'))
        return refundReplay(core, orderId, prefer);
      const record = core.state.orders.get(orderId);
      if (!record) return undefined;
      const view = endpoint.endsWith('/capture')
        ? capturedOrderView
        : createdOrderView;
      return view(core, record, parsePrefer(prefer));
    })
  );
  app.use('/v2/*', mockResponses());
  for (const path of ['/v1/oauth2/*', '/v2/*', verifyPath]) {
    app.use(path, paypalRequestFaults(faults));
  }

  app.route('/v1/oauth2', oauthRoutes(tokens, options.tokenOptions));
  app.route('/v2/checkout/orders', orderRoutes(core));
  app.route('/v2/payments', paymentRoutes(core));
  app.route(eventsPath, eventRoutes(core.state, options.resend));
  app.route(
    '/v1/notifications',
    notificationRoutes({
      certId: options.certId,
      certUrl: options.certUrl,
      webhookId: options.webhookId,
      identity: options.identity,
    })
  );
  app.route('/_emulator', controlRoutes(options));
  app.route(
    '/',
    browserRoutes({core, clientId: options.tokenOptions.clientId})
  );

  app.onError((error, c) => {
    const id = c.get('debugId');
    if (error instanceof PaypalApiError) return error.toResponse(id);
    console.error('[paypal emulator]', error);
    return new PaypalApiError(500, [], {
      message: `The PayPal emulator failed: ${String(error)}`,
    }).toResponse(id);
  });

  app.notFound((c) => new PaypalApiError(404, []).toResponse(c.get('debugId')));

  return app;
}
