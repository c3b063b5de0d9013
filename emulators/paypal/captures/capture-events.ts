/**
 * What happens to a capture after the buyer has paid, for tests: it can turn out pending, then
 * complete; be denied; be refunded (fully or partly) or reversed by a chargeback; or be
 * disputed. Each changes the capture as PayPal would and sends the event PayPal sends.
 */
import {issueError} from '../api/errors.js';
import {newDisputeId} from '../core/ids.js';
import {timestamp, type Core} from '../core/state.js';
import type {DisputeResource, WebhookEvent} from '../core/types.js';
import {amountText, captureResource} from '../orders/capture.js';
import {createRefund, findCapture, type FoundCapture} from './refunds.js';

export const CAPTURE_EVENT_KINDS = [
  'pending',
  'completed',
  'denied',
  'refunded',
  'reversed',
  'dispute',
] as const;

export type CaptureEventKind = (typeof CAPTURE_EVENT_KINDS)[number];

type Found = FoundCapture;

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
      const result = createRefund(
        core,
        found,
        // A refund from PayPal's dashboard, as far as the API can tell: the capture's ids.
        {
          value: options.amount,
          invoiceId: found.capture.invoice_id,
          customId: found.capture.custom_id,
        },
        kind === 'reversed'
      );
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
