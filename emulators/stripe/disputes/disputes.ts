/**
 * Disputes. Stripe opens one when a buyer's bank charges a payment back; here a test opens it
 * through the emulator's control endpoint, and closes it as won or lost.
 */
import {Hono} from 'hono';
import type {Env} from '../api/context.js';
import {invalidRequest, noSuch} from '../api/errors.js';
import {checkParams} from '../api/params.js';
import {findCharge} from '../charges/charges.js';
import {newId} from '../core/ids.js';
import {seconds, type Core, type IntentRecord} from '../core/state.js';
import type {DisputeJson, RequestInfo} from '../core/types.js';

export const DISPUTE_REASONS = [
  'bank_cannot_process',
  'check_returned',
  'credit_not_processed',
  'customer_initiated',
  'debit_not_authorized',
  'duplicate',
  'fraudulent',
  'general',
  'incorrect_account_details',
  'insufficient_funds',
  'product_not_received',
  'product_unacceptable',
  'subscription_canceled',
  'unrecognized',
] as const;

export function openDispute(
  core: Core,
  record: IntentRecord,
  options: {reason: string; amount?: number},
  request: RequestInfo
): DisputeJson {
  const chargeId = record.intent.latest_charge;
  if (record.intent.status !== 'succeeded' || typeof chargeId !== 'string') {
    throw invalidRequest(
      `PaymentIntent ${record.intent.id} has no successful charge to dispute.`
    );
  }
  const charge = findCharge(core, chargeId);
  if (charge.disputed)
    throw invalidRequest(`Charge ${charge.id} is already disputed.`);
  const amount = options.amount ?? charge.amount;
  if (amount > charge.amount) {
    throw invalidRequest(
      'A dispute cannot be for more than the charge amount.',
      {param: 'amount'}
    );
  }
  const created = seconds(core);
  const dispute: DisputeJson = {
    id: newId('dp'),
    object: 'dispute',
    amount,
    balance_transactions: [],
    charge: charge.id,
    created,
    currency: charge.currency,
    evidence_details: {
      due_by: created + 7 * 24 * 3600,
      has_evidence: false,
      past_due: false,
      submission_count: 0,
    },
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: record.intent.id,
    reason: options.reason,
    status: 'needs_response',
  };
  core.state.disputes.set(dispute.id, dispute);
  charge.disputed = true;
  core.emit('charge.dispute.created', dispute, request);
  return dispute;
}

export function closeDispute(
  core: Core,
  dispute: DisputeJson,
  status: 'won' | 'lost',
  request: RequestInfo
): DisputeJson {
  if (dispute.status === 'won' || dispute.status === 'lost') {
    throw invalidRequest(
      `Dispute ${dispute.id} is already closed (${dispute.status}).`
    );
  }
  const previous = {status: dispute.status};
  dispute.status = status;
  core.emit('charge.dispute.closed', dispute, request, previous);
  return dispute;
}

export function findDispute(core: Core, id: string): DisputeJson {
  const dispute = core.state.disputes.get(id);
  if (!dispute) throw noSuch('dispute', id);
  return dispute;
}

export function disputeRoutes(core: Core) {
  const app = new Hono<Env>();
  app.get('/:id', (c) => {
    checkParams(c.get('params'), {expand: 'list'});
    return c.json(findDispute(core, c.req.param('id')));
  });
  return app;
}
