import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {ORDER_STATUSES} from '../../server/contract.js';
import type {Order} from '../../server/orders/order.js';
import {
  applyPaymentEvent,
  type PaymentEvent,
  SETTLED_STATUSES,
} from '../../server/orders/state.js';
import {STRIPE_EVENT_HANDLERS} from '../../server/providers/stripe/events.js';

const order = (fields: Partial<Order> = {}): Order => ({
  id: 'ord_1',
  status: 'pending',
  provider: 'stripe',
  currency: 'usd',
  subtotal: 1000,
  total: 1000,
  discount: 0,
  shipping: 0,
  tax: 0,
  taxInclusive: false,
  lines: [],
  providerPaymentId: 'pi_1',
  amountRefunded: 0,
  createdAt: '2026-11-26T00:00:00.000Z',
  updatedAt: '2026-11-26T00:00:00.000Z',
  ...fields,
});

const NOW = '2026-11-26T12:00:00.000Z';
const events: Record<string, PaymentEvent> = {
  succeeded: {
    type: 'succeeded',
    paymentId: 'pi_1',
    amount: 1000,
    currency: 'usd',
  },
  processing: {type: 'processing', paymentId: 'pi_1'},
  failed: {type: 'failed', paymentId: 'pi_1'},
  canceled: {type: 'canceled', paymentId: 'pi_1'},
};

describe('the order state machine', () => {
  it('lists every status of the contract exactly once', () => {
    assert.deepEqual([...ORDER_STATUSES].sort(), [
      'canceled',
      'disputed',
      'failed',
      'needs_review',
      'paid',
      'partially_refunded',
      'pending',
      'processing',
      'refunded',
    ]);
    assert.deepEqual([...SETTLED_STATUSES].sort(), [
      'disputed',
      'paid',
      'partially_refunded',
      'refunded',
    ]);
  });

  it('handles exactly the Stripe event types it documents', () => {
    assert.deepEqual(Object.keys(STRIPE_EVENT_HANDLERS).sort(), [
      'charge.dispute.closed',
      'charge.dispute.created',
      'charge.refunded',
      'checkout.session.async_payment_failed',
      'checkout.session.async_payment_succeeded',
      'checkout.session.completed',
      'checkout.session.expired',
      'payment_intent.canceled',
      'payment_intent.payment_failed',
      'payment_intent.processing',
      'payment_intent.succeeded',
    ]);
  });

  // from status × event → resulting status (null: unchanged)
  const table: [string, string, string | null][] = [
    ['pending', 'succeeded', 'paid'],
    ['processing', 'succeeded', 'paid'],
    ['failed', 'succeeded', 'paid'],
    ['paid', 'succeeded', null],
    ['canceled', 'succeeded', null],
    ['needs_review', 'succeeded', null],
    ['pending', 'processing', 'processing'],
    ['failed', 'processing', 'processing'],
    ['paid', 'processing', null],
    ['pending', 'failed', 'failed'],
    ['processing', 'failed', 'failed'],
    ['paid', 'failed', null],
    ['refunded', 'failed', null],
    ['pending', 'canceled', 'canceled'],
    ['paid', 'canceled', null],
    ['disputed', 'canceled', null],
  ];
  for (const [from, event, to] of table) {
    it(`${from} + ${event} → ${to ?? 'unchanged'}`, () => {
      const patch = applyPaymentEvent(
        order({status: from as Order['status']}),
        events[event],
        NOW
      );
      assert.equal(patch?.status ?? null, to);
    });
  }

  it('stamps paidAt when an order becomes paid', () => {
    assert.equal(
      applyPaymentEvent(order(), events.succeeded, NOW)?.paidAt,
      NOW
    );
  });

  it('hands a paid Checkout Session over to its PaymentIntent, which refunds and disputes name', () => {
    const patch = applyPaymentEvent(
      order({providerPaymentId: 'cs_1'}),
      {
        type: 'succeeded',
        paymentId: 'cs_1',
        amount: 1000,
        currency: 'usd',
        handOverTo: 'pi_9',
      },
      NOW
    );
    assert.deepEqual(
      [patch?.status, patch?.providerPaymentId],
      ['paid', 'pi_9']
    );
  });

  it('adopts the payment of an order whose creation call failed before it learned the id', () => {
    const patch = applyPaymentEvent(
      order({providerPaymentId: undefined}),
      events.succeeded,
      NOW
    );
    assert.deepEqual(
      [patch?.status, patch?.providerPaymentId],
      ['paid', 'pi_1']
    );
  });
});

describe('disputes reported out of order', () => {
  const opened = (id: string): PaymentEvent => ({
    type: 'dispute_opened',
    paymentId: 'pi_1',
    disputeStatus: 'needs_response',
    dispute: {id, amount: 1000},
  });
  const closed = (id: string, disputeStatus: string): PaymentEvent => ({
    type: 'dispute_closed',
    paymentId: 'pi_1',
    disputeStatus,
    dispute: {id},
  });
  const after = (start: Order, ...sequence: PaymentEvent[]): Order =>
    sequence.reduce(
      (current, event) => ({
        ...current,
        ...applyPaymentEvent(current, event, NOW),
      }),
      start
    );
  const paid = order({status: 'paid'});

  it('a dispute won before its opening arrived leaves the order paid; the late opening is old news', () => {
    const won = after(paid, closed('dp_1', 'won'));
    assert.equal(won.status, 'paid');
    assert.equal(won.disputeStatus, 'won');
    assert.equal(won.dispute?.id, 'dp_1');
    assert.equal(applyPaymentEvent(won, opened('dp_1'), NOW), null);
  });

  it('a dispute lost before its opening arrived marks the order disputed; the late opening changes nothing', () => {
    const lost = after(paid, closed('dp_1', 'lost'));
    assert.equal(lost.status, 'disputed');
    assert.equal(lost.dispute?.id, 'dp_1');
    assert.equal(applyPaymentEvent(lost, opened('dp_1'), NOW), null);
  });

  it('in order, and with duplicates, ends as before: won gives the money back, once', () => {
    const won = after(paid, opened('dp_1'), closed('dp_1', 'won'));
    assert.equal(won.status, 'paid');
    assert.equal(applyPaymentEvent(won, closed('dp_1', 'won'), NOW), null);
    assert.equal(applyPaymentEvent(won, opened('dp_1'), NOW), null);
  });

  it('a new dispute after one that ended is a new dispute', () => {
    const won = after(paid, opened('dp_1'), closed('dp_1', 'won'));
    const again = after(won, opened('dp_2'));
    assert.equal(again.status, 'disputed');
    assert.equal(again.dispute?.id, 'dp_2');
  });

  it('a close that names no dispute, on an order never disputed, changes nothing (as before)', () => {
    assert.equal(
      applyPaymentEvent(
        paid,
        {type: 'dispute_closed', paymentId: 'pi_1', disputeStatus: 'won'},
        NOW
      ),
      null
    );
  });
});
