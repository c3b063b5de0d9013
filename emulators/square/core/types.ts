/**
 * The objects as Square sends them: snake_case JSON, amounts as integers in the currency's
 * smallest unit (api.json `Payment`, `PaymentRefund`, `Dispute`, the webhook events). Only the
 * fields the emulator fills are typed; the rest of Square's optional fields are left out.
 */

export interface Money {
  amount: number;
  currency: string;
}

export type PaymentStatus =
  'APPROVED' | 'PENDING' | 'COMPLETED' | 'CANCELED' | 'FAILED';

export type CardStatus = 'AUTHORIZED' | 'CAPTURED' | 'VOIDED' | 'FAILED';

export type CardBrand =
  | 'VISA'
  | 'MASTERCARD'
  | 'AMERICAN_EXPRESS'
  | 'DISCOVER'
  | 'DISCOVER_DINERS'
  | 'JCB'
  | 'CHINA_UNIONPAY'
  | 'SQUARE_GIFT_CARD'
  | 'OTHER_BRAND';

export interface CardJson {
  card_brand: CardBrand;
  last_4: string;
  exp_month: number;
  exp_year: number;
  fingerprint: string;
  card_type: 'CREDIT' | 'DEBIT' | 'UNKNOWN_CARD_TYPE';
  prepaid_type: 'NOT_PREPAID' | 'PREPAID' | 'UNKNOWN_PREPAID_TYPE';
  bin: string;
}

export interface SquareError {
  category: string;
  code: string;
  detail?: string;
  field?: string;
}

export interface CardDetailsJson {
  status: CardStatus;
  card: CardJson;
  entry_method: 'KEYED';
  cvv_status: 'CVV_ACCEPTED' | 'CVV_REJECTED' | 'CVV_NOT_CHECKED';
  avs_status: 'AVS_ACCEPTED' | 'AVS_REJECTED' | 'AVS_NOT_CHECKED';
  auth_result_code?: string;
  statement_description: string;
  card_payment_timeline: {
    authorized_at?: string;
    captured_at?: string;
    voided_at?: string;
  };
  /** Present on a FAILED payment: why the card was declined. */
  errors?: SquareError[];
}

export interface PaymentJson {
  id: string;
  created_at: string;
  updated_at: string;
  amount_money: Money;
  tip_money?: Money;
  total_money: Money;
  app_fee_money?: Money;
  approved_money: Money;
  refunded_money?: Money;
  status: PaymentStatus;
  delay_duration: string;
  delay_action: 'CANCEL' | 'COMPLETE';
  delayed_until: string;
  source_type: 'CARD';
  card_details: CardDetailsJson;
  location_id: string;
  order_id?: string;
  reference_id?: string;
  customer_id?: string;
  refund_ids?: string[];
  risk_evaluation: {
    created_at: string;
    risk_level: 'NORMAL' | 'MODERATE' | 'HIGH';
  };
  buyer_email_address?: string;
  billing_address?: Record<string, unknown>;
  shipping_address?: Record<string, unknown>;
  note?: string;
  statement_description_identifier?: string;
  capabilities?: string[];
  receipt_number?: string;
  receipt_url?: string;
  application_details: {
    square_product: 'ECOMMERCE_API';
    application_id: string;
  };
  version_token: string;
}

export type RefundStatus = 'PENDING' | 'COMPLETED' | 'REJECTED' | 'FAILED';

export interface RefundJson {
  id: string;
  status: RefundStatus;
  location_id: string;
  unlinked: false;
  destination_type: 'CARD';
  amount_money: Money;
  app_fee_money?: Money;
  payment_id: string;
  order_id?: string;
  reason?: string;
  created_at: string;
  updated_at: string;
  /** The refund's own version, as `refund.created`'s example carries it. */
  version: number;
}

export type DisputeState =
  | 'INQUIRY_EVIDENCE_REQUIRED'
  | 'INQUIRY_PROCESSING'
  | 'INQUIRY_CLOSED'
  | 'EVIDENCE_REQUIRED'
  | 'PROCESSING'
  | 'WON'
  | 'LOST'
  | 'ACCEPTED';

export interface DisputeJson {
  id: string;
  dispute_id: string;
  amount_money: Money;
  reason: string;
  state: DisputeState;
  due_at: string;
  disputed_payment: {payment_id: string};
  card_brand: CardBrand;
  created_at: string;
  updated_at: string;
  brand_dispute_id: string;
  reported_at: string;
  version: number;
  location_id: string;
}

/** The envelope every event shares (api.json `PaymentCreatedEvent` and its siblings). */
export interface WebhookEvent {
  merchant_id: string;
  /** Dispute events name the location too (DisputeCreatedEvent's example). */
  location_id?: string;
  type: string;
  event_id: string;
  created_at: string;
  data: {
    type: 'payment' | 'refund' | 'dispute';
    id: string;
    object: {payment?: PaymentJson; refund?: RefundJson; dispute?: DisputeJson};
  };
}
