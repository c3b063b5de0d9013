import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import type {
  PayCheckout,
  PayErrorEvent,
  PaySuccessEvent,
} from '../../widget/index.js';
import {
  alertRegion,
  money,
  part,
  payButton,
  statusRegion,
  text,
} from './helpers.js';
import {server, stripe, twoTees, useFakes} from './pay-checkout.helpers.js';

useFakes();

describe('<pay-checkout>', () => {
  describe('redirect return', () => {
    let original: string;
    beforeEach(() => {
      original = location.href;
    });
    afterEach(() => {
      history.replaceState(null, '', original);
    });

    /**
     * This page loads as the return_url of a Stripe redirect for pi_1, whose order this tab
     * remembered before leaving.
     */
    function returnFromStripe(status: 'succeeded' | 'failed') {
      const url = new URL(location.href);
      url.searchParams.set('payment_intent', 'pi_1');
      url.searchParams.set('payment_intent_client_secret', 'pi_1_secret_abc');
      url.searchParams.set('redirect_status', status);
      history.replaceState(null, '', url);
      sessionStorage.setItem(
        'pay-checkout:stripe:pi_1',
        JSON.stringify({orderId: 'ord_1', orderToken: 'tok_secret'})
      );
      server.lastOrderTotal = 3000;
    }

    it('finishes the payment it returns from and cleans the URL', async () => {
      returnFromStripe('succeeded');

      const succeeded = oneEvent(
        document,
        'pay-success'
      ) as Promise<PaySuccessEvent>;
      const el = await fixture<PayCheckout>(twoTees());
      const {detail} = await succeeded;
      await el.updateComplete;

      expect(stripe.retrieved).to.deep.equal(['pi_1_secret_abc']);
      expect(detail).to.deep.include({
        orderId: 'ord_1',
        status: 'paid',
        provider: 'stripe',
      });
      const cleaned = new URL(location.href).searchParams;
      expect(cleaned.has('payment_intent')).to.equal(false);
      expect(cleaned.has('payment_intent_client_secret')).to.equal(false);
      expect(cleaned.has('redirect_status')).to.equal(false);
      expect(location.href).to.equal(original);
      expect(text(statusRegion(el))).to.equal('Payment received — order ord_1');
      expect(server.requestsTo('/api/stripe/payment-intents')).to.have.length(
        0
      );
    });

    it('finishes it on a return page without a cart, mounting no form', async () => {
      returnFromStripe('succeeded');

      const succeeded = oneEvent(
        document,
        'pay-success'
      ) as Promise<PaySuccessEvent>;
      const el = await fixture<PayCheckout>(
        html`<pay-checkout></pay-checkout>`
      );
      const {detail} = await succeeded;
      await el.updateComplete;

      expect(detail).to.deep.include({orderId: 'ord_1', status: 'paid'});
      expect(stripe.retrieved).to.deep.equal(['pi_1_secret_abc']);
      expect(stripe.elementsOptions).to.have.length(0);
      expect(location.href).to.equal(original);
      expect(text(statusRegion(el))).to.equal('Payment received — order ord_1');
      expect(text(part(el, 'total'))).to.equal(`Total ${money(30, 'USD')}`);
      expect(el.shadowRoot!.querySelector('.empty')).to.equal(null);
      expect(payButton(el)).to.equal(null);
    });

    it('reports a failed redirect', async () => {
      returnFromStripe('failed');
      stripe.retrieveResult = {
        paymentIntent: {id: 'pi_1', status: 'requires_payment_method'},
      };

      const failed = oneEvent(document, 'pay-error') as Promise<PayErrorEvent>;
      const el = await fixture<PayCheckout>(twoTees());
      const {detail} = await failed;
      await el.updateComplete;

      expect(detail).to.deep.include({
        code: 'payment_failed',
        orderId: 'ord_1',
      });
      expect(text(alertRegion(el))).to.equal(detail.message);
      expect(
        new URL(location.href).searchParams.has('redirect_status')
      ).to.equal(false);
      expect(server.requestsTo('/api/orders/ord_1')).to.have.length(0);
      expect(payButton(el).disabled).to.equal(false);
    });
  });
});
