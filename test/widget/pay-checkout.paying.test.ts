import {expect, html, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {
  PayChangeEvent,
  PayErrorEvent,
  PaySubmitEvent,
  PaySuccessEvent,
} from '../../widget/index.js';
import {
  alertRegion,
  money,
  part,
  payButton,
  ready,
  statusRegion,
  text,
} from './helpers.js';
import {
  pay,
  server,
  stripe,
  twoTees,
  useFakes,
} from './pay-checkout.helpers.js';

useFakes();

describe('<pay-checkout>', () => {
  describe('paying', () => {
    it('fires a cancelable pay-submit with the quote and provider', async () => {
      const {el} = await ready(twoTees());

      const submitted = oneEvent(el, 'pay-submit') as Promise<PaySubmitEvent>;
      const succeeded = oneEvent(el, 'pay-success');
      payButton(el).click();
      const event = await submitted;
      await succeeded;

      expect(event.cancelable).to.equal(true);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.provider).to.equal('stripe');
      expect(event.detail.quote.total).to.equal(3000);
    });

    it('stops when pay-submit is cancelled, and fires pay-cancel', async () => {
      const {el} = await ready(twoTees());
      el.addEventListener('pay-submit', (event) => event.preventDefault(), {
        once: true,
      });

      const {detail} = await pay(el, 'pay-cancel');

      expect(detail).to.deep.equal({provider: 'stripe', reason: 'prevented'});
      expect(stripe.submits).to.equal(0);
      expect(server.requestsTo('/api/stripe/payment-intents')).to.have.length(
        0
      );
      expect(payButton(el).disabled).to.equal(false);
    });

    it('pays: submits, creates the intent, confirms, polls the order and fires pay-success', async () => {
      server.orderStatuses = ['pending', 'processing', 'paid'];
      const {el} = await ready(
        html`<pay-checkout email="ada@example.com" return-url="/thanks">
          <pay-item sku="tee" quantity="2"></pay-item>
        </pay-checkout>`
      );

      const {detail} = (await pay(el, 'pay-success')) as PaySuccessEvent;
      await el.updateComplete;

      expect(stripe.submits).to.equal(1);
      expect(
        server.requestsTo('/api/stripe/payment-intents')[0]!.body
      ).to.deep.equal({
        items: [{sku: 'tee', quantity: 2}],
        currency: 'usd',
        email: 'ada@example.com',
        // No locale attribute, config locale or <html lang>: the browser's.
        locale: navigator.language,
        expectedTotal: 3000,
      });
      expect(stripe.confirms[0]).to.deep.include({
        clientSecret: 'pi_1_secret_abc',
        redirect: 'if_required',
        confirmParams: {return_url: new URL('/thanks', location.href).href},
      });
      const polls = server.requestsTo('/api/orders/ord_1');
      expect(polls).to.have.length(3);
      expect(polls[0]!.headers.get('Authorization')).to.equal(
        'Bearer tok_secret'
      );
      expect(detail).to.deep.equal({
        orderId: 'ord_1',
        status: 'paid',
        total: 3000,
        currency: 'usd',
        provider: 'stripe',
      });
      expect(text(statusRegion(el))).to.equal('Payment received — order ord_1');
      expect(statusRegion(el).getAttribute('aria-live')).to.equal('polite');
      expect(payButton(el)).to.equal(null);
      expect(part(el, 'payment')!.hidden).to.equal(true);
    });

    it('shows "Confirming payment…" while the order is being confirmed', async () => {
      server.orderStatuses = ['processing', 'paid'];
      const {el} = await ready(twoTees());
      const release = server.hold('/api/orders/ord_1');

      const succeeded = oneEvent(el, 'pay-success');
      payButton(el).click();
      await waitUntil(
        () => text(statusRegion(el)) === 'Confirming payment…',
        'no confirming status'
      );
      expect(payButton(el).disabled).to.equal(true);
      expect(text(payButton(el))).to.equal('Processing…');
      release();
      await succeeded;
    });

    it('remembers the order in sessionStorage, keyed by the intent, before confirming', async () => {
      const {el} = await ready(twoTees());
      let stored: string | null = null;
      stripe.onConfirm = () =>
        (stored = sessionStorage.getItem('pay-checkout:stripe:pi_1'));

      await pay(el, 'pay-success');

      expect(JSON.parse(stored!)).to.deep.equal({
        orderId: 'ord_1',
        orderToken: 'tok_secret',
      });
    });

    it('sends one payment whatever the number of clicks', async () => {
      const {el} = await ready(twoTees());
      let release!: () => void;
      stripe.confirmGate = new Promise((resolve) => (release = resolve));

      const succeeded = oneEvent(el, 'pay-success');
      const button = payButton(el);
      button.click();
      button.click();
      await waitUntil(() => stripe.confirms.length === 1, 'never confirmed');
      await el.updateComplete;
      expect(button.disabled).to.equal(true);
      button.click();
      release();
      await succeeded;

      expect(stripe.submits).to.equal(1);
      expect(server.requestsTo('/api/stripe/payment-intents')).to.have.length(
        1
      );
      expect(stripe.confirms).to.have.length(1);
    });

    it('shows a decline in role="alert", re-enables Pay and fires pay-error', async () => {
      stripe.confirmResult = {
        error: {
          type: 'card_error',
          code: 'card_declined',
          decline_code: 'generic_decline',
          message: 'Your card was declined.',
        },
      };
      const {el} = await ready(twoTees());

      const {detail} = (await pay(el, 'pay-error')) as PayErrorEvent;
      await el.updateComplete;

      expect(detail).to.deep.equal({
        code: 'card_declined',
        message: 'Your card was declined. Please try another card.',
        provider: 'stripe',
        orderId: 'ord_1',
      });
      expect(text(alertRegion(el))).to.equal(detail.message);
      expect(alertRegion(el).getAttribute('part')).to.include('message');
      expect(payButton(el).disabled).to.equal(false);
      expect(sessionStorage.getItem('pay-checkout:stripe:pi_1')).to.equal(null);
    });

    it('names the precise decline reason when Stripe gives one', async () => {
      stripe.confirmResult = {
        error: {
          type: 'card_error',
          code: 'card_declined',
          decline_code: 'insufficient_funds',
          message: 'x',
        },
      };
      const {el} = await ready(
        html`<pay-checkout locale="de" email="ada@example.com"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );

      const {detail} = (await pay(el, 'pay-error')) as PayErrorEvent;

      expect(detail.code).to.equal('insufficient_funds');
      expect(detail.message).to.equal(
        'Ihre Karte ist nicht ausreichend gedeckt. Bitte versuchen Sie es mit einer anderen Karte.'
      );
    });

    it("falls back to Stripe's own message for codes it has no sentence for", async () => {
      stripe.confirmResult = {
        error: {
          type: 'invalid_request_error',
          code: 'amount_too_small',
          message: 'Amount must be at least $0.50.',
        },
      };
      const {el} = await ready(twoTees());

      const {detail} = (await pay(el, 'pay-error')) as PayErrorEvent;

      expect(detail).to.deep.include({
        code: 'amount_too_small',
        message: 'Amount must be at least $0.50.',
      });
    });

    it('stops at validation errors without creating an intent', async () => {
      stripe.submitResult = {
        error: {
          type: 'validation_error',
          code: 'incomplete_number',
          message: 'Your card number is incomplete.',
        },
      };
      const {el} = await ready(twoTees());

      const {detail} = (await pay(el, 'pay-error')) as PayErrorEvent;

      expect(detail).to.deep.include({
        code: 'validation_error',
        message: 'Please check your payment details.',
      });
      expect(server.requestsTo('/api/stripe/payment-intents')).to.have.length(
        0
      );
      expect(stripe.confirms).to.have.length(0);
    });

    it('shows the new total and charges nothing when prices changed', async () => {
      server.priceBumpAtPayment = 100;
      const {el} = await ready(twoTees());

      const changed = oneEvent(el, 'pay-change') as Promise<PayChangeEvent>;
      const {detail} = (await pay(el, 'pay-error')) as PayErrorEvent;
      const {detail: change} = await changed;
      await el.updateComplete;

      expect(detail).to.deep.include({
        code: 'price_changed',
        message: 'Prices changed; please review the new total.',
      });
      expect(change.quote.total).to.equal(3200);
      expect(stripe.confirms).to.have.length(0);
      expect(text(part(el, 'total'))).to.equal(`Total ${money(32, 'USD')}`);
      expect(text(alertRegion(el))).to.equal(
        'Prices changed; please review the new total.'
      );
      expect(stripe.updates.at(-1)).to.deep.equal({
        amount: 3200,
        currency: 'usd',
      });
      expect(payButton(el).disabled).to.equal(false);
      expect(text(payButton(el))).to.equal(`Pay ${money(32, 'USD')}`);
    });

    it('tells the buyer when the order needs review, and does not offer to pay again', async () => {
      server.orderStatuses = ['needs_review'];
      const {el} = await ready(twoTees());

      const {detail} = (await pay(el, 'pay-error')) as PayErrorEvent;
      await el.updateComplete;

      expect(detail.code).to.equal('order_needs_review');
      expect(detail.orderId).to.equal('ord_1');
      expect(text(alertRegion(el))).to.contain('needs a quick review');
      expect(payButton(el).disabled).to.equal(true);
    });

    it('lets the buyer retry when the order failed', async () => {
      server.orderStatuses = ['failed'];
      const {el} = await ready(twoTees());

      const {detail} = (await pay(el, 'pay-error')) as PayErrorEvent;
      await el.updateComplete;

      expect(detail.code).to.equal('payment_failed');
      expect(payButton(el).disabled).to.equal(false);
    });

    it('can be bought with the keyboard alone', async () => {
      const {el} = await ready(twoTees());
      const succeeded = oneEvent(el, 'pay-success');

      await sendKeys({press: 'Tab'}); // the email, prefilled
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'email-input'));
      await sendKeys({press: 'Tab'}); // the card field, projected from light DOM
      expect(document.activeElement).to.equal(
        el.querySelector('input[name="number"]')
      );
      await sendKeys({press: 'Tab'});
      expect(el.shadowRoot!.activeElement).to.equal(payButton(el));
      expect(payButton(el).matches(':focus-visible')).to.equal(true);
      await sendKeys({press: 'Enter'});
      await succeeded;
    });
  });
});
