/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The public events of <pay-checkout>: one vocabulary for every provider. They are
 * kebab-case with the `pay-` prefix (a colon breaks Angular and JSX bindings), and they
 * bubble and cross shadow roots (`composed`) so a checkout nested in another component's
 * shadow DOM still reaches the page.
 *
 * Every `pay-submit` ends in exactly one `pay-success`, `pay-error` or `pay-cancel`.
 */
import type {
  CartItem,
  OrderStatus,
  PaymentProvider,
  Quote,
} from '../contract.js';

/**
 * The payment providers the element can drive: the contract's `PaymentProvider` (the
 * provider an order is paid with), under the name the element's API has always used.
 */
export type ProviderName = PaymentProvider;

/** `pay-ready`: the quote is shown and the payment form is mounted. */
export interface PayReadyDetail {
  quote: Quote;
  provider: ProviderName;
}

/** What the buyer changed in an `editable` cart: a line's new quantity, 0 when removed. */
export interface PayCartChange {
  sku: string;
  quantity: number;
}

/**
 * `pay-change`: the server answered with a new quote (cart, currency, details or prices
 * changed). `items` is the cart that quote prices; `change` is set when the buyer edited the
 * cart (`editable`): the page mirrors it into its own cart.
 */
export interface PayChangeDetail {
  quote: Quote;
  items: CartItem[];
  /** The buyer's last edit this quote prices (quantity 0: the line was removed). */
  change?: PayCartChange;
}

/** `pay-submit`: the buyer pressed Pay. Cancel it (`preventDefault()`) to stop the payment. */
export interface PaySubmitDetail {
  quote: Quote;
  provider: ProviderName;
}

/** `pay-success`: the server has marked the order paid (from a verified webhook). */
export interface PaySuccessDetail {
  orderId: string;
  status: OrderStatus;
  /** Integer minor units, as charged. */
  total: number;
  currency: string;
  provider: ProviderName;
}

/** `pay-error`: something stopped the payment or the checkout; `message` is buyer-friendly. */
export interface PayErrorDetail {
  /**
   * A snake_case code: the server's (`price_changed`, `unknown_sku`, …), the provider's
   * (`card_declined`, `insufficient_funds`, `validation_error`, …) or the element's
   * (`network_error`, `payment_failed`, `order_needs_review`, `confirmation_timeout`,
   * `provider_not_configured`).
   */
  code: string;
  message: string;
  provider?: ProviderName;
  /** Set once an order exists (e.g. `order_needs_review`, `confirmation_timeout`). */
  orderId?: string;
}

/** `pay-cancel`: the payment was abandoned before it was attempted. */
export interface PayCancelDetail {
  provider: ProviderName;
  /** `prevented`: a `pay-submit` listener called `preventDefault()`; `buyer`: the buyer closed the provider's window. */
  reason: 'prevented' | 'buyer';
}

export type PayReadyEvent = CustomEvent<PayReadyDetail>;
export type PayChangeEvent = CustomEvent<PayChangeDetail>;
export type PaySubmitEvent = CustomEvent<PaySubmitDetail>;
export type PaySuccessEvent = CustomEvent<PaySuccessDetail>;
export type PayErrorEvent = CustomEvent<PayErrorDetail>;
export type PayCancelEvent = CustomEvent<PayCancelDetail>;

/** Event name → detail type, for the typed `emit()` below. */
export interface PayEventDetails {
  'pay-ready': PayReadyDetail;
  'pay-change': PayChangeDetail;
  'pay-submit': PaySubmitDetail;
  'pay-success': PaySuccessDetail;
  'pay-error': PayErrorDetail;
  'pay-cancel': PayCancelDetail;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pay-ready': PayReadyEvent;
    'pay-change': PayChangeEvent;
    'pay-submit': PaySubmitEvent;
    'pay-success': PaySuccessEvent;
    'pay-error': PayErrorEvent;
    'pay-cancel': PayCancelEvent;
  }
}

/**
 * Dispatches a public event from `target`. Returns `false` when a listener cancelled it
 * (only `cancelable` events can be cancelled).
 */
export function emit<K extends keyof PayEventDetails>(
  target: EventTarget,
  name: K,
  detail: PayEventDetails[K],
  options: {cancelable?: boolean} = {}
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, {
      bubbles: true,
      composed: true,
      cancelable: options.cancelable ?? false,
      detail,
    })
  );
}
