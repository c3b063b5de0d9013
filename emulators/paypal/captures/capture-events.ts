/**
 * What happens to a capture after the buyer has paid, for tests: it can turn out pending, then
 * complete; be denied; be refunded (fully or partly) or reversed by a chargeback; or be
 * disputed. Each changes the capture as PayPal would and sends the event PayPal sends.
 */
import {detail, issueError, PaypalApiError} from '../api/errors.js';
import {isoSeconds, newDisputeId, newResourceId} from '../core/ids.js';
import {
  formatValue,
  money,
  toHundredths,
  VALUE_PATTERN,
} from '../core/money.js';
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
  'dispute-updated',
  'dispute-resolved',
] as const;

export type CaptureEventKind = (typeof CAPTURE_EVENT_KINDS)[number];

type Found = FoundCapture;

/** `customer_disputes_v1.json` `dispute_reason`. */
export const DISPUTE_REASONS = [
  'MERCHANDISE_OR_SERVICE_NOT_RECEIVED',
  'MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED',
  'UNAUTHORISED',
  'CREDIT_NOT_PROCESSED',
  'DUPLICATE_TRANSACTION',
  'INCORRECT_AMOUNT',
  'PAYMENT_BY_OTHER_MEANS',
  'CANCELED_RECURRING_BILLING',
  'PROBLEM_WITH_REMITTANCE',
  'OTHER',
] as const;

/** `dispute_outcome.outcome_code`. */
export const DISPUTE_OUTCOMES = [
  'RESOLVED_BUYER_FAVOUR',
  'RESOLVED_SELLER_FAVOUR',
  'RESOLVED_WITH_PAYOUT',
  'CANCELED_BY_BUYER',
  'ACCEPTED',
  'DENIED',
  'NONE',
] as const;

const DAY_MS = 86_400_000;

/**
 * A new dispute on the capture (an inquiry, OPEN), for `amount` (default: all of it) with
 * `reason`. Its disputed transaction is the capture as PayPal names it to the seller: the
 * capture id, its gross amount, and the invoice_id and custom_id it was given as
 * invoice_number and custom, which is how a merchant finds the order.
 */
function openDispute(
  core: Core,
  {record, capture}: Found,
  options: {amount?: string; reason?: string}
): DisputeResource {
  const currency = capture.amount!.currency_code;
  const captured = toHundredths(capture.amount!.value);
  const {amount: value, reason = 'MERCHANDISE_OR_SERVICE_NOT_RECEIVED'} =
    options;
  if (value !== undefined && !VALUE_PATTERN.test(value))
    throw issueError('INVALID_PARAMETER_SYNTAX', {field: 'amount', value});
  const disputed = value === undefined ? captured : toHundredths(value);
  if (disputed <= 0n || disputed > captured)
    throw new PaypalApiError(422, [
      detail(
        disputed <= 0n ? 'CANNOT_BE_ZERO_OR_NEGATIVE' : 'MAX_VALUE_EXCEEDED',
        {field: 'amount', value: formatValue(disputed, currency)}
      ),
    ]);
  if (!(DISPUTE_REASONS as readonly string[]).includes(reason))
    throw issueError('INVALID_PARAMETER_VALUE', {
      field: 'reason',
      value: reason,
    });
  const id = newDisputeId();
  const now = timestamp(core);
  const {buyer, merchant} = core;
  const resource: DisputeResource = {
    dispute_id: id,
    create_time: now,
    update_time: now,
    disputed_transactions: [
      {
        buyer_transaction_id: newResourceId(),
        seller_transaction_id: capture.id!,
        ...(capture.create_time && {create_time: capture.create_time}),
        transaction_status: 'COMPLETED',
        gross_amount: {...capture.amount!},
        ...(capture.invoice_id !== undefined && {
          invoice_number: capture.invoice_id,
        }),
        ...(capture.custom_id !== undefined && {custom: capture.custom_id}),
        buyer: {name: `${buyer.givenName} ${buyer.surname}`},
        seller: {merchant_id: merchant.merchantId, email: merchant.email},
        items: [],
        seller_protection_eligible: true,
      },
    ],
    reason,
    status: 'OPEN',
    dispute_amount: money(disputed, currency),
    dispute_life_cycle_stage: 'INQUIRY',
    dispute_channel: 'INTERNAL',
    // An inquiry gives the seller 20 days to answer before the buyer may escalate.
    seller_response_due_date: isoSeconds(core.now() + 20 * DAY_MS),
    links: [
      {
        href: `${core.baseUrl()}/v1/customer/disputes/${id}`,
        rel: 'self',
        method: 'GET',
      },
    ],
  };
  record.disputes = [...(record.disputes ?? []), resource];
  return resource;
}

/** The capture's latest dispute that is not resolved (the one the controls move on). */
function openDisputeOf({record, capture}: Found): DisputeResource {
  const dispute = (record.disputes ?? []).findLast(
    (d) =>
      d.status !== 'RESOLVED' &&
      d.disputed_transactions.some(
        (tx) => tx.seller_transaction_id === capture.id
      )
  );
  if (!dispute)
    throw issueError('INVALID_RESOURCE_ID', {
      field: 'dispute_id',
      value: capture.id!,
      location: 'path',
    });
  return dispute;
}

/** The seller is asked to answer (CUSTOMER.DISPUTE.UPDATED). */
function updateDispute(core: Core, found: Found): DisputeResource {
  const dispute = openDisputeOf(found);
  dispute.status = 'WAITING_FOR_SELLER_RESPONSE';
  dispute.update_time = timestamp(core);
  return structuredClone(dispute);
}

/** Resolved with `outcome` (CUSTOMER.DISPUTE.RESOLVED); the buyer's favour refunds them. */
function resolveDispute(
  core: Core,
  found: Found,
  outcome = 'RESOLVED_BUYER_FAVOUR'
): DisputeResource {
  if (!(DISPUTE_OUTCOMES as readonly string[]).includes(outcome))
    throw issueError('INVALID_PARAMETER_VALUE', {
      field: 'outcome',
      value: outcome,
    });
  const dispute = openDisputeOf(found);
  dispute.status = 'RESOLVED';
  dispute.update_time = timestamp(core);
  dispute.dispute_outcome = {
    outcome_code: outcome,
    ...(outcome === 'RESOLVED_BUYER_FAVOUR' && {
      amount_refunded: {...dispute.dispute_amount},
    }),
  };
  delete dispute.seller_response_due_date;
  return structuredClone(dispute);
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
  options: {amount?: string; reason?: string; outcome?: string} = {}
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
      const resource = structuredClone(openDispute(core, found, options));
      return core.emit(
        'CUSTOMER.DISPUTE.CREATED',
        'dispute',
        resource,
        `A new dispute opened with Case # ${resource.dispute_id}`
      );
    }
    case 'dispute-updated': {
      const resource = updateDispute(core, found);
      return core.emit(
        'CUSTOMER.DISPUTE.UPDATED',
        'dispute',
        resource,
        `A dispute was updated with Case # ${resource.dispute_id}`
      );
    }
    case 'dispute-resolved': {
      const resource = resolveDispute(core, found, options.outcome);
      return core.emit(
        'CUSTOMER.DISPUTE.RESOLVED',
        'dispute',
        resource,
        `A dispute was resolved with case # ${resource.dispute_id}`
      );
    }
  }
}
