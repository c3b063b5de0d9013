import {expect, html, oneEvent} from '@open-wc/testing';
import type {
  PayCancelEvent,
  PayChangeEvent,
  PayErrorEvent,
  PaySubmitEvent,
  PaySuccessEvent,
} from '../../widget/index.js';
import {error} from './fake-server.js';
import {
  alertRegion,
  part,
  ready,
  record,
  statusRegion,
  text,
} from './helpers.js';
import {paypal, server, twoTees, usePaypalFakes} from './paypal.helpers.js';

usePaypalFakes();

describe('<pay-checkout provider="paypal">', () => {
  describe('paying', () => {
    it('createOrder fires pay-submit, posts the cart with the total the buyer saw, and opens PayPal on the order', async () => {
      const {el} = await ready(
        html`<pay-checkout provider="paypal" email="ada@example.com">
          <pay-item sku="tee" quantity="2"></pay-item>
          <pay-item sku="mug"></pay-item>
        </pay-checkout>`
      );

      const submitted = oneEvent(el, 'pay-submit') as Promise<PaySubmitEvent>;
      const created = await paypal.click();
      const {detail} = await submitted;

      expect(created).to.deep.equal({orderID: 'PAYPAL-ORDER-1'});
      expect(detail.provider).to.equal('paypal');
      expect(detail.quote.total).to.equal(4234);
      expect(server.requestsTo('/api/paypal/orders')[0]!.body).to.deep.equal({
        items: [
          {sku: 'tee', quantity: 2},
          {sku: 'mug', quantity: 1},
        ],
        currency: 'usd',
        email: 'ada@example.com',
        locale: navigator.language,
        expectedTotal: 4234,
      });
    });

    it('approve → capture → poll → pay-success, once', async () => {
      server.orderStatuses = ['processing', 'paid'];
      const {el} = await ready(twoTees());
      const seen = record(el);

      const succeeded = oneEvent(el, 'pay-success') as Promise<PaySuccessEvent>;
      await paypal.click();
      await paypal.approve();
      const {detail} = await succeeded;
      await el.updateComplete;

      const captures = server.requestsTo(
        '/api/paypal/orders/PAYPAL-ORDER-1/capture'
      );
      expect(captures).to.have.length(1);
      expect(captures[0]!.method).to.equal('POST');
      expect(captures[0]!.headers.get('Authorization')).to.equal(
        'Bearer tok_secret'
      );
      expect(server.requestsTo('/api/orders/ord_1')).to.have.length(2);
      expect(detail).to.deep.equal({
        orderId: 'ord_1',
        status: 'paid',
        total: 3000,
        currency: 'usd',
        provider: 'paypal',
      });
      expect(text(statusRegion(el))).to.equal('Payment received — order ord_1');
      expect(part(el, 'payment')!.hidden).to.equal(true);
      expect(seen).to.deep.equal(['pay-submit', 'pay-success']);
    });

    it('stops before any order or PayPal window when pay-submit is cancelled', async () => {
      const {el} = await ready(twoTees());
      const seen = record(el);
      el.addEventListener('pay-submit', (event) => event.preventDefault(), {
        once: true,
      });

      const cancelled = oneEvent(el, 'pay-cancel') as Promise<PayCancelEvent>;
      const created = await paypal.click();
      const {detail} = await cancelled;

      expect(detail).to.deep.equal({provider: 'paypal', reason: 'prevented'});
      expect(created).to.have.property('error');
      expect(server.requestsTo('/api/paypal/orders')).to.have.length(0);
      // PayPal's onError for the refused createOrder is not reported as a second outcome.
      expect(seen).to.deep.equal(['pay-submit', 'pay-cancel']);
      expect(text(alertRegion(el))).to.equal('');

      // The buyer can still pay.
      const succeeded = oneEvent(el, 'pay-success');
      await paypal.click();
      await paypal.approve();
      await succeeded;
    });

    it('shows the new total and opens nothing when prices changed', async () => {
      server.priceBumpAtPayment = 100;
      const {el} = await ready(twoTees());
      const seen = record(el);

      const changed = oneEvent(el, 'pay-change') as Promise<PayChangeEvent>;
      const failed = oneEvent(el, 'pay-error') as Promise<PayErrorEvent>;
      const created = await paypal.click();
      const {detail} = await failed;
      const {detail: change} = await changed;
      await el.updateComplete;

      expect(created).to.have.property('error');
      expect(detail).to.deep.equal({
        code: 'price_changed',
        message: 'Prices changed; please review the new total.',
        provider: 'paypal',
      });
      expect(change.quote.total).to.equal(3200);
      expect(text(part(el, 'total'))).to.contain('32.00');
      expect(text(alertRegion(el))).to.equal(
        'Prices changed; please review the new total.'
      );
      expect(server.requestsTo('/api/paypal/orders')).to.have.length(1);
      expect(seen).to.deep.equal(['pay-submit', 'pay-error']);

      // Paying again sends the new total.
      const succeeded = oneEvent(el, 'pay-success');
      await paypal.click();
      await paypal.approve();
      await succeeded;
      expect(server.requestsTo('/api/paypal/orders')[1]!.body).to.deep.include({
        expectedTotal: 3200,
      });
    });

    it('restarts PayPal on instrument_declined, says so, and pays with the next funding source', async () => {
      server.captureAnswers = [
        error(402, 'instrument_declined', 'Declined'),
        {status: 200, body: {orderId: 'ord_1', status: 'paid'}},
      ];
      const {el} = await ready(twoTees());
      const seen = record(el);

      await paypal.click();
      await paypal.approve();
      await el.updateComplete;

      expect(paypal.restarts).to.equal(1);
      expect(text(alertRegion(el))).to.equal(
        'Your card was declined by PayPal; choose another way to pay.'
      );
      // The attempt goes on inside PayPal's window: no outcome yet.
      expect(seen).to.deep.equal(['pay-submit']);

      const succeeded = oneEvent(el, 'pay-success') as Promise<PaySuccessEvent>;
      await paypal.approve();
      const {detail} = await succeeded;
      await el.updateComplete;

      expect(detail.orderId).to.equal('ord_1');
      expect(
        server.requestsTo('/api/paypal/orders/PAYPAL-ORDER-1/capture')
      ).to.have.length(2);
      expect(server.requestsTo('/api/paypal/orders')).to.have.length(1);
      expect(text(alertRegion(el))).to.equal('');
      expect(seen).to.deep.equal(['pay-submit', 'pay-success']);
    });

    it('fires pay-cancel when the buyer closes PayPal, charges nothing, and says so politely', async () => {
      const {el} = await ready(
        html`<pay-checkout provider="paypal" locale="fr" email="ada@example.com"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      const seen = record(el);

      const cancelled = oneEvent(el, 'pay-cancel') as Promise<PayCancelEvent>;
      await paypal.click();
      paypal.cancel();
      const {detail} = await cancelled;
      await el.updateComplete;

      expect(detail).to.deep.equal({provider: 'paypal', reason: 'buyer'});
      expect(
        server.requestsTo('/api/paypal/orders/PAYPAL-ORDER-1/capture')
      ).to.have.length(0);
      expect(text(statusRegion(el))).to.equal(
        "Paiement annulé. Aucun montant n'a été débité."
      );
      expect(text(alertRegion(el))).to.equal('');
      expect(seen).to.deep.equal(['pay-submit', 'pay-cancel']);
    });

    it('reports a PayPal failure with a friendly message', async () => {
      const {el} = await ready(
        html`<pay-checkout provider="paypal" locale="de" email="ada@example.com"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );

      const failed = oneEvent(el, 'pay-error') as Promise<PayErrorEvent>;
      await paypal.click();
      paypal.fail();
      const {detail} = await failed;
      await el.updateComplete;

      expect(detail).to.deep.equal({
        code: 'paypal_error',
        message:
          'PayPal konnte Ihre Zahlung nicht abschließen. Es wurde nichts abgebucht; bitte versuchen Sie es erneut oder wählen Sie eine andere Zahlungsart.',
        provider: 'paypal',
        orderId: 'ord_1',
      });
      expect(text(alertRegion(el))).to.equal(detail.message);
    });

    it('reports a refused capture and lets the buyer try again', async () => {
      server.captureAnswers = [
        error(502, 'provider_error', 'Refused'),
        {status: 200, body: {orderId: 'ord_1', status: 'paid'}},
      ];
      const {el} = await ready(twoTees());

      const failed = oneEvent(el, 'pay-error') as Promise<PayErrorEvent>;
      await paypal.click();
      await paypal.approve();
      const {detail} = await failed;

      expect(detail).to.deep.include({
        code: 'provider_error',
        orderId: 'ord_1',
      });
      expect(server.requestsTo('/api/orders/ord_1')).to.have.length(0);

      const succeeded = oneEvent(el, 'pay-success');
      await paypal.click();
      await paypal.approve();
      await succeeded;
    });

    it('asks the order, rather than inviting a second payment, when the capture answer is lost', async () => {
      server.captureAnswers = [
        error(503, 'provider_unavailable', 'PayPal is not answering'),
      ];
      const {el} = await ready(twoTees());

      const succeeded = oneEvent(el, 'pay-success') as Promise<PaySuccessEvent>;
      await paypal.click();
      await paypal.approve();
      const {detail} = await succeeded;

      expect(detail).to.deep.include({orderId: 'ord_1', status: 'paid'});
    });

    it('refuses clicks while a cart change is being re-quoted', async () => {
      const {el} = await ready(twoTees());
      const release = server.hold('/api/quote');

      el.items = [{sku: 'mug', quantity: 1}];
      await el.updateComplete;
      expect(part(el, 'payment')!.classList.contains('payment--busy')).to.equal(
        true
      );
      // The buttons' own light-DOM node is inert: no ancestor style decides whether it takes
      // clicks (Chromium kept a stale `.payment--busy ::slotted()` pointer-events:none).
      const buttons = el.querySelector('[slot="paypal-buttons"]')!;
      expect(buttons.hasAttribute('inert')).to.equal(true);
      const created = await paypal.click();
      expect(created).to.have.property('error');
      expect(server.requestsTo('/api/paypal/orders')).to.have.length(0);

      const changed = oneEvent(el, 'pay-change');
      release();
      await changed;
      await el.updateComplete;
      expect(part(el, 'payment')!.classList.contains('payment--busy')).to.equal(
        false
      );
      expect(buttons.hasAttribute('inert')).to.equal(false);
      expect(getComputedStyle(buttons).pointerEvents).to.equal('auto');
    });
  });
});
