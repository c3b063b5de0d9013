/**
 * Refunding a PayPal order: Payments v2 refunds its capture
 * (developer.paypal.com/docs/api/payments/v2/#captures_refund). The order keeps its PayPal
 * order's id, not the capture's: the capture is read from the PayPal order first. Its
 * PayPal-Request-Id is our refund's own key, so a retry answers the same refund.
 */
import {ApiError} from '../../errors.js';
import type {Order} from '../../orders/order.js';
import type {ProviderRefund} from '../gateway.js';
import {captureOf} from './events.js';
import {fromPaypalValue, toPaypalValue} from './money.js';
import {paypalApiError} from './orders.js';
import type {PaypalClient, PaypalError, PaypalRefund} from './types.js';

/** Capture statuses a refund can be asked of. */
const REFUNDABLE = new Set(['COMPLETED', 'PARTIALLY_REFUNDED']);

// captures.refund-422 in PayPal's specification (payments_payment_v2.json): the issues that
// mean this payment cannot be refunded (any more, or yet).
const NOT_REFUNDABLE_ISSUES = [
  'CAPTURE_FULLY_REFUNDED',
  'REFUND_NOT_ALLOWED',
  'REFUND_TIME_LIMIT_EXCEEDED',
  'PENDING_CAPTURE',
  'PARTIAL_REFUND_NOT_ALLOWED',
  'TRANSACTION_DISPUTED',
  'REFUND_NOT_PERMITTED_DUE_TO_CHARGEBACK',
  'MAX_NUMBER_OF_REFUNDS_EXCEEDED',
];

const notRefundable = () =>
  new ApiError(
    409,
    'order_not_refundable',
    'The payment provider says this payment cannot be refunded.'
  );

/**
 * A failed refund call in the contract's terms. A 409 is PayPal's "a previous call with this
 * PayPal-Request-Id is in progress": no answer yet, so the outcome is unknown.
 */
export function paypalRefundError(error: PaypalError): ApiError {
  if (error.has('REFUND_AMOUNT_EXCEEDED'))
    return new ApiError(
      422,
      'refund_amount_too_large',
      'The payment provider says less is left to refund.'
    );
  if (NOT_REFUNDABLE_ISSUES.some((issue) => error.has(issue)))
    return notRefundable();
  if (error.status === 409)
    return new ApiError(
      503,
      'provider_unavailable',
      'The payment provider is still answering an earlier request; please try again.'
    );
  return paypalApiError(error);
}

const STATUSES: Readonly<Record<string, ProviderRefund['status']>> = {
  COMPLETED: 'succeeded',
  PENDING: 'pending',
  FAILED: 'failed',
  CANCELLED: 'failed',
};

/** Refunds `amount` of the order's capture; throws an ApiError (PaypalError mapped). */
export async function refundPaypalOrder(
  client: PaypalClient,
  order: Order,
  amount: number,
  requestId: string
): Promise<ProviderRefund> {
  if (!order.providerPaymentId) throw notRefundable();
  const value = toPaypalValue(amount, order.currency);
  if (value === undefined)
    throw new ApiError(
      400,
      'invalid_request',
      `PayPal cannot refund ${amount} minor units of ${order.currency.toUpperCase()} exactly.`
    );
  const capture = captureOf(await client.getOrder(order.providerPaymentId));
  if (!capture || !REFUNDABLE.has(capture.status)) throw notRefundable();
  const refund: PaypalRefund = await client.refundCapture(
    capture.id,
    {
      amount: {value, currency_code: order.currency.toUpperCase()},
      custom_id: order.id,
    },
    requestId
  );
  const total = refund.seller_payable_breakdown?.total_refunded_amount;
  const amountRefunded =
    total && total.currency_code.toLowerCase() === order.currency
      ? fromPaypalValue(total.value, total.currency_code)
      : undefined;
  return {
    refundId: refund.id,
    status: STATUSES[refund.status] ?? 'pending',
    ...(amountRefunded !== undefined && {amountRefunded}),
  };
}
