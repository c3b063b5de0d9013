/**
 * Refunding a Braintree sale. Before settlement Braintree refunds nothing (validation error
 * 91506): the whole amount is given back by voiding the sale, and a part can be refunded once
 * it has settled. After settlement, `transaction.refund(id, {amount, orderId})` makes a credit
 * transaction. Braintree has no idempotency key: the refund carries our key as its `orderId`,
 * and a retry first looks among the sale's refunds for one with that key.
 * developer.paypal.com/braintree/docs/reference/request/transaction/refund/node and …/void/node
 */
import type braintree from 'braintree';
import {ApiError} from '../../errors.js';
import type {Logger} from '../../log.js';
import type {Order} from '../../orders/order.js';
import type {ProviderRefund} from '../gateway.js';
import {
  braintreeCallError,
  type FailedSale,
  validationCodes,
} from './declines.js';
import {fromBraintreeAmount, toBraintreeAmount} from './money.js';
import {
  type BraintreeTransactionFields,
  REFUSED,
  VOIDABLE,
} from './transactions.js';

const notRefundable = (
  message = 'The payment provider says this payment cannot be refunded.'
) => new ApiError(409, 'order_not_refundable', message);

/** Refund validation codes (validation_error_codes.js) in the contract's terms. */
function refundError(codes: string[]): ApiError {
  if (codes.includes('91521'))
    return new ApiError(
      422,
      'refund_amount_too_large',
      'The payment provider says less is left to refund.'
    );
  // 91506 not settled, 91512 refunded already, 91504 cannot be voided, 91505 a credit,
  // 91573 a disputed sale (chargeback).
  if (
    ['91506', '91512', '91504', '91505', '91573'].some((code) =>
      codes.includes(code)
    )
  )
    return notRefundable();
  return new ApiError(
    502,
    'provider_error',
    'The payment provider refused the refund.'
  );
}

function refundStatus(status: unknown): ProviderRefund['status'] {
  if (typeof status === 'string' && REFUSED.has(status)) return 'failed';
  return 'succeeded';
}

export async function refundBraintreeTransaction(
  client: braintree.BraintreeGateway,
  logger: Logger,
  order: Order,
  amount: number,
  key: string
): Promise<ProviderRefund> {
  const transactionId = order.providerPaymentId;
  if (!transactionId) throw notRefundable('The order has no payment.');
  const log = (error: unknown, what: string) =>
    logger.warn(
      {
        orderId: order.id,
        error: (error as {type?: string}).type ?? (error as Error).name,
      },
      what
    );
  let sale: BraintreeTransactionFields;
  try {
    sale = (await client.transaction.find(
      transactionId
    )) as BraintreeTransactionFields;
  } catch (error) {
    log(error, 'reading the Braintree sale to refund failed');
    if ((error as {type?: string}).type === 'notFoundError')
      throw notRefundable();
    throw braintreeCallError(error);
  }
  const status = typeof sale.status === 'string' ? sale.status : '';
  const saleAmount = fromBraintreeAmount(sale.amount, order.currency);

  // Voided already (a retry of our void, whose answer was lost): the whole amount is back.
  if (status === 'voided')
    return {
      refundId: transactionId,
      status: 'succeeded',
      amountRefunded: saleAmount ?? amount,
    };

  if (VOIDABLE.has(status)) {
    if (amount !== saleAmount)
      throw notRefundable(
        'The payment has not settled yet: it can be refunded in full now (a void), or in part once it settles (usually within a day).'
      );
    let result;
    try {
      result = await client.transaction.void(transactionId);
    } catch (error) {
      log(error, 'voiding the Braintree sale failed');
      throw braintreeCallError(error);
    }
    if (!result.success) {
      const codes = validationCodes(result as unknown as FailedSale);
      logger.warn({orderId: order.id, codes}, 'Braintree refused the void');
      throw refundError(codes);
    }
    return {
      refundId: transactionId,
      status: 'succeeded',
      amountRefunded: amount,
    };
  }

  // A retry of a refund whose answer was lost: the credit already made under this key.
  const orderId = key.slice(0, 255);
  const refundIds = Array.isArray(sale.refundIds)
    ? (sale.refundIds as unknown[])
    : [];
  for (const refundId of refundIds) {
    if (typeof refundId !== 'string') continue;
    try {
      const credit = (await client.transaction.find(
        refundId
      )) as BraintreeTransactionFields;
      if (credit.orderId === orderId)
        return {refundId, status: refundStatus(credit.status)};
    } catch (error) {
      log(error, 'reading an earlier Braintree refund failed');
      throw braintreeCallError(error);
    }
  }

  let result;
  try {
    result = await client.transaction.refund(
      transactionId,
      // The SDK takes an options object as well as an amount string (transaction_gateway.js).
      {
        amount: toBraintreeAmount(amount, order.currency),
        orderId,
      } as unknown as string
    );
  } catch (error) {
    log(error, 'refunding through Braintree failed');
    throw braintreeCallError(error);
  }
  if (!result.success) {
    const failed = result as unknown as FailedSale;
    const credit = failed.transaction;
    if (credit && typeof credit.id === 'string')
      return {refundId: credit.id, status: 'failed'};
    const codes = validationCodes(failed);
    logger.warn({orderId: order.id, codes}, 'Braintree refused the refund');
    throw refundError(codes);
  }
  const credit = result.transaction as BraintreeTransactionFields;
  return {refundId: String(credit.id), status: refundStatus(credit.status)};
}
