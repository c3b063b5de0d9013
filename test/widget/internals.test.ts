import {expect} from '@open-wc/testing';
import type {OrderResponse} from '../../widget/contract.js';
import {Api, ApiError} from '../../widget/internal/api.js';
import {formatMoney} from '../../widget/internal/money.js';
import {pollOrder} from '../../widget/internal/poll.js';
import {stripeErrorCode} from '../../widget/internal/providers/stripe-controller.js';

const order = (status: OrderResponse['status']): OrderResponse => ({
  id: 'ord_1',
  status,
  currency: 'usd',
  subtotal: 100,
  discount: 0,
  shipping: 0,
  tax: 0,
  taxInclusive: false,
  total: 100,
  lines: [],
  provider: 'stripe',
});

describe('pollOrder', () => {
  it('polls until the order leaves pending/processing', async () => {
    const answers = [order('pending'), order('processing'), order('paid')];
    let calls = 0;
    const result = await pollOrder(async () => answers[calls++]!, {
      delays: [0, 1],
    });
    expect(calls).to.equal(3);
    expect(result).to.deep.equal({settled: true, order: order('paid')});
  });

  it('retries network errors and 5xx answers', async () => {
    const answers: (OrderResponse | ApiError)[] = [
      new ApiError('network_error', 'down', 0),
      new ApiError('internal_error', 'oops', 503),
      order('paid'),
    ];
    let calls = 0;
    const result = await pollOrder(
      async () => {
        const answer = answers[calls++]!;
        if (answer instanceof ApiError) throw answer;
        return answer;
      },
      {delays: [0, 1]}
    );
    expect(calls).to.equal(3);
    expect(result.settled).to.equal(true);
  });

  it('gives up after the timeout with the last answer', async () => {
    const result = await pollOrder(async () => order('processing'), {
      delays: [0, 20],
      timeoutMs: 70,
    });
    expect(result).to.deep.equal({settled: false, order: order('processing')});
  });

  it('stops at a client error', async () => {
    const error = new ApiError('unauthorized', 'no', 401);
    let caught: unknown;
    try {
      await pollOrder(async () => Promise.reject(error), {delays: [0]});
    } catch (thrown) {
      caught = thrown;
    }
    expect(caught).to.equal(error);
  });

  it('stops when aborted', async () => {
    const abort = new AbortController();
    const polling = pollOrder(async () => order('pending'), {
      delays: [0, 1000],
      signal: abort.signal,
    });
    abort.abort(new DOMException('gone', 'AbortError'));
    let caught: unknown;
    try {
      await polling;
    } catch (thrown) {
      caught = thrown;
    }
    expect((caught as DOMException).name).to.equal('AbortError');
  });
});

describe('formatMoney', () => {
  it('uses the currency exponent from Intl', () => {
    expect(formatMoney(1234, 'usd', 'en')).to.equal('$12.34');
    expect(formatMoney(1234, 'jpy', 'en')).to.equal('¥1,234');
    expect(formatMoney(1234, 'kwd', 'en')).to.equal(
      new Intl.NumberFormat('en', {style: 'currency', currency: 'KWD'}).format(
        1.234
      )
    );
  });

  it('survives an invalid locale tag', () => {
    expect(formatMoney(500, 'usd', 'not a locale!')).to.contain('5.00');
  });
});

describe('stripeErrorCode', () => {
  it('prefers precise decline reasons, then the code, then the type', () => {
    expect(
      stripeErrorCode({
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
      })
    ).to.equal('insufficient_funds');
    expect(
      stripeErrorCode({
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'lost_card',
      })
    ).to.equal('card_declined');
    expect(
      stripeErrorCode({type: 'card_error', code: 'expired_card'})
    ).to.equal('expired_card');
    expect(
      stripeErrorCode({type: 'validation_error', code: 'incomplete_number'})
    ).to.equal('validation_error');
    expect(stripeErrorCode({type: 'api_connection_error'})).to.equal(
      'api_connection_error'
    );
  });
});

describe('Api creates', () => {
  let calls: {url: string; key: string | null}[];
  let answers: (() => Promise<Response>)[];
  const original = window.fetch;
  beforeEach(() => {
    calls = [];
    answers = [];
    window.fetch = (input, init) => {
      calls.push({
        url: String(input),
        key: new Headers(init?.headers).get('Idempotency-Key'),
      });
      return answers.shift()!();
    };
  });
  afterEach(() => {
    window.fetch = original;
  });

  const created = () =>
    Promise.resolve(
      new Response(
        JSON.stringify({orderId: 'ord_1', orderToken: 't', clientSecret: 's'}),
        {status: 201, headers: {'content-type': 'application/json'}}
      )
    );
  const dropped = () => Promise.reject(new TypeError('Failed to fetch'));
  const failed = (status: number, code: string) => () =>
    Promise.resolve(
      new Response(JSON.stringify({error: {code, message: code}}), {
        status,
        headers: {'content-type': 'application/json'},
      })
    );
  const cart = {items: [{sku: 'tee-black-m', quantity: 1}]};

  it('retries a create whose answer never came once, with the same Idempotency-Key', async () => {
    answers.push(dropped, created);
    const api = new Api('https://shop.test');
    const answer = await api.create<{orderId: string}>(
      '/api/stripe/payment-intents',
      cart
    );
    expect(answer.orderId).to.equal('ord_1');
    expect(calls).to.have.length(2);
    expect(calls[0].key).to.match(/^[0-9a-f]{32}$/);
    expect(calls[1].key).to.equal(calls[0].key);
  });

  it('sends the same request again under the same key after a 5xx, and a new request under a new key', async () => {
    answers.push(failed(502, 'provider_unavailable'), created, created);
    const api = new Api('https://shop.test');
    const error = await api
      .create('/api/paypal/orders', cart)
      .catch((e: unknown) => e as ApiError);
    expect((error as ApiError).code).to.equal('provider_unavailable');
    await api.create('/api/paypal/orders', cart);
    expect(calls[1].key).to.equal(calls[0].key);
    // Answered: the buyer's next payment is a new attempt.
    await api.create('/api/paypal/orders', cart);
    expect(calls[2].key).to.not.equal(calls[1].key);
  });

  it('makes a new key after a refusal, and for another request', async () => {
    answers.push(failed(409, 'price_changed'), created, created);
    const api = new Api('https://shop.test');
    const session = {
      ...cart,
      successUrl: 'https://shop.test/ok',
      cancelUrl: 'https://shop.test/no',
    };
    await api
      .create('/api/stripe/checkout-sessions', session)
      .catch(() => undefined);
    await api.create('/api/stripe/checkout-sessions', session);
    await api.create('/api/stripe/payment-intents', cart);
    expect(new Set(calls.map((c) => c.key)).size).to.equal(3);
  });

  it('sends no Idempotency-Key on a quote or a read', async () => {
    answers.push(() =>
      Promise.resolve(
        new Response(JSON.stringify({currency: 'usd', lines: []}), {
          status: 200,
          headers: {'content-type': 'application/json'},
        })
      )
    );
    await new Api('https://shop.test').quote(cart);
    expect(calls[0].key).to.equal(null);
  });
});
