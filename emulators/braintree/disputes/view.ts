/**
 * A dispute as Braintree's XML gives it (reference/response/dispute; the SDK's sample
 * notifications in webhook_testing_gateway.js show the webhook subject): amounts, dates as
 * `type="date"`, kind/status/reason, and the disputed transaction's id and amount.
 */
import {formatAmount} from '../core/money.js';
import type {Core, DisputeRecord} from '../core/state.js';
import {array, date, datetime, type XmlValue} from '../api/xml.js';

export function disputeView(
  core: Core,
  d: DisputeRecord,
  options: {withTransaction: boolean} = {withTransaction: true}
): XmlValue {
  const money = (minor: bigint) => formatAmount(minor, d.currency);
  const transaction = core.state.transactions.get(d.transactionId);
  return {
    id: d.id,
    amount: money(d.amountMinor),
    amountDisputed: money(d.amountMinor),
    amountWon: d.status === 'won' ? money(d.amountMinor) : money(0n),
    currencyIsoCode: d.currency,
    caseNumber: `CB${d.id.slice(0, 8).toUpperCase()}`,
    createdAt: datetime(d.openedAt),
    updatedAt: datetime(d.statusHistory.at(-1)?.timestamp ?? d.openedAt),
    receivedDate: date(d.receivedAt),
    replyByDate: date(d.replyBy),
    kind: d.kind,
    status: d.status,
    reason: d.reason,
    reasonCode: '10.4',
    reasonDescription: 'Other Fraud - Card Absent Environment',
    merchantAccountId: d.merchantAccountId,
    chargebackProtectionLevel: null,
    preDisputeProgram: 'none',
    dateOpened: date(d.openedAt),
    dateWon: d.wonAt === null ? null : date(d.wonAt),
    statusHistory: array(
      'statusHistory',
      d.statusHistory.map((h) => ({
        status: h.status,
        timestamp: datetime(h.timestamp),
        effectiveDate: date(h.timestamp),
        disbursementDate: null,
      }))
    ),
    ...(options.withTransaction && {
      transaction: {
        id: d.transactionId,
        amount: transaction
          ? formatAmount(transaction.amountMinor, transaction.currency)
          : money(d.amountMinor),
        orderId: transaction?.orderId ?? null,
        createdAt: datetime(transaction?.createdAt ?? d.openedAt),
        paymentInstrumentSubtype: transaction?.method.card.cardType ?? null,
        purchaseOrderNumber: null,
      },
    }),
  };
}
