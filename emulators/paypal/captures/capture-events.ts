/**
 * What happens to a capture after the buyer has paid, for tests: it can turn out pending, then
 * complete; be denied; be refunded (fully or partly) or reversed by a chargeback; or be
 * disputed. Each changes the capture as PayPal would and sends the event PayPal sends.
 */
import {PaypalApiError, detail, issueError} from '../api/errors.js';
import {newDisputeId, newResourceId} from '../core/ids.js';
import {
  formatValue,
  money,
  paypalFee,
  toHundredths,
  VALUE_PATTERN,
} from '../core/money.js';
import {timestamp, type Core, type OrderRecord} from '../core/state.js';
import type {
  CaptureJson,
  DisputeResource,
  PurchaseUnitJson,
  RefundJson,
  WebhookEvent,
} from '../core/types.js';
import {amountText, captureResource} from '../orders/capture.js';

export const CAPTURE_EVENT_KINDS = [
  'pending',
  'completed',
  'denied',
  'refunded',
  'reversed',
  'dispute',
] as const;

export type CaptureEventKind = (typeof CAPTURE_EVENT_KINDS)[number];

interface Found {
  record: OrderRecord;
  unit: PurchaseUnitJson;
  capture: CaptureJson;
}

function findCapture(core: Core, captureId: string): Found {
  const orderId = core.state.captures.get(captureId);
  const record = orderId ? core.state.orders.get(orderId) : undefined;
  for (const unit of record?.order.purchase_units ?? []) {
    const capture = unit.payments?.captures?.find((c) => c.id === captureId);
    if (record && capture) return {record, unit, capture};
  }
  throw issueError('INVALID_RESOURCE_ID', {
    field: 'capture_id',
    value: captureId,
    location: 'path',
  });
}

function refundedSoFar(unit: PurchaseUnitJson): bigint {
  return (unit.payments?.refunds ?? []).reduce(
    (sum, refund) => sum + toHundredths(refund.amount?.value ?? '0'),
    0n
  );
}

function refund(
  core: Core,
  {unit, capture}: Found,
  value: string | undefined,
  reversal: boolean
): RefundJson {
  const currency = capture.amount!.currency_code;
  const captured = toHundredths(capture.amount!.value);
  const before = refundedSoFar(unit);
  if (value !== undefined && !VALUE_PATTERN.test(value)) {
    throw issueError('INVALID_PARAMETER_SYNTAX', {field: 'amount', value});
  }
  const gross = value === undefined ? captured - before : toHundredths(value);
  if (gross <= 0n || before + gross > captured) {
    throw new PaypalApiError(422, [
      detail(
        gross <= 0n ? 'CANNOT_BE_ZERO_OR_NEGATIVE' : 'MAX_VALUE_EXCEEDED',
        {
          field: 'amount',
          value: formatValue(gross, currency),
        }
      ),
    ]);
  }
  const id = newResourceId();
  const now = timestamp(core);
  const base = core.baseUrl();
  // PayPal returns the fee pro rata on a full refund; keep it simple and proportional.
  const fee = (paypalFee(captured, currency) * gross) / captured;
  const result: RefundJson = {
    id,
    amount: money(gross, currency),
    status: 'COMPLETED',
    ...(reversal && {
      note_to_payer: 'Payment reversed by the buyer’s bank (chargeback)',
    }),
    seller_payable_breakdown: {
      gross_amount: money(gross, currency),
      paypal_fee: money(fee, currency),
      net_amount: money(gross - fee, currency),
      total_refunded_amount: money(before + gross, currency),
    },
    ...(capture.invoice_id !== undefined && {invoice_id: capture.invoice_id}),
    ...(capture.custom_id !== undefined && {custom_id: capture.custom_id}),
    create_time: now,
    update_time: now,
    links: [
      {href: `${base}/v2/payments/refunds/${id}`, rel: 'self', method: 'GET'},
      {
        href: `${base}/v2/payments/captures/${capture.id}`,
        rel: 'up',
        method: 'GET',
      },
    ],
  };
  unit.payments = {
    ...unit.payments,
    refunds: [...(unit.payments?.refunds ?? []), result],
  };
  capture.status =
    before + gross === captured ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  if (reversal) capture.status_details = {reason: 'CHARGEBACK'};
  capture.update_time = now;
  return result;
}

function dispute(core: Core, {capture}: Found): DisputeResource {
  const id = newDisputeId();
  const now = timestamp(core);
  return {
    dispute_id: id,
    create_time: now,
    update_time: now,
    disputed_transactions: [
      {
        seller_transaction_id: capture.id!,
        seller: {merchant_id: core.merchant.merchantId},
        items: [],
        seller_protection_eligible: true,
      },
    ],
    reason: 'MERCHANDISE_OR_SERVICE_NOT_RECEIVED',
    status: 'OPEN',
    dispute_amount: {...capture.amount!},
    dispute_life_cycle_stage: 'INQUIRY',
    dispute_channel: 'INTERNAL',
    links: [
      {
        href: `${core.baseUrl()}/v1/customer/disputes/${id}`,
        rel: 'self',
        method: 'GET',
      },
    ],
  };
}

function setStatus(
  core: Core,
  found: Found,
  status: 'PENDING' | 'COMPLETED' | 'DECLINED'
): void {
  const {capture} = found;
  if (
    capture.status === 'REFUNDED' ||
    capture.status === 'PARTIALLY_REFUNDED'
  ) {
    throw issueError('CAPTURE_FULLY_REFUNDED');
  }
  capture.status = status;
  if (status === 'PENDING') capture.status_details = {reason: 'PENDING_REVIEW'};
  else delete capture.status_details;
  capture.update_time = timestamp(core);
}

export function triggerCaptureEvent(
  core: Core,
  captureId: string,
  kind: CaptureEventKind,
  options: {amount?: string} = {}
): WebhookEvent {
  const found = findCapture(core, captureId);
  const {record, capture} = found;
  const orderId = record.order.id!;
  const text = amountText(capture.amount);
  switch (kind) {
    case 'pending':
    case 'completed':
    case 'denied': {
      const status =
        kind === 'denied'
          ? 'DECLINED'
          : kind === 'pending'
            ? 'PENDING'
            : 'COMPLETED';
      setStatus(core, found, status);
      const summary =
        kind === 'completed'
          ? `Payment completed for ${text}`
          : kind === 'pending'
            ? `Payment pending for ${text}`
            : `A ${text} capture payment was denied`;
      return core.emit(
        `PAYMENT.CAPTURE.${kind.toUpperCase()}`,
        'capture',
        captureResource(orderId, capture),
        summary
      );
    }
    case 'refunded':
    case 'reversed': {
      const result = refund(core, found, options.amount, kind === 'reversed');
      return core.emit(
        `PAYMENT.CAPTURE.${kind.toUpperCase()}`,
        'refund',
        result,
        `A ${amountText(result.amount)} capture payment was ${kind}`
      );
    }
    case 'dispute': {
      const resource = dispute(core, found);
      return core.emit(
        'CUSTOMER.DISPUTE.CREATED',
        'dispute',
        resource,
        `A new dispute opened with Case # ${resource.dispute_id}`
      );
    }
  }
}
