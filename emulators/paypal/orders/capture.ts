/**
 * Capturing an approved order (intent CAPTURE): one capture per purchase unit, COMPLETED (or
 * PENDING), and a PAYMENT.CAPTURE.* event for each. The order's funding decides the outcome:
 * a card the buyer "declined" on the approval page fails with INSTRUMENT_DECLINED.
 */
import {issueError} from '../api/errors.js';
import {newResourceId} from '../core/ids.js';
import {money, paypalFee, toHundredths} from '../core/money.js';
import {timestamp, type Core, type OrderRecord} from '../core/state.js';
import type {
  CaptureJson,
  CaptureResource,
  PurchaseUnitJson,
} from '../core/types.js';
import {requireApprovalAgain} from './approval.js';
import {captureLinks, checkoutUrl} from './view.js';

export function captureResource(
  orderId: string,
  capture: CaptureJson
): CaptureResource {
  return {
    ...structuredClone(capture),
    supplementary_data: {related_ids: {order_id: orderId}},
  };
}

export function amountText(
  amount: {currency_code?: string; value?: string} | undefined
): string {
  return `${amount?.value ?? ''} ${amount?.currency_code ?? ''}`.trim();
}

function newCapture(
  core: Core,
  orderId: string,
  unit: PurchaseUnitJson,
  pending: boolean
): CaptureJson {
  const id = newResourceId();
  const now = timestamp(core);
  const amount = {
    currency_code: unit.amount!.currency_code,
    value: unit.amount!.value,
  };
  const gross = toHundredths(amount.value);
  const fee = paypalFee(gross, amount.currency_code);
  return {
    id,
    status: pending ? 'PENDING' : 'COMPLETED',
    ...(pending && {status_details: {reason: 'PENDING_REVIEW' as const}}),
    amount,
    final_capture: true,
    seller_protection: {
      status: 'ELIGIBLE',
      dispute_categories: ['ITEM_NOT_RECEIVED', 'UNAUTHORIZED_TRANSACTION'],
    },
    // PayPal has no breakdown for a capture that is still pending.
    ...(!pending && {
      seller_receivable_breakdown: {
        gross_amount: amount,
        paypal_fee: money(fee, amount.currency_code),
        net_amount: money(gross - fee, amount.currency_code),
      },
    }),
    ...(unit.invoice_id !== undefined && {invoice_id: unit.invoice_id}),
    ...(unit.custom_id !== undefined && {custom_id: unit.custom_id}),
    links: captureLinks(core, id, orderId),
    create_time: now,
    update_time: now,
  };
}

export function captureOrder(core: Core, record: OrderRecord): OrderRecord {
  const {order} = record;
  const orderId = order.id!;
  if (order.status === 'COMPLETED') throw issueError('ORDER_ALREADY_CAPTURED');
  if (order.status !== 'APPROVED') throw issueError('ORDER_NOT_APPROVED');
  if (record.funding === 'decline') {
    requireApprovalAgain(core, record);
    // PayPal links the buyer back to checkout to choose another way to pay.
    throw issueError('INSTRUMENT_DECLINED', undefined, [
      {href: checkoutUrl(core, orderId), rel: 'redirect', method: 'GET'},
    ]);
  }
  const pending = record.funding === 'pending';
  for (const unit of order.purchase_units ?? []) {
    const capture = newCapture(core, orderId, unit, pending);
    unit.payments = {captures: [capture]};
    core.state.captures.set(capture.id!, orderId);
  }
  order.status = 'COMPLETED';
  order.update_time = timestamp(core);
  for (const unit of order.purchase_units ?? []) {
    const capture = unit.payments!.captures![0]!;
    core.emit(
      pending ? 'PAYMENT.CAPTURE.PENDING' : 'PAYMENT.CAPTURE.COMPLETED',
      'capture',
      captureResource(orderId, capture),
      `Payment ${pending ? 'pending' : 'completed'} for ${amountText(capture.amount)}`
    );
  }
  return record;
}
