/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The npm entry: `import 'pay-checkout'` defines <pay-checkout> and <pay-item> and exports
 * their classes and the types of their properties and events. Nothing else runs at import,
 * so it is safe to import during server-side rendering.
 */
export {PayCheckout} from './pay-checkout/pay-checkout.js';
export {PayItem} from './pay-item/pay-item.js';

export type {
  PayCancelDetail,
  PayCancelEvent,
  PayCartChange,
  PayChangeDetail,
  PayChangeEvent,
  PayErrorDetail,
  PayErrorEvent,
  PayReadyDetail,
  PayReadyEvent,
  PaySubmitDetail,
  PaySubmitEvent,
  PaySuccessDetail,
  PaySuccessEvent,
  ProviderName,
} from './internal/events.js';

export type {
  CartItem,
  ConfigResponse,
  ErrorBody,
  ErrorCode,
  OrderResponse,
  OrderStatus,
  PaymentIntentResponse,
  Quote,
  QuoteLine,
} from './contract.js';
