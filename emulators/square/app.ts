/**
 * The Hono app: Square's REST API behind the pipeline (access token → JSON body → faults → the
 * endpoint), the browser half (web-sdk/), and the emulator's `/_emulator` controls.
 * Web-standard Request/Response, so tests drive it with `app.request()`.
 */
import {Hono} from 'hono';
import type {Env} from './api/context.js';
import {SquareApiError, internalError, notFound} from './api/errors.js';
import type {IdempotencyStore} from './api/idempotency.js';
import {
  jsonBody,
  requireAccessToken,
  squareRequestFaults,
} from './api/pipeline.js';
import {controlRoutes, type ControlOptions} from './controls.js';
import {disputeRoutes} from './disputes/disputes.js';
import {paymentRoutes} from './payments/payments.js';
import {refundRoutes} from './refunds/refunds.js';
import {webSdkRoutes} from './web-sdk/web-sdk.js';

interface AppOptions extends Omit<ControlOptions, 'requireToken'> {
  accessToken: string;
  idempotency: IdempotencyStore;
}

export function createApp(options: AppOptions): Hono<Env> {
  const {core} = options;
  const app = new Hono<Env>();
  const requireToken = requireAccessToken(options.accessToken);

  app.use('/v2/*', requireToken);
  app.use('/v2/*', jsonBody());
  app.use('/_emulator/*', jsonBody());
  app.use('/v2/*', squareRequestFaults(options.faults));

  app.route('/v2/payments', paymentRoutes(core, options.idempotency));
  app.route('/v2/refunds', refundRoutes(core, options.idempotency));
  app.route('/v2/disputes', disputeRoutes(core));
  app.route('/_emulator', controlRoutes({...options, requireToken}));
  app.route('/', webSdkRoutes(core));

  app.onError((error) => {
    if (error instanceof SquareApiError) return error.toResponse();
    console.error('[square emulator]', error);
    return internalError('The Square emulator failed.').toResponse();
  });
  app.notFound(() =>
    notFound('The requested resource does not exist.').toResponse()
  );
  return app;
}
