import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import type {PayCheckout, PayErrorEvent} from '../../widget/index.js';
import {squareStyle} from '../../widget/internal/providers/square-style.js';
import {FAKE_SQUARE_JS, fakeSquareLoader} from './fake-server.js';
import {
  alertRegion,
  mountNode,
  part,
  payButton,
  ready,
  text,
} from './helpers.js';
import {
  server,
  square,
  stripe,
  twoTees,
  useSquareFakes,
} from './square.helpers.js';

useSquareFakes();

const visible = (node: Element | undefined | null) =>
  !!node && node.checkVisibility();

describe('<pay-checkout provider="square">', () => {
  describe('mounting', () => {
    it("attaches Square's card form in a light-DOM child projected through a named slot", async () => {
      const {el, event} = await ready(twoTees());

      const node = mountNode(el, 'square-card')!;
      const {attachedTo} = square.current;
      expect(node.parentElement).to.equal(el);
      expect(node.contains(attachedTo!)).to.equal(true);
      expect(el.shadowRoot!.contains(attachedTo!)).to.equal(false);
      expect(node.assignedSlot).to.equal(
        el.shadowRoot!.querySelector('slot[name="square-card"]')
      );
      expect(visible(attachedTo!.querySelector('input'))).to.equal(true);
      expect(event.detail.provider).to.equal('square');
      expect(event.detail.quote.total).to.equal(3000);
      // The element's own Pay button pays, as with Stripe; no choice for one provider.
      expect(text(payButton(el))).to.equal('Pay $30.00');
      expect(payButton(el).disabled).to.equal(false);
      expect(part(el, 'provider-tabs')).to.equal(null);
      expect(stripe.elementsOptions).to.have.length(0);
    });

    it("starts Square with the application id and the currency's location, using the page's window.Square", async () => {
      await ready(twoTees());

      // window.Square is already there (the fake): the configured sdkUrl is not loaded again.
      expect(
        document.querySelector(`script[src="${FAKE_SQUARE_JS}"]`)
      ).to.equal(null);
      expect(square.payments.at(-1)).to.deep.equal({
        applicationId: 'sandbox-sq0idb-fake',
        locationId: 'L-USD',
      });
      expect(square.cards).to.have.length(1);
    });

    it('loads square.js from sdkUrl when the page has none, with the CSP nonce', async () => {
      delete window.Square;
      const sdkUrl = fakeSquareLoader('nonce-test');
      server.config.providers.square!.sdkUrl = sdkUrl;
      await ready(
        html`<pay-checkout
          provider="square"
          nonce="bm9uY2Utc3F1YXJl"
          email="a@b.co"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      const script = document.querySelector<HTMLScriptElement>(
        `script[src="${sdkUrl}"]`
      )!;
      expect(script).to.not.equal(null);
      expect(script.nonce).to.equal('bm9uY2Utc3F1YXJl');
      expect(square.current.locationId).to.equal('L-USD');
      script.remove();
    });

    it('uses the location of the cart’s currency', async () => {
      await ready(
        html`<pay-checkout provider="square" currency="eur" email="a@b.co"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      expect(square.current.locationId).to.equal('L-EUR');
    });

    it('does not offer Square for a currency without a location: says so and fires pay-error', async () => {
      const failed = oneEvent(document, 'pay-error') as Promise<PayErrorEvent>;
      const el = await fixture<PayCheckout>(
        html`<pay-checkout provider="square" currency="jpy" email="a@b.co"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      const {detail} = await failed;
      await el.updateComplete;

      expect(detail.code).to.equal('square_currency_unavailable');
      expect(text(alertRegion(el))).to.equal(
        'Card payments with Square are not available in this currency. Please choose another way to pay.'
      );
      expect(square.cards).to.have.length(0);
      expect(payButton(el)?.disabled ?? true).to.equal(true);
    });

    it('mounts the form again for the new location when the currency changes', async () => {
      const {el} = await ready(twoTees());
      const first = square.current;

      el.currency = 'eur';
      await waitUntil(
        () =>
          square.cards.some(
            (card) => card.locationId === 'L-EUR' && card.attachedTo
          ),
        'not mounted for EUR'
      );
      expect(first.destroyed).to.equal(true);
      expect(square.current.locationId).to.equal('L-EUR');
      expect(
        mountNode(el, 'square-card')!.querySelectorAll('.fake-square-card')
      ).to.have.length(1);
    });

    it("inside another component's shadow root, attaches the form in the document over the slotted placeholder", async () => {
      const shop = document.createElement('div');
      document.body.append(shop);
      const readied = oneEvent(document, 'pay-ready');
      shop.attachShadow({mode: 'open'}).innerHTML =
        '<pay-checkout provider="square" email="a@b.co"><pay-item sku="tee"></pay-item></pay-checkout>';
      try {
        await readied;
        const el = shop.shadowRoot!.querySelector('pay-checkout')!;
        const {attachedTo} = square.current;
        expect(attachedTo!.getRootNode()).to.equal(document);
        expect(mountNode(el, 'square-card')!.contains(attachedTo!)).to.equal(
          false
        );
        expect(shop.nextElementSibling!.contains(attachedTo!)).to.equal(true);
      } finally {
        shop.remove();
      }
      // The element went with the shop: its form and the document's node too.
      expect(square.cards.every((card) => card.destroyed)).to.equal(true);
      expect(document.querySelector('[data-pay-checkout-mount]')).to.equal(
        null
      );
    });

    it('destroys the card form when the element is removed', async () => {
      const {el} = await ready(twoTees());
      const card = square.current;
      el.remove();
      expect(card.destroyed).to.equal(true);
    });

    it('shows Square beside Stripe and PayPal, each in its own slot, in the order asked for', async () => {
      server.config = {
        ...server.config,
        providers: {
          ...server.config.providers,
          stripe: {
            publishableKey: 'pk_test_fake',
            jsUrl: 'data:text/javascript,',
          },
        },
      };
      const {el} = await ready(twoTees('square stripe'));
      const radios = [
        ...el.shadowRoot!.querySelectorAll<HTMLInputElement>(
          '[part~="provider-tabs"] input'
        ),
      ];
      expect(radios.map((radio) => radio.value)).to.deep.equal([
        'square',
        'stripe',
      ]);
      expect(radios[0]!.checked).to.equal(true);
      expect(
        el.shadowRoot!.querySelector<HTMLSlotElement>(
          'slot[name="square-card"]'
        )!.hidden
      ).to.equal(false);
      expect(
        el.shadowRoot!.querySelector<HTMLSlotElement>(
          'slot[name="stripe-payment-element"]'
        )!.hidden
      ).to.equal(true);

      const readyAgain = oneEvent(el, 'pay-ready');
      radios[1]!.click();
      expect((await readyAgain).detail.provider).to.equal('stripe');
      expect(
        el.shadowRoot!.querySelector<HTMLSlotElement>(
          'slot[name="square-card"]'
        )!.hidden
      ).to.equal(true);
      // Square's form stays mounted (and keeps what the buyer typed) while hidden.
      expect(square.current.destroyed).to.equal(false);
    });
  });

  describe('locale', () => {
    it("sets Square's locale to the element's before the card form exists", async () => {
      await ready(
        html`<pay-checkout provider="square" locale="fr-CA" email="a@b.co"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      expect(square.locales).to.deep.equal(['fr-CA']);
    });

    it('follows a change of the locale attribute', async () => {
      const {el} = await ready(
        html`<pay-checkout provider="square" locale="en" email="a@b.co"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      el.locale = 'ja';
      await waitUntil(() => square.locales.at(-1) === 'ja', 'locale not set');
      // The form is not mounted again for a language.
      expect(square.cards).to.have.length(1);
    });
  });

  describe('theming', () => {
    afterEach(() => emulateMedia({colorScheme: 'light'}));

    it('maps the resolved --pay-* tokens to Square’s card style', async () => {
      const {el} = await ready(
        html`<pay-checkout
          provider="square"
          email="a@b.co"
          style="--pay-color-primary: #0a7c4a; --pay-border-radius: 12px; --pay-font-size-base: 20px; --pay-color-danger: rgb(200, 0, 0)"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      const style = square.current.style!;
      expect(style['.input-container.is-focus']).to.deep.equal({
        borderColor: 'rgb(10, 124, 74)',
        borderWidth: '2px',
      });
      expect(style['.input-container']).to.deep.include({
        borderRadius: '12px',
        borderWidth: '1px',
      });
      expect(style['.input-container.is-error']!.borderColor).to.equal(
        'rgb(200, 0, 0)'
      );
      expect(style['.message-text.is-error']!.color).to.equal('rgb(200, 0, 0)');
      // Square caps the inputs' font size at 16px.
      expect(style.input!.fontSize).to.equal('16px');
      expect(style.input!.backgroundColor).to.equal('rgb(255, 255, 255)');
      expect(style.input!.color).to.equal('rgb(48, 49, 61)');
      expect(style.input!.fontFamily).to.be.a('string').and.not.equal('');
      // The element's own font stack (the --pay-font-family default).
      expect(style.input!.fontFamily).to.match(/^system-ui,/);
      expect(el.shadowRoot).to.not.equal(null);
    });

    it('restyles the form in place for dark mode, without mounting it again', async () => {
      await ready(twoTees());
      const card = square.current;
      expect(card.style!.input!.backgroundColor).to.equal('rgb(255, 255, 255)');

      await emulateMedia({colorScheme: 'dark'});
      await waitUntil(() => card.configured.length > 0, 'not restyled');

      const dark = card.configured.at(-1)!;
      expect(dark.input!.backgroundColor).to.equal('rgb(28, 29, 38)');
      expect(dark.input!.color).to.equal('rgb(236, 236, 241)');
      expect(dark['.input-container.is-focus']!.borderColor).to.equal(
        'rgb(143, 137, 255)'
      );
      expect(square.cards).to.have.length(1);
    });

    it('mounts the form without a style Square refuses, rather than not at all', async () => {
      const warn = console.warn;
      console.warn = () => {};
      try {
        square.styleError = Object.assign(new Error('bad style'), {
          name: 'InvalidStylesError',
        });
        const {event} = await ready(twoTees());
        expect(event.detail.provider).to.equal('square');
        expect(square.current.style).to.equal(undefined);
      } finally {
        console.warn = warn;
      }
    });

    it('keeps every style key among those Square allows', () => {
      const allowed = new Set([
        'input',
        'input.is-focus',
        'input::placeholder',
        'input.is-focus::placeholder',
        'input.is-error',
        'input.is-error::placeholder',
        '.input-container',
        '.input-container.is-focus',
        '.input-container.is-error',
        '.message-text',
        '.message-icon',
        '.message-text.is-error',
        '.message-icon.is-error',
      ]);
      const style = squareStyle({
        scheme: 'light',
        colorOnPrimary: 'rgb(255, 255, 255)',
        reducedMotion: false,
        tokens: {
          colorPrimary: 'rgb(1, 2, 3)',
          colorBackground: 'rgb(4, 5, 6)',
          colorText: 'rgb(7, 8, 9)',
          colorDanger: 'rgb(10, 11, 12)',
          colorTextSecondary: 'rgb(13, 14, 15)',
          fontFamily: 'Georgia, serif',
          fontSizeBase: '14px',
          spacingUnit: '2px',
          borderRadius: '0px',
        },
      });
      for (const key of Object.keys(style))
        expect(allowed.has(key), key).to.equal(true);
      expect(style.input!.fontSize).to.equal('14px');
      expect(style['.input-container']!.borderRadius).to.equal('0px');
      expect(style['input::placeholder']!.color).to.equal('rgb(13, 14, 15)');
    });
  });
});
