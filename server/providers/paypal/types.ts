/**
 * PayPal's Orders v2 and Payments v2 objects as the server reads and writes them, and the error
 * a failed PayPal call becomes. No I/O here: the client, the webhook verifier and the event
 * translation all import these.
 */

export type PaypalEnvironment = 'sandbox' | 'live';
export type PaypalWebhookVerification = 'offline' | 'postback';

export const PAYPAL_API_BASES: Readonly<Record<PaypalEnvironment, string>> = {
  live: 'https://api-m.paypal.com',
  sandbox: 'https://api-m.sandbox.paypal.com',
};

export interface PaypalMoney {
  currency_code: string;
  value: string;
}

/** A capture as PayPal reports it, in an order or as a webhook resource. */
export interface PaypalCapture {
  id: string;
  status: string;
  amount?: PaypalMoney;
  custom_id?: string;
  invoice_id?: string;
  supplementary_data?: {related_ids?: {order_id?: string}};
}

/** A Payments v2 refund, as `POST /v2/payments/captures/{id}/refund` answers it (representation). */
export interface PaypalRefund {
  id: string;
  /** COMPLETED, PENDING, FAILED or CANCELLED. */
  status: string;
  amount?: PaypalMoney;
  custom_id?: string;
  seller_payable_breakdown?: {total_refunded_amount?: PaypalMoney};
}

/** The body of a capture refund: no amount refunds what is left. */
export interface PaypalRefundRequest {
  amount?: PaypalMoney;
  /** Our order id, so the refund's webhook finds the order. */
  custom_id?: string;
  invoice_id?: string;
  note_to_payer?: string;
}

export interface PaypalOrder {
  id: string;
  status: string;
  purchase_units?: {
    custom_id?: string;
    invoice_id?: string;
    amount?: PaypalMoney;
    shipping?: PaypalShipping;
    payments?: {captures?: PaypalCapture[]};
  }[];
}

interface PaypalItem {
  name: string;
  quantity: string;
  unit_amount: PaypalMoney;
  sku: string;
  category?: 'PHYSICAL_GOODS' | 'DIGITAL_GOODS';
}

/** Orders v2 `amount_breakdown`: value = item_total + tax_total + shipping − discount (no handling, insurance or shipping_discount here). */
export interface PaypalBreakdown {
  item_total: PaypalMoney;
  tax_total?: PaypalMoney;
  shipping?: PaypalMoney;
  discount?: PaypalMoney;
}

/** Orders v2 `address_portable`, as far as a shipping address uses it. */
export interface PaypalAddress {
  address_line_1?: string;
  address_line_2?: string;
  /** The city. */
  admin_area_2?: string;
  /** The state, province or prefecture (ISO 3166-2 without the country). */
  admin_area_1?: string;
  postal_code?: string;
  country_code: string;
}

/** Orders v2 `shipping_option`: one rate the buyer may pick in PayPal's window. */
export interface PaypalShippingOption {
  id: string;
  label: string;
  type: 'SHIPPING';
  amount: PaypalMoney;
  selected: boolean;
}

/** Orders v2 `shipping_detail`: `type` or `options`, never both (the specification says so). */
export interface PaypalShipping {
  name?: {full_name: string};
  address?: PaypalAddress;
  type?: 'SHIPPING';
  options?: PaypalShippingOption[];
}

export interface PaypalPurchaseUnit {
  custom_id: string;
  invoice_id: string;
  description?: string;
  items: PaypalItem[];
  amount: PaypalMoney & {breakdown: PaypalBreakdown};
  shipping?: PaypalShipping;
}

export interface PaypalOrderRequest {
  intent: 'CAPTURE';
  purchase_units: PaypalPurchaseUnit[];
  payment_source?: {
    paypal: {
      experience_context: {
        shipping_preference: 'GET_FROM_FILE' | 'NO_SHIPPING';
      };
    };
  };
}

/** One JSON Patch operation of `PATCH /v2/checkout/orders/{id}`. */
export interface PaypalPatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

export interface VerifyWebhookSignatureRequest {
  auth_algo: string;
  cert_url: string;
  transmission_id: string;
  transmission_sig: string;
  transmission_time: string;
  webhook_id: string;
  webhook_event: unknown;
}

export interface PaypalClient {
  createOrder(
    body: PaypalOrderRequest,
    requestId: string
  ): Promise<PaypalOrder>;
  captureOrder(paypalOrderId: string, requestId: string): Promise<PaypalOrder>;
  /** `PATCH /v2/checkout/orders/{id}` (204 No Content): the order while it is CREATED or APPROVED. */
  patchOrder(
    paypalOrderId: string,
    operations: PaypalPatchOperation[]
  ): Promise<void>;
  getOrder(paypalOrderId: string): Promise<PaypalOrder>;
  /** A capture by its id (Payments v2), with the PayPal order it belongs to. */
  getCapture(captureId: string): Promise<PaypalCapture>;
  /** Refunds a capture (Payments v2); PayPal-Request-Id makes a retry answer the same refund. */
  refundCapture(
    captureId: string,
    body: PaypalRefundRequest,
    requestId: string
  ): Promise<PaypalRefund>;
  /** PayPal's own verdict on a webhook: 'SUCCESS' or 'FAILURE'. */
  verifyWebhookSignature(
    request: VerifyWebhookSignatureRequest
  ): Promise<string>;
}

/**
 * A PayPal call that did not succeed. `status` is PayPal's HTTP status, or 0 when no answer
 * came at all (network failure, timeout). PayPal's own text stays here, for logs only.
 */
export class PaypalError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** PayPal's error name (UNPROCESSABLE_ENTITY, INVALID_REQUEST…). */
    readonly errorName?: string,
    /** The `issue` of each entry in PayPal's `details` (INSTRUMENT_DECLINED…). */
    readonly issues: readonly string[] = [],
    readonly debugId?: string
  ) {
    super(message);
    this.name = 'PaypalError';
  }

  /** Whether PayPal named this issue, in `details[].issue` (v2) or as the error name (v1). */
  has(issue: string): boolean {
    return this.issues.includes(issue) || this.errorName === issue;
  }
}
