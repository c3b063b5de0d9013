/**
 * A keyboard-only Braintree purchase on the demo shop (issue 14.3 and 16, WCAG 2.1.1, 2.4.7):
 * the real server in development mode (the Braintree emulator serves the Drop-in fake), the
 * demo at `?provider=braintree` and headless Chromium, driven by Tab, Enter and typed text only
 * (no click, no `fill()`, no `focus()`). The buyer adds a tee, types the email, Tabs into
 * Drop-in's card frame (on the emulator's origin), types the card, and pays with Enter; every
 * stop in the element and its frames shows a focus indicator (test/e2e/keyboard.ts), and the
 * order ends paid; through the bank's 3-D Secure window too, which takes the focus. Run
 * `npm run build` first.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Frame, Page} from 'playwright-core';
import {challengeFrame, dropinShown, untilOrder} from './braintree-buyer.js';
import {cspViolations, openDemoShop, settled, waitForEvent} from './buyer.js';
import {focused, focusIndicator, tabTo, type Focused} from './keyboard.js';
import {productsOnlyCatalog, shopAndBrowserPerSuite} from './shop.js';

describe('buying with Braintree by keyboard alone', {timeout: 180_000}, () => {
  const suite = shopAndBrowserPerSuite({
    CATALOG: productsOnlyCatalog(),
    // Card only, as production's default (PayPal through Braintree: braintree-paypal.test.ts).
    BRAINTREE_PAYPAL: '0',
  });

  /** Every Tab stop inside the element: a focus indicator one can see, or a failure noted. */
  function focusChecker() {
    const failures: string[] = [];
    const checked = new Set<string>();
    return {
      failures,
      checked,
      async onStop(stop: Focused & {handle: Frame}) {
        const key = `${stop.frame} ${stop.tag} ${stop.name}`;
        if (checked.has(key)) return;
        checked.add(key);
        const indicator = await focusIndicator(stop.handle);
        if (!indicator.visible) failures.push(`${key}: ${indicator.detail}`);
      },
    };
  }

  async function typeInto(
    page: Page,
    name: RegExp,
    text: string,
    onStop: ReturnType<typeof focusChecker>['onStop']
  ) {
    await tabTo(page, name, {onStop});
    await page.keyboard.type(text);
  }

  /** The demo at ?provider=braintree: a tee added, the email and `card` typed, Pay pressed. */
  async function payByKeyboard(
    card: string,
    check: ReturnType<typeof focusChecker>
  ): Promise<Page> {
    const onStop = check.onStop;
    const page = await openDemoShop(suite.browser, suite.shop);
    await page.goto(`${suite.shop.url}/?provider=braintree`);
    await page.locator('#products button').first().waitFor();
    await tabTo(page, /^Add to cart: Black tee, size M$/);
    await page.keyboard.press('Enter');
    await waitForEvent(page, 'pay-ready');
    await dropinShown(page);
    await settled(page);
    await typeInto(page, /^Email/, 'keyboard-braintree@example.com', onStop);
    await typeInto(page, /^Card Number/, card, onStop);
    await typeInto(page, /^Expiration Date/, '1234', onStop);
    await typeInto(page, /^CVV/, '123', onStop);
    await typeInto(page, /^Postal Code/, '10557', onStop);
    await tabTo(page, /^Pay /, {onStop});
    await settled(page);
    await page.keyboard.press('Enter');
    return page;
  }

  async function paid(page: Page): Promise<void> {
    const success = await waitForEvent(page, 'pay-success');
    assert.equal(success.detail.provider, 'braintree');
    await untilOrder(
      suite.shop,
      String(success.detail.orderId),
      (o) => o.status === 'paid'
    );
  }

  it('adds a tee, types the card into Drop-in and pays, all by keyboard', async () => {
    const check = focusChecker();
    const page = await payByKeyboard('4111111111111111', check);
    await paid(page);
    assert.deepEqual(check.failures, [], 'every stop shows its focus');
    assert.ok(check.checked.size >= 6, `${check.checked.size} stops checked`);
    // The card's stops were in Drop-in's frame, on the emulator's origin.
    assert.equal(
      [...check.checked].filter((stop) =>
        stop.startsWith('/web/dropin/fake/card-frame.html INPUT')
      ).length,
      4,
      [...check.checked].join(' | ')
    );
    assert.deepEqual(cspViolations(page), []);
    await page.close();
  });

  it("passes the bank's 3-D Secure challenge by keyboard: it takes the focus", async () => {
    const check = focusChecker();
    const page = await payByKeyboard('4000000000001091', check);
    await challengeFrame(page)
      .getByRole('button', {name: 'Authenticate'})
      .waitFor();
    // The challenge has the focus, on its first button.
    await page.waitForFunction(
      () => document.activeElement?.tagName === 'IFRAME'
    );
    const onAuthenticate = await focused(page);
    assert.equal(onAuthenticate?.name, 'Authenticate');
    await check.onStop(onAuthenticate!);
    // A modal: Tab goes round its buttons, never to the page behind the overlay.
    const onStop = check.onStop;
    const everywhere = true;
    await tabTo(page, /^Fail/, {limit: 1, onStop, everywhere});
    await tabTo(page, /^Cancel/, {limit: 1, onStop, everywhere});
    await tabTo(page, /^Authenticate/, {limit: 1, onStop, everywhere});
    await tabTo(page, /^Cancel/, {
      key: 'Shift+Tab',
      limit: 1,
      onStop,
      everywhere,
    });
    await tabTo(page, /^Authenticate/, {limit: 1, onStop, everywhere});
    await page.keyboard.press('Enter');
    await paid(page);
    assert.deepEqual(check.failures, [], 'every stop shows its focus');
    await page.close();
  });
});
