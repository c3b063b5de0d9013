/**
 * The Refunds API (`/v2/refunds`): RefundPayment, GetPaymentRefund and ListPaymentRefunds. A refund starts PENDING
 * and becomes COMPLETED (api.json's examples: RefundPayment answers PENDING, `refund.created` is
 * PENDING, `refund.updated` COMPLETED); the payment lists it in `refund_ids` at once and counts it
 * in `refunded_money` once completed. A test can hold refunds PENDING and fail or complete them
 * (`refundSettleMs: null` and the controls).
 */
import {Hono} from 'hono';
import type {Env} from '../api/context.js';
import {
  invalidRequest,
  notFound,
  refundError,
  requestError,
} from '../api/errors.js';
import type {IdempotencyStore} from '../api/idempotency.js';
import {inTimeRange, listPage} from '../api/paging.js';
import {BodyChecker, asObject} from '../api/validate.js';
import {newRefundId} from '../core/ids.js';
import {
  timestamp,
  touchPayment,
  type Core,
  type RefundRecord,
} from '../core/state.js';
import type {RefundJson, RefundStatus} from '../core/types.js';
import {findPayment} from '../payments/payments.js';

const OPEN_DISPUTE_STATES = new Set([
  'INQUIRY_EVIDENCE_REQUIRED',
  'INQUIRY_PROCESSING',
  'EVIDENCE_REQUIRED',
  'PROCESSING',
]);

export function findRefund(core: Core, id: string): RefundRecord {
  const record = core.state.refunds.get(id);
  if (!record) throw notFound(`Could not find payment refund with id: ${id}`);
  return record;
}

/** What is still refundable: the total less every refund not FAILED or REJECTED. */
function refundable(core: Core, paymentId: string): number {
  const {payment} = core.state.payments.get(paymentId)!;
  let taken = 0;
  for (const id of payment.refund_ids ?? []) {
    const status = core.state.refunds.get(id)?.refund.status;
    if (status === 'PENDING' || status === 'COMPLETED')
      taken += core.state.refunds.get(id)!.refund.amount_money.amount;
  }
  return payment.total_money.amount - taken;
}

function refundPayment(core: Core, raw: unknown): RefundJson {
  const check = new BodyChecker(asObject(raw));
  check.string('idempotency_key', {required: true, min: 1});
  const amount = check.money('amount_money', true);
  const appFee = check.money('app_fee_money');
  const paymentId = check.string('payment_id', {max: 192});
  const reason = check.string('reason', {max: 192});
  const versionToken = check.string('payment_version_token');
  const unlinked = check.boolean('unlinked');
  const locationId = check.string('location_id', {max: 50});
  check.done();
  if (unlinked) {
    throw invalidRequest(
      requestError(
        'BAD_REQUEST',
        'Unlinked refunds are not modelled by the emulator.',
        'unlinked'
      )
    );
  }
  if (paymentId === undefined)
    throw invalidRequest(
      requestError(
        'MISSING_REQUIRED_PARAMETER',
        'Field must be set',
        'payment_id'
      )
    );
  if (locationId !== undefined) {
    throw invalidRequest(
      requestError(
        'INVALID_VALUE',
        '`location_id` can only be set for an unlinked refund.',
        'location_id'
      )
    );
  }
  const {payment} = findPayment(core, paymentId);
  if (versionToken !== undefined && versionToken !== payment.version_token) {
    throw invalidRequest(
      requestError(
        'VERSION_MISMATCH',
        'The payment version token does not match the current version of the payment.',
        'payment_version_token'
      )
    );
  }
  if (payment.status === 'APPROVED') {
    throw invalidRequest(
      refundError(
        'REFUND_ERROR_PAYMENT_NEEDS_COMPLETION',
        'The payment is approved and needs to be completed before it can be refunded.'
      )
    );
  }
  if (payment.status !== 'COMPLETED') {
    throw invalidRequest(
      refundError(
        'PAYMENT_NOT_REFUNDABLE',
        `Payment ${payment.id} is ${payment.status} and cannot be refunded.`
      )
    );
  }
  const disputed = [...core.state.disputes.values()].some(
    (d) =>
      d.disputed_payment.payment_id === payment.id &&
      OPEN_DISPUTE_STATES.has(d.state)
  );
  if (disputed) {
    throw invalidRequest(
      refundError(
        'PAYMENT_NOT_REFUNDABLE_DUE_TO_DISPUTE',
        'The payment is not refundable because it has been disputed.'
      )
    );
  }
  if (amount!.currency !== payment.total_money.currency) {
    throw invalidRequest(
      requestError(
        'INVALID_VALUE',
        `The refund currency ${amount!.currency} does not match the payment currency ${payment.total_money.currency}.`,
        'amount_money.currency'
      )
    );
  }
  if (amount!.amount < 1) {
    throw invalidRequest(
      requestError(
        'VALUE_TOO_LOW',
        '`amount_money.amount` must be greater than or equal to 1.',
        'amount_money.amount'
      )
    );
  }
  if (amount!.amount > refundable(core, payment.id)) {
    throw invalidRequest(
      refundError(
        'REFUND_AMOUNT_INVALID',
        'The requested refund amount exceeds the amount available to refund.',
        'amount_money.amount'
      )
    );
  }
  const now = timestamp(core);
  const refund: RefundJson = {
    id: newRefundId(payment.id),
    status: 'PENDING',
    location_id: payment.location_id,
    unlinked: false,
    destination_type: 'CARD',
    amount_money: amount!,
    ...(appFee && {app_fee_money: appFee}),
    payment_id: payment.id,
    ...(payment.order_id !== undefined && {order_id: payment.order_id}),
    ...(reason !== undefined && {reason}),
    created_at: now,
    updated_at: now,
    version: 1,
  };
  core.state.refunds.set(refund.id, {refund});
  payment.refund_ids = [...(payment.refund_ids ?? []), refund.id];
  touchPayment(core, payment);
  core.emit('refund.created', {refund});
  core.emit('payment.updated', {payment});
  if (core.refundSettleMs !== null) {
    core.schedule(core.refundSettleMs, () => {
      if (refund.status === 'PENDING')
        settleRefund(core, refund.id, 'COMPLETED');
    });
  }
  return refund;
}

/** A PENDING refund completes (counted in the payment's `refunded_money`) or fails. */
export function settleRefund(
  core: Core,
  refundId: string,
  status: Exclude<RefundStatus, 'PENDING'>
): RefundJson {
  const {refund} = findRefund(core, refundId);
  if (refund.status !== 'PENDING') {
    throw invalidRequest(
      requestError(
        'BAD_REQUEST',
        `Refund ${refund.id} is already ${refund.status}.`
      )
    );
  }
  refund.status = status;
  refund.updated_at = timestamp(core);
  refund.version += 1;
  core.emit('refund.updated', {refund});
  if (status === 'COMPLETED') {
    const {payment} = core.state.payments.get(refund.payment_id)!;
    payment.refunded_money = {
      amount:
        (payment.refunded_money?.amount ?? 0) + refund.amount_money.amount,
      currency: refund.amount_money.currency,
    };
    touchPayment(core, payment);
    core.emit('payment.updated', {payment});
  }
  return refund;
}

export function refundRoutes(core: Core, idempotency: IdempotencyStore) {
  const app = new Hono<Env>();

  app.post('/', (c) => {
    const body = c.get('body');
    const key = (body as {idempotency_key?: unknown} | undefined)
      ?.idempotency_key;
    if (typeof key === 'string') {
      const replay = idempotency.replay('RefundPayment', key, body);
      if (replay) return replay;
    }
    const refund = refundPayment(core, body);
    idempotency.save('RefundPayment', key as string, body, 200, {refund});
    return c.json({refund});
  });

  // ListPaymentRefunds.
  app.get('/', (c) => {
    const q = c.req.query();
    const matching = [...core.state.refunds.values()]
      .map((r) => r.refund)
      .filter(
        (r) =>
          (q.location_id === undefined || r.location_id === q.location_id) &&
          (q.status === undefined || r.status === q.status) &&
          (q.source_type === undefined || q.source_type === 'CARD') &&
          inTimeRange(r.created_at, q)
      );
    const {page, cursor} = listPage(matching, q);
    return c.json({
      ...(page.length > 0 && {refunds: page}),
      ...(cursor !== undefined && {cursor}),
    });
  });

  app.get('/:id', (c) =>
    c.json({refund: findRefund(core, c.req.param('id')).refund})
  );

  return app;
}
