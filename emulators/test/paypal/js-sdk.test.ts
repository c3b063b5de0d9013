/**
 * The emulator's PayPal JS SDK, the way a buyer meets it: a shop page on one origin loads the SDK
 * with @paypal/paypal-js's own `loadScript({sdkBaseUrl, dataNamespace})`, renders the button
 * (an iframe on the emulator's origin), and pays through the approval popup in headless
 * Chromium, while the shop's server creates and captures the order with client credentials.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {saveScreenshot} from '../chromium.js';
import {
  audit,
  button,
  emulator,
  load,
  page,
  render,
  useShopPage,
  waitForEvent,
} from './js-sdk-helpers.js';

describe('the emulator’s PayPal JS SDK', {timeout: 180_000}, () => {
  useShopPage();

  describe('loading with @paypal/paypal-js', () => {
    it('loads from sdkBaseUrl and defines window[dataNamespace] instead of window.paypal', async () => {
      const loaded = await load();
      assert.equal(loaded.ok, true, String(loaded.message));
      const src = new URL(String(loaded.src));
      assert.equal(src.origin, emulator.url);
      assert.equal(src.pathname, '/sdk/js');
      assert.equal(src.searchParams.get('client-id'), emulator.clientId);
      assert.equal(src.searchParams.get('currency'), 'USD');
      assert.equal(loaded.namespaceDefined, true);
      assert.equal(loaded.paypalDefined, false);
      assert.equal(loaded.hasButtons, true);
      assert.equal(typeof loaded.version, 'string');
    });

    it('fails to load for a client id the emulator does not know, as PayPal’s 400 does', async () => {
      const loaded = await load({clientId: 'AnotherClientId'});
      assert.equal(loaded.ok, false);
      assert.match(String(loaded.message), /failed to load/);
    });

    it('defines no Buttons when components leaves them out', async () => {
      const loaded = await load({components: 'funding-eligibility'});
      assert.equal(loaded.ok, true);
      assert.equal(loaded.hasButtons, false);
    });
  });

  describe('the button', () => {
    it('renders a titled iframe on the emulator origin with a button named "PayPal"', async () => {
      await load();
      assert.deepEqual(await render(), {eligible: true});
      await waitForEvent('init');
      const iframe = await page.evaluate(() => {
        const frame = document.querySelector(
          '#paypal-button-container iframe'
        ) as HTMLIFrameElement;
        return {
          origin: new URL(frame.src).origin,
          title: frame.title,
          wrapper: [...frame.parentElement!.classList],
          height: frame.getBoundingClientRect().height,
        };
      });
      assert.equal(iframe.origin, emulator.url);
      assert.equal(iframe.title, 'PayPal');
      assert.ok(iframe.wrapper.includes('paypal-buttons'));
      assert.ok(iframe.height >= 45);
      await button().waitFor();
      await saveScreenshot(
        page.locator('#paypal-button-container'),
        'paypal-button'
      );
    });

    it('applies style: color, shape, label, height, layout', async () => {
      await load();
      await render({
        style: {
          color: 'blue',
          shape: 'pill',
          label: 'pay',
          height: 40,
          layout: 'horizontal',
        },
      });
      const styled = page
        .frameLocator('iframe[title="PayPal"]')
        .getByRole('button', {name: 'Pay with PayPal'});
      await styled.waitFor();
      const look = await styled.evaluate((el) => {
        const css = getComputedStyle(el);
        return {
          background: css.backgroundColor,
          radius: css.borderTopLeftRadius,
          height: el.getBoundingClientRect().height,
          text: el.textContent,
          caption: document.querySelector('.Caption')?.textContent,
        };
      });
      assert.deepEqual(look, {
        background: 'rgb(0, 112, 186)',
        radius: '20px',
        height: 40,
        text: 'Pay with',
        caption: 'The safer, easier way to pay',
      });
      await saveScreenshot(
        page.locator('#paypal-button-container'),
        'paypal-button-styled'
      );
    });

    it('takes borderRadius over shape, and a silver rect', async () => {
      await load();
      await render({
        style: {color: 'silver', shape: 'rect', borderRadius: 10, height: 55},
      });
      await button().waitFor();
      const look = await button().evaluate((el) => {
        const css = getComputedStyle(el);
        return [
          css.backgroundColor,
          css.borderTopLeftRadius,
          el.getBoundingClientRect().height,
        ];
      });
      assert.deepEqual(look, ['rgb(238, 238, 238)', '10px', 55]);
    });

    it('close() removes the button', async () => {
      await load();
      await render();
      await button().waitFor();
      await page.evaluate(() =>
        (
          window as never as {harness: {buttons: {close(): Promise<void>}}}
        ).harness.buttons.close()
      );
      assert.equal(
        await page.locator('#paypal-button-container iframe').count(),
        0
      );
    });

    it('rejects a style PayPal does not know', async () => {
      await load();
      await assert.rejects(
        render({style: {color: 'red'}}),
        /Invalid style\.color: red/
      );
    });

    it('has no axe violations, frame included', async () => {
      await load();
      await render();
      await button().waitFor();
      assert.deepEqual(await audit(page), []);
    });
  });
});
