/**
 * The emulator's own endpoints under `/_emulator`, for tests and for the approval page. None
 * exists at PayPal. The buyer's answer (`/orders/:id/approve`) and their shipping choice
 * (`/orders/:id/shipping`) are authorised by the order id,
 * as PayPal's checkout token is; everything else needs the app's credentials (HTTP Basic
 * `clientId:clientSecret`, or a server access token). Bodies are JSON.
 */
import {Hono, type MiddlewareHandler} from 'hono';
import {armFault, type FaultController} from '../shared/faults.js';
import type {Env} from './api/context.js';
import {issueError} from './api/errors.js';
import {
  CAPTURE_EVENT_KINDS,
  triggerCaptureEvent,
  type CaptureEventKind,
} from './captures/capture-events.js';
import type {
  BuyerChoice,
  Core,
  EventRecord,
  OrderRecord,
} from './core/state.js';
import type {TokenStore, TokenStoreOptions} from './oauth/oauth.js';
import {applyBuyerChoice} from './orders/approval.js';
import {recordBuyerShipping} from './orders/buyer-shipping.js';
import {findOrder} from './orders/orders.js';

export interface ControlOptions {
  core: Core;
  tokens: TokenStore;
  credentials: Pick<TokenStoreOptions, 'clientId' | 'clientSecret'>;
  faults: FaultController<EventRecord>;
  setWebhookUrl(url: string | undefined): void;
}

const CHOICES: readonly BuyerChoice[] = [
  'approve',
  'decline',
  'cancel',
  'pending',
];

type Params = Record<string, unknown>;

function params(c: {get(key: 'body'): unknown}): Params {
  const body = c.get('body');
  return typeof body === 'object' && body !== null ? (body as Params) : {};
}

function invalid(field: string, value: unknown) {
  return issueError('INVALID_PARAMETER_VALUE', {field, value: String(value)});
}

function optionalCount(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw invalid(field, value);
  }
  return value;
}

/** Where the buyer goes after answering, when checkout was a redirect (not a popup). */
function redirectUrlFor(
  record: OrderRecord,
  choice: BuyerChoice,
  payerId: string
): string | null {
  const base = choice === 'cancel' ? record.cancelUrl : record.returnUrl;
  if (!base) return null;
  const url = new URL(base);
  url.searchParams.set('token', record.order.id!);
  if (choice !== 'cancel') url.searchParams.set('PayerID', payerId);
  return url.toString();
}

function requireCredentials(options: ControlOptions): MiddlewareHandler<Env> {
  return async (c, next) => {
    const header = c.req.header('Authorization')?.trim() ?? '';
    const {clientId, clientSecret} = options.credentials;
    const basic = `Basic ${btoa(`${clientId}:${clientSecret}`)}`;
    const bearer = /^Bearer\s+(\S+)$/i.exec(header);
    const token = bearer ? options.tokens.find(bearer[1]!) : undefined;
    if (header !== basic && token?.kind !== 'server') {
      throw issueError('PERMISSION_DENIED', {
        field: 'Authorization',
        location: 'header',
      });
    }
    await next();
  };
}

export function controlRoutes(options: ControlOptions) {
  const {core, faults} = options;
  const app = new Hono<Env>();

  app.post('/orders/:id/approve', (c) => {
    const record = findOrder(core, c.req.param('id'));
    const choice = params(c).choice ?? 'approve';
    if (!CHOICES.includes(choice as BuyerChoice))
      throw invalid('choice', choice);
    applyBuyerChoice(core, record, choice as BuyerChoice);
    return c.json({
      id: record.order.id,
      status: record.order.status,
      payer_id: core.buyer.payerId,
      redirect_url: redirectUrlFor(
        record,
        choice as BuyerChoice,
        core.buyer.payerId
      ),
    });
  });

  // The approval window's "Ship to" section, after the merchant's callback accepted it.
  app.post('/orders/:id/shipping', (c) => {
    const record = findOrder(core, c.req.param('id'));
    recordBuyerShipping(core, record, params(c));
    return c.json({
      id: record.order.id,
      shipping: record.order.purchase_units?.[0]?.shipping,
    });
  });

  app.use('*', requireCredentials(options));

  app.get('/faults', (c) => c.json(faults.api.snapshot()));

  app.post('/reset', (c) => {
    faults.api.reset();
    return c.json(faults.api.snapshot());
  });

  app.post('/faults/:name', (c) => {
    const body = params(c);
    const args = {
      count: optionalCount(body.count, 'count'),
      ms: optionalCount(body.ms, 'ms'),
      order() {
        const order = body.order ?? 'reverse';
        if (order !== 'reverse' && order !== 'original')
          throw invalid('order', order);
        return order;
      },
    };
    return c.json(
      armFault(faults.api, c.req.param('name'), args, {
        missingMs: () =>
          issueError('MISSING_REQUIRED_PARAMETER', {field: 'ms'}),
        unknownFault: (name) => invalid('name', name),
      })
    );
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

  app.post('/captures/:id/:event', (c) => {
    const kind = c.req.param('event');
    if (!CAPTURE_EVENT_KINDS.includes(kind as CaptureEventKind))
      throw invalid('event', kind);
    const {amount, reason, outcome} = params(c);
    if (amount !== undefined && typeof amount !== 'string')
      throw invalid('amount', amount);
    // A dispute's reason and a resolution's outcome (capture-events.ts checks their values).
    if (reason !== undefined && typeof reason !== 'string')
      throw invalid('reason', reason);
    if (outcome !== undefined && typeof outcome !== 'string')
      throw invalid('outcome', outcome);
    const event = triggerCaptureEvent(
      core,
      c.req.param('id'),
      kind as CaptureEventKind,
      {
        amount,
        reason,
        outcome,
      }
    );
    return c.json(event);
  });

  return app;
}
