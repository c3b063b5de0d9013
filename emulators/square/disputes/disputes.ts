/**
 * Disputes (api.json `Dispute`, `DisputeCreatedEvent`, `DisputeStateUpdatedEvent`): opened on a
 * completed payment by a test control (at Square, by the card network), read with
 * `GET /v2/disputes/:id`, and moved through its states by the control, each move a
 * `dispute.state.updated` event. A payment with an open dispute cannot be refunded.
 */
import {Hono} from 'hono';
import type {Env} from '../api/context.js';
import {invalidRequest, notFound, requestError} from '../api/errors.js';
import {iso, newDisputeId, randomChars} from '../core/ids.js';
import {timestamp, type Core} from '../core/state.js';
import type {DisputeJson, DisputeState} from '../core/types.js';
import {findPayment} from '../payments/payments.js';

export const DISPUTE_REASONS = [
  'AMOUNT_DIFFERS',
  'CANCELLED',
  'DUPLICATE',
  'NO_KNOWLEDGE',
  'NOT_AS_DESCRIBED',
  'NOT_RECEIVED',
  'PAID_BY_OTHER_MEANS',
  'CUSTOMER_REQUESTS_CREDIT',
  'EMV_LIABILITY_SHIFT',
] as const;

export const DISPUTE_STATES: readonly DisputeState[] = [
  'INQUIRY_EVIDENCE_REQUIRED',
  'INQUIRY_PROCESSING',
  'INQUIRY_CLOSED',
  'EVIDENCE_REQUIRED',
  'PROCESSING',
  'WON',
  'LOST',
  'ACCEPTED',
];

/** Evidence is due two weeks after the dispute opens (DisputeCreatedEvent's example). */
const EVIDENCE_WINDOW_MS = 14 * 24 * 3600 * 1000;

export function openDispute(
  core: Core,
  paymentId: string,
  options: {reason?: string; amount?: number} = {}
): DisputeJson {
  const {payment} = findPayment(core, paymentId);
  if (payment.status !== 'COMPLETED') {
    throw invalidRequest(
      requestError(
        'BAD_REQUEST',
        `Payment ${payment.id} is ${payment.status}; only a completed payment can be disputed.`
      )
    );
  }
  const reason = options.reason ?? 'NOT_RECEIVED';
  if (!(DISPUTE_REASONS as readonly string[]).includes(reason)) {
    throw invalidRequest(
      requestError(
        'INVALID_ENUM_VALUE',
        `\`${reason}\` is not a valid enum value for \`reason\`.`,
        'reason'
      )
    );
  }
  const amount = options.amount ?? payment.total_money.amount;
  if (
    !Number.isInteger(amount) ||
    amount < 1 ||
    amount > payment.total_money.amount
  ) {
    throw invalidRequest(
      requestError(
        'INVALID_VALUE',
        'The disputed amount must be between 1 and the payment total.',
        'amount'
      )
    );
  }
  const id = newDisputeId();
  const now = timestamp(core);
  const dispute: DisputeJson = {
    id,
    dispute_id: id,
    amount_money: {amount, currency: payment.total_money.currency},
    reason,
    state: 'EVIDENCE_REQUIRED',
    due_at: iso(core.now() + EVIDENCE_WINDOW_MS),
    disputed_payment: {payment_id: payment.id},
    card_brand: payment.card_details.card.card_brand,
    created_at: now,
    updated_at: now,
    brand_dispute_id: randomChars(22),
    reported_at: now,
    version: 1,
    location_id: payment.location_id,
  };
  core.state.disputes.set(id, dispute);
  core.emit('dispute.created', {dispute});
  return dispute;
}

export function findDispute(core: Core, id: string): DisputeJson {
  const dispute = core.state.disputes.get(id);
  if (!dispute) throw notFound(`Could not find dispute with id: ${id}`);
  return dispute;
}

export function moveDispute(
  core: Core,
  id: string,
  state: string
): DisputeJson {
  const dispute = findDispute(core, id);
  if (!DISPUTE_STATES.includes(state as DisputeState)) {
    throw invalidRequest(
      requestError(
        'INVALID_ENUM_VALUE',
        `\`${state}\` is not a valid enum value for \`state\`.`,
        'state'
      )
    );
  }
  dispute.state = state as DisputeState;
  dispute.updated_at = timestamp(core);
  dispute.version += 1;
  core.emit('dispute.state.updated', {dispute});
  return dispute;
}

export function disputeRoutes(core: Core) {
  const app = new Hono<Env>();
  app.get('/:id', (c) =>
    c.json({dispute: findDispute(core, c.req.param('id'))})
  );
  return app;
}
