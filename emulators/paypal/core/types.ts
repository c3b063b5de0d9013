/**
 * The JSON the emulator answers with, typed by PayPal's own Orders v2 OpenAPI schemas (as
 * shipped in @paypal/paypal-js; types only), so every field emitted has the name and shape the
 * real API gives it. Webhook and dispute shapes, which that specification does not cover, are
 * written out here from PayPal's published payloads.
 */
import type {CheckoutOrdersV2} from '@paypal/paypal-js';

type Schemas = CheckoutOrdersV2['components']['schemas'];

export type OrderJson = Schemas['order'];
export type PurchaseUnitJson = Schemas['purchase_unit'];
export type ItemJson = Schemas['item'];
export type MoneyJson = Schemas['money'];
export type CaptureJson = Schemas['capture'];
export type RefundJson = Schemas['refund'];
export type PayerJson = Schemas['payer'];
export type Link = Schemas['link_description'];

/** A capture as webhooks carry it (Payments v2 adds the ids of related resources). */
export type CaptureResource = CaptureJson & {
  supplementary_data: {related_ids: {order_id: string}};
};

/** `customer_disputes_v1.json` `dispute`, the fields the emulator fills. */
export interface DisputeResource {
  dispute_id: string;
  create_time: string;
  update_time: string;
  /** `transaction_info`: the capture, with the invoice_id and custom_id it was given. */
  disputed_transactions: {
    buyer_transaction_id: string;
    seller_transaction_id: string;
    create_time?: string;
    transaction_status: string;
    gross_amount: MoneyJson;
    invoice_number?: string;
    custom?: string;
    buyer: {name: string};
    seller: {merchant_id: string; email: string};
    items: never[];
    seller_protection_eligible: boolean;
  }[];
  reason: string;
  status: string;
  dispute_amount: MoneyJson;
  dispute_outcome?: {outcome_code: string; amount_refunded?: MoneyJson};
  dispute_life_cycle_stage: string;
  dispute_channel: string;
  seller_response_due_date?: string;
  links: Link[];
}

/** `notifications_webhooks_v1.json` `event`. */
export interface WebhookEvent {
  id: string;
  event_version: string;
  create_time: string;
  resource_type: string;
  resource_version: string;
  event_type: string;
  summary: string;
  resource: OrderJson | CaptureResource | RefundJson | DisputeResource;
  links: Link[];
}
