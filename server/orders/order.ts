import type {
  Address,
  OrderResponse,
  OrderStatus,
  PaymentProvider,
  Quote,
  QuoteLine,
  ShippingRate,
} from '../contract.js';

export interface Order {
  id: string;
  status: OrderStatus;
  provider: PaymentProvider;
  currency: string;
  lines: QuoteLine[];
  /** The repriced quote's sums, as charged: subtotal − discount + shipping (+ tax unless inclusive) = total. */
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  taxInclusive: boolean;
  total: number;
  /** The discount code applied (normalised), which holds one of its uses while the order is open or paid. */
  discountCode?: string;
  shippingRate?: {id: string; name: string; amount: number};
  shippingAddress?: Address;
  billingAddress?: Address;
  email?: string;
  /** The buyer's locale (BCP 47), for their emails. */
  locale?: string;
  /** The provider's id for the payment now in charge of this order: a PaymentIntent, a PayPal order… */
  providerPaymentId?: string;
  amountRefunded: number;
  disputeStatus?: string;
  /** The dispute last opened on the payment: the merchant's email and the admin show it. */
  dispute?: OrderDispute;
  /** Why an order needs a human: the amount, currency or payment did not match. */
  reviewReason?: string;
  createdAt: string;
  updatedAt: string;
  paidAt?: string;
  fulfilledAt?: string;
}

/** A dispute (chargeback, PayPal case) as the provider reported it when it opened. */
export interface OrderDispute {
  /** The provider's id (Stripe `dp_…`, PayPal `PP-D-…`): a new id is a new dispute. */
  id: string;
  /** Minor units of the order's currency; absent when the provider's was in another. */
  amount?: number;
  /** The provider's reason code (`fraudulent`, `MERCHANDISE_OR_SERVICE_NOT_RECEIVED`). */
  reason?: string;
}

/** The lines and what they charge, as the quote priced them. */
export type OrderSums = Pick<
  Order,
  | 'lines'
  | 'subtotal'
  | 'discount'
  | 'shipping'
  | 'tax'
  | 'taxInclusive'
  | 'total'
>;

export type NewOrder = OrderSums &
  Pick<
    Order,
    | 'id'
    | 'provider'
    | 'currency'
    | 'discountCode'
    | 'shippingRate'
    | 'shippingAddress'
    | 'billingAddress'
    | 'email'
    | 'locale'
  >;

/** A pending order repriced (PayPal's window changed the address or the shipping option). */
export type OrderPricing = OrderSums &
  Pick<Order, 'shippingRate' | 'shippingAddress'>;

/** A quote's sums as an order keeps them: the lines and what they charge. */
export function quoteSums(quote: Quote): OrderSums {
  return {
    lines: quote.lines,
    subtotal: quote.subtotal,
    discount: quote.discount,
    shipping: quote.shipping,
    tax: quote.tax,
    taxInclusive: quote.taxInclusive,
    total: quote.total,
  };
}

/** The shipping rate chosen, as an order keeps it. */
export const orderShippingRate = (
  rate: ShippingRate
): NonNullable<Order['shippingRate']> => ({
  id: rate.id,
  name: rate.name,
  amount: rate.amount,
});

/** What a state change writes; undefined fields stay as they are. */
export type OrderPatch = Partial<
  Pick<
    Order,
    | 'status'
    | 'providerPaymentId'
    | 'amountRefunded'
    | 'disputeStatus'
    | 'dispute'
    | 'reviewReason'
    | 'paidAt'
  >
> &
  Partial<OrderPricing>;

/** The order as the buyer's browser may see it (GET /api/orders/:id). */
export function toOrderResponse(order: Order): OrderResponse {
  return {
    id: order.id,
    status: order.status,
    currency: order.currency,
    lines: order.lines,
    subtotal: order.subtotal,
    discount: order.discount,
    shipping: order.shipping,
    tax: order.tax,
    taxInclusive: order.taxInclusive,
    total: order.total,
    ...(order.discountCode && {discountCode: order.discountCode}),
    ...(order.shippingRate && {shippingRate: order.shippingRate}),
    ...(order.shippingAddress && {shippingAddress: order.shippingAddress}),
    provider: order.provider,
  };
}
