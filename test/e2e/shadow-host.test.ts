/**
 * <pay-checkout> inside another component's shadow root (issue 14.4), the way a shop built
 * with Lit or Stencil renders it: a page on its own origin defines <my-shop>, whose open
 * shadow root lays out a product column and the checkout side by side (one column at phone
 * width), with the element loaded by its script tag from the companion server. Stripe.js
 * refuses a mount node in a shadow tree (the emulator's fake too), so the element mounts the
 * provider in the document over a placeholder in its layout; the buyer pays through it with
 * the Payment Element and with PayPal, and the form sits where the slot is, scrolling along.
 *
 *   node --import tsx --test test/e2e/shadow-host.test.ts
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {
  CARD_FRAME,
  checkout,
  clickPay,
  fillCard,
  fillEmail,
  waitForEvent,
} from './buyer.js';
import {hostSitePerSuite, type MyShopMarkup} from './shadow-host-site.js';

const PAYPAL_FRAME = '[data-pay-checkout-mount="paypal-buttons"] iframe';

/** The product column and the checkout side by side, one column at phone width. */
const MY_SHOP: MyShopMarkup = {
  head: '<style>body { margin: 0; font-family: system-ui, sans-serif; }</style>',
  header:
    '<header style="padding: 16px 24px; background: #1e293b; color: white">My shop</header>',
  footer:
    '<footer style="height: 1200px; padding: 24px">More of the page</footer>',
  shadow: `
        <style>
          :host { display: block; padding: 24px; --pay-color-primary: #0f766e; }
          .layout { display: grid; grid-template-columns: 1fr 420px; gap: 32px; }
          @media (max-width: 700px) { :host { padding: 8px; } .layout { grid-template-columns: 1fr; } }
          .product { min-height: 240px; background: #f1f5f9; border-radius: 8px; padding: 16px; }
        </style>
        <div class="layout">
          <section class="product"><h1>Enamel camp mug</h1><p>Two of them, for the road.</p></section>
          <aside>
            <h2>Checkout</h2>
            <pay-checkout provider="stripe paypal">
              <pay-item sku="mug-enamel" quantity="2"></pay-item>
            </pay-checkout>
          </aside>
        </div>`,
};

interface OrderRow {
  status: string;
  provider: string;
  total: number;
}

describe(
  '<pay-checkout> inside another component’s shadow root',
  {timeout: 180_000},
  () => {
    const site = hostSitePerSuite(MY_SHOP);

    async function open(width: number): Promise<Page> {
      const page = await site.browser.newPage({viewport: {width, height: 900}});
      page.on('pageerror', (error) =>
        console.error('page error:', error.stack)
      );
      await page.goto(site.url);
      return page;
    }

    const order = (id: string) =>
      site.shop.query<OrderRow>(
        'SELECT status, provider, total FROM orders WHERE id = ?',
        id
      )[0];

    /**
     * The provider's frame sits exactly over its placeholder in the element's layout (the
     * slot's child), and is a child of the document, not of any shadow root.
     */
    async function assertOverPlaceholder(
      page: Page,
      slot: string,
      frame: string
    ): Promise<void> {
      const placeholder = checkout(page).locator(`[slot="${slot}"]`);
      const [spot, form] = await Promise.all([
        placeholder.boundingBox(),
        page.locator(frame).first().boundingBox(),
      ]);
      assert.ok(spot && form, 'both are on screen');
      assert.ok(Math.abs(spot.x - form.x) <= 1, `x ${spot.x} vs ${form.x}`);
      assert.ok(Math.abs(spot.y - form.y) <= 1, `y ${spot.y} vs ${form.y}`);
      assert.ok(Math.abs(spot.width - form.width) <= 1, 'as wide');
      assert.ok(form.height > 40, 'the form has drawn');
      assert.ok(Math.abs(spot.height - form.height) <= 1, 'as tall');
      const inDocument = await page
        .locator(frame)
        .first()
        .evaluate((node) => node.getRootNode() === document);
      assert.equal(inDocument, true);
    }

    it('pays with the Payment Element mounted over its slot, which scrolls with the page', async () => {
      const page = await open(1280);
      await page.frameLocator(CARD_FRAME).locator('[name=number]').waitFor();
      await waitForEvent(page, 'pay-ready');
      await assertOverPlaceholder(page, 'stripe-payment-element', CARD_FRAME);

      await page.mouse.wheel(0, 150);
      await page.waitForFunction(() => scrollY >= 150);
      await assertOverPlaceholder(page, 'stripe-payment-element', CARD_FRAME);
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({path: '/tmp/e2e-shadow-host-1280.png'});

      await fillEmail(page, 'buyer@example.com');
      // By keyboard: Tab from the control before the slot lands in the card number, and Tab
      // out of the form's last field lands on Pay, as if the form were in the element.
      await checkout(page).getByRole('radio', {name: 'Card'}).focus();
      await page.keyboard.press('Tab');
      const cardFrame = page.frame({url: /\/elements\/payment/})!;
      await cardFrame.waitForFunction(
        () => document.activeElement?.getAttribute('name') === 'number'
      );
      await cardFrame.locator('[name=postalCode]').focus();
      await page.keyboard.press('Tab');
      await page.waitForFunction(
        () =>
          document
            .querySelector('my-shop')!
            .shadowRoot!.querySelector('pay-checkout')!
            .shadowRoot!.activeElement?.getAttribute('part')
            ?.includes('submit-button') ?? false
      );
      // And Shift+Tab from Pay goes back into the form's last field.
      await page.keyboard.press('Shift+Tab');
      await cardFrame.waitForFunction(
        () => document.activeElement?.getAttribute('name') === 'postalCode'
      );
      await fillCard(page);
      await clickPay(page);
      const success = await waitForEvent(page, 'pay-success');
      const orderId = success.detail.orderId as string;
      assert.deepEqual(order(orderId), {
        status: 'paid',
        provider: 'stripe',
        total: 2900,
      });
      await page.close();
    });

    it('pays with PayPal at 320 px, its buttons over their slot', async () => {
      const page = await open(320);
      await page.frameLocator(CARD_FRAME).locator('[name=number]').waitFor();
      await checkout(page).getByRole('radio', {name: 'PayPal'}).check();
      const button = page
        .frameLocator(PAYPAL_FRAME)
        .locator('button[aria-disabled="false"]');
      await button.waitFor({timeout: 30_000});
      // The card form is hidden with its slot, the buttons shown over theirs.
      assert.equal(await page.locator(CARD_FRAME).isVisible(), false);
      await fillEmail(page, 'buyer@example.com');
      await page.locator(PAYPAL_FRAME).scrollIntoViewIfNeeded();
      await assertOverPlaceholder(page, 'paypal-buttons', PAYPAL_FRAME);
      await page.screenshot({
        path: '/tmp/e2e-shadow-host-320.png',
        fullPage: true,
      });

      const popup = page.waitForEvent('popup');
      await button.click();
      const window = await popup;
      await window.getByRole('button', {name: 'Approve'}).click();
      const success = await waitForEvent(page, 'pay-success');
      assert.deepEqual(order(success.detail.orderId as string), {
        status: 'paid',
        provider: 'paypal',
        total: 2900,
      });
      await page.close();
    });
  }
);
