import {expect, html, oneEvent, waitUntil} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import {paypalStyle} from '../../widget/internal/providers/paypal-style.js';
import type {ResolvedTheme} from '../../widget/internal/theme.js';
import {ready} from './helpers.js';
import {paypal, twoTees, usePaypalFakes} from './paypal.helpers.js';

usePaypalFakes();

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

describe('<pay-checkout provider="paypal">', () => {
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
