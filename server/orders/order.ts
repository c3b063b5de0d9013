import type {
  OrderResponse,
  OrderStatus,
  PaymentProvider,
  QuoteLine,
} from '../contract.js';

export interface Order {
  id: string;
  status: OrderStatus;
  provider: PaymentProvider;
  currency: string;
  subtotal: number;
  total: number;
  lines: QuoteLine[];
  email?: string;
  /** The buyer's locale (BCP 47), for their emails. */
  locale?: string;
  /** The provider's id for the payment now in charge of this order: a PaymentIntent, a PayPal order… */
  providerPaymentId?: string;
  amountRefunded: number;
  disputeStatus?: string;
  /** Why an order needs a human: the amount, currency or payment did not match. */
  reviewReason?: string;
  createdAt: string;
  updatedAt: string;
  paidAt?: string;
  fulfilledAt?: string;
}

export type NewOrder = Pick<
  Order,
  | 'id'
  | 'provider'
  | 'currency'
  | 'subtotal'
  | 'total'
  | 'lines'
  | 'email'
  | 'locale'
>;

/** What a state change writes; undefined fields stay as they are. */
export type OrderPatch = Partial<
  Pick<
    Order,
    | 'status'
    | 'providerPaymentId'
    | 'amountRefunded'
    | 'disputeStatus'
    | 'reviewReason'
    | 'paidAt'
  >
>;

/** The order as the buyer's browser may see it (GET /api/orders/:id). */
export function toOrderResponse(order: Order): OrderResponse {
  return {
    id: order.id,
    status: order.status,
    currency: order.currency,
    total: order.total,
    lines: order.lines,
    provider: order.provider,
  };
}
