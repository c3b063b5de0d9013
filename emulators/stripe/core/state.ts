/**
 * Everything the emulator remembers, in memory, per instance (never at module level, so
 * tests can build as many emulators as they like).
 */
import type {TestCard} from './test-cards.js';
import type {
  ChargeJson,
  CheckoutSessionJson,
  CouponJson,
  DisputeJson,
  EventJson,
  EventObjectJson,
  PaymentIntentJson,
  PaymentMethodJson,
  ProductJson,
  LineItemJson,
  RefundJson,
  RequestInfo,
  ShippingRateJson,
  TaxRateJson,
} from './types.js';

export interface IntentRecord {
  intent: PaymentIntentJson;
  /** The `return_url` of the latest confirmation (Stripe keeps it off the object). */
  returnUrl: string | null;
  /** The Checkout Session that created this intent (it alone may confirm or cancel it). */
  checkoutSession?: string;
  /** Runs after each charge of the intent, successful or not (Checkout follows its payment). */
  afterCharge?: (succeeded: boolean) => void;
}

/** What Checkout passes on to the PaymentIntent it creates (`payment_intent_data`). */
export interface PaymentIntentData {
  metadata: Record<string, string>;
  description: string | null;
  receiptEmail: string | null;
  statementDescriptorSuffix: string | null;
  captureMethod: 'automatic' | 'automatic_async' | undefined;
  /** `payment_intent_data[shipping]`; an address the buyer gives on the page replaces it. */
  shipping: PaymentIntentJson['shipping'];
}

export interface CheckoutSessionRecord {
  session: CheckoutSessionJson;
  lineItems: LineItemJson[];
  paymentIntentData: PaymentIntentData;
  /** The part of `total_details.amount_tax` already inside the prices (inclusive rates). */
  inclusiveTax: number;
}

export interface PaymentMethodRecord {
  method: PaymentMethodJson;
  card: TestCard;
  /** A PaymentMethod not attached to a customer can pay only once. */
  consumed: boolean;
}

export interface EventRecord {
  event: EventJson;
  /** `null` while undelivered (or with no endpoint), then whether delivery succeeded. */
  delivered: boolean | null;
}

export interface State {
  intents: Map<string, IntentRecord>;
  paymentMethods: Map<string, PaymentMethodRecord>;
  charges: Map<string, ChargeJson>;
  refunds: Map<string, RefundJson>;
  disputes: Map<string, DisputeJson>;
  checkoutSessions: Map<string, CheckoutSessionRecord>;
  products: Map<string, ProductJson>;
  coupons: Map<string, CouponJson>;
  taxRates: Map<string, TaxRateJson>;
  shippingRates: Map<string, ShippingRateJson>;
  events: EventRecord[];
}

/** What route handlers share: the state, the clock, and the event emitter. */
export interface Core {
  state: State;
  /** Milliseconds, from the emulator's clock. */
  now(): number;
  emit(
    type: string,
    object: EventObjectJson,
    request: RequestInfo,
    previousAttributes?: Record<string, unknown>
  ): EventJson;
}

export function createState(): State {
  return {
    intents: new Map(),
    paymentMethods: new Map(),
    charges: new Map(),
    refunds: new Map(),
    disputes: new Map(),
    checkoutSessions: new Map(),
    products: new Map(),
    coupons: new Map(),
    taxRates: new Map(),
    shippingRates: new Map(),
    events: [],
  };
}

/** Unix seconds, the unit of every `created` field. */
export function seconds(core: Pick<Core, 'now'>): number {
  return Math.floor(core.now() / 1000);
}
