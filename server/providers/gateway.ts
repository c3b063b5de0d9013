/**
 * The one interface a payment gateway implements (Stripe, PayPal; Square and Braintree next).
 * Everything outside `providers/<name>/` talks to a gateway only through it, and finds it only
 * through the registry (registry.ts). The contract each method keeps is in README.md here.
 */
import type {Context, Hono, MiddlewareHandler} from 'hono';
import type {z} from 'zod';
import type {
  Address,
  CartItem,
  ConfigResponse,
  PaymentProvider,
} from '../contract.js';
import type {Catalog} from '../catalog/index.js';
import type {Logger} from '../log.js';
import type {Order} from '../orders/order.js';
import type {PaymentEvent} from '../orders/state.js';
import type {OrderStore} from '../orders/store.js';
import type {GatewayEnv, GatewayNode} from './command-line.js';

/** What `GET /api/config` says about each gateway it offers. */
type BrowserConfig<N extends PaymentProvider = PaymentProvider> = NonNullable<
  ConfigResponse['providers'][N]
>;

/** One attempt at paying an order: the first is 1; hosted pages carry their return URLs. */
interface PaymentAttempt {
  number: number;
  hosted?: {successUrl: string; cancelUrl: string};
  /**
   * The buyer's single-use payment token, for gateways that charge one (Square's `sourceId`
   * and `verificationToken`, Braintree's nonce and device data).
   */
  source?: {token: string; verificationToken?: string; deviceData?: string};
}

/** The provider's payment object for an order, as far as the browser needs it. */
interface CreatedPayment {
  /** The provider's id (PaymentIntent, Checkout Session, PayPal order): stored on the order. */
  paymentId: string;
  /** Stripe's client secret, for the browser to confirm with. */
  clientSecret?: string;
  /** A hosted page to send the buyer to. */
  url?: string;
  amount: number;
  currency: string;
}

/** A verified webhook event: the ledger keeps its id and type; `body` is the provider's own. */
export interface WebhookEvent<B = unknown> {
  id: string;
  type: string;
  body: B;
}

/** How a gateway finds the order an event is about (its own orders only). */
export interface OrderLookup {
  get(orderId: string): Promise<Order | undefined>;
  byPayment(paymentId: string): Promise<Order | undefined>;
}

/** An event's meaning for one of our orders; null when it is not about one (or not usable). */
type Translation = {order: Order; event: PaymentEvent} | null;

export interface Gateway<
  N extends PaymentProvider = PaymentProvider,
  E = unknown,
> {
  readonly name: N;
  /** What the element needs to load and mount this gateway: public keys and ids, never secrets. */
  browserConfig(): BrowserConfig<N>;
  /**
   * Creates the provider's payment for a stored order, idempotently per order and attempt: a
   * retried call answers the same payment. Throws an ApiError in the contract's terms.
   */
  createPayment(order: Order, attempt: PaymentAttempt): Promise<CreatedPayment>;
  /**
   * Verifies a webhook delivery from its exact bytes and headers, and answers the event; a
   * delivery that cannot be verified is refused with a 400 ApiError. Never fails open.
   */
  verifyWebhook(
    rawBody: Uint8Array,
    header: (name: string) => string | undefined
  ): Promise<WebhookEvent<E>>;
  /**
   * What a verified event means for one of our orders, checked against the order's payment
   * ids; it may ask the provider which order a payment belongs to.
   */
  translate(event: WebhookEvent<E>, orders: OrderLookup): Promise<Translation>;
  /**
   * The answer to a webhook destination check (`GET /api/webhooks/<name>?…`), for a provider
   * that verifies a URL before it delivers to it (Braintree's `bt_challenge`); undefined when
   * the request is not one (a 404). Optional: most providers check nothing.
   */
  webhookChallenge?(
    query: (name: string) => string | undefined
  ): string | undefined;
  /**
   * The order's payment as the provider reports it now (polling and reconciliation); null when
   * it has nothing to say or cannot be reached. It never moves money.
   */
  readPayment(order: Order): Promise<PaymentEvent | null>;
  /**
   * Refunds `amount` (minor units) of the order's payment under the provider idempotency key
   * `key`: the same key answers the same refund. A refusal is thrown as an ApiError; one with
   * the code `provider_unavailable` means the outcome is unknown (no answer), any other that
   * the provider refused it.
   */
  refund(order: Order, amount: number, key: string): Promise<ProviderRefund>;
  /**
   * What a verified event says about refunds the provider has finished with (done or failed),
   * so that our refund rows follow it (payments/refund-reports.ts). Pure: no lookup, no I/O.
   * Pending refunds are not reported: a row waits for the provider's final word. Optional: a
   * gateway without it leaves its rows as the refund call answered.
   */
  refundReports?(event: WebhookEvent<E>): RefundReport[];
}

/** A provider's final word on one refund, as its event carries it. */
export interface RefundReport {
  /** The provider's refund id (Stripe `re_…`, PayPal's and Square's refund ids, Braintree's credit). */
  refundId?: string;
  /** Our refund key (`providerRefundKey`), when the provider echoes it (Braintree's credit `orderId`). */
  key?: string;
  /** `succeeded`: the money went back; `failed`: it did not (failed, canceled, rejected, declined). */
  status: 'succeeded' | 'failed';
}

/** A refund as the provider answered it. */
export interface ProviderRefund {
  /** The provider's refund id (Stripe `re_…`, PayPal's refund id). */
  refundId: string;
  /** `succeeded`: done, the order may move now; `pending`: its webhook will say; `failed`: refused. */
  status: 'succeeded' | 'pending' | 'failed';
  /** What the payment has had refunded in all, this refund included, when the answer says. */
  amountRefunded?: number;
}

/**
 * What a gateway's own routes (`/api/<name>/…`) may use: the payments layer's use cases and
 * the app's middleware, handed in, so the gateway's folder never imports upward.
 */
export interface GatewayRouteServices<G extends Gateway> {
  /** The gateway, or a 503 provider_not_configured when this server does not offer it. */
  gateway(): G;
  catalog: Catalog;
  store: OrderStore;
  logger: Logger;
  /** Prices the cart, checks the total the buyer saw, and stores a pending order. */
  openOrder(request: OrderRequest): Promise<{order: Order; token: string}>;
  /** Applies a payment event through the state machine; answers the stored order. */
  recordPayment(order: Order, event: PaymentEvent | null): Promise<Order>;
  /**
   * A payment attempt the provider refused: the order is `failed`, and moves (a new
   * `updatedAt`) even when it was failed already, so the next attempt is a new one. Without a
   * `paymentId` (refused before the provider made a payment) a pending order is failed.
   */
  recordRefusedAttempt(order: Order, paymentId?: string): Promise<void>;
  /**
   * The order a request's `Authorization: Bearer <token>` opens: a 401 without a token, a 404
   * (`notFound`) for an unknown order and a wrong token alike.
   */
  authorise(
    c: Context,
    find: () => Promise<Order | undefined>,
    notFound: string
  ): Promise<Order>;
  /** Whether a redirect target is one of the shop's own pages. */
  isShopUrl(url: string): boolean;
  /** The per-client limit on everything that creates something. */
  createLimit: MiddlewareHandler;
  /** Client idempotency (Idempotency-Key) for creates. */
  idempotent: MiddlewareHandler;
}

/**
 * A cart to open an order for, with the quote's fields (priced the same way as POST /api/quote)
 * and the buyer's; the total is the server's, `expectedTotal` the buyer's view.
 */
export interface OrderRequest {
  items: CartItem[];
  currency?: string | undefined;
  shippingAddress?: Address | undefined;
  /** A rate id of the quote; unknown or absent, the cheapest for the address. */
  shippingRate?: string | undefined;
  /** Normalised (uppercase); an order is opened only when it applies. */
  discountCode?: string | undefined;
  billingAddress?: Address | undefined;
  email?: string | undefined;
  locale?: string | undefined;
  /** The total the buyer saw; a repriced total that differs means they must look again. */
  expectedTotal?: number | undefined;
}

/**
 * A registry entry: how to build the gateway from its settings, its own routes, and what the
 * command line needs of it (command-line.ts).
 */
export interface GatewayDefinition<
  S,
  G extends Gateway,
  Shape extends z.ZodRawShape = z.ZodRawShape,
  C = unknown,
> {
  /** The name people read (`Stripe is not configured on this server.`). */
  label: string;
  create(provider: S, deps: GatewayDeps): G;
  routes?(services: GatewayRouteServices<G>): Hono;
  /** Its environment variables and their checks; `C` is its part of ServerConfig. */
  env: GatewayEnv<Shape, C>;
  /** How the Node server starts it, or its emulator in development; what a page must allow. */
  node: GatewayNode<C, S>;
}

/** What every gateway may use: no store, no outbox; only logs and a clock. */
export interface GatewayDeps {
  logger: Logger;
  now: () => Date;
  /**
   * The catalog's default currency (lowercase): the one a gateway configured with a single
   * account for "the shop's currency" charges in (Square's SQUARE_LOCATION_ID).
   */
  defaultCurrency?: string;
}

/**
 * A gateway's registry entry (its folder's index.ts), checked against the interface and keeping
 * its own types.
 */
export function defineGateway<
  S,
  G extends Gateway,
  Shape extends z.ZodRawShape,
  C,
>(definition: GatewayDefinition<S, G, Shape, C>) {
  return definition;
}
