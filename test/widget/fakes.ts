/**
 * Test doubles for the widget tests: a fake companion server (answers `fetch`), a fake
 * Stripe.js (answers `window.Stripe`) and a fake PayPal JS SDK. Nothing here touches the
 * network.
 *
 * The Stripe seam is the real one the element uses in emulator mode: the fake server's
 * config names `providers.stripe.jsUrl` (an empty `data:` script), the element injects it and
 * then calls `window.Stripe(publishableKey)`, which the test has set to this fake.
 *
 * The PayPal seam is the real one too: the config's `providers.paypal.sdkBaseUrl` is
 * FAKE_PAYPAL_SDK, a `data:` script. `@paypal/paypal-js` appends its query to it
 * (`?client-id=…&currency=USD…`, which lands after the script's trailing `//`, in a comment)
 * and inserts it with `data-namespace="paypal_usd"`; the script hands itself
 * (`document.currentScript`) to the installed FakePaypal, which defines that namespace the
 * way the real SDK does.
 */
import type {
  OnApproveActions,
  PayPalButtonsComponentOptions,
} from '@paypal/paypal-js';
import type {
  CheckoutSessionRequest,
  CheckoutSessionResponse,
  ConfigResponse,
  ErrorBody,
  OrderResponse,
  OrderStatus,
  PaymentIntentResponse,
  PaymentProvider,
  PaypalCaptureResponse,
  PaypalOrderResponse,
  Quote,
  QuoteRequest,
} from '../../widget/contract.js';

/** An empty classic script: the fake Stripe.js is installed by the test, not by this URL. */
export const FAKE_STRIPE_JS = 'data:text/javascript,/*fake%20Stripe.js*/';

/** The fake PayPal SDK's URL: a script that passes itself to the installed FakePaypal. */
export const FAKE_PAYPAL_SDK =
  'data:text/javascript,window.__payFakePaypal(document.currentScript)//';

/** A config offering PayPal through the fake SDK (and Stripe, when asked). */
export function paypalConfig(withStripe = false): ConfigResponse {
  return {
    currency: 'usd',
    providers: {
      ...(withStripe && {
        stripe: {publishableKey: 'pk_test_fake', jsUrl: FAKE_STRIPE_JS},
      }),
      paypal: {
        clientId: 'paypal-client-fake',
        environment: 'sandbox',
        sdkBaseUrl: FAKE_PAYPAL_SDK,
      },
    },
  };
}

export const CATALOG: Record<
  string,
  {name: string; prices: Record<string, number>}
> = {
  tee: {name: 'Black tee', prices: {usd: 1500, eur: 1400, jpy: 2000}},
  mug: {name: 'Mug', prices: {usd: 1234, eur: 1100, jpy: 1500}},
};

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

export type Answer = {status: number; body: unknown};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {'Content-Type': 'application/json'},
  });
}

export function error(
  status: number,
  code: string,
  message: string,
  quote?: Quote
): Answer {
  const body: ErrorBody = {
    error: {code: code as ErrorBody['error']['code'], message, quote},
  };
  return {status, body};
}

/** Prices a cart from CATALOG, like the real /api/quote. */
export function priceCart(request: QuoteRequest, bump = 0): Quote | Answer {
  const currency = (request.currency ?? 'usd').toLowerCase();
  const lines = [];
  for (const {sku, quantity} of request.items) {
    const product = CATALOG[sku];
    if (!product) return error(400, 'unknown_sku', `Unknown SKU ${sku}`);
    const unitAmount = product.prices[currency];
    if (unitAmount === undefined)
      return error(400, 'currency_not_supported', 'No price');
    lines.push({
      sku,
      name: product.name,
      unitAmount: unitAmount + bump,
      quantity,
      amount: (unitAmount + bump) * quantity,
    });
  }
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  return {currency, lines, subtotal, total: subtotal};
}

/**
 * A companion server in memory. Override any handler per test; `requests` records every call
 * (body parsed). `hold(path)` keeps answers to that path waiting until released.
 */
export class FakeServer {
  requests: RecordedRequest[] = [];
  config: ConfigResponse = {
    currency: 'usd',
    providers: {
      stripe: {publishableKey: 'pk_test_fake', jsUrl: FAKE_STRIPE_JS},
    },
  };
  /** Statuses answered by successive GET /api/orders/:id; the last one repeats. */
  orderStatuses: OrderStatus[] = ['paid'];
  /** Added to every unit price when creating a payment intent (simulates a price change). */
  priceBumpAtPayment = 0;
  quote: (request: QuoteRequest) => Quote | Answer = (request) =>
    priceCart(request);
  paymentIntent: (request: QuoteRequest & {expectedTotal?: number}) => Answer =
    (request) => {
      const quote = this._createOrder(request, 'stripe');
      if (!('lines' in quote)) return quote;
      const body: PaymentIntentResponse = {
        orderId: 'ord_1',
        orderToken: 'tok_secret',
        clientSecret: 'pi_1_secret_abc',
        amount: quote.total,
        currency: quote.currency,
      };
      return {status: 201, body};
    };
  /** POST /api/paypal/orders: reprices like the real server and answers PayPal's order id. */
  paypalOrder: (request: QuoteRequest & {expectedTotal?: number}) => Answer = (
    request
  ) => {
    const quote = this._createOrder(request, 'paypal');
    if (!('lines' in quote)) return quote;
    const body: PaypalOrderResponse = {
      orderId: 'ord_1',
      orderToken: 'tok_secret',
      paypalOrderId: 'PAYPAL-ORDER-1',
    };
    return {status: 201, body};
  };
  /** POST /api/stripe/checkout-sessions: reprices like the real server, answers the session's URL. */
  checkoutSession: (request: CheckoutSessionRequest) => Answer = (request) => {
    const quote = this._createOrder(request, 'stripe');
    if (!('lines' in quote)) return quote;
    const body: CheckoutSessionResponse = {
      orderId: 'ord_1',
      orderToken: 'tok_secret',
      url: 'https://checkout.stripe.test/c/pay/cs_test_1',
    };
    return {status: 201, body};
  };
  /** Successive answers to POST /api/paypal/orders/:id/capture; the last one repeats. */
  captureAnswers: Answer[] = [
    {
      status: 200,
      body: {orderId: 'ord_1', status: 'paid'} satisfies PaypalCaptureResponse,
    },
  ];

  lastOrderTotal = 0;
  lastOrderCurrency = 'usd';
  lastOrderProvider: PaymentProvider = 'stripe';
  private _captures = 0;
  private _orderPolls = 0;
  private readonly _held = new Map<
    string,
    {promise: Promise<void>; release: () => void}
  >();
  private _originalFetch?: typeof fetch;

  install(): this {
    this._originalFetch = window.fetch;
    window.fetch = (input, init) => this._fetch(input, init);
    return this;
  }

  restore(): void {
    if (this._originalFetch) window.fetch = this._originalFetch;
    for (const {release} of this._held.values()) release();
  }

  hold(path: string): () => void {
    let release!: () => void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    this._held.set(path, {promise, release});
    return () => {
      this._held.delete(path);
      release();
    };
  }

  /** Prices the cart at payment time, refusing a total the buyer did not see. */
  private _createOrder(
    request: QuoteRequest & {expectedTotal?: number},
    provider: PaymentProvider
  ): Quote | Answer {
    const quote = priceCart(request, this.priceBumpAtPayment);
    if (!('lines' in quote)) return quote;
    if (
      request.expectedTotal !== undefined &&
      request.expectedTotal !== quote.total
    ) {
      return error(409, 'price_changed', 'The total changed', quote);
    }
    this.lastOrderTotal = quote.total;
    this.lastOrderCurrency = quote.currency;
    this.lastOrderProvider = provider;
    return quote;
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  private async _fetch(
    input: RequestInfo | URL,
    init?: RequestInit
  ): Promise<Response> {
    const url = new URL(
      input instanceof Request ? input.url : String(input),
      location.href
    );
    const method = init?.method ?? 'GET';
    const body =
      typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    this.requests.push({
      method,
      path: url.pathname,
      headers: new Headers(init?.headers),
      body,
    });
    const held = this._held.get(url.pathname);
    if (held) await held.promise;
    if (init?.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    const answer = this._answer(
      method,
      url.pathname,
      body,
      new Headers(init?.headers)
    );
    return json(answer.status, answer.body);
  }

  private _answer(
    method: string,
    path: string,
    body: unknown,
    headers: Headers
  ): Answer {
    if (method === 'GET' && path === '/api/config')
      return {status: 200, body: this.config};
    if (method === 'POST' && path === '/api/quote') {
      const quote = this.quote(body as QuoteRequest);
      return 'lines' in quote ? {status: 200, body: quote} : quote;
    }
    if (method === 'POST' && path === '/api/stripe/payment-intents') {
      return this.paymentIntent(body as QuoteRequest);
    }
    if (method === 'POST' && path === '/api/stripe/checkout-sessions') {
      return this.checkoutSession(body as CheckoutSessionRequest);
    }
    if (method === 'POST' && path === '/api/paypal/orders') {
      return this.paypalOrder(body as QuoteRequest);
    }
    if (
      method === 'POST' &&
      /^\/api\/paypal\/orders\/[^/]+\/capture$/.test(path)
    ) {
      if (headers.get('Authorization') !== 'Bearer tok_secret')
        return error(401, 'unauthorized', 'No');
      return this.captureAnswers[
        Math.min(this._captures++, this.captureAnswers.length - 1)
      ]!;
    }
    const order = path.match(/^\/api\/orders\/([^/]+)$/);
    if (method === 'GET' && order) {
      if (headers.get('Authorization') !== 'Bearer tok_secret')
        return error(401, 'unauthorized', 'No');
      const status =
        this.orderStatuses[
          Math.min(this._orderPolls++, this.orderStatuses.length - 1)
        ]!;
      const response: OrderResponse = {
        id: decodeURIComponent(order[1]!),
        status,
        currency: this.lastOrderCurrency,
        total: this.lastOrderTotal,
        lines: [],
        provider: this.lastOrderProvider,
      };
      return {status: 200, body: response};
    }
    return error(404, 'not_found', `${method} ${path}`);
  }
}

/** What a fake Stripe.js call returns; `error` fields follow Stripe's StripeError. */
export interface FakeStripeError {
  type: string;
  code?: string;
  decline_code?: string;
  message?: string;
}

interface FakePaymentIntent {
  id: string;
  status: string;
  last_payment_error?: {message?: string} | null;
}

/**
 * The subset of Stripe.js the element uses, recording every call. The Payment Element is a
 * plain labelled input mounted into the node it is given (the real one is an iframe).
 */
export class FakeStripe {
  publishableKeys: string[] = [];
  elementsOptions: Record<string, unknown>[] = [];
  updates: Record<string, unknown>[] = [];
  mountedInto: HTMLElement[] = [];
  submits = 0;
  confirms: Record<string, unknown>[] = [];
  retrieved: string[] = [];

  submitResult: {error?: FakeStripeError} = {};
  /** Called inside confirmPayment, e.g. to look at sessionStorage at that moment. */
  onConfirm?: () => void;
  confirmResult: {error?: FakeStripeError; paymentIntent?: FakePaymentIntent} =
    {
      paymentIntent: {id: 'pi_1', status: 'succeeded'},
    };
  retrieveResult: {paymentIntent?: FakePaymentIntent; error?: FakeStripeError} =
    {
      paymentIntent: {id: 'pi_1', status: 'succeeded'},
    };
  /** Resolves confirmPayment only when released (to observe the in-flight state). */
  confirmGate?: Promise<void>;

  install(): this {
    installed.fake = this;
    window.Stripe = stableStripe as unknown as typeof window.Stripe;
    return this;
  }

  restore(): void {
    installed.fake = undefined;
    delete window.Stripe;
  }

  create(publishableKey: string) {
    this.publishableKeys.push(publishableKey);
    return {
      elements: (options: Record<string, unknown>) => {
        this.elementsOptions.push(options);
        return {
          create: (type: string) => {
            if (type !== 'payment')
              throw new Error(`unexpected element ${type}`);
            let node: HTMLElement | undefined;
            return {
              mount: (target: HTMLElement) => {
                this.mountedInto.push(target);
                node = document.createElement('div');
                node.className = 'fake-payment-element';
                node.innerHTML =
                  '<label>Card number <input name="number" autocomplete="cc-number"></label>';
                target.append(node);
              },
              on: () => {},
              destroy: () => node?.remove(),
            };
          },
          update: async (update: Record<string, unknown>) => {
            this.updates.push(update);
          },
          submit: async () => {
            this.submits++;
            return this.submitResult;
          },
        };
      },
      confirmPayment: async (options: Record<string, unknown>) => {
        this.confirms.push(options);
        this.onConfirm?.();
        await this.confirmGate;
        return this.confirmResult;
      },
      retrievePaymentIntent: async (clientSecret: string) => {
        this.retrieved.push(clientSecret);
        return this.retrieveResult;
      },
    };
  }
}

const installed: {fake?: FakeStripe} = {};

// One stable constructor for the whole run: @stripe/stripe-js caches the first
// window.Stripe it sees, so per-test fakes are reached through `installed`.
function stableStripe(publishableKey: string) {
  if (!installed.fake) throw new Error('No FakeStripe installed');
  return installed.fake.create(publishableKey);
}
// The release train @stripe/stripe-js 10 expects (it warns about any other).
stableStripe.version = 'endive';

// ---- PayPal -------------------------------------------------------------------------------

/** One `paypal.Buttons(options)` call of the fake SDK. */
export interface FakeButtons {
  /** The namespace (`paypal_usd`) of the SDK load that made them. */
  namespace: string;
  /** The SDK's query: `client-id`, `currency`, `intent`, `components`. */
  params: URLSearchParams;
  options: PayPalButtonsComponentOptions;
  container?: HTMLElement;
  closed: boolean;
}

type CreateResult =
  | {orderID: string}
  | {error: unknown}
  /** `onClick` called `actions.reject()`: PayPal's window never opened. */
  | {rejected: true};

/**
 * The subset of PayPal's JS SDK the element uses. `Buttons().render(el)` puts a plain
 * "PayPal" button into `el` (the real one is an iframe); clicking it runs `onClick` (which
 * may reject the click) and then `createOrder` as PayPal does (a rejection goes to `onError`),
 * and "opens the window": the test then plays the buyer with approve(), cancel() or fail().
 */
export class FakePaypal {
  loads: {namespace: string; params: URLSearchParams}[] = [];
  buttons: FakeButtons[] = [];
  restarts = 0;
  /** Currencies the fake SDK refuses to load for (it defines no namespace, like a 400). */
  refuseCurrencies = new Set<string>();
  /** What the last click's createOrder gave (an order id, or the rejection). */
  created?: Promise<CreateResult>;
  private _openOrder?: string;
  private _namespaces = new Set<string>();

  install(): this {
    globals().__payFakePaypal = (script: HTMLScriptElement) =>
      this._load(script);
    return this;
  }

  restore(): void {
    // A script a finished test left loading still runs: give it nothing to call into.
    globals().__payFakePaypal = () => {};
    for (const namespace of this._namespaces) delete globals()[namespace];
    for (const script of document.querySelectorAll(
      `script[src^="${FAKE_PAYPAL_SDK}"]`
    ))
      script.remove();
  }

  /** The buttons on screen (the last rendered, not closed). */
  get current(): FakeButtons {
    const live = this.buttons.filter((b) => b.container && !b.closed);
    if (!live.length) throw new Error('No PayPal buttons rendered');
    return live.at(-1)!;
  }

  /** The buyer clicks the PayPal button; resolves with what createOrder gave. */
  click(): Promise<CreateResult> {
    this.current.container!.querySelector('button')!.click();
    return this.created!;
  }

  /** The buyer approves in PayPal's window. */
  async approve(): Promise<void> {
    const orderID = this._takeOpenOrder();
    const actions = {
      restart: () => {
        this.restarts++;
        // PayPal shows its window again, for the same order.
        this._openOrder = orderID;
      },
    } as unknown as OnApproveActions;
    await this.current.options.onApprove!(
      {orderID, payerID: 'PAYER-1'},
      actions
    );
  }

  /** The buyer closes PayPal's window. */
  cancel(): void {
    const orderID = this._takeOpenOrder();
    this.current.options.onCancel!({orderID}, {redirect: () => {}});
  }

  /** PayPal fails while its window is open. */
  fail(message = 'Something broke in PayPal'): void {
    this._takeOpenOrder();
    this.current.options.onError!({message});
  }

  private _takeOpenOrder(): string {
    const orderID = this._openOrder;
    if (!orderID) throw new Error("PayPal's window is not open");
    this._openOrder = undefined;
    return orderID;
  }

  private _load(script: HTMLScriptElement): void {
    const namespace = script.dataset.namespace ?? 'paypal';
    const params = new URL(script.src).searchParams;
    if (this.refuseCurrencies.has(params.get('currency') ?? '')) return;
    this.loads.push({namespace, params});
    this._namespaces.add(namespace);
    globals()[namespace] = {
      version: 'fake',
      Buttons: (options: PayPalButtonsComponentOptions) =>
        this._buttons(namespace, params, options),
    };
  }

  private _buttons(
    namespace: string,
    params: URLSearchParams,
    options: PayPalButtonsComponentOptions
  ) {
    const record: FakeButtons = {namespace, params, options, closed: false};
    this.buttons.push(record);
    return {
      isEligible: () => true,
      render: async (container: HTMLElement) => {
        record.container = container;
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'fake-paypal-button';
        button.textContent = 'PayPal';
        button.addEventListener('click', () => {
          this.created = this._click(options);
        });
        container.append(button);
      },
      close: async () => {
        record.closed = true;
        record.container?.replaceChildren();
      },
    };
  }

  private async _click(
    options: PayPalButtonsComponentOptions
  ): Promise<CreateResult> {
    if (options.onClick) {
      let rejected = false;
      const actions = {
        resolve: async () => {},
        reject: async () => {
          rejected = true;
        },
      };
      const result: unknown = await options.onClick(
        {fundingSource: 'paypal'},
        actions
      );
      if (rejected || result === false) return {rejected: true};
    }
    return this._createOrder(options);
  }

  private async _createOrder(
    options: PayPalButtonsComponentOptions
  ): Promise<CreateResult> {
    try {
      const orderID = await options.createOrder!(
        {paymentSource: 'paypal'},
        {order: {create: () => Promise.reject(new Error('client-side'))}}
      );
      this._openOrder = orderID;
      return {orderID};
    } catch (error) {
      // As PayPal does: a rejected createOrder closes the window and reports to onError.
      options.onError?.({message: String(error)});
      return {error};
    }
  }
}

function globals(): Record<string, unknown> {
  return window as unknown as Record<string, unknown>;
}

// ---- All of them --------------------------------------------------------------------------

export interface Fakes {
  server: FakeServer;
  stripe: FakeStripe;
  paypal: FakePaypal;
}

let current: Fakes | undefined;

/**
 * Installs a fresh fake server, Stripe.js and PayPal SDK (in `beforeEach`); `restoreFakes()`
 * (in `afterEach`) puts the real ones back and forgets what the test stored.
 */
export function installFakes(): Fakes {
  current = {
    server: new FakeServer().install(),
    stripe: new FakeStripe().install(),
    paypal: new FakePaypal().install(),
  };
  return current;
}

export function restoreFakes(): void {
  current?.server.restore();
  current?.stripe.restore();
  current?.paypal.restore();
  current = undefined;
  sessionStorage.clear();
}
