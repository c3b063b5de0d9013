/**
 * Our refund rows follow the provider's word. The refund call's answer writes a row `pending`
 * when the provider has not finished; its webhook later says the refund was done or failed, and
 * this is where that word reaches the row: done → `succeeded`; failed → `failed`, which frees its
 * reservation, so the amount can be refunded again. The order itself moves on its own path (the
 * gateway's translation, the fulfiller), which never moves it for a failed refund.
 *
 * Each report is one conditional statement in the store, so a duplicate delivery, a late older
 * event or two instances at once change a row at most once; the ledger's dedupe is not needed
 * for that, and these reports are applied even when the ledger already has the event.
 */
import type {Logger} from '../log.js';
import type {FollowedReport} from '../orders/refunds.js';
import type {OrderStore} from '../orders/store.js';
import type {
  Gateway,
  RefundReport,
  WebhookEvent,
} from '../providers/gateway.js';
import {refundOfKey} from './refund.js';

interface Deps {
  store: Pick<OrderStore, 'refunds'>;
  logger: Logger;
}

/** How many rows moved. */
export async function recordRefundReports(
  deps: Deps,
  gateway: Pick<Gateway, 'name' | 'refundReports'>,
  event: WebhookEvent
): Promise<number> {
  const reports = gateway.refundReports?.(event) ?? [];
  return applyRefundReports(deps, gateway.name, reports, event.id);
}

/** Applies each report to the row it names (by our key if it carries one, else the provider's id). */
export async function applyRefundReports(
  deps: Deps,
  provider: string,
  reports: readonly RefundReport[],
  eventId?: string
): Promise<number> {
  let moved = 0;
  for (const report of reports) {
    const row = report.key ? refundOfKey(report.key) : undefined;
    if (!row && !report.refundId) continue;
    const followed: FollowedReport = {
      provider,
      status: report.status,
      ...(report.refundId && {providerRefundId: report.refundId}),
      ...(row && {row}),
    };
    const outcome = await deps.store.refunds.follow(followed);
    if (outcome.outcome !== 'changed') continue;
    moved++;
    const {refund, previous} = outcome;
    const fields = {
      eventId,
      orderId: refund.orderId,
      refundId: refund.id,
      providerRefundId: refund.providerRefundId,
      from: previous,
      to: refund.status,
    };
    if (previous === 'succeeded')
      // The order's refunded total came from the provider's own total and is not undone here;
      // the amount stays counted against the order until the provider's total says less.
      deps.logger.warn(
        fields,
        'the provider says a refund that had succeeded failed: check the order in its dashboard'
      );
    else deps.logger.info(fields, 'refund row follows the provider');
  }
  return moved;
}
