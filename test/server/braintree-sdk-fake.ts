/**
 * The official SDK's gateway with its transaction and client-token calls answered in memory,
 * in the result shapes the SDK resolves (success: false for declines, rejections and
 * validation errors; rejections with `.type` for transport failures). For the route and
 * refund logic; the SDK's own wire format is exercised against the emulator
 * (braintree-emulator.test.ts) and its webhook signing by braintree-webhooks.test.ts.
 */
import {Readable} from 'node:stream';
import type {BraintreeProvider} from '../../server/providers/braintree/client.js';

export interface FakeTransaction {
  id: string;
  type: 'sale' | 'credit';
  status: string;
  amount: string;
  currencyIsoCode: string;
  orderId?: string;
  merchantAccountId: string;
  deviceData?: string;
  processorResponseCode?: string;
  processorResponseType?: string;
  gatewayRejectionReason?: string;
  refundIds: string[];
  refundedTransactionId?: string;
}

export interface FakeBraintree {
  transactions: Map<string, FakeTransaction>;
  /** Every sale's attributes, as our gateway passed them to the SDK. */
  sales: Record<string, unknown>[];
  calls: string[];
  /** The next sale rejects with this SDK error type; `made`: Braintree made it all the same. */
  failNextSale?: {type: string; made: boolean};
  /** The next refund is made, but its answer is lost (the call rejects as a dropped connection). */
  loseNextRefundAnswer?: boolean;
  /** The next call of any kind rejects with this SDK error type. */
  failNext?: string;
  settle(id: string): void;
}

const CURRENCIES: Record<string, string> = {
  unit_usd: 'USD',
  unit_eur: 'EUR',
  unit_jpy: 'JPY',
};

const validation = (code: string, message: string) => ({
  success: false,
  message,
  params: {},
  errors: {deepErrors: () => [{code, attribute: 'base', message}]},
});

export function fakeBraintree(provider: BraintreeProvider): FakeBraintree {
  let next = 0;
  const fake: FakeBraintree = {
    transactions: new Map(),
    sales: [],
    calls: [],
    settle(id) {
      fake.transactions.get(id)!.status = 'settled';
    },
  };
  const failing = () => {
    const type = fake.failNext;
    fake.failNext = undefined;
    return type
      ? Promise.reject(Object.assign(new Error(type), {type}))
      : undefined;
  };
  const t = provider.client.transaction as unknown as Record<string, unknown>;

  t.sale = async (attributes: Record<string, unknown>) => {
    fake.calls.push('sale');
    fake.sales.push(attributes);
    const fault = fake.failNextSale;
    fake.failNextSale = undefined;
    const nonce = attributes.paymentMethodNonce;
    if (nonce === 'fake-consumed-nonce' && !fault)
      return validation(
        '91564',
        'Cannot use a payment_method_nonce more than once.'
      );
    const transaction: FakeTransaction = {
      id: `bt_${++next}`,
      type: 'sale',
      status: 'submitted_for_settlement',
      amount: attributes.amount as string,
      currencyIsoCode:
        CURRENCIES[attributes.merchantAccountId as string] ?? 'USD',
      orderId: attributes.orderId as string,
      merchantAccountId: attributes.merchantAccountId as string,
      deviceData: attributes.deviceData as string | undefined,
      processorResponseCode: '1000',
      processorResponseType: 'approved',
      refundIds: [],
    };
    const amount = Number(attributes.amount);
    if (
      nonce === 'fake-processor-declined-visa-nonce' ||
      (amount >= 2000 && amount < 3000)
    ) {
      transaction.status = 'processor_declined';
      transaction.processorResponseCode =
        amount >= 2000 && amount < 3000 ? String(Math.floor(amount)) : '2000';
      transaction.processorResponseType = 'soft_declined';
    } else if (nonce === 'fake-gateway-rejected-fraud-nonce') {
      transaction.status = 'gateway_rejected';
      transaction.gatewayRejectionReason = 'fraud';
    }
    fake.transactions.set(transaction.id, transaction);
    if (fault) {
      if (!fault.made) fake.transactions.delete(transaction.id);
      throw Object.assign(new Error(fault.type), {type: fault.type});
    }
    if (transaction.status !== 'submitted_for_settlement')
      return {
        success: false,
        message:
          transaction.status === 'processor_declined'
            ? 'Do Not Honor'
            : 'Gateway Rejected: fraud',
        params: {},
        errors: {deepErrors: () => []},
        transaction: {...transaction},
      };
    return {success: true, transaction: {...transaction}};
  };

  t.find = async (id: string) => {
    fake.calls.push(`find ${id}`);
    await failing();
    const transaction = fake.transactions.get(id);
    if (!transaction)
      throw Object.assign(new Error('Not Found'), {type: 'notFoundError'});
    return {...transaction};
  };

  t.search = (build: (search: unknown) => void) => {
    fake.calls.push('search');
    let orderId: string | undefined;
    build({orderId: () => ({is: (value: string) => (orderId = value)})});
    if (fake.failNext) {
      const stream = new Readable({objectMode: true, read() {}});
      const type = fake.failNext;
      fake.failNext = undefined;
      process.nextTick(() =>
        stream.destroy(Object.assign(new Error(type), {type}))
      );
      return stream;
    }
    return Readable.from(
      [...fake.transactions.values()]
        .filter((tx) => tx.orderId === orderId)
        .map((tx) => ({...tx}))
    );
  };

  t.void = async (id: string) => {
    fake.calls.push(`void ${id}`);
    await failing();
    const transaction = fake.transactions.get(id)!;
    if (
      !['authorized', 'submitted_for_settlement'].includes(transaction.status)
    )
      return validation(
        '91504',
        'Transaction can only be voided if status is authorized or submitted_for_settlement.'
      );
    transaction.status = 'voided';
    return {success: true, transaction: {...transaction}};
  };

  t.refund = async (
    id: string,
    options: {amount: string; orderId?: string}
  ) => {
    fake.calls.push(`refund ${id} ${options.amount}`);
    await failing();
    const sale = fake.transactions.get(id)!;
    if (!['settled', 'settling'].includes(sale.status))
      return validation(
        '91506',
        'Cannot refund transaction unless it is settled.'
      );
    const refunded = sale.refundIds.reduce(
      (sum, refundId) => sum + Number(fake.transactions.get(refundId)!.amount),
      0
    );
    if (Number(options.amount) > Number(sale.amount) - refunded + 1e-9)
      return validation('91521', 'Refund amount is too large.');
    const credit: FakeTransaction = {
      id: `bt_${++next}`,
      type: 'credit',
      status: 'submitted_for_settlement',
      amount: options.amount,
      currencyIsoCode: sale.currencyIsoCode,
      orderId: options.orderId,
      merchantAccountId: sale.merchantAccountId,
      refundIds: [],
      refundedTransactionId: sale.id,
    };
    fake.transactions.set(credit.id, credit);
    sale.refundIds.push(credit.id);
    if (fake.loseNextRefundAnswer) {
      fake.loseNextRefundAnswer = false;
      throw Object.assign(new Error('socket hang up'), {
        type: 'unexpectedError',
      });
    }
    return {success: true, transaction: {...credit}};
  };

  (provider.client.clientToken as unknown as Record<string, unknown>).generate =
    async (request: {merchantAccountId?: string}) => {
      fake.calls.push(`clientToken ${request.merchantAccountId}`);
      await failing();
      return {
        success: true,
        clientToken: Buffer.from(
          JSON.stringify({
            version: 2,
            authorizationFingerprint: 'fp',
            merchantAccountId: request.merchantAccountId,
          })
        ).toString('base64'),
      };
    };
  return fake;
}
