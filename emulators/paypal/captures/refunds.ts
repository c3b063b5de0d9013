/**
 * Payments v2 refunds (developer.paypal.com/docs/api/payments/v2/#captures_refund):
 * `POST /v2/payments/captures/{capture_id}/refund` refunds a COMPLETED capture in full (no
 * amount: what is left) or in part, moves the capture to PARTIALLY_REFUNDED or REFUNDED, and
 * sends PAYMENT.CAPTURE.REFUNDED with the refund; `GET /v2/payments/refunds/{refund_id}` and
 * `GET /v2/payments/captures/{capture_id}` read them back. Refunds complete at once, as in the
 * sandbox for a PayPal-balance payment. The test controls' refunds and reversals
 * (capture-events.ts) make their refund here too.
 */
import {Hono} from 'hono';
import type {Env} from '../api/context.js';
import {detail, issueError, PaypalApiError} from '../api/errors.js';
import {newResourceId} from '../core/ids.js';
import {
  decimalPlaces,
  formatValue,
  money,
  NO_DECIMAL_CURRENCIES,
  paypalFee,
  toHundredths,
  VALUE_PATTERN,
} from '../core/money.js';
import {timestamp, type Core, type OrderRecord} from '../core/state.js';
import type {CaptureJson, PurchaseUnitJson, RefundJson} from '../core/types.js';
import {amountText, captureResource} from '../orders/capture.js';
import {parsePrefer} from '../orders/view.js';

export interface FoundCapture {
  record: OrderRecord;
  unit: PurchaseUnitJson;
  capture: CaptureJson;
}

export function findCapture(core: Core, captureId: string): FoundCapture {
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

/** A refund by its id, wherever its capture is (the emulator's orders are few). */
export function findRefund(
  core: Core,
  refundId: string
): RefundJson | undefined {
  for (const {order} of core.state.orders.values()) {
    for (const unit of order.purchase_units ?? []) {
      const refund = unit.payments?.refunds?.find((r) => r.id === refundId);
      if (refund) return refund;
    }
  }
  return undefined;
}

/** Payments v2's error reference, where its refund errors' links point. */
function refundError(
  issue: string,
  status: number,
  description: string,
  where: {field?: string; value?: string} = {}
): PaypalApiError {
  return new PaypalApiError(
    status,
    [
      {
        ...(where.field !== undefined && {field: where.field}),
        ...(where.value !== undefined && {value: where.value}),
        ...(where.field !== undefined && {location: 'body' as const}),
        issue,
        description,
      },
    ],
    {
      links: [
        {
          href: `https://developer.paypal.com/docs/api/payments/v2/#error-${issue}`,
          rel: 'information_link',
          method: 'GET',
        },
      ],
    }
  );
}

// The descriptions are the specification's (payments_payment_v2.json, captures.refund-422).
const REFUND_ISSUES = {
  CAPTURE_FULLY_REFUNDED: 'The capture has already been fully refunded',
  REFUND_AMOUNT_EXCEEDED:
    'The refund amount must be less than or equal to the capture amount that has not yet been refunded.',
  REFUND_NOT_ALLOWED: 'Capture cannot be refunded.',
  PENDING_CAPTURE:
    'Cannot initiate a refund as the capture is pending. Capture is typically pending when the payer has funded the transaction using e-check/bank funded.',
  REFUND_CAPTURE_CURRENCY_MISMATCH:
    'Refund must be in the same currency as the capture',
  DUPLICATE_INVOICE_ID: 'Invoice ID was previously used to refund a capture.',
} as const;

const refused = (issue: keyof typeof REFUND_ISSUES, field?: string) =>
  refundError(issue, 422, REFUND_ISSUES[issue], field ? {field} : {});

function refundedSoFar(unit: PurchaseUnitJson): bigint {
  return (unit.payments?.refunds ?? []).reduce(
    (sum, refund) => sum + toHundredths(refund.amount?.value ?? '0'),
    0n
  );
}

/** What a refund request may carry; everything optional (no body: a full refund). */
export interface RefundRequest {
  /** The amount's value, already checked to be in the capture's currency. */
  value?: string;
  invoiceId?: string;
  customId?: string;
  noteToPayer?: string;
}

/**
 * Refunds a capture (all that is left without a value) and records it on the purchase unit.
 * `reversal`: a chargeback by the buyer's bank, not the merchant's refund.
 */
export function createRefund(
  core: Core,
  {unit, capture}: FoundCapture,
  request: RefundRequest,
  reversal = false
): RefundJson {
  if (capture.status === 'REFUNDED') throw refused('CAPTURE_FULLY_REFUNDED');
  if (capture.status === 'PENDING') throw refused('PENDING_CAPTURE');
  if (capture.status !== 'COMPLETED' && capture.status !== 'PARTIALLY_REFUNDED')
    throw refused('REFUND_NOT_ALLOWED');
  const currency = capture.amount!.currency_code;
  const captured = toHundredths(capture.amount!.value);
  const before = refundedSoFar(unit);
  const {value} = request;
  if (value !== undefined && !VALUE_PATTERN.test(value)) {
    throw issueError('INVALID_PARAMETER_SYNTAX', {
      field: '/amount/value',
      value,
    });
  }
  const gross = value === undefined ? captured - before : toHundredths(value);
  if (gross <= 0n)
    throw issueError('CANNOT_BE_ZERO_OR_NEGATIVE', {
      field: '/amount/value',
      value: formatValue(gross, currency),
    });
  if (before + gross > captured)
    throw refused('REFUND_AMOUNT_EXCEEDED', '/amount/value');

  const id = newResourceId();
  const now = timestamp(core);
  const base = core.baseUrl();
  // PayPal returns the fee pro rata on a partial refund; kept simple and proportional.
  const fee = (paypalFee(captured, currency) * gross) / captured;
  const note = reversal
    ? 'Payment reversed by the buyer’s bank (chargeback)'
    : request.noteToPayer;
  const refund: RefundJson = {
    id,
    amount: money(gross, currency),
    status: 'COMPLETED',
    ...(note !== undefined && {note_to_payer: note}),
    seller_payable_breakdown: {
      gross_amount: money(gross, currency),
      paypal_fee: money(fee, currency),
      net_amount: money(gross - fee, currency),
      total_refunded_amount: money(before + gross, currency),
    },
    ...(request.invoiceId !== undefined && {invoice_id: request.invoiceId}),
    ...(request.customId !== undefined && {custom_id: request.customId}),
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
    refunds: [...(unit.payments?.refunds ?? []), refund],
  };
  capture.status =
    before + gross === captured ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  if (reversal) capture.status_details = {reason: 'CHARGEBACK'};
  capture.update_time = now;
  return refund;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An optional string field of the refund request, within PayPal's lengths. */
function optionalString(
  body: Record<string, unknown>,
  field: string,
  max: number
): string | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw issueError('INVALID_PARAMETER_SYNTAX', {field: `/${field}`});
  if (value.length < 1 || value.length > max)
    throw issueError('INVALID_STRING_LENGTH', {field: `/${field}`, value});
  return value;
}

/** The refund request's body, checked as PayPal checks it (captures.refund-400/-422). */
function readRefundRequest(body: unknown, capture: CaptureJson): RefundRequest {
  if (body === undefined) return {};
  if (!isObject(body)) throw issueError('MALFORMED_REQUEST_JSON');
  if ('payment_instruction' in body)
    throw issueError('NOT_SUPPORTED', {field: '/payment_instruction'});
  const request: RefundRequest = {
    invoiceId: optionalString(body, 'invoice_id', 127),
    customId: optionalString(body, 'custom_id', 127),
    noteToPayer: optionalString(body, 'note_to_payer', 255),
  };
  const {amount} = body;
  if (amount === undefined) return request;
  if (!isObject(amount))
    throw issueError('INVALID_PARAMETER_SYNTAX', {field: '/amount'});
  const {currency_code: currency, value} = amount;
  if (typeof currency !== 'string')
    throw issueError('MISSING_REQUIRED_PARAMETER', {
      field: '/amount/currency_code',
    });
  if (typeof value !== 'string')
    throw issueError('MISSING_REQUIRED_PARAMETER', {field: '/amount/value'});
  if (currency !== capture.amount!.currency_code)
    throw refused('REFUND_CAPTURE_CURRENCY_MISMATCH', '/amount/currency_code');
  if (VALUE_PATTERN.test(value)) {
    if (NO_DECIMAL_CURRENCIES.has(currency) && value.includes('.'))
      throw issueError('DECIMALS_NOT_SUPPORTED', {
        field: '/amount/value',
        value,
      });
    if (decimalPlaces(value) > 2)
      throw issueError('DECIMAL_PRECISION', {field: '/amount/value', value});
  }
  return {...request, value};
}

/** `return=minimal` (PayPal's default): id, status and links. */
function refundView(refund: RefundJson, prefer: string | undefined) {
  return parsePrefer(prefer) === 'representation'
    ? structuredClone(refund)
    : {id: refund.id, status: refund.status, links: refund.links};
}

/** What a repeated PayPal-Request-Id answers: the refund as it is now. */
export function refundReplay(
  core: Core,
  refundId: string,
  prefer: string | undefined
) {
  const refund = findRefund(core, refundId);
  return refund && refundView(refund, prefer);
}

export function paymentRoutes(core: Core) {
  const app = new Hono<Env>();

  app.post('/captures/:id/refund', (c) => {
    const found = findCapture(core, c.req.param('id'));
    const request = readRefundRequest(c.get('body'), found.capture);
    if (
      request.invoiceId !== undefined &&
      (found.unit.payments?.refunds ?? []).some(
        (r) => r.invoice_id === request.invoiceId
      )
    )
      throw refused('DUPLICATE_INVOICE_ID', '/invoice_id');
    const refund = createRefund(core, found, request);
    core.emit(
      'PAYMENT.CAPTURE.REFUNDED',
      'refund',
      structuredClone(refund),
      `A ${amountText(refund.amount)} capture payment was refunded`
    );
    return c.json(refundView(refund, c.req.header('Prefer')), 201);
  });

  app.get('/refunds/:id', (c) => {
    const refund = findRefund(core, c.req.param('id'));
    if (!refund)
      throw new PaypalApiError(404, [
        detail('INVALID_RESOURCE_ID', {
          field: 'refund_id',
          value: c.req.param('id'),
          location: 'path',
        }),
      ]);
    return c.json(structuredClone(refund));
  });

  app.get('/captures/:id', (c) => {
    const {record, capture} = findCapture(core, c.req.param('id'));
    return c.json(captureResource(record.order.id!, capture));
  });

  return app;
}
