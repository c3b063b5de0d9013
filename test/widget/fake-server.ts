/**
 * The fake companion server for the widget tests: answers `fetch` for the element's API
 * (config, quotes, payments, orders) from a small catalogue, recording every request. Nothing
 * here touches the network. Its config points the element at the fake Stripe.js
 * (fake-stripe.ts) and the fake PayPal SDK (fake-paypal.ts) through their real seams.
 */
import type {
  CheckoutSessionRequest,
  CheckoutSessionResponse,
  ConfigResponse,
  DiscountCodeStatus,
  ErrorBody,
  OrderResponse,
  OrderStatus,
  PaymentIntentResponse,
  PaymentProvider,
  PaypalCaptureResponse,
  PaypalOrderResponse,
  PaypalShippingRequest,
  Quote,
  QuoteRequest,
  SquarePaymentRequest,
  SquarePaymentResponse,
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

/** An empty classic script: the fake Web Payments SDK is installed by the test (fake-square.ts). */
export const FAKE_SQUARE_JS = 'data:text/javascript,/*fake%20square.js*/';

/**
 * A square.js that defines `window.Square` as a page's script would (from the installed fake),
 * with its own query each time, so that each test's load is a new script.
 */
export const fakeSquareLoader = (tag: string) =>
  `data:text/javascript,window.Square=window.__payFakeSquare//${tag}`;

/** A config offering Square through the fake SDK, with a location for USD and EUR (and Stripe, when asked). */
export function squareConfig(withStripe = false): ConfigResponse {
  return {
    currency: 'usd',
    providers: {
      ...(withStripe && {
        stripe: {publishableKey: 'pk_test_fake', jsUrl: FAKE_STRIPE_JS},
      }),
      square: {
        applicationId: 'sandbox-sq0idb-fake',
        locations: {USD: 'L-USD', EUR: 'L-EUR'},
        environment: 'sandbox',
        sdkUrl: FAKE_SQUARE_JS,
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

/**
 * What the fake prices besides the catalogue, all off by default (then every extra amount is
 * 0, as before the shop rules): discount codes, one shipping rate, one tax rate, maximum
 * quantities. A simplified version of the real rules, enough to show each summary row.
 */
export interface FakeRules {
  /** By code (uppercase): the percentage it takes off, or the status it answers instead. */
  codes?: Record<string, number | Exclude<DiscountCodeStatus, 'applied'>>;
  /** The cart ships, at this one rate. */
  shipping?: {id: string; name: string; amount: number};
  /** A tax rate (whole percent) on the discounted lines, added or included. */
  tax?: {percent: number; inclusive: boolean};
  /** By SKU: more than this answers quantity_out_of_range. */
  maxQuantity?: Record<string, number>;
}

/** Prices a cart from CATALOG, like the real /api/quote. */
export function priceCart(
  request: QuoteRequest,
  bump = 0,
  rules: FakeRules = {}
): Quote | Answer {
  const currency = (request.currency ?? 'usd').toLowerCase();
  const lines = [];
  for (const {sku, quantity} of request.items) {
    const product = CATALOG[sku];
    if (!product) return error(400, 'unknown_sku', `Unknown SKU ${sku}`);
    if (quantity > (rules.maxQuantity?.[sku] ?? Infinity))
      return error(400, 'quantity_out_of_range', `At most ${sku}`);
    const unitAmount = product.prices[currency];
    if (unitAmount === undefined)
      return error(400, 'currency_not_supported', 'No price');
    lines.push({
      sku,
      name: product.name,
      unitAmount: unitAmount + bump,
      quantity,
      amount: (unitAmount + bump) * quantity,
      discount: 0,
      tax: 0,
      shippable: true,
    });
  }
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  const quote: Quote = {
    currency,
    lines,
    subtotal,
    discount: 0,
    shipping: 0,
    tax: 0,
    taxInclusive: false,
    total: subtotal,
    requiresShipping: false,
    shippingRates: [],
  };
  return withRules(quote, request, rules);
}

/** Applies the rules to a quote of the catalogue's prices. */
function withRules(quote: Quote, request: QuoteRequest, rules: FakeRules) {
  if (request.discountCode) {
    const code = request.discountCode.trim().toUpperCase();
    const rule = rules.codes?.[code] ?? 'unknown';
    quote.discountCode = {
      code,
      status: typeof rule === 'number' ? 'applied' : rule,
    };
    if (typeof rule === 'number') {
      for (const line of quote.lines)
        line.discount = Math.floor((line.amount * rule) / 100);
      quote.discount = quote.lines.reduce(
        (sum, line) => sum + line.discount,
        0
      );
    }
  }
  if (rules.shipping) {
    quote.requiresShipping = true;
    quote.shippingRates = [rules.shipping];
    quote.shippingRate = rules.shipping.id;
    quote.shipping = rules.shipping.amount;
  }
  if (rules.tax) {
    const {percent, inclusive} = rules.tax;
    quote.taxInclusive = inclusive;
    for (const line of quote.lines) {
      const base = line.amount - line.discount;
      line.tax = Math.round(
        inclusive ? (base * percent) / (100 + percent) : (base * percent) / 100
      );
    }
    quote.tax = quote.lines.reduce((sum, line) => sum + line.tax, 0);
  }
  quote.total =
    quote.subtotal -
    quote.discount +
    quote.shipping +
    (quote.taxInclusive ? 0 : quote.tax);
  return quote;
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
  /** Codes, shipping, tax and maximum quantities, for quotes and payments alike. */
  rules: FakeRules = {};
  quote: (request: QuoteRequest) => Quote | Answer = (request) =>
    priceCart(request, 0, this.rules);
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
  /** POST /api/square/payments: reprices like the real server and charges the token. */
  squarePayment: (request: SquarePaymentRequest) => Answer = (request) => {
    const quote = this._createOrder(request, 'square');
    if (!('lines' in quote)) return quote;
    const body: SquarePaymentResponse = {
      orderId: 'ord_1',
      orderToken: 'tok_secret',
      status: 'paid',
    };
    return {status: 201, body};
  };
  /** POST /api/braintree/client-token: a token for the currency (fake-braintree.ts). */
  braintreeToken: (request: {currency: string}) => Answer = () => ({
    status: 200,
    body: {clientToken: btoa(JSON.stringify({authorizationFingerprint: 'fp'}))},
  });
  /** POST /api/braintree/transactions: reprices like the real server, charges the nonce. */
  braintreeTransaction: (
    request: QuoteRequest & {expectedTotal?: number; paymentMethodNonce: string}
  ) => Answer = (request) => {
    const quote = this._createOrder(request, 'braintree');
    if (!('lines' in quote)) return quote;
    return {
      status: 201,
      body: {orderId: 'ord_1', orderToken: 'tok_secret', status: 'paid'},
    };
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
  /** POST /api/paypal/orders/:id/shipping (PayPal's window changed the address or the rate). */
  paypalShipping: (request: PaypalShippingRequest) => Answer = () =>
    error(404, 'not_found', 'No such PayPal order.');
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
    const quote = priceCart(request, this.priceBumpAtPayment, this.rules);
    if (!('lines' in quote)) return quote;
    // Like the real server: a code that does not apply is a price the buyer will not get.
    const codeRefused =
      !!quote.discountCode && quote.discountCode.status !== 'applied';
    if (
      codeRefused ||
      (request.expectedTotal !== undefined &&
        request.expectedTotal !== quote.total)
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
    if (method === 'POST' && path === '/api/square/payments') {
      return this.squarePayment(body as SquarePaymentRequest);
    }
    if (method === 'POST' && path === '/api/braintree/client-token')
      return this.braintreeToken(body as {currency: string});
    if (method === 'POST' && path === '/api/braintree/transactions')
      return this.braintreeTransaction(
        body as QuoteRequest & {paymentMethodNonce: string}
      );
    if (method === 'POST' && path === '/api/paypal/orders') {
      return this.paypalOrder(body as QuoteRequest);
    }
    if (
      method === 'POST' &&
      /^\/api\/paypal\/orders\/[^/]+\/shipping$/.test(path)
    ) {
      if (headers.get('Authorization') !== 'Bearer tok_secret')
        return error(401, 'unauthorized', 'No');
      return this.paypalShipping(body as PaypalShippingRequest);
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
        lines: [],
        subtotal: this.lastOrderTotal,
        discount: 0,
        shipping: 0,
        tax: 0,
        taxInclusive: false,
        total: this.lastOrderTotal,
        provider: this.lastOrderProvider,
      };
      return {status: 200, body: response};
    }
    return error(404, 'not_found', `${method} ${path}`);
  }
}
