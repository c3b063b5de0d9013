/**
 * Square's card form on the demo shop as every buyer must be able to use it: switching between
 * `provider="stripe paypal square"`, a purchase with the keyboard only, axe-core over the page
 * and Square's frame in light and dark, and the shop in Arabic, right to left, at 320 px. The
 * screenshots are kept in /tmp (square-*.png) for a person to look at. Run `npm run build` first.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {
  addToCart,
  CARD_FRAME,
  checkout,
  fillEmail,
  openDemoShop,
  paypalButton,
  settled,
  waitForEvent,
} from './buyer.js';
import {axeViolations} from './page.js';
import {productsOnlyCatalog, shopAndBrowserPerSuite} from './shop.js';
import {
  chooseSquare,
  orders,
  SQUARE_FRAME,
  squareFrame,
} from './square-buyer.js';

describe('Square on the demo page', {timeout: 240_000}, () => {
  const suite = shopAndBrowserPerSuite({CATALOG: productsOnlyCatalog()});

  async function open(
    width = 1280,
    colorScheme: 'light' | 'dark' = 'light'
  ): Promise<Page> {
    const page = await openDemoShop(suite.browser, suite.shop, {width});
    await page.emulateMedia({colorScheme});
    await addToCart(page, 'Enamel camp mug');
    await fillEmail(page, 'ada@example.com');
    return page;
  }

  /** What lies outside the element's card (its shadow tree and its light-DOM children). */
  function outsideCard(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const root = document.querySelector('pay-checkout')!.shadowRoot!;
      const card = root
        .querySelector('[part~="base"]')!
        .getBoundingClientRect();
      return [
        ...root.querySelectorAll('*'),
        ...document.querySelectorAll('pay-checkout *'),
      ]
        .filter((node) => {
          const box = node.getBoundingClientRect();
          return (
            box.width &&
            (box.left < card.left - 1 || box.right > card.right + 1)
          );
        })
        .map((node) => {
          const box = node.getBoundingClientRect();
          return `${node.tagName}.${node.className} ${Math.round(box.left)}..${Math.round(box.right)} in ${Math.round(card.left)}..${Math.round(card.right)}`;
        });
    });
  }

  /** Waits until Square's frame has painted (it sizes itself once its document is in). */
  async function painted(page: Page) {
    await squareFrame(page).getByLabel('Card number').waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
  }

  it('switches between Card, PayPal and Square; each shows only its own form', async () => {
    const page = await open();
    const radios = checkout(page).getByRole('radio');
    assert.deepEqual(
      await radios.evaluateAll((inputs) =>
        inputs.map((input) => (input as HTMLInputElement).value)
      ),
      ['stripe', 'paypal', 'square']
    );
    await page.frameLocator(CARD_FRAME).locator('[name=number]').waitFor();

    await chooseSquare(page);
    assert.equal(await page.locator(SQUARE_FRAME).isVisible(), true);
    assert.equal(await page.locator(CARD_FRAME).isVisible(), false);
    assert.equal(
      (await waitForEvent(page, 'pay-ready', 2)).detail.provider,
      'square'
    );
    await checkout(page).getByRole('radio', {name: 'PayPal'}).click();
    await paypalButton(page).waitFor();
    assert.equal(await page.locator(SQUARE_FRAME).isVisible(), false);
    await checkout(page).getByRole('radio', {name: 'Card'}).click();
    await page.locator(CARD_FRAME).waitFor({state: 'visible'});
    // Back to Square: the same form, still there (no second load).
    await checkout(page).getByRole('radio', {name: 'Square'}).click();
    await page.locator(SQUARE_FRAME).waitFor({state: 'visible'});
    assert.equal(await page.locator(SQUARE_FRAME).count(), 1);
    await page.close();
  });

  it('buys with the keyboard only: Tab into the card form, type, Tab to Pay, Enter', async () => {
    const page = await open();
    await chooseSquare(page);
    await settled(page);
    // From the email field: Tab goes through the provider choice to Square's frame.
    await checkout(page)
      .getByRole('textbox', {name: /^E-?mail/i})
      .focus();
    const frame = squareFrame(page);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      const inCard = await frame
        .getByLabel('Card number')
        .evaluate((input) => input === document.activeElement)
        .catch(() => false);
      if (inCard) break;
    }
    assert.equal(
      await frame
        .getByLabel('Card number')
        .evaluate((input) => input === document.activeElement),
      true,
      "Tab reaches Square's card number"
    );
    await page.keyboard.type('4111111111111111');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1234');
    await page.keyboard.press('Tab');
    await page.keyboard.type('111');
    await page.keyboard.press('Tab');
    await page.keyboard.type('94103');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const active = document.querySelector('pay-checkout')!.shadowRoot!
        .activeElement as HTMLElement | null;
      return active?.getAttribute('part') ?? '';
    });
    assert.match(focused, /submit-button/, 'Tab from the form lands on Pay');
    await page.keyboard.press('Enter');
    const success = await waitForEvent(page, 'pay-success');
    assert.equal(success.detail.provider, 'square');
    assert.equal(
      orders(suite.shop).find((row) => row.id === success.detail.orderId)
        ?.status,
      'paid'
    );
    await page.close();
  });

  for (const [width, scheme] of [
    [1280, 'light'],
    [1280, 'dark'],
    [320, 'light'],
    [320, 'dark'],
  ] as const) {
    it(`at ${width} px, ${scheme}: no axe violation in the page or Square's frame, nothing sideways`, async () => {
      const page = await open(width, scheme);
      await chooseSquare(page);
      await painted(page);
      const sideways = await page.evaluate(
        () =>
          document.documentElement.scrollWidth >
          document.documentElement.clientWidth
      );
      assert.equal(sideways, false, 'the page does not scroll sideways');
      assert.deepEqual(
        await outsideCard(page),
        [],
        'nothing sticks out of the card'
      );
      const frame = await page.locator(SQUARE_FRAME).boundingBox();
      const card = await checkout(page).locator('[part~="base"]').boundingBox();
      assert.ok(frame && card, 'both are laid out');
      assert.ok(
        frame.x >= card.x - 1 &&
          frame.x + frame.width <= card.x + card.width + 1,
        `Square's frame (${frame.x}..${frame.x + frame.width}) stays inside the card (${card.x}..${card.x + card.width})`
      );
      await checkout(page).screenshot({
        path: `/tmp/square-${width}-${scheme}.png`,
      });
      assert.deepEqual(await axeViolations(page), []);
      await page.close();
    });
  }

  it("in Arabic, right to left, at 320 px, dark: Square's frame in Arabic, no axe violation", async () => {
    const page = await suite.browser.newPage({
      viewport: {width: 320, height: 1000},
      colorScheme: 'dark',
    });
    await page.addInitScript(() =>
      new MutationObserver(() => {
        document.documentElement.lang = 'ar';
        document.documentElement.dir = 'rtl';
        document.querySelector('pay-checkout')?.setAttribute('locale', 'ar');
      }).observe(document, {childList: true, subtree: true})
    );
    await page.goto(`${suite.shop.url}/`);
    await page.evaluate(() => {
      localStorage.clear();
      localStorage.setItem('demo-cart', JSON.stringify({'mug-enamel': 1}));
    });
    await page.reload();
    await checkout(page).locator('[part~="total"]').waitFor();
    await checkout(page).getByRole('radio', {name: 'Square'}).click();
    const frame = page.frameLocator(SQUARE_FRAME);
    await frame.locator('#cardNumber').waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const label = await frame.locator('#cardNumber-label').textContent();
    assert.doesNotMatch(
      label ?? '',
      /Card number/,
      "Square's labels follow the locale"
    );
    const sideways = await page.evaluate(
      () =>
        document.documentElement.scrollWidth >
        document.documentElement.clientWidth
    );
    assert.equal(sideways, false);
    assert.deepEqual(
      await outsideCard(page),
      [],
      'nothing sticks out of the card'
    );
    await checkout(page).screenshot({path: '/tmp/square-ar-320-dark.png'});
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
});
