/**
 * The JSON objects the emulator answers with. Each is a `Pick` of the official `stripe`
 * package's type (types only; nothing from it runs here), so a field we emit has exactly the
 * name and type the real API gives it.
 */
import type Stripe from 'stripe';

export type PaymentIntentStatus = Stripe.PaymentIntent.Status;

export type PaymentIntentJson = Pick<
  Stripe.PaymentIntent,
  | 'id'
  | 'object'
  | 'allowed_payment_method_types'
  | 'amount'
  | 'amount_capturable'
  | 'amount_received'
  | 'application'
  | 'application_fee_amount'
  | 'automatic_payment_methods'
  | 'canceled_at'
  | 'cancellation_reason'
  | 'capture_method'
  | 'client_secret'
  | 'confirmation_method'
  | 'created'
  | 'currency'
  | 'customer'
  | 'description'
  | 'last_payment_error'
  | 'latest_charge'
  | 'livemode'
  | 'metadata'
  | 'next_action'
  | 'on_behalf_of'
  | 'payment_method'
  | 'payment_method_configuration_details'
  | 'payment_method_options'
  | 'payment_method_types'
  | 'processing'
  | 'receipt_email'
  | 'review'
  | 'setup_future_usage'
  | 'shipping'
  | 'source'
  | 'statement_descriptor'
  | 'statement_descriptor_suffix'
  | 'status'
  | 'transfer_data'
  | 'transfer_group'
>;

export type PaymentMethodJson = Pick<
  Stripe.PaymentMethod,
  | 'id'
  | 'object'
  | 'allow_redisplay'
  | 'billing_details'
  | 'card'
  | 'created'
  | 'customer'
  | 'livemode'
  | 'metadata'
  | 'type'
>;

/** The card part of a charge's `payment_method_details` (a subset of Stripe's fields). */
export interface ChargeCardDetails {
  amount_authorized: number | null;
  brand: string;
  checks: Stripe.PaymentMethod.Card.Checks | null;
  country: string | null;
  exp_month: number;
  exp_year: number;
  fingerprint: string | null;
  funding: string;
  last4: string;
  network: string;
  three_d_secure: {
    authentication_flow: string;
    result: string;
    version: string;
  } | null;
  wallet: null;
}

export type ChargeJson = Pick<
  Stripe.Charge,
  | 'id'
  | 'object'
  | 'amount'
  | 'amount_captured'
  | 'amount_refunded'
  | 'application'
  | 'application_fee'
  | 'application_fee_amount'
  | 'balance_transaction'
  | 'billing_details'
  | 'calculated_statement_descriptor'
  | 'captured'
  | 'created'
  | 'currency'
  | 'customer'
  | 'description'
  | 'disputed'
  | 'failure_balance_transaction'
  | 'failure_code'
  | 'failure_message'
  | 'fraud_details'
  | 'livemode'
  | 'metadata'
  | 'on_behalf_of'
  | 'outcome'
  | 'paid'
  | 'payment_intent'
  | 'payment_method'
  | 'receipt_email'
  | 'receipt_number'
  | 'receipt_url'
  | 'refunded'
  | 'review'
  | 'shipping'
  | 'source_transfer'
  | 'statement_descriptor'
  | 'statement_descriptor_suffix'
  | 'status'
  | 'transfer_data'
  | 'transfer_group'
> & {
  payment_method_details: {type: 'card'; card: ChargeCardDetails};
  refunds: ListJson<RefundJson>;
};

export type RefundJson = Pick<
  Stripe.Refund,
  | 'id'
  | 'object'
  | 'amount'
  | 'balance_transaction'
  | 'charge'
  | 'created'
  | 'currency'
  | 'metadata'
  | 'payment_intent'
  | 'reason'
  | 'receipt_number'
  | 'source_transfer_reversal'
  | 'status'
  | 'transfer_reversal'
>;

export type DisputeJson = Pick<
  Stripe.Dispute,
  | 'id'
  | 'object'
  | 'amount'
  | 'charge'
  | 'created'
  | 'currency'
  | 'is_charge_refundable'
  | 'livemode'
  | 'metadata'
  | 'payment_intent'
  | 'reason'
  | 'status'
> & {
  balance_transactions: [];
  evidence_details: {
    due_by: number | null;
    has_evidence: boolean;
    past_due: boolean;
    submission_count: number;
  };
};

export interface ListJson<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  total_count?: number;
  url: string;
}

export type EventObjectJson =
  PaymentIntentJson | ChargeJson | RefundJson | DisputeJson;

export interface EventJson {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: {
    object: EventObjectJson;
    previous_attributes?: Record<string, unknown>;
  };
  livemode: false;
  pending_webhooks: number;
  request: {id: string | null; idempotency_key: string | null};
  type: string;
}

/** Who made an API call, and which request it was (Stripe stamps it on the events it causes). */
export interface RequestInfo {
  id: string | null;
  idempotencyKey: string | null;
}
