/**
 * After the sale (reference/request/transaction/*): submit for settlement (only `authorized`,
 * 91507; at most the authorised amount, 91522), void (before settlement, 91504), refund (only
 * `settled`/`settling`, 91506; a new `credit` transaction, partial refunds until the sale is used
 * up, 91521 / 91512), and the sandbox's testing endpoints (`testing.settle`,
 * `settlementDecline`, `settlementPending`, `settlementConfirm`), which settle at once.
 */
import {
  paramsOf,
  validationFailure,
  type ValidationError,
} from '../api/errors.js';
import {parseAmount} from '../core/money.js';
import type {Core, TransactionRecord} from '../core/state.js';
import {
  findTransaction,
  moveTo,
  newTransaction,
  settlementBatchId,
} from './records.js';
import {PROCESSED, settlementDeclineResponse} from './responses.js';
import {amountError} from './sale.js';
import {hundredths} from '../core/money.js';
import {
  transactionSettled,
  transactionSettlementDeclined,
} from '../webhooks/kinds.js';

type Params = Record<string, unknown>;
const object = (value: unknown): Params =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Params)
    : {};

function refuse(
  body: unknown,
  attribute: string,
  code: string,
  message: string
): never {
  const error: ValidationError = {
    path: ['transaction'],
    attribute,
    code,
    message,
  };
  throw validationFailure([error], paramsOf(object(body)));
}

/** An optional amount in the body; undefined means "the whole". */
function optionalAmount(
  core: Core,
  body: unknown,
  t: TransactionRecord
): bigint | undefined {
  const value = object(object(body).transaction).amount;
  if (value === undefined || value === null) return undefined;
  const amount = parseAmount(value, t.currency);
  if (!amount.ok)
    throw validationFailure(
      [amountError(amount.reason)],
      paramsOf(object(body))
    );
  return amount.minor;
}

export function submitForSettlement(
  core: Core,
  id: string,
  body: unknown
): TransactionRecord {
  const t = findTransaction(core, id);
  if (t.status !== 'authorized') {
    refuse(
      body,
      'base',
      '91507',
      'Cannot submit for settlement unless status is authorized.'
    );
  }
  const amount = optionalAmount(core, body, t) ?? t.amountMinor;
  if (amount > t.amountMinor) {
    refuse(body, 'amount', '91522', 'Settlement amount is too large.');
  }
  t.amountMinor = amount;
  moveTo(core, t, 'submitted_for_settlement', amount);
  return t;
}

export function voidTransaction(
  core: Core,
  id: string,
  body: unknown
): TransactionRecord {
  const t = findTransaction(core, id);
  if (t.status !== 'authorized' && t.status !== 'submitted_for_settlement') {
    refuse(
      body,
      'base',
      '91504',
      'Transaction can only be voided if status is authorized, submitted_for_settlement, or - for PayPal - settlement_pending.'
    );
  }
  moveTo(core, t, 'voided');
  return t;
}

export function refund(
  core: Core,
  id: string,
  body: unknown
): TransactionRecord {
  const sale = findTransaction(core, id);
  if (sale.type === 'credit')
    refuse(body, 'base', '91505', 'Cannot refund credit');
  if (sale.status !== 'settled' && sale.status !== 'settling') {
    refuse(
      body,
      'base',
      '91506',
      'Cannot refund transaction unless it is settled.'
    );
  }
  const left = sale.amountMinor - sale.refundedMinor;
  if (left <= 0n)
    refuse(
      body,
      'base',
      '91512',
      'Transaction has already been fully refunded.'
    );
  const amount = optionalAmount(core, body, sale) ?? left;
  if (amount > left)
    refuse(body, 'amount', '91521', 'Refund amount is too large.');
  const orderId = object(object(body).transaction).order_id;
  const credit = newTransaction(core, {
    type: 'credit',
    status: 'submitted_for_settlement',
    amountMinor: amount,
    currency: sale.currency,
    merchantAccountId: sale.merchantAccountId,
    orderId: orderId === undefined ? sale.orderId : String(orderId),
    method: sale.method,
    processor: PROCESSED,
    authorizationCode: null,
    gatewayRejectionReason: null,
    settlementResponse: null,
    refundedTransactionId: sale.id,
    deviceData: null,
    customFields: {},
    billingPostalCode: sale.billingPostalCode,
    settlementPlan: 'settle',
  });
  sale.refundIds.push(credit.id);
  sale.refundedMinor += amount;
  sale.updatedAt = core.now();
  return credit;
}

export type SettlementOperation =
  'settle' | 'settlement_decline' | 'settlement_pending' | 'settlement_confirm';

/**
 * The testing endpoints: `settle` settles (or, for a 4001.xx/4003–5000.99 amount, declines the
 * settlement, as the sandbox would); the others force their status. Each settlement change is
 * notified (`transaction_settled`, `transaction_settlement_declined`). 91575 when the
 * transaction is not waiting for settlement.
 */
export function simulateSettlement(
  core: Core,
  id: string,
  operation: SettlementOperation
): TransactionRecord {
  const t = findTransaction(core, id);
  const waiting = [
    'submitted_for_settlement',
    'settling',
    'settlement_pending',
  ];
  const allowed =
    operation === 'settlement_confirm'
      ? ['settled', 'settling', ...waiting]
      : waiting;
  if (!allowed.includes(t.status)) {
    refuse(
      undefined,
      'base',
      '91575',
      'Cannot simulate transaction settlement.'
    );
  }
  const decline =
    operation === 'settlement_decline' ||
    (operation === 'settle' &&
      t.type === 'sale' &&
      t.settlementPlan === 'decline');
  if (decline) {
    t.settlementResponse = settlementDeclineResponse(
      t.settlementPlan === 'decline'
        ? hundredths(t.amountMinor, t.currency)
        : 400100n
    );
    moveTo(core, t, 'settlement_declined');
    transactionSettlementDeclined(core, t);
    return t;
  }
  switch (operation) {
    case 'settlement_pending':
      moveTo(core, t, 'settlement_pending');
      return t;
    case 'settlement_confirm':
      moveTo(core, t, 'settlement_confirmed');
      return t;
    default:
      t.settlementBatchId = settlementBatchId(core, t.merchantAccountId);
      t.settlementResponse = null;
      if (t.status === 'submitted_for_settlement') moveTo(core, t, 'settling');
      moveTo(core, t, 'settled');
      transactionSettled(core, t);
      return t;
  }
}
