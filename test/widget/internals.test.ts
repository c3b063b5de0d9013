import {expect} from '@open-wc/testing';
import type {OrderResponse} from '../../widget/contract.js';
import {ApiError} from '../../widget/internal/api.js';
import {formatMoney} from '../../widget/internal/money.js';
import {pollOrder} from '../../widget/internal/poll.js';
import {stripeErrorCode} from '../../widget/internal/stripe-controller.js';

const order = (status: OrderResponse['status']): OrderResponse => ({
  id: 'ord_1',
  status,
  currency: 'usd',
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
