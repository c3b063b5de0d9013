/**
 * The notifications the emulator sends (reference/general/webhooks/transaction, /dispute,
 * /transaction-refund): `transaction_settled` and `transaction_settlement_declined` with the
 * transaction as subject, `dispute_opened`/`_won`/`_lost`/`_accepted` with the dispute, and
 * `refund_failed` with the refund (credit) transaction.
 */
import type {Core, DisputeRecord, TransactionRecord} from '../core/state.js';
import {xmlElement} from '../api/xml.js';
import {transactionView} from '../transactions/view.js';
import {disputeView} from '../disputes/view.js';

export function transactionSettled(core: Core, t: TransactionRecord) {
  return core.notify(
    'transaction_settled',
    t.id,
    xmlElement('transaction', transactionView(core, t))
  );
}

export function transactionSettlementDeclined(
  core: Core,
  t: TransactionRecord
) {
  return core.notify(
    'transaction_settlement_declined',
    t.id,
    xmlElement('transaction', transactionView(core, t))
  );
}

export function refundFailed(core: Core, t: TransactionRecord) {
  return core.notify(
    'refund_failed',
    t.id,
    xmlElement('transaction', transactionView(core, t))
  );
}

export function disputeNotification(
  core: Core,
  kind: string,
  d: DisputeRecord
) {
  return core.notify(kind, d.id, xmlElement('dispute', disputeView(core, d)));
}
