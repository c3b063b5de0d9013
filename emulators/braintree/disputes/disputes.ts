/**
 * Disputes (guides/disputes, reference/general/webhooks/dispute): a chargeback opened on a
 * settled sale (`dispute_opened`), then won (`dispute_won`), lost (`dispute_lost`) or accepted
 * (`dispute_accepted`). Braintree's sandbox opens disputes from special cards at settlement; the
 * emulator opens them on request (a control), which is what a test needs.
 */
import {BraintreeHttpError} from '../api/errors.js';
import {newDisputeId} from '../core/ids.js';
import {parseAmount} from '../core/money.js';
import type {Core, DisputeRecord, DisputeStatus} from '../core/state.js';
import {findTransaction} from '../transactions/records.js';
import {disputeNotification} from '../webhooks/kinds.js';

const DAY = 86_400_000;

/** A control refused: JSON, as the other `/_emulator` answers. */
const refused = (message: string) =>
  new BraintreeHttpError(422, JSON.stringify({error: {message}}));

export const DISPUTE_REASONS = [
  'cancelled_recurring_transaction',
  'credit_not_processed',
  'duplicate',
  'fraud',
  'general',
  'invalid_account',
  'not_recognized',
  'product_not_received',
  'product_unsatisfactory',
  'transaction_amount_differs',
] as const;

export function openDispute(
  core: Core,
  transactionId: string,
  options: {amount?: string; reason?: string} = {}
): DisputeRecord {
  const t = findTransaction(core, transactionId);
  if (
    t.type !== 'sale' ||
    !['settled', 'settling', 'settlement_confirmed'].includes(t.status)
  ) {
    throw refused('Only a settled sale can be disputed.');
  }
  let amountMinor = t.amountMinor;
  if (options.amount !== undefined) {
    const parsed = parseAmount(options.amount, t.currency);
    if (!parsed.ok || parsed.minor > t.amountMinor) {
      throw refused('The dispute amount is invalid.');
    }
    amountMinor = parsed.minor;
  }
  const reason = options.reason ?? 'fraud';
  if (!(DISPUTE_REASONS as readonly string[]).includes(reason)) {
    throw refused('The dispute reason is invalid.');
  }
  const now = core.now();
  const dispute: DisputeRecord = {
    id: newDisputeId(),
    transactionId: t.id,
    amountMinor,
    currency: t.currency,
    merchantAccountId: t.merchantAccountId,
    kind: 'chargeback',
    reason,
    status: 'open',
    receivedAt: now,
    replyBy: now + 20 * DAY,
    openedAt: now,
    wonAt: null,
    statusHistory: [{status: 'open', timestamp: now}],
  };
  core.state.disputes.set(dispute.id, dispute);
  t.disputeIds.push(dispute.id);
  disputeNotification(core, 'dispute_opened', dispute);
  return dispute;
}

export function findDispute(core: Core, id: string): DisputeRecord {
  const dispute = core.state.disputes.get(id);
  if (!dispute) throw new BraintreeHttpError(404);
  return dispute;
}

const KINDS: Record<Exclude<DisputeStatus, 'open'>, string> = {
  won: 'dispute_won',
  lost: 'dispute_lost',
  accepted: 'dispute_accepted',
};

/** Closes an open dispute and says so. */
export function resolveDispute(
  core: Core,
  id: string,
  status: Exclude<DisputeStatus, 'open'>
): DisputeRecord {
  const dispute = findDispute(core, id);
  if (dispute.status !== 'open') {
    throw refused(`The dispute is already ${dispute.status}.`);
  }
  const now = core.now();
  dispute.status = status;
  if (status === 'won') dispute.wonAt = now;
  dispute.statusHistory.push({status, timestamp: now});
  disputeNotification(core, KINDS[status], dispute);
  return dispute;
}
