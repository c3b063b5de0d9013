import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {emulateMedia, sendKeys} from '@web/test-runner-commands';
import type {
  PayChangeEvent,
  PayCheckout,
  PayErrorEvent,
  PaySubmitEvent,
  PaySuccessEvent,
} from '../../widget/index.js';
import {FAKE_STRIPE_JS, priceCart, type FakeServer} from './fake-server.js';
import {type FakeStripe} from './fake-stripe.js';
import {installFakes, restoreFakes} from './fakes.js';
import {
  alertRegion,
  money,
  part,
  parts,
  payButton,
  ready,
  statusRegion,
  text,
} from './helpers.js';

// ---- helpers ------------------------------------------------------------------------------

let server: FakeServer;
let stripe: FakeStripe;

beforeEach(() => {
  ({server, stripe} = installFakes());
});
afterEach(restoreFakes);

const twoTees = () =>
  html`<pay-checkout email="ada@example.com"
    ><pay-item sku="tee" quantity="2"></pay-item
  ></pay-checkout>`;

/** Clicks Pay and resolves with the event that ends the attempt. */
async function pay(
  el: PayCheckout,
  outcome: 'pay-success' | 'pay-error' | 'pay-cancel'
) {
  const ended = oneEvent(el, outcome);
  payButton(el).click();
  return ended;
}

// ---- tests --------------------------------------------------------------------------------

describe('<pay-checkout>', () => {
  describe('rendering', () => {
    it('renders lines, subtotal and total from the server quote, ignoring prices on the page', async () => {
      const {el} = await ready(
        html`<pay-checkout>
          <pay-item sku="tee" quantity="2" price="1" name="Free tee"></pay-item>
          <pay-item sku="mug" quantity="1" price="0.01"></pay-item>
        </pay-checkout>`
      );

      const lines = parts(el, 'line').map(text);
      expect(lines).to.deep.equal([
        `Black tee× 2 ${money(30, 'USD')}`,
        `Mug× 1 ${money(12.34, 'USD')}`,
      ]);
      expect(text(part(el, 'subtotal'))).to.equal(
        `Subtotal ${money(42.34, 'USD')}`
      );
      expect(text(part(el, 'total'))).to.equal(`Total ${money(42.34, 'USD')}`);
      expect(text(payButton(el))).to.equal(`Pay ${money(42.34, 'USD')}`);
      // Only SKUs and quantities leave the page.
      expect(server.requestsTo('/api/quote')[0]!.body).to.deep.equal({
        items: [
          {sku: 'tee', quantity: 2},
          {sku: 'mug', quantity: 1},
        ],
      });
    });

    it('shows an aria-busy skeleton until the quote arrives', async () => {
      const release = server.hold('/api/quote');
      const el = await fixture<PayCheckout>(twoTees());
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(part(el, 'skeleton')).to.not.equal(null);
      expect(part(el, 'summary')).to.equal(null);
      expect(payButton(el)).to.equal(null);

      const readyEvent = oneEvent(el, 'pay-ready');
      release();
      await readyEvent;
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
      expect(part(el, 'skeleton')).to.equal(null);
      expect(part(el, 'summary')).to.not.equal(null);
    });

    it('fetches the config and the quote in parallel from the server attribute', async () => {
      const release = server.hold('/api/config');
      const pending = fixture<PayCheckout>(
        html`<pay-checkout server="https://shop.example/"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      await waitUntil(
        () => server.requestsTo('/api/quote').length === 1,
        'quote was not requested'
      );
      expect(server.requestsTo('/api/config')).to.have.length(1);
      release();
      await pending;
    });

    it('formats money for the locale and currency, and speaks the locale', async () => {
      const {el} = await ready(
        html`<pay-checkout locale="fr" currency="eur">
          <pay-item sku="tee" quantity="3"></pay-item>
        </pay-checkout>`
      );

      expect(server.requestsTo('/api/quote')[0]!.body).to.deep.include({
        currency: 'eur',
      });
      expect(text(part(el, 'total'))).to.equal(
        `Total ${money(42, 'EUR', 'fr')}`
      );
      expect(text(payButton(el))).to.equal(`Payer ${money(42, 'EUR', 'fr')}`);
      expect(text(el.shadowRoot!.querySelector('caption'))).to.equal(
        'Récapitulatif de la commande'
      );
    });

    it('formats JPY without decimals', async () => {
      const {el} = await ready(
        html`<pay-checkout currency="jpy" locale="en">
          <pay-item sku="tee" quantity="2"></pay-item>
        </pay-checkout>`
      );

      expect(text(part(el, 'total'))).to.equal('Total ¥4,000');
      expect(text(payButton(el))).to.equal('Pay ¥4,000');
    });

    it('takes the cart from the items property instead of the children', async () => {
      const {el} = await ready(
        html`<pay-checkout .items=${[{sku: 'mug', quantity: 3, price: 1}]}>
          <pay-item sku="tee" quantity="2"></pay-item>
        </pay-checkout>`
      );

      expect(server.requestsTo('/api/quote')[0]!.body).to.deep.equal({
        items: [{sku: 'mug', quantity: 3}],
      });
      expect(parts(el, 'line').map(text)).to.deep.equal([
        `Mug× 3 ${money(37.02, 'USD')}`,
      ]);
    });

    it('says the cart is empty and keeps Pay disabled when there are no items', async () => {
      const el = await fixture<PayCheckout>(
        html`<pay-checkout></pay-checkout>`
      );
      await waitUntil(
        () => el.shadowRoot!.querySelector('.empty'),
        'no empty message'
      );

      expect(text(el.shadowRoot!.querySelector('.empty'))).to.equal(
        'Your cart is empty.'
      );
      expect(payButton(el).disabled).to.equal(true);
      expect(server.requestsTo('/api/quote')).to.have.length(0);
    });

    it('shows a friendly error and fires pay-error when the server refuses the cart', async () => {
      const failed = oneEvent(document, 'pay-error') as Promise<PayErrorEvent>;
      const el = await fixture<PayCheckout>(
        html`<pay-checkout><pay-item sku="nope"></pay-item></pay-checkout>`
      );
      const {detail} = await failed;
      await el.updateComplete;

      expect(detail).to.deep.equal({
        code: 'unknown_sku',
        message: 'An item in your cart is no longer available.',
        provider: undefined,
      });
      expect(text(alertRegion(el))).to.equal(detail.message);
      expect(stripe.elementsOptions).to.have.length(0);
    });
  });

  describe('cart changes', () => {
    it('re-quotes once after a burst of quantity changes and fires pay-change', async () => {
      const {el} = await ready(twoTees());
      const item = el.querySelector('pay-item')!;

      const changed = oneEvent(el, 'pay-change') as Promise<PayChangeEvent>;
      item.setAttribute('quantity', '3');
      await item.updateComplete; // two separate edits, not one batched update
      item.quantity = 4;
      const {detail} = await changed;

      expect(server.requestsTo('/api/quote')).to.have.length(2);
      expect(server.requestsTo('/api/quote')[1]!.body).to.deep.equal({
        items: [{sku: 'tee', quantity: 4}],
      });
      expect(detail.quote.total).to.equal(6000);
      await el.updateComplete;
      expect(text(part(el, 'total'))).to.equal(`Total ${money(60, 'USD')}`);
      // The Payment Element is told the new amount (wallet sheets, available methods).
      expect(stripe.updates.at(-1)).to.deep.equal({
        amount: 6000,
        currency: 'usd',
      });
    });

    it('re-quotes when an item is added', async () => {
      const {el} = await ready(twoTees());

      const changed = oneEvent(el, 'pay-change') as Promise<PayChangeEvent>;
      const mug = document.createElement('pay-item');
      mug.sku = 'mug';
      el.append(mug);
      const {detail} = await changed;

      expect(detail.quote.lines.map((line) => line.sku)).to.deep.equal([
        'tee',
        'mug',
      ]);
    });

    it('re-quotes in the new currency', async () => {
      const {el} = await ready(twoTees());

      const changed = oneEvent(el, 'pay-change') as Promise<PayChangeEvent>;
      el.currency = 'EUR';
      const {detail} = await changed;

      expect(server.requestsTo('/api/quote').at(-1)!.body).to.deep.include({
        currency: 'EUR',
      });
      expect(detail.quote.currency).to.equal('eur');
      expect(stripe.updates.at(-1)).to.deep.equal({
        amount: 2800,
        currency: 'eur',
      });
    });

    it('keeps Pay disabled while a re-quote is pending', async () => {
      const {el} = await ready(twoTees());

      el.items = [{sku: 'mug', quantity: 1}];
      await el.updateComplete;
      expect(payButton(el).disabled).to.equal(true);
      await oneEvent(el, 'pay-change');
      await el.updateComplete;
      expect(payButton(el).disabled).to.equal(false);
    });
  });

  describe('stripe', () => {
    it('mounts the Payment Element into a light-DOM child projected through a named slot', async () => {
      const {el, event} = await ready(twoTees());

      const [mountNode] = stripe.mountedInto;
      expect(mountNode!.parentElement).to.equal(el);
      expect(mountNode!.getAttribute('slot')).to.equal(
        'stripe-payment-element'
      );
      expect(el.shadowRoot!.contains(mountNode!)).to.equal(false);
      expect(mountNode!.assignedSlot).to.equal(
        el.shadowRoot!.querySelector('slot[name="stripe-payment-element"]')
      );
      // pay-ready carries the quote on screen: the server's price of this cart.
      expect(event.detail).to.deep.equal({
        quote: priceCart({items: [{sku: 'tee', quantity: 2}]}),
        provider: 'stripe',
      });
      expect(event.detail.quote.total).to.equal(3000);
    });

    it('creates deferred-intent Elements with the quote total and currency', async () => {
      await ready(twoTees());

      expect(stripe.publishableKeys).to.deep.equal(['pk_test_fake']);
      expect(stripe.elementsOptions[0]).to.deep.include({
        mode: 'payment',
        amount: 3000,
        currency: 'usd',
      });
      expect(
        document.querySelectorAll(`script[src="${FAKE_STRIPE_JS}"]`)
      ).to.have.length(1);
    });

    it('loads Stripe.js with the official loader when the config names no jsUrl', async () => {
      server.config = {
        currency: 'usd',
        providers: {stripe: {publishableKey: 'pk_test_real'}},
      };
      await ready(twoTees());

      // window.Stripe already exists, so loadStripe uses it and injects nothing.
      expect(stripe.publishableKeys).to.deep.equal(['pk_test_real']);
      expect(document.querySelector('script[src*="js.stripe.com"]')).to.equal(
        null
      );
    });

    it('reports when no configured provider was asked for', async () => {
      server.config = {currency: 'usd', providers: {}};
      const failed = oneEvent(document, 'pay-error') as Promise<PayErrorEvent>;
      const el = await fixture<PayCheckout>(twoTees());
      const {detail} = await failed;
      await el.updateComplete;

      expect(detail.code).to.equal('provider_not_configured');
      expect(text(alertRegion(el))).to.equal(
        'Payments are not available right now.'
      );
      expect(payButton(el).disabled).to.equal(true);
    });
  });

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

  describe('theming', () => {
    afterEach(() => emulateMedia({colorScheme: 'light'}));

    it('hands Stripe the --pay-* tokens as plain resolved values', async () => {
      const {el} = await ready(
        html`<pay-checkout
          style="--pay-color-primary: hsl(120 100% 25%); --pay-color-text: rebeccapurple;
          --pay-color-danger: oklch(0.628 0.2577 29.23); --pay-font-size-base: 1.25rem;
          --pay-spacing-unit: 0.25rem; --pay-border-radius: 0; --pay-font-family: Georgia, serif;"
        >
          <pay-item sku="tee"></pay-item>
        </pay-checkout>`
      );

      const appearance = stripe.elementsOptions[0]!.appearance as {
        theme: string;
        variables: Record<string, string>;
      };
      expect(appearance.theme).to.equal('stripe');
      expect(appearance.variables).to.deep.equal({
        colorPrimary: 'rgb(0, 128, 0)',
        colorBackground: 'rgb(255, 255, 255)',
        colorText: 'rgb(102, 51, 153)',
        colorDanger: 'rgb(255, 0, 0)',
        colorTextSecondary: 'rgb(109, 110, 120)',
        fontFamily: 'Georgia, serif',
        fontSizeBase: '20px',
        spacingUnit: '4px',
        borderRadius: '0px',
      });
      // The Pay button's text stays readable on the merchant's colour.
      expect(getComputedStyle(payButton(el)).color).to.equal(
        'rgb(255, 255, 255)'
      );
    });

    it('re-applies the appearance when the tokens change', async () => {
      const {el} = await ready(twoTees());

      el.style.setProperty('--pay-color-primary', '#ffd400');
      await waitUntil(
        () => stripe.updates.some((update) => 'appearance' in update),
        'not re-applied'
      );

      const {variables} = stripe.updates.find(
        (update) => 'appearance' in update
      )!.appearance as {
        variables: Record<string, string>;
      };
      expect(variables.colorPrimary).to.equal('rgb(255, 212, 0)');
      // Near-black text on a light yellow button.
      expect(getComputedStyle(payButton(el)).color).to.equal('rgb(26, 27, 37)');
    });

    it('picks up page-level tokens from :root through refreshTheme()', async () => {
      await ready(twoTees());
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        ':root { --pay-color-background: #101014; --pay-color-text: #f4f4f5; }'
      );
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      try {
        document.querySelector('pay-checkout')!.refreshTheme();
        const {appearance} = stripe.updates.at(-1) as {
          appearance: {theme: string; variables: Record<string, string>};
        };
        expect(appearance.theme).to.equal('night');
        expect(appearance.variables.colorBackground).to.equal(
          'rgb(16, 16, 20)'
        );
      } finally {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter(
          (s) => s !== sheet
        );
      }
    });

    it('follows prefers-color-scheme', async () => {
      await emulateMedia({colorScheme: 'dark'});
      const {el} = await ready(twoTees());

      const appearance = stripe.elementsOptions[0]!.appearance as {
        theme: string;
        variables: Record<string, string>;
      };
      expect(appearance.theme).to.equal('night');
      expect(appearance.variables.colorBackground).to.equal('rgb(28, 29, 38)');
      expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal(
        'rgb(28, 29, 38)'
      );

      await emulateMedia({colorScheme: 'light'});
      await waitUntil(
        () => stripe.updates.some((update) => 'appearance' in update),
        'not re-applied'
      );
      const {appearance: light} = stripe.updates.at(-1) as {
        appearance: {theme: string};
      };
      expect(light.theme).to.equal('stripe');
    });

    it('never sets --pay-* properties on the host', async () => {
      const {el} = await ready(twoTees());
      const style = getComputedStyle(el);
      expect(style.getPropertyValue('--pay-color-primary')).to.equal('');
      expect(el.getAttribute('style')).to.equal(null);
    });
  });

  describe('accessibility', () => {
    it('passes axe when ready', async () => {
      const {el} = await ready(twoTees());
      await expect(el).to.be.accessible();
      expect(el.shadowRoot!.querySelector('table caption')).to.not.equal(null);
      expect(el.shadowRoot!.querySelectorAll('th[scope="row"]')).to.have.length(
        3
      );
    });

    it('passes axe while loading', async () => {
      server.hold('/api/quote');
      const el = await fixture<PayCheckout>(twoTees());
      await expect(el).to.be.accessible();
    });

    it('passes axe showing an error', async () => {
      stripe.confirmResult = {
        error: {type: 'card_error', code: 'card_declined', message: 'Declined'},
      };
      const {el} = await ready(twoTees());
      await pay(el, 'pay-error');
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('passes axe after success', async () => {
      const {el} = await ready(twoTees());
      await pay(el, 'pay-success');
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });
});
