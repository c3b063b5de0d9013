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
interface ChargeCardDetails {
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

type CheckoutSessionStatus = 'open' | 'complete' | 'expired';
type CheckoutPaymentStatus = 'paid' | 'unpaid' | 'no_payment_required';

/** A Checkout Session in `payment` mode, as `GET /v1/checkout/sessions/:id` answers it. */
export type CheckoutSessionJson = Pick<
  Stripe.Checkout.Session,
  | 'id'
  | 'object'
  | 'adaptive_pricing'
  | 'after_expiration'
  | 'allow_promotion_codes'
  | 'allowed_payment_method_types'
  | 'amount_subtotal'
  | 'amount_total'
  | 'automatic_tax'
  | 'billing_address_collection'
  | 'cancel_url'
  | 'client_reference_id'
  | 'client_secret'
  | 'collected_information'
  | 'consent'
  | 'consent_collection'
  | 'created'
  | 'currency'
  | 'currency_conversion'
  | 'custom_fields'
  | 'custom_text'
  | 'customer'
  | 'customer_account'
  | 'customer_creation'
  | 'customer_details'
  | 'customer_email'
  | 'discounts'
  | 'expires_at'
  | 'integration_identifier'
  | 'invoice'
  | 'invoice_creation'
  | 'livemode'
  | 'locale'
  | 'managed_payments'
  | 'metadata'
  | 'mode'
  | 'origin_context'
  | 'payment_intent'
  | 'payment_link'
  | 'payment_method_collection'
  | 'payment_method_configuration_details'
  | 'payment_method_options'
  | 'payment_method_types'
  | 'permissions'
  | 'phone_number_collection'
  | 'recovered_from'
  | 'saved_payment_method_options'
  | 'setup_intent'
  | 'shipping_address_collection'
  | 'shipping_cost'
  | 'shipping_options'
  | 'submit_type'
  | 'subscription'
  | 'success_url'
  | 'total_details'
  | 'ui_mode'
  | 'url'
  | 'wallet_options'
> & {
  status: CheckoutSessionStatus;
  payment_status: CheckoutPaymentStatus;
};

/** A Coupon (`POST /v1/coupons`), applied to Checkout Sessions through `discounts[][coupon]`. */
export type CouponJson = Pick<
  Stripe.Coupon,
  | 'id'
  | 'object'
  | 'amount_off'
  | 'created'
  | 'currency'
  | 'duration'
  | 'duration_in_months'
  | 'livemode'
  | 'max_redemptions'
  | 'metadata'
  | 'name'
  | 'percent_off'
  | 'redeem_by'
  | 'times_redeemed'
  | 'valid'
>;

/** A TaxRate (`POST /v1/tax_rates`), applied to line items through `tax_rates`. */
export type TaxRateJson = Pick<
  Stripe.TaxRate,
  | 'id'
  | 'object'
  | 'active'
  | 'country'
  | 'created'
  | 'description'
  | 'display_name'
  | 'effective_percentage'
  | 'flat_amount'
  | 'inclusive'
  | 'jurisdiction'
  | 'jurisdiction_level'
  | 'livemode'
  | 'metadata'
  | 'percentage'
  | 'rate_type'
  | 'state'
  | 'tax_type'
>;

/** A fixed-amount ShippingRate, made from a session's `shipping_rate_data`. */
export type ShippingRateJson = Pick<
  Stripe.ShippingRate,
  | 'id'
  | 'object'
  | 'active'
  | 'created'
  | 'delivery_estimate'
  | 'display_name'
  | 'fixed_amount'
  | 'livemode'
  | 'metadata'
  | 'tax_behavior'
  | 'tax_code'
  | 'type'
>;

export type ProductJson = Pick<
  Stripe.Product,
  | 'id'
  | 'object'
  | 'active'
  | 'created'
  | 'description'
  | 'images'
  | 'livemode'
  | 'marketing_features'
  | 'metadata'
  | 'name'
  | 'package_dimensions'
  | 'shippable'
  | 'tax_code'
  | 'type'
  | 'unit_label'
  | 'updated'
  | 'url'
>;

/** A one-time Price made from `price_data` (inline prices are created inactive, as at Stripe). */
type PriceJson = Pick<
  Stripe.Price,
  | 'id'
  | 'object'
  | 'active'
  | 'billing_scheme'
  | 'created'
  | 'currency'
  | 'custom_unit_amount'
  | 'livemode'
  | 'lookup_key'
  | 'metadata'
  | 'nickname'
  | 'recurring'
  | 'tax_behavior'
  | 'tiers_mode'
  | 'transform_quantity'
  | 'type'
  | 'unit_amount'
> & {
  product: string | ProductJson;
  /** A string on the wire; stripe-node turns it into its `Decimal`. */
  unit_amount_decimal: string | null;
};

export type LineItemJson = Pick<
  Stripe.LineItem,
  | 'id'
  | 'object'
  | 'adjustable_quantity'
  | 'amount_discount'
  | 'amount_subtotal'
  | 'amount_tax'
  | 'amount_total'
  | 'currency'
  | 'description'
  | 'metadata'
  | 'quantity'
> & {price: PriceJson};

export interface ListJson<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  total_count?: number;
  url: string;
}

export type EventObjectJson =
  | PaymentIntentJson
  | ChargeJson
  | RefundJson
  | DisputeJson
  | CheckoutSessionJson;

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
