/**
 * The demo shop in Arabic, right to left (issue 14.2, 14.3): the page says `lang="ar"
 * dir="rtl"` and the element `locale="ar"`, at 1280 and 320 px, light and dark, with the
 * editable cart and Stripe's forms mounted. Each is audited by axe (the page and its frames),
 * must not scroll sideways, and lays the summary out mirrored; the screenshots are kept in
 * /tmp for a person to look at (docs/screenshots/ has two of them).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {CARD_FRAME} from './buyer.js';
import {axeViolations} from './page.js';
import {shopAndBrowserPerSuite} from './shop.js';

describe('the demo shop in Arabic, right to left', () => {
  const suite = shopAndBrowserPerSuite();

  async function openInArabic(
    width: number,
    colorScheme: 'light' | 'dark',
    dir: 'rtl' | 'ltr' = 'rtl'
  ): Promise<Page> {
    const page = await suite.browser.newPage({
      viewport: {width, height: 1000},
      colorScheme,
    });
    // Set while the page is parsed, before the element connects (a routed, rewritten page
    // would lose its loopback address space, and Chromium would then refuse the emulators).
    await page.addInitScript(
      ([dir]) =>
        new MutationObserver(() => {
          document.documentElement.lang = dir === 'rtl' ? 'ar' : 'en';
          document.documentElement.dir = dir!;
          if (dir === 'rtl')
            document
              .querySelector('pay-checkout')
              ?.setAttribute('locale', 'ar');
        }).observe(document, {childList: true, subtree: true}),
      [dir]
    );
    await page.goto(`${suite.shop.url}/`);
    await page.evaluate(() => {
      localStorage.clear();
      localStorage.setItem(
        'demo-cart',
        JSON.stringify({'tee-black-m': 2, 'mug-enamel': 1})
      );
    });
    await page.reload();
    await page.locator('pay-checkout [part~="total"]').waitFor();
    await page.frameLocator(CARD_FRAME).locator('[name=number]').waitFor();
    return page;
  }

  for (const [width, scheme] of [
    [1280, 'light'],
    [320, 'dark'],
    [1280, 'dark'],
    [320, 'light'],
  ] as const) {
    it(`at ${width} px, ${scheme}: mirrored, no sideways scroll, no axe violation`, async () => {
      const page = await openInArabic(width, scheme);
      const layout = await page.evaluate(() => {
        const root = document.querySelector('pay-checkout')!.shadowRoot!;
        const total = root.querySelector('[part~="total"]')!;
        const [label, amount] = [...total.children].map((cell) =>
          cell.getBoundingClientRect()
        );
        return {
          base: getComputedStyle(root.querySelector('[part~="base"]')!)
            .direction,
          amountLeftOfLabel: amount!.right <= label!.left,
          sideways:
            document.documentElement.scrollWidth >
            document.documentElement.clientWidth,
          total: total.textContent!.replace(/\s+/g, ' ').trim(),
        };
      });
      assert.equal(layout.base, 'rtl');
      assert.ok(layout.amountLeftOfLabel, 'the amount is on the left in rtl');
      assert.equal(layout.sideways, false, 'the page does not scroll sideways');
      assert.match(layout.total, /^الإجمالي/);
      // The frames paint a moment after their inputs exist: wait for them before measuring.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1500);
      const overflow = await page.evaluate(() => {
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
          .map(
            (node) =>
              `${node.tagName}.${node.className} ${Math.round(node.getBoundingClientRect().left)}..${Math.round(node.getBoundingClientRect().right)} in ${Math.round(card.left)}..${Math.round(card.right)}`
          );
      });
      assert.deepEqual(overflow, [], 'nothing sticks out of the card');
      await page
        .locator('pay-checkout')
        .screenshot({path: `/tmp/pay-checkout-ar-${width}-${scheme}.png`});
      assert.deepEqual(await axeViolations(page), []);
      await page.close();
    });
  }

  it('is mirrored back in ltr, and the audit holds there too', async () => {
    const page = await openInArabic(320, 'dark', 'ltr');
    const direction = await page.evaluate(
      () =>
        getComputedStyle(
          document
            .querySelector('pay-checkout')!
            .shadowRoot!.querySelector('[part~="base"]')!
        ).direction
    );
    assert.equal(direction, 'ltr');
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
});
