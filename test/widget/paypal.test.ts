import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {emulateMedia, sendKeys} from '@web/test-runner-commands';
import type {
  PayCancelEvent,
  PayChangeEvent,
  PayCheckout,
  PayErrorEvent,
  PayReadyEvent,
  PaySubmitEvent,
  PaySuccessEvent,
} from '../../widget/index.js';
import {paypalStyle} from '../../widget/internal/providers/paypal-style.js';
import type {ResolvedTheme} from '../../widget/internal/theme.js';
import {type FakePaypal} from './fake-paypal.js';
import {
  error,
  FAKE_PAYPAL_SDK,
  paypalConfig,
  type FakeServer,
} from './fake-server.js';
import {type FakeStripe} from './fake-stripe.js';
import {installFakes, restoreFakes} from './fakes.js';
import {
  alertRegion,
  mountNode,
  part,
  ready,
  record,
  statusRegion,
  text,
} from './helpers.js';

// ---- helpers ------------------------------------------------------------------------------

let server: FakeServer;
let stripe: FakeStripe;
let paypal: FakePaypal;

beforeEach(() => {
  ({server, stripe, paypal} = installFakes());
  server.config = paypalConfig();
});
afterEach(restoreFakes);

const radios = (el: PayCheckout) => [
  ...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]'),
];
const visible = (node: Element | undefined | null) =>
  !!node && node.checkVisibility();

const twoTees = (provider = 'paypal') =>
  html`<pay-checkout provider=${provider} email="ada@example.com"
    ><pay-item sku="tee" quantity="2"></pay-item
  ></pay-checkout>`;

/** A theme as the element resolves it; tests override tokens. */
function theme(
  tokens: Partial<ResolvedTheme['tokens']> = {},
  scheme: ResolvedTheme['scheme'] = 'light'
): ResolvedTheme {
  return {
    scheme,
    colorOnPrimary: 'rgb(255, 255, 255)',
    reducedMotion: false,
    tokens: {
      colorPrimary: 'rgb(99, 91, 255)',
      colorBackground: 'rgb(255, 255, 255)',
      colorText: 'rgb(48, 49, 61)',
      colorDanger: 'rgb(223, 27, 65)',
      colorTextSecondary: 'rgb(109, 110, 120)',
      fontFamily: 'system-ui',
      fontSizeBase: '16px',
      spacingUnit: '2px',
      borderRadius: '6px',
      ...tokens,
    },
  };
}

// ---- tests --------------------------------------------------------------------------------

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
      const src =
        'https://www.sandbox.paypal.com/sdk/js?client-id=live-client&currency=USD&intent=capture&components=buttons';
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

  describe('theming', () => {
    afterEach(() => emulateMedia({colorScheme: 'light'}));

    it('renders the buttons again when the tokens change', async () => {
      const {el} = await ready(twoTees());
      expect(paypal.current.options.style!.color).to.equal('gold');

      el.style.setProperty('--pay-color-primary', '#0070ba');
      await waitUntil(() => paypal.buttons.length === 2, 'not rendered again');

      expect(paypal.buttons[0]!.closed).to.equal(true);
      expect(paypal.current.options.style!.color).to.equal('blue');
      // Same currency: the SDK is not loaded again.
      expect(paypal.loads).to.have.length(1);
    });

    it("waits until PayPal's window is closed before rendering a new style", async () => {
      const {el} = await ready(twoTees());
      await paypal.click();

      el.style.setProperty('--pay-border-radius', '0');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await el.updateComplete;
      expect(paypal.buttons).to.have.length(1);
      expect(paypal.buttons[0]!.closed).to.equal(false);

      const cancelled = oneEvent(el, 'pay-cancel');
      paypal.cancel();
      await cancelled;
      await waitUntil(() => paypal.buttons.length === 2, 'not rendered again');
      expect(paypal.current.options.style!.shape).to.equal('sharp');
    });

    it('picks a white button on a dark monochrome page', async () => {
      await emulateMedia({colorScheme: 'dark'});
      await ready(
        html`<pay-checkout
          provider="paypal"
          style="--pay-color-primary: #f4f4f5"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      expect(paypal.current.options.style!.color).to.equal('white');
    });

    it('maps the tokens to the nearest PayPal style', () => {
      const style = (
        tokens: Partial<ResolvedTheme['tokens']>,
        scheme?: ResolvedTheme['scheme']
      ) => paypalStyle(theme(tokens, scheme));

      // Colour: gold by default (indigo and violet brands too), blue for blue brands,
      // black/white for monochrome ones, against the background.
      expect(style({}).color).to.equal('gold');
      expect(style({colorPrimary: 'rgb(124, 58, 237)'}).color).to.equal('gold');
      expect(style({colorPrimary: 'rgb(0, 112, 186)'}).color).to.equal('blue');
      expect(style({colorPrimary: 'rgb(0, 0, 255)'}).color).to.equal('blue');
      expect(style({colorPrimary: 'rgb(17, 17, 17)'}).color).to.equal('black');
      expect(
        style({colorPrimary: 'rgb(250, 250, 250)'}, 'dark').color
      ).to.equal('white');
      // Shape from the radius; the radius itself, capped at half the height.
      expect(style({borderRadius: '0px'})).to.deep.include({
        shape: 'sharp',
        borderRadius: 0,
      });
      expect(style({borderRadius: '12px'})).to.deep.include({
        shape: 'rect',
        borderRadius: 12,
      });
      expect(style({borderRadius: '999px'})).to.deep.include({
        shape: 'pill',
        borderRadius: 24,
      });
      // Height: the Pay button's, within PayPal's 25–55.
      expect(style({}).height).to.equal(48);
      expect(style({spacingUnit: '1px', fontSizeBase: '14px'}).height).to.equal(
        33
      );
      expect(style({spacingUnit: '1px', fontSizeBase: '8px'}).height).to.equal(
        25
      );
      expect(style({spacingUnit: '4px'}).height).to.equal(55);
      expect(
        style({borderRadius: '15px', spacingUnit: '1px', fontSizeBase: '12px'})
      ).to.deep.include({
        shape: 'pill',
        height: 30,
      });
    });
  });

  describe('accessibility', () => {
    it('passes axe when ready', async () => {
      const {el} = await ready(twoTees());
      await expect(el).to.be.accessible();
    });

    it('passes axe showing an error', async () => {
      const {el} = await ready(twoTees());
      const failed = oneEvent(el, 'pay-error');
      await paypal.click();
      paypal.fail();
      await failed;
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('passes axe after success', async () => {
      const {el} = await ready(twoTees());
      const succeeded = oneEvent(el, 'pay-success');
      await paypal.click();
      await paypal.approve();
      await succeeded;
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });
});

describe('<pay-checkout provider="stripe paypal">', () => {
  beforeEach(() => {
    server.config = paypalConfig(true);
  });

  it('offers Card and PayPal as a radio group, Card first, and loads PayPal only when chosen', async () => {
    const {el, event} = await ready(twoTees('stripe paypal'));

    const group = part(el, 'provider-tabs')!;
    expect(group.getAttribute('role')).to.equal('radiogroup');
    expect(text(group.querySelector('legend'))).to.equal('Payment method');
    expect(
      [...el.shadowRoot!.querySelectorAll('[part~="provider-tab"]')].map(text)
    ).to.deep.equal(['Card', 'PayPal']);
    expect(radios(el).map((radio) => radio.checked)).to.deep.equal([
      true,
      false,
    ]);
    expect(text(part(el, 'provider-tab-checked'))).to.equal('Card');
    expect(event.detail.provider).to.equal('stripe');
    expect(visible(part(el, 'submit-button'))).to.equal(true);
    expect(visible(mountNode(el, 'stripe-payment-element'))).to.equal(true);
    // PayPal's code and SDK are not loaded until the buyer picks PayPal.
    expect(paypal.loads).to.have.length(0);
    expect(mountNode(el, 'paypal-buttons')).to.equal(undefined);
  });

  it('switches with the arrow keys, shows one provider at a time, and fires no payment', async () => {
    const {el} = await ready(twoTees('stripe paypal'));
    const seen = record(el);

    radios(el)[0]!.focus();
    const paypalReady = oneEvent(el, 'pay-ready') as Promise<PayReadyEvent>;
    await sendKeys({press: 'ArrowRight'});
    const {detail} = await paypalReady;
    await el.updateComplete;

    expect(detail.provider).to.equal('paypal');
    expect(radios(el).map((radio) => radio.checked)).to.deep.equal([
      false,
      true,
    ]);
    expect(el.shadowRoot!.activeElement).to.equal(radios(el)[1]);
    expect(text(part(el, 'provider-tab-checked'))).to.equal('PayPal');
    expect(visible(mountNode(el, 'paypal-buttons'))).to.equal(true);
    expect(visible(mountNode(el, 'stripe-payment-element'))).to.equal(false);
    expect(part(el, 'submit-button')).to.equal(null);

    await sendKeys({press: 'ArrowLeft'});
    await el.updateComplete;

    expect(radios(el)[0]!.checked).to.equal(true);
    expect(visible(mountNode(el, 'stripe-payment-element'))).to.equal(true);
    expect(visible(mountNode(el, 'paypal-buttons'))).to.equal(false);
    expect(visible(part(el, 'submit-button'))).to.equal(true);
    // Stripe's form was kept, not mounted again.
    expect(stripe.mountedInto).to.have.length(1);
    expect(seen).to.deep.equal([]);
  });

  it('pays with PayPal after switching, with provider "paypal" in the events', async () => {
    const {el} = await ready(twoTees('stripe paypal'));

    const paypalReady = oneEvent(el, 'pay-ready');
    radios(el)[1]!.click();
    await paypalReady;
    await el.updateComplete;

    const submitted = oneEvent(el, 'pay-submit') as Promise<PaySubmitEvent>;
    const succeeded = oneEvent(el, 'pay-success') as Promise<PaySuccessEvent>;
    await paypal.click();
    expect((await submitted).detail.provider).to.equal('paypal');
    // While PayPal's window is open the choice is locked.
    await el.updateComplete;
    expect(radios(el).every((radio) => radio.matches(':disabled'))).to.equal(
      true
    );
    await paypal.approve();
    expect((await succeeded).detail.provider).to.equal('paypal');
    expect(server.requestsTo('/api/stripe/payment-intents')).to.have.length(0);
    expect(stripe.submits).to.equal(0);
  });

  it('keeps the PayPal buttons in step with the currency while Card is shown', async () => {
    const {el} = await ready(twoTees('stripe paypal'));
    const paypalReady = oneEvent(el, 'pay-ready');
    radios(el)[1]!.click();
    await paypalReady;
    radios(el)[0]!.click();

    el.currency = 'EUR';
    await waitUntil(
      () => paypal.loads.some((load) => load.namespace === 'paypal_eur'),
      'PayPal not reloaded for EUR'
    );
    expect(stripe.updates.at(-1)).to.deep.equal({
      amount: 2800,
      currency: 'eur',
    });
  });

  it('offers only the providers the server is configured for', async () => {
    server.config = {
      currency: 'usd',
      providers: {
        stripe: {publishableKey: 'pk_test_fake', jsUrl: stripeUrl()},
      },
    };
    const {el, event} = await ready(twoTees('paypal stripe'));

    expect(event.detail.provider).to.equal('stripe');
    expect(part(el, 'provider-tabs')).to.equal(null);
    expect(paypal.loads).to.have.length(0);
  });

  it('follows the order of the attribute', async () => {
    const {el, event} = await ready(twoTees('paypal stripe'));

    expect(event.detail.provider).to.equal('paypal');
    expect(
      [...el.shadowRoot!.querySelectorAll('[part~="provider-tab"]')].map(text)
    ).to.deep.equal(['PayPal', 'Card']);
    expect(stripe.elementsOptions).to.have.length(0);
  });

  it('passes axe with the choice, on either side', async () => {
    const {el} = await ready(twoTees('stripe paypal'));
    await expect(el).to.be.accessible();

    const paypalReady = oneEvent(el, 'pay-ready');
    radios(el)[1]!.click();
    await paypalReady;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

function stripeUrl(): string {
  return paypalConfig(true).providers.stripe!.jsUrl!;
}
