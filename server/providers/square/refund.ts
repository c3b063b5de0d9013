/**
 * Refunds with Square (developer.squareup.com/reference/square/refunds-api): RefundPayment
 * under our refund's own key, and what a payment has had refunded in all once one completes.
 * Failed calls are thrown as the SDK throws them; the gateway maps and logs them.
 */
import type {Square, SquareClient} from 'square';
import {ApiError} from '../../errors.js';
import type {Order} from '../../orders/order.js';
import type {ProviderRefund} from '../gateway.js';
import {squareKey} from './client.js';
import {paymentView, refundView, type SquareRefundView} from './events.js';

const REFUND_STATUSES: Readonly<Record<string, ProviderRefund['status']>> = {
  COMPLETED: 'succeeded',
  PENDING: 'pending',
  REJECTED: 'failed',
  FAILED: 'failed',
};

/** Refunds `amount` minor units of the order's payment; Square answers PENDING, mostly. */
export async function refundSquarePayment(
  client: SquareClient,
  order: Order,
  amount: number,
  key: string
): Promise<ProviderRefund> {
  const paymentId = order.providerPaymentId;
  if (!paymentId)
    throw new ApiError(
      409,
      'order_not_refundable',
      'The order has no payment.'
    );
  const {refund} = await client.refunds.refundPayment({
    // Our refund's own key, within Square's 45 characters: a retry asks for the same refund.
    idempotencyKey: squareKey(key),
    paymentId,
    amountMoney: {
      amount: BigInt(amount),
      currency: order.currency.toUpperCase() as Square.Currency,
    },
  });
  const view = refund && refundView(refund as never, 'camel');
  if (!view || 'problem' in view)
    // The refund may exist: unknown, so the amount stays reserved and the key asks again.
    throw new ApiError(
      503,
      'provider_unavailable',
      'The payment provider answered the refund without one; please try again.'
    );
  return {
    refundId: view.id,
    status: REFUND_STATUSES[view.status] ?? 'pending',
  };
}

/**
 * What the payment has had refunded in all, once a refund completed: Square's refund events
 * carry only their own amount, so the payment's refunds are read and the COMPLETED ones in
 * the order's currency added up (a cumulative amount, harmless when replayed or reordered).
 */
export async function completedRefunds(
  client: SquareClient,
  order: Order,
  refund: SquareRefundView
): Promise<number> {
  const {payment} = await client.payments.get({paymentId: refund.paymentId});
  const view = payment && paymentView(payment as never, 'camel');
  const ids = new Set(view && !('problem' in view) ? view.refundIds : []);
  ids.add(refund.id);
  let total = 0;
  for (const id of ids) {
    const other =
      id === refund.id
        ? refund
        : refundView(
            ((await client.refunds.get({refundId: id})).refund ?? {}) as never,
            'camel'
          );
    if (
      !('problem' in other) &&
      other.status === 'COMPLETED' &&
      other.amount !== undefined &&
      other.currency?.toLowerCase() === order.currency
    )
      total += other.amount;
  }
  return total;
}
