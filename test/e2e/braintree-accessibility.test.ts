/**
 * Braintree's Drop-in in the element on the demo shop, as every buyer must be able to use it:
 * axe over the page and its frames (Drop-in's card frame on the emulator's origin) in light and
 * dark, with field errors showing and in the bank's 3-D Secure window; Arabic right to left at
 * 320 px (no sideways scroll, Drop-in and its frame mirrored); and screenshots in /tmp
 * (braintree-*.png) light/dark, wide and 320 px, for a person to look at.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {checkout, clickPay, openDemoShop, waitForEvent} from './buyer.js';
import {
  challengeFrame,
  dropinFrame,
  dropinShown,
  fillDropin,
} from './braintree-buyer.js';
import {axeViolations} from './page.js';
import {productsOnlyCatalog, shopAndBrowserPerSuite} from './shop.js';

describe(
  'Braintree’s Drop-in on the demo shop, accessibility',
  {timeout: 240_000},
  () => {
    const suite = shopAndBrowserPerSuite({
      CATALOG: productsOnlyCatalog(),
      // Card only, as production's default (PayPal through Braintree: braintree-paypal.test.ts).
      BRAINTREE_PAYPAL: '0',
    });

    /** The demo with two items, provider="braintree" from the address bar, in `scheme`. */
    async function open(
      width: number,
      scheme: 'light' | 'dark',
      arabic = false
    ): Promise<Page> {
      // The demo with the buyer's events recorded (openDemoShop), then in `scheme`, the cart
      // filled and provider="braintree" from the address bar.
      const page = await openDemoShop(suite.browser, suite.shop, {width});
      await page.emulateMedia({colorScheme: scheme});
      if (arabic)
        await page.addInitScript(() =>
          new MutationObserver(() => {
            document.documentElement.lang = 'ar';
            document.documentElement.dir = 'rtl';
            document
              .querySelector('pay-checkout')
              ?.setAttribute('locale', 'ar');
          }).observe(document, {childList: true, subtree: true})
        );
      await page.evaluate(() =>
        localStorage.setItem(
          'demo-cart',
          JSON.stringify({'tee-black-m': 2, 'mug-enamel': 1})
        )
      );
      await page.goto(`${suite.shop.url}/?provider=braintree`);
      await page.locator('pay-checkout [part~="total"]').waitFor();
      await dropinShown(page);
      await checkout(page)
        .getByLabel(arabic ? /البريد/ : 'Email')
        .fill('a11y@example.com');
      return page;
    }

    for (const [width, scheme] of [
      [1280, 'light'],
      [1280, 'dark'],
      [320, 'light'],
      [320, 'dark'],
    ] as const) {
      it(`at ${width} px, ${scheme}: no axe violation, with the field errors too`, async () => {
        const page = await open(width, scheme);
        assert.deepEqual(await axeViolations(page), []);
        await page.screenshot({
          path: `/tmp/braintree-${scheme}-${width}.png`,
          fullPage: true,
        });
        await clickPay(page);
        await dropinFrame(page)
          .getByText('Please fill out a card number.')
          .waitFor();
        assert.deepEqual(await axeViolations(page), []);
        const sideways = await page.evaluate(
          () =>
            document.documentElement.scrollWidth >
            document.documentElement.clientWidth
        );
        assert.equal(sideways, false);
        await page.screenshot({
          path: `/tmp/braintree-${scheme}-${width}-errors.png`,
          fullPage: true,
        });
        // After the frame has taken its new height (an artefact, not a check).
        await page.waitForTimeout(300);
        await checkout(page).screenshot({
          path: `/tmp/braintree-${scheme}-${width}-checkout.png`,
        });
        await page.close();
      });
    }

    it('has no axe violation in the bank’s 3-D Secure window, and is keyboard operable there', async () => {
      const page = await open(1280, 'light');
      await fillDropin(page, '4000000000001091');
      await clickPay(page);
      const pass = challengeFrame(page).getByRole('button', {
        name: 'Authenticate',
      });
      await pass.waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await page.screenshot({path: '/tmp/braintree-three-d-secure.png'});
      const inside = page.frame({url: /three-d-secure/})!;
      await inside.waitForFunction(() => document.activeElement?.id === 'pass');
      await page.keyboard.press('Enter');
      await waitForEvent(page, 'pay-success');
      await page.close();
    });

    it('in Arabic at 320 px, dark: right to left, Drop-in in Arabic, no sideways scroll, no axe violation', async () => {
      const page = await open(320, 'dark', true);
      const frame = page.frame({url: /card-frame/})!;
      const said = await frame.evaluate(() => ({
        dir: document.documentElement.dir,
        label: document.querySelector('label[for="number"]')!.textContent,
      }));
      assert.deepEqual(said, {dir: 'rtl', label: 'رقم البطاقة'});
      // The card number and its placeholder stay whole in the narrow frame.
      const fits = () =>
        frame.evaluate(() => {
          const input = document.querySelector<HTMLInputElement>('#number')!;
          return input.scrollWidth <= input.clientWidth;
        });
      assert.equal(await fits(), true, 'the placeholder fits');
      await fillDropin(page, '4111111111111111');
      assert.equal(await fits(), true, 'the number fits');
      assert.equal(
        await checkout(page).locator('.braintree-dropin').getAttribute('dir'),
        'rtl'
      );
      const sideways = await page.evaluate(
        () =>
          document.documentElement.scrollWidth >
          document.documentElement.clientWidth
      );
      assert.equal(sideways, false);
      assert.deepEqual(await axeViolations(page), []);
      await page.screenshot({
        path: '/tmp/braintree-ar-dark-320.png',
        fullPage: true,
      });
      // The element alone as well: a full-page capture can paint a frame before it has drawn.
      await page.waitForTimeout(300);
      await checkout(page).screenshot({
        path: '/tmp/braintree-ar-dark-320-checkout.png',
      });
      await page.close();
    });
  }
);
