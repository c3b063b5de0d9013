/**
 * Charges: one per payment attempt that reached the card network, successful or failed (a
 * PaymentIntent's `latest_charge` points at the latest). Refunds and disputes change them.
 */
import {Hono} from 'hono';
import type {Env} from '../api/context.js';
import {noSuch} from '../api/errors.js';
import {checkParams} from '../api/params.js';
import {newId} from '../core/ids.js';
import {seconds, type Core, type PaymentMethodRecord} from '../core/state.js';
import type {Decline} from '../core/test-cards.js';
import type {ChargeJson, PaymentIntentJson} from '../core/types.js';

function outcome(decline: Decline | null): ChargeJson['outcome'] {
  const common = {
    advice_code: null,
    network_advice_code: null,
    network_decline_code: null,
  };
  if (!decline) {
    return {
      ...common,
      network_status: 'approved_by_network',
      reason: null,
      risk_level: 'normal',
      risk_score: 20,
      seller_message: 'Payment complete.',
      type: 'authorized',
    };
  }
  return {
    ...common,
    network_status: 'declined_by_network',
    reason: decline.declineCode,
    risk_level: 'normal',
    risk_score: 20,
    seller_message:
      decline.declineCode === 'generic_decline'
        ? 'The bank did not return any further details with this decline.'
        : `The bank returned the decline code \`${decline.declineCode}\`.`,
    type: 'issuer_declined',
  };
}

export function createCharge(
  core: Core,
  intent: PaymentIntentJson,
  paymentMethod: PaymentMethodRecord,
  decline: Decline | null,
  authenticated: boolean
): ChargeJson {
  const id = newId('ch');
  const succeeded = decline === null;
  const card = paymentMethod.method.card!;
  const charge: ChargeJson = {
    id,
    object: 'charge',
    amount: intent.amount,
    amount_captured: succeeded ? intent.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: succeeded ? newId('txn') : null,
    billing_details: structuredClone(paymentMethod.method.billing_details),
    calculated_statement_descriptor:
      intent.statement_descriptor ?? 'STRIPE EMULATOR',
    captured: succeeded,
    created: seconds(core),
    currency: intent.currency,
    customer: null,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: decline?.code ?? null,
    failure_message: decline?.message ?? null,
    fraud_details: {},
    livemode: false,
    // Stripe copies the PaymentIntent's metadata onto its charges.
    metadata: {...intent.metadata},
    on_behalf_of: null,
    outcome: outcome(decline),
    paid: succeeded,
    payment_intent: intent.id,
    payment_method: paymentMethod.method.id,
    payment_method_details: {
      type: 'card',
      card: {
        amount_authorized: succeeded ? intent.amount : null,
        brand: card.brand,
        checks: card.checks,
        country: card.country,
        exp_month: card.exp_month,
        exp_year: card.exp_year,
        fingerprint: card.fingerprint ?? null,
        funding: card.funding,
        last4: card.last4,
        network: card.brand,
        three_d_secure: authenticated
          ? {
              authentication_flow: 'challenge',
              result: 'authenticated',
              version: '2.2.0',
            }
          : null,
        wallet: null,
      },
    },
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    refunds: {
      object: 'list',
      data: [],
      has_more: false,
      total_count: 0,
      url: `/v1/charges/${id}/refunds`,
    },
    review: null,
    shipping: structuredClone(intent.shipping),
    source_transfer: null,
    statement_descriptor: intent.statement_descriptor,
    statement_descriptor_suffix: intent.statement_descriptor_suffix,
    status: succeeded ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: null,
  };
  core.state.charges.set(id, charge);
  return charge;
}

export function findCharge(core: Core, id: string, param?: string): ChargeJson {
  const charge = core.state.charges.get(id);
  if (!charge) throw noSuch('charge', id, param);
  return charge;
}

export function chargeRoutes(core: Core) {
  const app = new Hono<Env>();
  app.get('/:id', (c) => {
    checkParams(c.get('params'), {expand: 'list'});
    return c.json(findCharge(core, c.req.param('id')));
  });
  return app;
}
