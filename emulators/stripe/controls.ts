/**
 * The emulator's own endpoints under `/_emulator`, for tests and for the fake browser pages.
 * None of them exists at Stripe. All take form or JSON bodies and need the secret key, except
 * the 3-D Secure challenge, which (like Stripe's hosted page) is authorised by the client_secret.
 */
import {Hono} from 'hono';
import {armFault, type FaultController} from '../shared/faults.js';
import {requireSecretKey} from './api/auth.js';
import {NO_REQUEST, requestInfo, type Env} from './api/context.js';
import {invalidParams, invalidRequest, missingParameter} from './api/errors.js';
import type {Params} from './api/form.js';
import {checkParams, readEnum, readInteger, readString} from './api/params.js';
import {viewSession} from './checkout-sessions/checkout-sessions.js';
import {
  findSession,
  settleAsyncPayment,
  startAsyncPayment,
} from './checkout-sessions/flow.js';
import type {Core, EventRecord, IntentRecord} from './core/state.js';
import {
  DISPUTE_REASONS,
  closeDispute,
  findDispute,
  openDispute,
} from './disputes/disputes.js';
import {
  charge,
  failAuthentication,
  startProcessing,
} from './payment-intents/flow.js';
import {checkClientSecret, findIntent} from './payment-intents/rules.js';
import {viewIntent} from './payment-intents/view.js';
import {findPaymentMethod} from './payment-methods/payment-methods.js';

export interface ControlOptions {
  core: Core;
  secretKey: string;
  faults: FaultController<EventRecord>;
  setWebhookUrl(url: string | undefined): void;
}

const PUBLISHABLE = {kind: 'publishable', key: ''} as const;

function paymentMethodOf(core: Core, record: IntentRecord) {
  const id = record.intent.payment_method;
  if (typeof id !== 'string')
    throw invalidRequest('This PaymentIntent has no payment method.');
  return findPaymentMethod(core, id);
}

/** Where Stripe sends the buyer back after a redirect: return_url plus the three parameters. */
function redirectUrl(record: IntentRecord): string | null {
  if (!record.returnUrl) return null;
  const url = new URL(record.returnUrl);
  url.searchParams.set('payment_intent', record.intent.id);
  url.searchParams.set(
    'payment_intent_client_secret',
    record.intent.client_secret ?? ''
  );
  const ok =
    record.intent.status === 'succeeded' ||
    record.intent.status === 'processing';
  url.searchParams.set('redirect_status', ok ? 'succeeded' : 'failed');
  return url.toString();
}

function count(params: Params, key = 'count'): number | undefined {
  const value = readInteger(params, key);
  if (value !== undefined && value < 0)
    throw invalidParams(`${key} must be positive`, key);
  return value;
}

export function controlRoutes(options: ControlOptions) {
  const {core, faults} = options;
  const app = new Hono<Env>();

  /**
   * The 3-D Secure challenge's answer, posted by the challenge page at /elements/3ds/:id.
   * `complete` charges the card; `fail` returns the intent to requires_payment_method.
   */
  app.post('/3ds/:id', (c) => {
    const params = c.get('params');
    checkParams(params, {client_secret: true, outcome: true});
    const record = findIntent(core, c.req.param('id'));
    const secret = readString(params, 'client_secret');
    if (!secret) throw missingParameter('client_secret');
    checkClientSecret(record, secret, PUBLISHABLE);
    const outcome = readEnum(params, 'outcome', ['complete', 'fail']);
    if (!outcome) throw missingParameter('outcome');
    if (record.intent.status !== 'requires_action') {
      throw invalidRequest(
        `This PaymentIntent has a status of ${record.intent.status}; only one that requires_action can be authenticated.`,
        {code: 'payment_intent_unexpected_state'}
      );
    }
    const method = paymentMethodOf(core, record);
    if (outcome === 'complete')
      charge(core, record, method, NO_REQUEST, true, method.card.decline);
    else failAuthentication(core, record, method, NO_REQUEST);
    return c.json({
      payment_intent: viewIntent(core, record.intent, PUBLISHABLE),
      redirect_url: redirectUrl(record),
    });
  });

  app.use('*', requireSecretKey(options.secretKey));

  app.post('/reset', (c) => {
    faults.api.reset();
    return c.json({faults: faults.api.snapshot()});
  });

  app.get('/faults', (c) => c.json(faults.api.snapshot()));

  app.post('/faults/:name', (c) => {
    const params = c.get('params');
    checkParams(params, {count: true, ms: true, order: true});
    const args = {
      count: count(params),
      ms: count(params, 'ms'),
      order: () => readEnum(params, 'order', ['reverse', 'original']),
    };
    return c.json(
      armFault(faults.api, c.req.param('name'), args, {
        missingMs: () => missingParameter('ms'),
        unknownFault: (name) => invalidParams(`Unknown fault: ${name}`),
      })
    );
  });

  app.post('/webhook-endpoint', (c) => {
    const params = c.get('params');
    checkParams(params, {url: true});
    const url = readString(params, 'url') || undefined;
    if (url && !URL.canParse(url))
      throw invalidParams('Not a valid URL', 'url');
    options.setWebhookUrl(url);
    return c.json({url: url ?? null});
  });

  app.post('/payment_intents/:id/dispute', (c) => {
    const params = c.get('params');
    checkParams(params, {reason: true, amount: true});
    const record = findIntent(core, c.req.param('id'));
    const reason = readEnum(params, 'reason', DISPUTE_REASONS) ?? 'fraudulent';
    const amount = readInteger(params, 'amount');
    return c.json(openDispute(core, record, {reason, amount}, requestInfo(c)));
  });

  app.post('/disputes/:id/close', (c) => {
    const params = c.get('params');
    checkParams(params, {status: true});
    const status = readEnum(params, 'status', ['won', 'lost']);
    if (!status) throw missingParameter('status');
    return c.json(
      closeDispute(
        core,
        findDispute(core, c.req.param('id')),
        status,
        requestInfo(c)
      )
    );
  });

  /** Moves an intent with a payment method to `processing`, as asynchronous methods do. */
  app.post('/payment_intents/:id/processing', (c) => {
    checkParams(c.get('params'), {});
    const record = findIntent(core, c.req.param('id'));
    paymentMethodOf(core, record);
    if (
      !['requires_confirmation', 'requires_action'].includes(
        record.intent.status
      )
    ) {
      throw invalidRequest(
        `Only a PaymentIntent that requires_confirmation or requires_action can start processing; this one is ${record.intent.status}.`,
        {code: 'payment_intent_unexpected_state'}
      );
    }
    startProcessing(core, record, requestInfo(c));
    return c.json(record.intent);
  });

  /**
   * A delayed-notification payment for a Checkout Session. On an open session it completes
   * the session with `payment_status: 'unpaid'` (its intent `processing`); `outcome` then
   * settles it: `checkout.session.async_payment_succeeded` or `…_failed`. Both steps may be
   * one call, or the second may come later.
   */
  app.post('/checkout/sessions/:id/async', (c) => {
    const params = c.get('params');
    checkParams(params, {outcome: true});
    const outcome = readEnum(params, 'outcome', ['succeeded', 'failed']);
    const record = findSession(core, c.req.param('id'));
    if (record.session.status === 'open' || !outcome) {
      startAsyncPayment(core, record, requestInfo(c));
    }
    if (outcome) settleAsyncPayment(core, record, outcome, requestInfo(c));
    return c.json(viewSession(core, record));
  });

  /** Ends `processing`: `outcome=succeeded` charges, `outcome=failed` declines. */
  app.post('/payment_intents/:id/settle', (c) => {
    const params = c.get('params');
    checkParams(params, {outcome: true});
    const record = findIntent(core, c.req.param('id'));
    const outcome = readEnum(params, 'outcome', ['succeeded', 'failed']);
    if (!outcome) throw missingParameter('outcome');
    if (record.intent.status !== 'processing') {
      throw invalidRequest(
        `This PaymentIntent is ${record.intent.status}, not processing.`,
        {
          code: 'payment_intent_unexpected_state',
        }
      );
    }
    const method = paymentMethodOf(core, record);
    const decline =
      outcome === 'failed'
        ? (method.card.decline ?? {
            code: 'card_declined',
            declineCode: 'generic_decline',
            message: 'Your card was declined.',
          })
        : null;
    charge(core, record, method, requestInfo(c), false, decline);
    return c.json(record.intent);
  });

  return app;
}
