/**
 * Square's card form with <pay-checkout provider="square"> inside another component's shadow
 * root (a shop built with Lit or Stencil), on a page of its own origin that loads the element by
 * its script tag from the companion server in development mode. The element mounts Square's
 * frame in the document over a placeholder in its layout (../../widget/pay-checkout/
 * shadow-host.ts), as it does Stripe's and PayPal's; the buyer tabs into it and pays.
 *
 *   node --import tsx --test test/e2e/square-shadow-host.test.ts
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {checkout, clickPay, fillEmail, waitForEvent} from './buyer.js';
import {hostSitePerSuite, type MyShopMarkup} from './shadow-host-site.js';
import {fillSquareCard, orders} from './square-buyer.js';

const FRAME = '[data-pay-checkout-mount="square-card"] iframe';

const MY_SHOP: MyShopMarkup = {
  footer: '<footer style="height: 1200px">More of the page</footer>',
  shadow: `
        <div style="display: grid; grid-template-columns: 1fr 420px; gap: 32px; padding: 24px">
          <section><h1>Enamel camp mug</h1></section>
          <aside><pay-checkout provider="square">
            <pay-item sku="mug-enamel" quantity="2"></pay-item>
          </pay-checkout></aside>
        </div>`,
};

describe(
  'Square inside another component’s shadow root',
  {timeout: 120_000},
  () => {
    const site = hostSitePerSuite(MY_SHOP);

    it('mounts the frame in the document over its placeholder, and pays through it by keyboard', async () => {
      const page = await site.browser.newPage({
        viewport: {width: 1280, height: 900},
      });
      page.on('pageerror', (error) =>
        console.error('page error:', error.stack)
      );
      await page.goto(site.url);
      await page.frameLocator(FRAME).getByLabel('Card number').waitFor();
      assert.equal(
        (await waitForEvent(page, 'pay-ready')).detail.provider,
        'square'
      );
      await page.waitForTimeout(300);
      const [spot, form] = await Promise.all([
        checkout(page).locator('[slot="square-card"]').boundingBox(),
        page.locator(FRAME).boundingBox(),
      ]);
      assert.ok(spot && form, 'both are on screen');
      assert.ok(Math.abs(spot.y - form.y) <= 4, `y ${spot.y} vs ${form.y}`);
      assert.ok(form.x >= spot.x - 1, `x ${spot.x} vs ${form.x}`);
      assert.ok(
        form.x + form.width <= spot.x + spot.width + 1,
        'no wider than its place'
      );
      assert.ok(Math.abs(spot.height - form.height) <= 8, 'as tall');
      assert.equal(
        await page
          .locator(FRAME)
          .evaluate((node) => node.getRootNode() === document),
        true
      );
      await page.screenshot({path: '/tmp/square-shadow-host.png'});

      await fillEmail(page, 'shadow@example.com');
      // Tab from the email goes into Square's card number, as if the form were in the element.
      await checkout(page)
        .getByRole('textbox', {name: /^E-?mail/i})
        .focus();
      await page.keyboard.press('Tab');
      const cardFrame = page.frame({url: /\/web-sdk\/v1\/card-frame\.html/});
      assert.ok(cardFrame, "Square's card frame");
      await cardFrame.waitForFunction(
        () => document.activeElement?.id === 'cardNumber',
        undefined,
        {timeout: 5000}
      );
      await fillSquareCard(page, undefined, {selector: FRAME});
      await clickPay(page);
      const success = await waitForEvent(page, 'pay-success');
      const row = orders(site.shop).find(
        (o) => o.id === success.detail.orderId
      );
      assert.equal(row?.status, 'paid');
      assert.equal(row?.provider, 'square');
      await page.close();
    });
  }
);
