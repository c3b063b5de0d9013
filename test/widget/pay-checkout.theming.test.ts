import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import type {PayCheckout} from '../../widget/index.js';
import {part, payButton, ready} from './helpers.js';
import {
  pay,
  server,
  stripe,
  twoTees,
  useFakes,
} from './pay-checkout.helpers.js';

useFakes();

describe('<pay-checkout>', () => {
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
