/**
 * `/v1/refunds`: full or partial refunds of a successful charge, named directly or through its
 * PaymentIntent. Card refunds succeed at once in test mode; the charge's `amount_refunded`,
 * `refunded` and `refunds` follow, and `refund.created` and `charge.refunded` are sent.
 */
import {Hono} from 'hono';
import {formatAmount, readAmount} from '../api/amounts.js';
import {requestInfo, type Env} from '../api/context.js';
import {invalidParams, invalidRequest, noSuch} from '../api/errors.js';
import {
  checkParams,
  readEnum,
  readMetadata,
  readString,
} from '../api/params.js';
import {findCharge} from '../charges/charges.js';
import {newId} from '../core/ids.js';
import {seconds, type Core} from '../core/state.js';
import type {ChargeJson, RefundJson} from '../core/types.js';

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;

function chargeToRefund(
  core: Core,
  paymentIntentId: string | null | undefined,
  chargeId: string | null | undefined
) {
  if (paymentIntentId && chargeId) {
    throw invalidParams(
      'You may only specify one of these parameters: charge, payment_intent.',
      'payment_intent'
    );
  }
  if (chargeId) return findCharge(core, chargeId, 'charge');
  if (!paymentIntentId) {
    throw invalidParams(
      'One of the following params should be provided for this request: payment_intent or charge.'
    );
  }
  const record = core.state.intents.get(paymentIntentId);
  if (!record)
    throw noSuch('payment_intent', paymentIntentId, 'payment_intent');
  const chargeOfIntent = record.intent.latest_charge;
  if (
    record.intent.status !== 'succeeded' ||
    typeof chargeOfIntent !== 'string'
  ) {
    throw invalidRequest(
      `This PaymentIntent (${paymentIntentId}) does not have a successful charge to refund.`,
      {param: 'payment_intent'}
    );
  }
  return findCharge(core, chargeOfIntent, 'payment_intent');
}

function checkRefundable(charge: ChargeJson, amount: number) {
  if (charge.status !== 'succeeded') {
    throw invalidRequest(
      `Charge ${charge.id} cannot be refunded because it has not succeeded.`,
      {
        code: 'charge_not_refundable',
      }
    );
  }
  if (charge.disputed) {
    throw invalidRequest(
      `Charge ${charge.id} has been charged back; cannot issue a refund.`,
      {
        code: 'charge_disputed',
      }
    );
  }
  if (charge.refunded) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: 'charge_already_refunded',
    });
  }
  const remaining = charge.amount - charge.amount_refunded;
  if (amount > remaining) {
    const requested = formatAmount(amount, charge.currency);
    throw invalidRequest(
      charge.amount_refunded === 0
        ? `Refund amount (${requested}) is greater than charge amount (${formatAmount(charge.amount, charge.currency)})`
        : `Refund amount (${requested}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
      {param: 'amount', code: 'amount_too_large'}
    );
  }
}

export function refundRoutes(core: Core) {
  const app = new Hono<Env>();

  app.post('/', (c) => {
    const params = c.get('params');
    checkParams(
      params,
      {
        payment_intent: true,
        charge: true,
        amount: true,
        reason: true,
        metadata: 'map',
        expand: 'list',
      },
      [
        'currency',
        'customer',
        'instructions_email',
        'origin',
        'refund_application_fee',
        'reverse_transfer',
      ]
    );
    const amountParam = readAmount(params);
    const reason = readEnum(params, 'reason', REASONS) ?? null;
    const metadata = readMetadata(params) ?? {};
    const charge = chargeToRefund(
      core,
      readString(params, 'payment_intent'),
      readString(params, 'charge')
    );
    const amount = amountParam ?? charge.amount - charge.amount_refunded;
    checkRefundable(charge, amount);

    const refund: RefundJson = {
      id: newId('re'),
      object: 'refund',
      amount,
      balance_transaction: newId('txn'),
      charge: charge.id,
      created: seconds(core),
      currency: charge.currency,
      metadata,
      payment_intent: charge.payment_intent,
      reason,
      receipt_number: null,
      source_transfer_reversal: null,
      status: 'succeeded',
      transfer_reversal: null,
    };
    core.state.refunds.set(refund.id, refund);

    const previous = {
      amount_refunded: charge.amount_refunded,
      refunded: charge.refunded,
    };
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    charge.refunds.data.unshift(structuredClone(refund));
    charge.refunds.total_count = charge.refunds.data.length;

    const request = requestInfo(c);
    core.emit('refund.created', refund, request);
    core.emit('charge.refunded', charge, request, previous);
    return c.json(refund);
  });

  app.get('/:id', (c) => {
    checkParams(c.get('params'), {expand: 'list'});
    const refund = core.state.refunds.get(c.req.param('id'));
    if (!refund) throw noSuch('refund', c.req.param('id'));
    return c.json(refund);
  });

  return app;
}
