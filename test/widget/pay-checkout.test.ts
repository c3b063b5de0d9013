import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {
  PayChangeEvent,
  PayCheckout,
  PayErrorEvent,
} from '../../widget/index.js';
import {stripeLocale} from '../../widget/internal/providers/provider-locales.js';
import {FAKE_STRIPE_JS, priceCart} from './fake-server.js';
import {
  alertRegion,
  money,
  part,
  parts,
  payButton,
  ready,
  text,
} from './helpers.js';
import {server, stripe, twoTees, useFakes} from './pay-checkout.helpers.js';

useFakes();

/** The language a page without `lang` or `locale` quotes in: the browser's. */
const BROWSER_LOCALE = Intl.getCanonicalLocales(navigator.language)[0];
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
      // Only SKUs and quantities leave the page, and the language the lines are named in.
      expect(server.requestsTo('/api/quote')[0]!.body).to.deep.equal({
        locale: BROWSER_LOCALE,
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

    it('asks for the config and the first quote once: the checkout takes over what the element sent at connect', async () => {
      await ready(twoTees());

      expect(server.requestsTo('/api/config')).to.have.length(1);
      expect(server.requestsTo('/api/quote')).to.have.length(1);
    });

    it('quotes the cart as it is once the checkout is in, when it changed after connect', async () => {
      const release = server.hold('/api/quote');
      const el = await fixture<PayCheckout>(twoTees());
      el.items = [{sku: 'mug', quantity: 1}];
      release();
      await waitUntil(
        () => text(part(el, 'total')) === `Total ${money(12.34, 'USD')}`,
        'the changed cart was not quoted'
      );
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
        locale: BROWSER_LOCALE,
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
    it('re-quotes in the new language when the locale changes, and hands Stripe that language', async () => {
      const {el} = await ready(twoTees());
      expect(stripe.elementsOptions.at(-1)).to.deep.include({
        locale: stripeLocale(BROWSER_LOCALE),
      });
      const changed = oneEvent(el, 'pay-change');
      el.locale = 'fr-CA';
      await changed;

      expect(server.requestsTo('/api/quote')).to.have.length(2);
      expect(server.requestsTo('/api/quote')[1]!.body).to.deep.equal({
        items: [{sku: 'tee', quantity: 2}],
        locale: 'fr-CA',
      });
      expect(stripe.updates).to.deep.include({locale: 'fr-CA'});
    });

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
        locale: BROWSER_LOCALE,
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

    it('starts Stripe.js as soon as the config is in, while the quote is still on its way', async () => {
      const release = server.hold('/api/quote');
      const pending = fixture<PayCheckout>(twoTees());
      await waitUntil(
        () => stripe.publishableKeys.length === 1,
        'Stripe.js was not started before the quote came'
      );
      expect(stripe.mountedInto).to.have.length(0);
      const readyEvent = oneEvent(document, 'pay-ready');
      release();
      await pending;
      await readyEvent;
      // The load took the Stripe.js it found on its way: one instance.
      expect(stripe.publishableKeys).to.deep.equal(['pk_test_fake']);
      expect(stripe.mountedInto).to.have.length(1);
    });

    it('fires pay-ready only once the card form is ready, not at mount', async () => {
      let releaseReady!: () => void;
      stripe.readyGate = new Promise<void>(
        (resolve) => (releaseReady = resolve)
      );
      let readied = false;
      const readyEvent = oneEvent(document, 'pay-ready');
      void readyEvent.then(() => (readied = true));
      await fixture<PayCheckout>(twoTees());
      await waitUntil(
        () => stripe.mountedInto.length === 1,
        'the Payment Element was not mounted'
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(readied).to.equal(false);

      releaseReady();
      await readyEvent;
    });

    it('says so and fires pay-error, not pay-ready, when the card form cannot load', async () => {
      stripe.loadError = {
        type: 'api_connection_error',
        message: 'Failed to load the frame.',
      };
      let readied = false;
      void oneEvent(document, 'pay-ready').then(() => (readied = true));
      const failed = oneEvent(document, 'pay-error') as Promise<PayErrorEvent>;
      const el = await fixture<PayCheckout>(twoTees());
      const {detail} = await failed;
      await el.updateComplete;

      expect(detail.code).to.equal('api_connection_error');
      expect(text(alertRegion(el))).to.equal(
        'We could not reach the payment provider. Please check your connection and try again.'
      );
      expect(payButton(el).disabled).to.equal(true);
      expect(readied).to.equal(false);
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
});
