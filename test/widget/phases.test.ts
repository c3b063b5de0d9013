/*
 * The checkout's phase machine on its own: plain objects in, plain objects out. No element,
 * no DOM, no server.
 */
import {expect} from '@open-wc/testing';
import type {OrderResponse, Quote} from '../../widget/contract.js';
import {messagesFor} from '../../widget/internal/messages.js';
import type {PaymentOutcome} from '../../widget/internal/providers/provider.js';
import {
  bareReturn,
  confirmed,
  editable,
  failed,
  hostedOutcome,
  initialState,
  loading,
  payable,
  paying,
  quoted,
  requotable,
  requoting,
  restored,
  resuming,
  settle,
  unconfirmed,
  type CheckoutState,
  type Step,
} from '../../widget/pay-checkout/controllers/phases.js';

const t = messagesFor('en');

const quote = (total = 3000): Quote => ({
  currency: 'usd',
  lines: [
    {
      sku: 'tee',
      name: 'Black tee',
      unitAmount: 1500,
      quantity: 2,
      amount: 3000,
      discount: 0,
      tax: 0,
      shippable: true,
    },
  ],
  subtotal: total,
  discount: 0,
  shipping: 0,
  tax: 0,
  taxInclusive: false,
  total,
  requiresShipping: false,
  shippingRates: [],
});

const order = (
  status: OrderResponse['status'],
  lines = quote().lines
): OrderResponse => ({
  id: 'ord_1',
  status,
  currency: 'usd',
  lines,
  subtotal: 3000,
  discount: 0,
  shipping: 0,
  tax: 0,
  taxInclusive: false,
  total: 3000,
  provider: 'stripe',
});

/** A checkout showing a quote, Pay pressed. */
const inFlight = (): CheckoutState =>
  paying(quoted(loading(initialState), quote()));

/** The names of the events a step fires, in order. */
const names = (step: Step) => step.events.map(([name]) => name);

describe('checkout phases', () => {
  describe('loading and the cart', () => {
    it('starts loading, with nothing to say', () => {
      expect(initialState).to.deep.equal({
        phase: 'loading',
        quote: null,
        quoting: false,
        inFlight: false,
        error: '',
        status: '',
      });
      expect(payable(initialState)).to.equal(false);
      expect(requotable(initialState)).to.equal(false);
    });

    it('reloads with the last quote kept and the messages cleared', () => {
      const before = {
        ...quoted(initialState, quote()),
        error: 'x',
        status: 'y',
      };
      expect(loading(before)).to.deep.equal({...initialState, quote: quote()});
    });

    it('is ready with a quote and empty without one', () => {
      expect(quoted(initialState, quote()).phase).to.equal('ready');
      expect(quoted(initialState, null).phase).to.equal('empty');
      expect(payable(quoted(initialState, quote()))).to.equal(true);
      expect(payable(quoted(initialState, null))).to.equal(false);
    });

    it('waits for the quote of a cart change before paying', () => {
      const ready = quoted(initialState, quote());
      const stale = requoting(ready);
      expect(payable(stale)).to.equal(false);
      expect(payable(quoted(stale, quote(4000)))).to.equal(true);
    });

    it('keeps the quote and stays payable when loading fails after a quote', () => {
      const step = failed(
        quoted(initialState, quote()),
        'provider_unavailable',
        t,
        'paypal'
      );
      expect(step.state.phase).to.equal('ready');
      expect(step.state.error).to.equal(t.errors.provider_unavailable);
      expect(step.events).to.deep.equal([
        [
          'pay-error',
          {
            code: 'provider_unavailable',
            message: t.errors.provider_unavailable,
            provider: 'paypal',
          },
        ],
      ]);
    });

    it('is an error without a quote when loading fails', () => {
      const step = failed(initialState, 'network_error', t, undefined);
      expect(step.state.phase).to.equal('error');
      expect(editable(step.state)).to.equal(true);
      expect(payable(step.state)).to.equal(false);
    });
  });

  describe('paying', () => {
    it('blocks a second payment and re-quotes while one is in flight', () => {
      const state = inFlight();
      expect(state).to.deep.include({
        phase: 'paying',
        inFlight: true,
        error: '',
        status: '',
      });
      expect(payable(state)).to.equal(false);
      expect(requotable(state)).to.equal(false);
      expect(editable(state)).to.equal(false);
    });

    it('polls the order once the provider took the payment', () => {
      const step = settle(
        inFlight(),
        {type: 'confirmed', orderId: 'ord_1', orderToken: 'tok'},
        t,
        'stripe'
      );
      expect(step.state).to.deep.include({
        phase: 'confirming',
        status: t.confirming,
      });
      expect(step.confirm).to.deep.equal({orderId: 'ord_1', orderToken: 'tok'});
      expect(step.events).to.deep.equal([]);
    });

    it('shows a changed price, charges nothing and lets the buyer pay the new total', () => {
      const fresh = quote(3200);
      const step = settle(
        inFlight(),
        {type: 'price_changed', quote: fresh},
        t,
        'paypal'
      );
      expect(step.state).to.deep.include({
        phase: 'ready',
        quote: fresh,
        inFlight: false,
        error: t.pricesChanged,
      });
      expect(step.events).to.deep.equal([
        [
          'pay-change',
          {
            quote: fresh,
            items: fresh.lines.map(({sku, quantity}) => ({sku, quantity})),
          },
        ],
        [
          'pay-error',
          {code: 'price_changed', message: t.pricesChanged, provider: 'paypal'},
        ],
      ]);
      expect(step.requoted).to.equal(fresh);
      expect(step.refocus).to.equal(true);
      expect(payable(step.state)).to.equal(true);
    });

    it('says politely that nothing was charged when the buyer walks away', () => {
      const step = settle(inFlight(), {type: 'canceled'}, t, 'paypal');
      expect(step.state).to.deep.include({
        phase: 'ready',
        error: '',
        status: t.canceled,
      });
      expect(step.events).to.deep.equal([
        ['pay-cancel', {provider: 'paypal', reason: 'buyer'}],
      ]);
    });

    it('stays busy while the page leaves for the provider, and is payable again if Back restores it', () => {
      const step = settle(inFlight(), {type: 'redirected'}, t, 'stripe');
      expect(step.state).to.deep.include({
        phase: 'paying',
        status: t.redirecting,
      });
      expect(step.leaving).to.equal(true);
      expect(step.events).to.deep.equal([]);
      const back = restored(step.state);
      expect(back.state).to.deep.include({
        phase: 'ready',
        inFlight: false,
        status: '',
      });
      expect(back.refocus).to.equal(true);
    });

    it('shows our sentence for a decline, else the provider’s, and lets the buyer retry', () => {
      const declined = settle(
        inFlight(),
        {
          type: 'failed',
          code: 'payment_failed',
          message: 'Stripe says no',
          orderId: 'ord_1',
        },
        t,
        'stripe'
      );
      expect(declined.state).to.deep.include({
        phase: 'ready',
        error: t.errors.payment_failed,
      });
      expect(declined.events).to.deep.equal([
        [
          'pay-error',
          {
            code: 'payment_failed',
            message: t.errors.payment_failed,
            provider: 'stripe',
            orderId: 'ord_1',
          },
        ],
      ]);
      const unknown = settle(
        inFlight(),
        {type: 'failed', code: 'amount_too_small', message: 'At least $0.50.'},
        t,
        'stripe'
      );
      expect(unknown.state.error).to.equal('At least $0.50.');
      const silent = settle(
        inFlight(),
        {type: 'failed', code: 'what'},
        t,
        'stripe'
      );
      expect(silent.state.error).to.equal(t.errors.generic);
    });

    it('does not offer to pay again when the payment may have gone through', () => {
      const step = settle(
        inFlight(),
        {type: 'failed', code: 'order_not_found', final: true},
        t,
        'stripe'
      );
      expect(step.state).to.deep.include({phase: 'done', inFlight: false});
      expect(step.refocus).to.equal(false);
      expect(payable(step.state)).to.equal(false);
      expect(requotable(step.state)).to.equal(false);
    });
  });

  describe('confirming', () => {
    const confirming = () =>
      settle(
        inFlight(),
        {type: 'confirmed', orderId: 'ord_1', orderToken: 'tok'},
        t,
        'paypal'
      ).state;

    it('succeeds once the order is paid', () => {
      const step = confirmed(
        confirming(),
        {settled: true, order: order('paid')},
        'ord_1',
        t,
        'paypal'
      );
      expect(step.state).to.deep.include({
        phase: 'success',
        inFlight: false,
        error: '',
        status: t.success('ord_1'),
      });
      expect(step.events).to.deep.equal([
        [
          'pay-success',
          {
            orderId: 'ord_1',
            status: 'paid',
            total: 3000,
            currency: 'usd',
            provider: 'paypal',
          },
        ],
      ]);
    });

    it('shows the paid order on a return page without a cart', () => {
      const bare = resuming(quoted(loading(initialState), null));
      const step = confirmed(
        bare,
        {settled: true, order: order('paid')},
        'ord_1',
        t,
        'stripe'
      );
      expect(step.state.quote).to.deep.equal(quote());
      const noLines = confirmed(
        bare,
        {settled: true, order: order('paid', [])},
        'ord_1',
        t,
        'stripe'
      );
      expect(noLines.state.quote).to.deep.include({
        subtotal: 3000,
        total: 3000,
        discount: 0,
        shipping: 0,
        tax: 0,
        taxInclusive: false,
      });
    });

    it('ends for good when the order needs review or is not confirmed in time', () => {
      const review = confirmed(
        confirming(),
        {settled: true, order: order('needs_review')},
        'ord_1',
        t,
        'paypal'
      );
      expect(review.state).to.deep.include({
        phase: 'done',
        error: t.needsReview('ord_1'),
      });
      expect(review.events[0]![1]).to.deep.include({
        code: 'order_needs_review',
        orderId: 'ord_1',
      });

      const late = confirmed(
        confirming(),
        {settled: false, order: order('processing')},
        'ord_1',
        t,
        'paypal'
      );
      expect(late.state).to.deep.include({
        phase: 'done',
        error: t.timeout('ord_1'),
      });
      expect(late.events[0]![1]).to.deep.include({
        code: 'confirmation_timeout',
      });

      const lost = unconfirmed(
        confirming(),
        'unauthorized',
        'ord_1',
        t,
        'paypal'
      );
      expect(lost.state.phase).to.equal('done');
      expect(names(lost)).to.deep.equal(['pay-error']);
    });

    it('lets the buyer retry when the order failed', () => {
      const step = confirmed(
        confirming(),
        {settled: true, order: order('failed')},
        'ord_1',
        t,
        'paypal'
      );
      expect(step.state).to.deep.include({
        phase: 'ready',
        error: t.errors.payment_failed,
      });
      expect(step.events[0]![1]).to.deep.include({code: 'payment_failed'});
      expect(step.refocus).to.equal(true);
    });

    it('ends every attempt with exactly one of pay-success, pay-error and pay-cancel', () => {
      const outcomes: PaymentOutcome[] = [
        {type: 'confirmed', orderId: 'ord_1', orderToken: 'tok'},
        {type: 'price_changed', quote: quote(3200)},
        {type: 'failed', code: 'card_declined'},
        {type: 'failed', code: 'order_not_found', final: true},
        {type: 'canceled'},
      ];
      for (const outcome of outcomes) {
        const step = settle(inFlight(), outcome, t, 'stripe');
        const events = step.confirm
          ? [
              ...names(step),
              ...names(
                confirmed(
                  step.state,
                  {settled: true, order: order('paid')},
                  'ord_1',
                  t,
                  'stripe'
                )
              ),
            ]
          : names(step);
        const endings = events.filter((name) => name !== 'pay-change');
        expect(endings, outcome.type).to.have.length(1);
        expect(['pay-success', 'pay-error', 'pay-cancel']).to.include(
          endings[0]
        );
      }
    });
  });

  describe('returns to this page', () => {
    it('finishes a hosted payment from its return: confirm, cancel, or say it is not from here', () => {
      const stored = {
        orderId: 'ord_1',
        orderToken: 'tok',
        provider: 'stripe' as const,
        mode: 'hosted' as const,
      };
      expect(hostedOutcome({result: 'success', order: stored})).to.deep.equal({
        type: 'confirmed',
        orderId: 'ord_1',
        orderToken: 'tok',
      });
      expect(hostedOutcome({result: 'cancel', order: stored})).to.deep.equal({
        type: 'canceled',
      });
      expect(hostedOutcome({result: 'success'})).to.deep.equal({
        type: 'failed',
        code: 'order_not_found',
        final: true,
      });
    });

    it('shows only the outcome on a bare return page', () => {
      const bare = quoted(loading(initialState), null);
      expect(bareReturn(bare)).to.equal(false);
      const canceled = settle(
        resuming(bare),
        {type: 'canceled'},
        t,
        'stripe'
      ).state;
      expect(canceled.phase).to.equal('empty');
      expect(bareReturn(canceled)).to.equal(true);
      expect(bareReturn(resuming(bare))).to.equal(true);
      expect(bareReturn(quoted(canceled, quote()))).to.equal(false);
    });
  });
});
