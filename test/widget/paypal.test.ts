import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {PayCheckout, PayErrorEvent} from '../../widget/index.js';
import {FAKE_PAYPAL_SDK} from './fake-server.js';
import {alertRegion, mountNode, part, ready, text} from './helpers.js';
import {paypalLocale} from '../../widget/internal/providers/provider-locales.js';
import {
  paypal,
  server,
  stripe,
  twoTees,
  usePaypalFakes,
  visible,
} from './paypal.helpers.js';

usePaypalFakes();

describe('<pay-checkout provider="paypal">', () => {
  describe('rendering', () => {
    it("renders PayPal's buttons into a light-DOM child projected through a named slot", async () => {
      const {el, event} = await ready(twoTees());

      const node = mountNode(el, 'paypal-buttons')!;
      const {container} = paypal.current;
      expect(node.parentElement).to.equal(el);
      expect(node.contains(container!)).to.equal(true);
      expect(el.shadowRoot!.contains(container!)).to.equal(false);
      expect(node.assignedSlot).to.equal(
        el.shadowRoot!.querySelector('slot[name="paypal-buttons"]')
      );
      expect(visible(container!.querySelector('button'))).to.equal(true);
      expect(event.detail.provider).to.equal('paypal');
      expect(event.detail.quote.total).to.equal(3000);
      // PayPal's buttons start the payment: no Pay button, no choice.
      expect(part(el, 'submit-button')).to.equal(null);
      expect(part(el, 'provider-tabs')).to.equal(null);
      expect(stripe.elementsOptions).to.have.length(0);
    });

    it('loads the SDK for the cart currency under a per-currency namespace, from the configured sdkBaseUrl', async () => {
      await ready(twoTees());

      expect(paypal.loads).to.have.length(1);
      const [{namespace, params}] = paypal.loads as [(typeof paypal.loads)[0]];
      expect(namespace).to.equal('paypal_usd');
      expect(Object.fromEntries(params)).to.deep.include({
        'client-id': 'paypal-client-fake',
        currency: 'USD',
        intent: 'capture',
        components: 'buttons',
      });
      const script = document.querySelector<HTMLScriptElement>(
        `script[src^="${FAKE_PAYPAL_SDK}?"]`
      )!;
      expect(script.dataset.namespace).to.equal('paypal_usd');
      expect(paypal.current.namespace).to.equal('paypal_usd');
    });

    it("uses PayPal's own host when the config names no sdkBaseUrl", async () => {
      server.config = {
        currency: 'usd',
        providers: {
          paypal: {clientId: 'live-client', environment: 'sandbox'},
        },
      };
      // A page that already loaded the SDK with these exact parameters: the loader reuses its
      // namespace instead of loading again (a text/plain script is never fetched).
      // (the locale: the browser's, as the element speaks it on a page without lang).
      const src = `https://www.sandbox.paypal.com/sdk/js?client-id=live-client&currency=USD&intent=capture&components=buttons&locale=${paypalLocale(navigator.language)!}`;
      const existing = document.createElement('script');
      existing.type = 'text/plain';
      existing.src = src;
      existing.dataset.namespace = 'paypal_usd';
      existing.dataset.jsSdkLibrary = 'paypal-js';
      document.head.append(existing);
      const namespaced = window as unknown as Record<string, unknown>;
      namespaced.paypal_usd = {
        version: 'page',
        Buttons: () => ({
          render: async (container: HTMLElement) => {
            container.textContent = 'PayPal (page)';
          },
          close: async () => {},
        }),
      };
      try {
        const {el} = await ready(twoTees());
        expect(text(mountNode(el, 'paypal-buttons')!)).to.equal(
          'PayPal (page)'
        );
        expect(paypal.loads).to.have.length(0);
        expect(
          document.querySelectorAll('script[src*="paypal.com"]')
        ).to.have.length(1);
      } finally {
        existing.remove();
        delete namespaced.paypal_usd;
      }
    });

    it('styles the buttons: vertical, "Pay", no tagline, sized and shaped like the Pay button', async () => {
      await ready(twoTees());

      expect(paypal.current.options.style).to.deep.equal({
        layout: 'vertical',
        label: 'pay',
        tagline: false,
        color: 'gold',
        shape: 'rect',
        borderRadius: 6,
        height: 48,
      });
    });

    it('is pill-shaped for a large --pay-border-radius and sharp for none', async () => {
      await ready(
        html`<pay-checkout provider="paypal" style="--pay-border-radius: 24px"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      expect(paypal.current.options.style).to.deep.include({
        shape: 'pill',
        borderRadius: 24,
      });
    });

    it('reports when PayPal is asked for but not configured', async () => {
      server.config = {currency: 'usd', providers: {}};
      const failed = oneEvent(document, 'pay-error') as Promise<PayErrorEvent>;
      const el = await fixture<PayCheckout>(twoTees());
      const {detail} = await failed;
      await el.updateComplete;

      expect(detail.code).to.equal('provider_not_configured');
      expect(text(alertRegion(el))).to.equal(
        'Payments are not available right now.'
      );
      expect(paypal.loads).to.have.length(0);
    });
  });

  describe('currency', () => {
    it('loads the SDK again under the new currency’s namespace and renders the buttons again', async () => {
      const {el} = await ready(twoTees());
      const first = paypal.current;

      el.currency = 'EUR';
      await waitUntil(
        () => paypal.buttons.length === 2 && paypal.buttons[1]!.container,
        'buttons not rendered again'
      );

      expect(paypal.loads.map((load) => load.namespace)).to.deep.equal([
        'paypal_usd',
        'paypal_eur',
      ]);
      expect(paypal.loads[1]!.params.get('currency')).to.equal('EUR');
      expect(first.closed).to.equal(true);
      expect(paypal.current.namespace).to.equal('paypal_eur');
      expect(
        mountNode(el, 'paypal-buttons')!.querySelectorAll('button')
      ).to.have.length(1);

      // The order is created in the new currency.
      const created = await paypal.click();
      expect(created).to.deep.equal({orderID: 'PAYPAL-ORDER-1'});
      expect(server.requestsTo('/api/paypal/orders')[0]!.body).to.deep.include({
        currency: 'eur',
        expectedTotal: 2800,
      });
    });

    it('reuses the namespace of a currency loaded before', async () => {
      const {el} = await ready(twoTees());

      el.currency = 'EUR';
      await waitUntil(() => paypal.buttons.length === 2, 'no EUR buttons');
      el.currency = 'USD';
      await waitUntil(() => paypal.buttons.length === 3, 'no USD buttons');

      expect(paypal.loads.map((load) => load.namespace)).to.deep.equal([
        'paypal_usd',
        'paypal_eur',
      ]);
      expect(paypal.current.namespace).to.equal('paypal_usd');
    });

    it('removes the buttons and says so when PayPal cannot load for the new currency', async () => {
      paypal.refuseCurrencies.add('JPY');
      const {el} = await ready(twoTees());
      const first = paypal.current;

      const failed = oneEvent(el, 'pay-error') as Promise<PayErrorEvent>;
      el.currency = 'JPY';
      const {detail} = await failed;
      await el.updateComplete;

      expect(detail).to.deep.include({
        code: 'provider_unavailable',
        provider: 'paypal',
      });
      expect(text(alertRegion(el))).to.equal(
        'The payment provider is not available right now. Please try again in a moment.'
      );
      expect(first.closed).to.equal(true);
      expect(
        mountNode(el, 'paypal-buttons')!.querySelectorAll('button')
      ).to.have.length(0);
    });

    it('does not start a payment from buttons of the old currency', async () => {
      const {el} = await ready(twoTees());
      const old = paypal.current;
      const release = server.hold('/api/quote');

      el.currency = 'EUR';
      const changed = oneEvent(el, 'pay-change');
      release();
      await changed;
      // The EUR quote is shown, the EUR buttons may not be there yet: the USD ones refuse.
      const createOrder = old.options.createOrder!;
      let refused = false;
      await createOrder(
        {paymentSource: 'paypal'},
        {order: {create: async () => ''}}
      ).catch(() => (refused = true));
      expect(refused).to.equal(true);
      expect(server.requestsTo('/api/paypal/orders')).to.have.length(0);
      await waitUntil(() => paypal.buttons.length === 2, 'no EUR buttons');
    });
  });
});
