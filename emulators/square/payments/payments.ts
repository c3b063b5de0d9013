/**
 * The Payments API routes (`/v2/payments`): CreatePayment (payments/create.ts), GetPayment,
 * ListPayments, CompletePayment, CancelPayment and CancelPaymentByIdempotencyKey.
 */
import {Hono} from 'hono';
import type {Env} from '../api/context.js';
import {notFound} from '../api/errors.js';
import type {IdempotencyStore} from '../api/idempotency.js';
import {inTimeRange, listPage} from '../api/paging.js';
import {BodyChecker, asObject} from '../api/validate.js';
import type {Core, PaymentRecord} from '../core/state.js';
import {createPayment} from './create.js';
import {applyDueDelay} from './delay.js';
import {requestTransition} from './transitions.js';

export function findPayment(core: Core, id: string): PaymentRecord {
  const record = core.state.payments.get(id);
  if (!record) throw notFound(`Could not find payment with id: ${id}`);
  applyDueDelay(core, record);
  return record;
}

export function paymentRoutes(core: Core, idempotency: IdempotencyStore) {
  const app = new Hono<Env>();

  app.post('/', (c) => {
    const body = c.get('body');
    const key = (body as {idempotency_key?: unknown} | undefined)
      ?.idempotency_key;
    if (typeof key === 'string') {
      const replay = idempotency.replay('CreatePayment', key, body);
      if (replay) return replay;
    }
    const result = createPayment(core, body);
    idempotency.save(
      'CreatePayment',
      result.key,
      body,
      result.status,
      result.body
    );
    return c.json(result.body as object, result.status as 200 | 400);
  });

  app.get('/', (c) => {
    const q = c.req.query();
    const records = [...core.state.payments.values()];
    for (const record of records) applyDueDelay(core, record);
    const matching = records
      .map((r) => r.payment)
      .filter(
        (p) =>
          (q.location_id === undefined || p.location_id === q.location_id) &&
          (q.total === undefined || p.total_money.amount === Number(q.total)) &&
          (q.last_4 === undefined || p.card_details.card.last_4 === q.last_4) &&
          (q.card_brand === undefined ||
            p.card_details.card.card_brand === q.card_brand) &&
          inTimeRange(p.created_at, q)
      );
    const {page, cursor} = listPage(matching, q);
    return c.json({
      ...(page.length > 0 && {payments: page}),
      ...(cursor !== undefined && {cursor}),
    });
  });

  // CancelPaymentByIdempotencyKey: "if no payment with the specified idempotency key is found,
  // no action is taken and the endpoint returns successfully".
  app.post('/cancel', (c) => {
    const check = new BodyChecker(asObject(c.get('body') ?? {}));
    const key = check.string('idempotency_key', {
      required: true,
      min: 1,
      max: 45,
    });
    check.done();
    const id = core.state.paymentKeys.get(key!);
    const record = id === undefined ? undefined : findPayment(core, id);
    // A declined payment took nothing: there is nothing to void, as when no payment was made.
    if (record && record.payment.status !== 'FAILED')
      requestTransition(core, record, 'cancel', undefined);
    return c.json({});
  });

  app.get('/:id', (c) =>
    c.json({payment: findPayment(core, c.req.param('id')).payment})
  );

  for (const action of ['complete', 'cancel'] as const) {
    app.post(`/:id/${action}`, (c) => {
      const record = findPayment(core, c.req.param('id'));
      let versionToken: string | undefined;
      if (action === 'complete' && c.get('body') !== undefined) {
        const check = new BodyChecker(asObject(c.get('body')));
        versionToken = check.string('version_token');
        check.done();
      }
      requestTransition(core, record, action, versionToken);
      return c.json({payment: record.payment});
    });
  }

  return app;
}
