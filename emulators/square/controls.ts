/**
 * The emulator's own endpoints under `/_emulator`, for tests and for development. None exists
 * at Square. They need the access token (`Authorization: Bearer …`), and answer in Square's
 * error shape. Bodies are JSON.
 *
 * - `GET /faults`, `POST /reset`, `POST /faults/:name` (`fail-requests`, `hang-requests`,
 *   `duplicate-events`, `drop-events`, `delay-events`, `hold-events`, `release-events`,
 *   `bad-signature`; body `{count?, ms?, order?}`)
 * - `POST /webhook-endpoint` `{url}` (null stops delivery)
 * - `POST /payments/:id/dispute` `{reason?, amount?}`, `POST /disputes/:id/state` `{state}`
 * - `POST /refunds/:id/complete`, `POST /refunds/:id/fail` (`{status: 'FAILED' | 'REJECTED'}`)
 * - `GET /events?type=…`, `GET /deliveries?event_id=…`
 */
import {Hono, type MiddlewareHandler} from 'hono';
import {armFault, type FaultController} from '../shared/faults.js';
import type {AttemptRecord} from '../shared/delivery.js';
import type {Env} from './api/context.js';
import {invalidRequest, missing, requestError} from './api/errors.js';
import type {Core, EventRecord} from './core/state.js';
import {moveDispute, openDispute} from './disputes/disputes.js';
import {settleRefund} from './refunds/refunds.js';

export interface ControlOptions {
  core: Core;
  faults: FaultController<EventRecord>;
  badSignatures: {arm(count: number): void; remaining(): number};
  setWebhookUrl(url: string | undefined): void;
  deliveries(eventId?: string): AttemptRecord[];
  requireToken: MiddlewareHandler<Env>;
}

type Params = Record<string, unknown>;

function params(c: {get(key: 'body'): unknown}): Params {
  const body = c.get('body');
  return typeof body === 'object' && body !== null ? (body as Params) : {};
}

const invalid = (field: string, value: unknown) =>
  invalidRequest(
    requestError('INVALID_VALUE', `Invalid value \`${String(value)}\`.`, field)
  );

function optionalCount(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw invalid(field, value);
  return value;
}

export function controlRoutes(options: ControlOptions) {
  const {core, faults} = options;
  const app = new Hono<Env>();
  app.use('*', options.requireToken);

  const snapshot = () => ({
    ...faults.api.snapshot(),
    badSignatures: options.badSignatures.remaining(),
  });

  app.get('/faults', (c) => c.json(snapshot()));

  app.post('/reset', (c) => {
    faults.api.reset();
    options.badSignatures.arm(0);
    return c.json(snapshot());
  });

  app.post('/faults/:name', (c) => {
    const body = params(c);
    const count = optionalCount(body.count, 'count');
    if (c.req.param('name') === 'bad-signature') {
      options.badSignatures.arm(count ?? 1);
      return c.json(snapshot());
    }
    const armed = armFault(
      faults.api,
      c.req.param('name'),
      {
        count,
        ms: optionalCount(body.ms, 'ms'),
        order() {
          const order = body.order ?? 'reverse';
          if (order !== 'reverse' && order !== 'original')
            throw invalid('order', order);
          return order;
        },
      },
      {
        missingMs: () => invalidRequest(missing('ms')),
        unknownFault: (name) => invalid('name', name),
      }
    );
    return c.json({...armed, badSignatures: options.badSignatures.remaining()});
  });

  app.post('/webhook-endpoint', (c) => {
    const url = params(c).url;
    if (
      url !== undefined &&
      url !== null &&
      (typeof url !== 'string' || !URL.canParse(url))
    ) {
      throw invalid('url', url);
    }
    options.setWebhookUrl((url as string | null | undefined) ?? undefined);
    return c.json({url: url ?? null});
  });

  app.post('/payments/:id/dispute', (c) => {
    const {reason, amount} = params(c);
    if (reason !== undefined && typeof reason !== 'string')
      throw invalid('reason', reason);
    if (amount !== undefined && typeof amount !== 'number')
      throw invalid('amount', amount);
    return c.json({
      dispute: openDispute(core, c.req.param('id'), {reason, amount}),
    });
  });

  app.post('/disputes/:id/state', (c) => {
    const {state} = params(c);
    if (typeof state !== 'string') throw invalidRequest(missing('state'));
    return c.json({dispute: moveDispute(core, c.req.param('id'), state)});
  });

  app.post('/refunds/:id/complete', (c) =>
    c.json({refund: settleRefund(core, c.req.param('id'), 'COMPLETED')})
  );

  app.post('/refunds/:id/fail', (c) => {
    const status = params(c).status ?? 'FAILED';
    if (status !== 'FAILED' && status !== 'REJECTED')
      throw invalid('status', status);
    return c.json({refund: settleRefund(core, c.req.param('id'), status)});
  });

  app.get('/events', (c) => {
    const type = c.req.query('type');
    return c.json({
      events: core.state.events
        .filter((r) => type === undefined || r.event.type === type)
        .map((r) => r.event),
    });
  });

  app.get('/deliveries', (c) =>
    c.json({deliveries: options.deliveries(c.req.query('event_id'))})
  );

  return app;
}
