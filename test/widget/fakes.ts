/**
 * Test doubles for the widget tests: a fake companion server (answers `fetch`) and a fake
 * Stripe.js (answers `window.Stripe`). Nothing here touches the network.
 *
 * The Stripe seam is the real one the element uses in emulator mode: the fake server's
 * config names `providers.stripe.jsUrl` (an empty `data:` script), the element injects it and
 * then calls `window.Stripe(publishableKey)`, which the test has set to this fake.
 */
import type {
  ConfigResponse,
  ErrorBody,
  OrderResponse,
  OrderStatus,
  PaymentIntentResponse,
  Quote,
  QuoteRequest,
} from '../../server/contract.js';

/** An empty classic script: the fake Stripe.js is installed by the test, not by this URL. */
export const FAKE_STRIPE_JS = 'data:text/javascript,/*fake%20Stripe.js*/';

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

type Answer = {status: number; body: unknown};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {'Content-Type': 'application/json'},
  });
}

function error(
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
      const body: PaymentIntentResponse = {
        orderId: 'ord_1',
        orderToken: 'tok_secret',
        clientSecret: 'pi_1_secret_abc',
        amount: quote.total,
        currency: quote.currency,
      };
      return {status: 201, body};
    };

  lastOrderTotal = 0;
  lastOrderCurrency = 'usd';
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
        provider: 'stripe',
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
