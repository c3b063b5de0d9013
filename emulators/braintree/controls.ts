/**
 * The emulator's own endpoints under `/_emulator`, for tests (none exists at Braintree). They need
 * the merchant's keys (HTTP Basic `publicKey:privateKey`, as the gateway API); bodies are JSON,
 * answers JSON. Settlement, disputes and refund failures here send their notifications.
 */
import {Hono, type MiddlewareHandler} from 'hono';
import {armFault, type FaultController} from '../shared/faults.js';
import type {Env} from './api/context.js';
import {BraintreeHttpError} from './api/errors.js';
import type {
  Core,
  DisputeRecord,
  NotificationRecord,
  TransactionRecord,
} from './core/state.js';
import {formatAmount} from './core/money.js';
import {openDispute, resolveDispute} from './disputes/disputes.js';
import {simulateSettlement} from './transactions/lifecycle.js';
import {findTransaction} from './transactions/records.js';
import {refundFailed} from './webhooks/kinds.js';
import type {ChallengeResult} from './webhooks/challenge.js';
import type {DeliveryAttempt} from './webhooks/delivery.js';

export interface ControlOptions {
  core: Core;
  faults: FaultController<NotificationRecord>;
  /** Arms the "bad signature" fault: the next `count` deliveries are signed with a wrong key. */
  forgeNextSignatures(count: number): void;
  setWebhookUrl(url: string | undefined): void;
  deliveries(notificationId?: string): DeliveryAttempt[];
  resend(record: NotificationRecord): void;
  /** Sends the `bt_challenge` GET to the webhook URL and checks the answer. */
  verifyWebhookEndpoint(): Promise<ChallengeResult>;
}

type Params = Record<string, unknown>;

function params(c: {get(key: 'body'): unknown}): Params {
  const body = c.get('body');
  return typeof body === 'object' && body !== null ? (body as Params) : {};
}

function invalid(field: string): BraintreeHttpError {
  return new BraintreeHttpError(
    400,
    JSON.stringify({error: {field, message: `${field} is invalid`}})
  );
}

function optionalCount(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw invalid(field);
  return value;
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(field);
  return value;
}

/** A short JSON summary for the control answers (the gateway API has the full XML). */
export function transactionSummary(t: TransactionRecord) {
  return {
    id: t.id,
    type: t.type,
    status: t.status,
    amount: formatAmount(t.amountMinor, t.currency),
    currencyIsoCode: t.currency,
    orderId: t.orderId,
    refundIds: t.refundIds,
    refundedTransactionId: t.refundedTransactionId,
    disputeIds: t.disputeIds,
  };
}

export function disputeSummary(d: DisputeRecord) {
  return {
    id: d.id,
    transactionId: d.transactionId,
    status: d.status,
    reason: d.reason,
    amount: formatAmount(d.amountMinor, d.currency),
    currencyIsoCode: d.currency,
  };
}

export function notificationSummary(n: NotificationRecord) {
  return {
    id: n.id,
    kind: n.kind,
    subjectId: n.subjectId,
    timestamp: new Date(n.timestamp).toISOString(),
    delivered: n.delivered,
  };
}

export function controlRoutes(options: ControlOptions) {
  const {core, faults} = options;
  const app = new Hono<Env>();
  const keys: MiddlewareHandler<Env> = async (c, next) => {
    const header = c.req.header('Authorization')?.trim() ?? '';
    const expected = `Basic ${Buffer.from(`${core.publicKey}:${core.privateKey}`).toString('base64')}`;
    if (header !== expected) throw new BraintreeHttpError(401);
    await next();
  };
  app.use('*', keys);

  app.get('/faults', (c) => c.json(faults.api.snapshot()));
  app.post('/reset', (c) => {
    faults.api.reset();
    options.forgeNextSignatures(0);
    return c.json(faults.api.snapshot());
  });
  app.post('/faults/:name', (c) => {
    const body = params(c);
    const count = optionalCount(body.count, 'count');
    if (c.req.param('name') === 'bad-signature') {
      options.forgeNextSignatures(count ?? 1);
      return c.json({...faults.api.snapshot(), badSignatures: count ?? 1});
    }
    return c.json(
      armFault(
        faults.api,
        c.req.param('name'),
        {
          count,
          ms: optionalCount(body.ms, 'ms'),
          order() {
            const order = body.order ?? 'reverse';
            if (order !== 'reverse' && order !== 'original')
              throw invalid('order');
            return order;
          },
        },
        {missingMs: () => invalid('ms'), unknownFault: () => invalid('name')}
      )
    );
  });

  app.post('/webhook-endpoint', (c) => {
    const url = params(c).url;
    if (
      url !== undefined &&
      url !== null &&
      (typeof url !== 'string' || !URL.canParse(url))
    ) {
      throw invalid('url');
    }
    options.setWebhookUrl((url as string | null | undefined) ?? undefined);
    return c.json({url: url ?? null});
  });

  app.post('/webhook-endpoint/verify', async (c) =>
    c.json(await options.verifyWebhookEndpoint())
  );

  app.get('/transactions/:id', (c) =>
    c.json(transactionSummary(findTransaction(core, c.req.param('id'))))
  );
  app.post('/transactions/:id/settle', (c) =>
    c.json(
      transactionSummary(simulateSettlement(core, c.req.param('id'), 'settle'))
    )
  );
  app.post('/transactions/:id/settlement_decline', (c) =>
    c.json(
      transactionSummary(
        simulateSettlement(core, c.req.param('id'), 'settlement_decline')
      )
    )
  );
  app.post('/transactions/:id/refund_failed', (c) => {
    const credit = findTransaction(core, c.req.param('id'));
    if (credit.type !== 'credit') throw invalid('id');
    credit.status = 'processor_declined';
    credit.updatedAt = core.now();
    credit.statusHistory.push({
      status: 'processor_declined',
      amountMinor: credit.amountMinor,
      timestamp: core.now(),
      transactionSource: 'api',
      user: null,
    });
    // The sale can be refunded again for what the failed refund held.
    const sale = credit.refundedTransactionId
      ? core.state.transactions.get(credit.refundedTransactionId)
      : undefined;
    if (sale) sale.refundedMinor -= credit.amountMinor;
    refundFailed(core, credit);
    return c.json(transactionSummary(credit));
  });
  app.post('/transactions/:id/disputes', (c) => {
    const body = params(c);
    const dispute = openDispute(core, c.req.param('id'), {
      amount: optionalString(body.amount, 'amount'),
      reason: optionalString(body.reason, 'reason'),
    });
    return c.json(disputeSummary(dispute), 201);
  });
  for (const [path, status] of [
    ['win', 'won'],
    ['lose', 'lost'],
    ['accept', 'accepted'],
  ] as const) {
    app.post(`/disputes/:id/${path}`, (c) =>
      c.json(disputeSummary(resolveDispute(core, c.req.param('id'), status)))
    );
  }

  app.get('/notifications', (c) =>
    c.json(core.state.notifications.map(notificationSummary))
  );
  app.get('/deliveries', (c) =>
    c.json(options.deliveries(c.req.query('notification')))
  );
  app.post('/notifications/:id/resend', (c) => {
    const record = core.state.notifications.find(
      (n) => n.id === c.req.param('id')
    );
    if (!record) throw new BraintreeHttpError(404);
    options.resend(record);
    return c.json(notificationSummary(record), 202);
  });
  return app;
}
