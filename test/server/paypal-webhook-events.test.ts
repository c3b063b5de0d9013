/** POST /api/webhooks/paypal: what each event does to an order. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {PAYPAL_EVENT_HANDLERS} from '../../server/providers/paypal/events.js';
import {seedPaypalOrder} from './paypal-fixtures.js';
import {
  captureResource,
  deliverPaypal,
  paypalEvent,
  refundResource,
} from './paypal-webhook-fixtures.js';
import {
  completed,
  denied,
  pending,
  PP_A,
  server,
  status,
  useSeededPaypalServer,
} from './paypal-webhook-helpers.js';

describe('POST /api/webhooks/paypal', () => {
  useSeededPaypalServer();

  describe('event semantics', () => {
    it('applies a duplicate delivery once, and concurrent duplicates once', async () => {
      const body = completed();
      assert.equal(
        (await (await deliverPaypal(server.app, body)).json()).outcome,
        'applied'
      );
      // PayPal's retry: the same event id, re-signed.
      assert.equal(
        (await (await deliverPaypal(server.app, body)).json()).outcome,
        'duplicate'
      );
      await seedPaypalOrder(server, 'ord_B', 'PPB00000000000000');
      const twin = paypalEvent(
        'PAYMENT.CAPTURE.COMPLETED',
        captureResource('ord_B', 'PPB00000000000000')
      );
      const results = await Promise.all([
        deliverPaypal(server.app, twin),
        deliverPaypal(server.app, twin),
      ]);
      const outcomes = await Promise.all(
        results.map(async (r) => (await r.json()).outcome)
      );
      assert.deepEqual(outcomes.sort(), ['applied', 'duplicate']);
      assert.deepEqual((await server.settled()).map((o) => o.id).sort(), [
        'ord_A',
        'ord_B',
      ]);
    });

    it('fulfils once when two different events both report the capture concurrently', async () => {
      await Promise.all([
        deliverPaypal(server.app, completed()),
        deliverPaypal(server.app, completed()),
      ]);
      assert.equal((await server.settled()).length, 1);
    });

    it('keeps a PENDING capture unpaid, then pays on COMPLETED; a late PENDING leaves it paid', async () => {
      await deliverPaypal(server.app, pending());
      assert.equal(await status(), 'processing');
      assert.equal((await server.settled()).length, 0);
      await deliverPaypal(server.app, completed());
      assert.equal(await status(), 'paid');
      await deliverPaypal(server.app, pending());
      await deliverPaypal(server.app, denied());
      assert.equal(await status(), 'paid');
      assert.equal((await server.settled()).length, 1);
    });

    it('marks a DENIED capture failed', async () => {
      await deliverPaypal(server.app, pending());
      await deliverPaypal(server.app, denied());
      assert.equal(await status(), 'failed');
      assert.equal((await server.settled()).length, 0);
    });

    it('sends a capture for another amount, currency or order to review, without fulfilment', async () => {
      const cases: [string, Parameters<typeof captureResource>[2]][] = [
        ['ord_1', {value: '49.99'}],
        ['ord_2', {currency: 'EUR'}],
        ['ord_3', {customId: 'ord_someone_else'}],
        ['ord_4', {customId: null}],
        ['ord_5', {value: '50'}], // the same amount, written differently, is still 50.00
        ['ord_6', {value: 'fifty'}],
      ];
      for (const [id, fields] of cases) {
        const paypalOrderId = `PP${id.toUpperCase().replace('_', '')}0000000000`;
        await seedPaypalOrder(server, id, paypalOrderId);
        const capture = {...captureResource(id, paypalOrderId, fields)};
        await deliverPaypal(
          server.app,
          paypalEvent('PAYMENT.CAPTURE.COMPLETED', capture)
        );
      }
      const statuses = await Promise.all(
        cases.map(async ([id]) => (await server.store.get(id))!.status)
      );
      assert.deepEqual(statuses, [
        'needs_review',
        'needs_review',
        'needs_review',
        'needs_review',
        'paid',
        'needs_review',
      ]);
      assert.deepEqual(
        (await server.settled()).map((o) => o.id),
        ['ord_5']
      );
    });

    it('does not apply a capture of another PayPal order to an order that names itself in custom_id', async () => {
      const res = await deliverPaypal(
        server.app,
        paypalEvent(
          'PAYMENT.CAPTURE.COMPLETED',
          captureResource('ord_A', 'PPOTHER0000000000')
        )
      );
      assert.equal(res.status, 200);
      assert.equal(await status(), 'pending');
    });

    it('finds an order by custom_id when its PayPal order id was never stored', async () => {
      await server.store.create(
        {
          id: 'ord_C',
          provider: 'paypal',
          currency: 'usd',
          subtotal: 5000,
          total: 5000,
          discount: 0,
          shipping: 0,
          tax: 0,
          taxInclusive: false,
          lines: [],
        },
        'unused-token-hash'
      );
      await deliverPaypal(
        server.app,
        paypalEvent(
          'PAYMENT.CAPTURE.COMPLETED',
          captureResource('ord_C', 'PPC00000000000000')
        )
      );
      const order = (await server.store.get('ord_C'))!;
      assert.deepEqual(
        [order.status, order.providerPaymentId],
        ['paid', 'PPC00000000000000']
      );
    });

    it('ignores, with 200, events about orders we did not create and types we do not handle', async () => {
      for (const body of [
        paypalEvent(
          'PAYMENT.CAPTURE.COMPLETED',
          captureResource('ord_nobody', 'PPNOBODY000000000')
        ),
        paypalEvent('PAYMENT.CAPTURE.COMPLETED', {
          id: 'CAP1',
          status: 'COMPLETED',
        }),
        paypalEvent('CHECKOUT.ORDER.APPROVED', {id: PP_A, status: 'APPROVED'}),
        paypalEvent('BILLING.SUBSCRIPTION.CREATED', {id: 'I-1'}),
      ]) {
        const res = await deliverPaypal(server.app, body);
        assert.equal(res.status, 200);
        assert.equal((await res.json()).outcome, 'ignored');
      }
      assert.equal(await status(), 'pending');
    });

    it('records refunds by PayPal’s cumulative total: partial, then full, each event once', async () => {
      await deliverPaypal(server.app, completed());
      const partial = paypalEvent(
        'PAYMENT.CAPTURE.REFUNDED',
        refundResource('ord_A', '10.00', '10.00')
      );
      await deliverPaypal(server.app, partial);
      await deliverPaypal(server.app, partial);
      let order = (await server.store.get('ord_A'))!;
      assert.deepEqual(
        [order.status, order.amountRefunded],
        ['partially_refunded', 1000]
      );
      await deliverPaypal(
        server.app,
        paypalEvent(
          'PAYMENT.CAPTURE.REFUNDED',
          refundResource('ord_A', '40.00', '50.00')
        )
      );
      order = (await server.store.get('ord_A'))!;
      assert.deepEqual(
        [order.status, order.amountRefunded],
        ['refunded', 5000]
      );
    });

    it('adds up refunds that carry no cumulative total, each event once', async () => {
      await deliverPaypal(server.app, completed());
      const first = paypalEvent(
        'PAYMENT.CAPTURE.REFUNDED',
        refundResource('ord_A', '15.00')
      );
      await deliverPaypal(server.app, first);
      await deliverPaypal(server.app, first);
      await deliverPaypal(
        server.app,
        paypalEvent('PAYMENT.CAPTURE.REFUNDED', refundResource('ord_A', '5.00'))
      );
      const order = (await server.store.get('ord_A'))!;
      assert.deepEqual(
        [order.status, order.amountRefunded],
        ['partially_refunded', 2000]
      );
    });

    it('treats a reversal as money taken back: refunded by its amount, or in full', async () => {
      await deliverPaypal(server.app, completed());
      await deliverPaypal(
        server.app,
        paypalEvent(
          'PAYMENT.CAPTURE.REVERSED',
          refundResource('ord_A', '20.00')
        )
      );
      assert.deepEqual(
        [await status(), (await server.store.get('ord_A'))!.amountRefunded],
        ['partially_refunded', 2000]
      );
      const whole = {...refundResource('ord_A', '0'), amount: undefined};
      await deliverPaypal(
        server.app,
        paypalEvent('PAYMENT.CAPTURE.REVERSED', whole)
      );
      assert.deepEqual(
        [await status(), (await server.store.get('ord_A'))!.amountRefunded],
        ['refunded', 5000]
      );
    });

    it('marks a dispute, idempotently, found by the disputed transaction’s invoice number; a won one is paid again', async () => {
      await deliverPaypal(server.app, completed());
      const dispute = {
        dispute_id: 'PP-D-27803',
        reason: 'MERCHANDISE_OR_SERVICE_NOT_RECEIVED',
        status: 'WAITING_FOR_SELLER_RESPONSE',
        disputed_transactions: [
          {seller_transaction_id: 'CAP1', invoice_number: 'ord_A'},
        ],
        dispute_amount: {currency_code: 'USD', value: '50.00'},
      };
      const created = paypalEvent('CUSTOMER.DISPUTE.CREATED', dispute);
      assert.equal(
        (await (await deliverPaypal(server.app, created)).json()).outcome,
        'applied'
      );
      assert.equal(
        (await (await deliverPaypal(server.app, created)).json()).outcome,
        'duplicate'
      );
      let order = (await server.store.get('ord_A'))!;
      assert.deepEqual(
        [order.status, order.disputeStatus],
        ['disputed', 'waiting_for_seller_response']
      );
      await deliverPaypal(
        server.app,
        paypalEvent('CUSTOMER.DISPUTE.RESOLVED', {
          ...dispute,
          status: 'RESOLVED',
          dispute_outcome: {outcome_code: 'RESOLVED_SELLER_FAVOUR'},
        })
      );
      order = (await server.store.get('ord_A'))!;
      assert.deepEqual([order.status, order.disputeStatus], ['paid', 'won']);
      assert.equal((await server.settled()).length, 1);
    });

    it('handles exactly the event types it lists (a table, tested as data)', () => {
      assert.deepEqual(Object.keys(PAYPAL_EVENT_HANDLERS).sort(), [
        'CUSTOMER.DISPUTE.CREATED',
        'CUSTOMER.DISPUTE.RESOLVED',
        'CUSTOMER.DISPUTE.UPDATED',
        'PAYMENT.CAPTURE.COMPLETED',
        'PAYMENT.CAPTURE.DECLINED',
        'PAYMENT.CAPTURE.DENIED',
        'PAYMENT.CAPTURE.PENDING',
        'PAYMENT.CAPTURE.REFUNDED',
        'PAYMENT.CAPTURE.REVERSED',
      ]);
    });
  });
});
