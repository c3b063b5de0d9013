/** Creating, finding and moving transactions (the state machine's writes, in one place). */
import {notFound} from '../api/errors.js';
import {newTransactionId} from '../core/ids.js';
import type {
  Core,
  TransactionRecord,
  TransactionStatus,
} from '../core/state.js';

export function findTransaction(core: Core, id: string): TransactionRecord {
  const record = core.state.transactions.get(id);
  if (!record) throw notFound();
  return record;
}

export function newTransaction(
  core: Core,
  fields: Omit<
    TransactionRecord,
    | 'id'
    | 'createdAt'
    | 'updatedAt'
    | 'statusHistory'
    | 'refundIds'
    | 'refundedMinor'
    | 'disputeIds'
    | 'settlementBatchId'
  >
): TransactionRecord {
  const now = core.now();
  const record: TransactionRecord = {
    ...fields,
    id: newTransactionId(),
    createdAt: now,
    updatedAt: now,
    statusHistory: [],
    refundIds: [],
    refundedMinor: 0n,
    disputeIds: [],
    settlementBatchId: null,
  };
  record.statusHistory.push(event(core, record.status, record.amountMinor));
  core.state.transactions.set(record.id, record);
  return record;
}

function event(core: Core, status: TransactionStatus, amountMinor: bigint) {
  return {
    status,
    amountMinor,
    timestamp: core.now(),
    transactionSource: 'api' as const,
    user: null,
  };
}

/** Moves a transaction on, with a `status-history` entry, as every status change has. */
export function moveTo(
  core: Core,
  record: TransactionRecord,
  status: TransactionStatus,
  amountMinor = record.amountMinor
): void {
  record.status = status;
  record.updatedAt = core.now();
  record.statusHistory.push(event(core, status, amountMinor));
}

export function settlementBatchId(
  core: Core,
  merchantAccountId: string
): string {
  return `${new Date(core.now()).toISOString().slice(0, 10)}_${merchantAccountId}`;
}
