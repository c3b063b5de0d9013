/**
 * `<pay-checkout mode="hosted">` end to end: the demo shop on the real server, the Stripe
 * emulator's hosted Checkout page (on its own origin, as checkout.stripe.com is Stripe's), and
 * the demo's return page, in headless Chromium. Run `npm run build` first.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {axeViolations, expectText} from './page.js';
import {productsOnlyCatalog, shopAndBrowserPerSuite} from './shop.js';

// The demo's products at their prices, without its shipping, tax and discount rules: this
// suite is about paying (shipping-tax-*.test.ts buy on the demo catalog as it ships).
const PRODUCTS_ONLY = {CATALOG: productsOnlyCatalog()};

const SCREENSHOT = '/tmp/e2e-hosted-return-success.png';

interface OrderRow {
  id: string;
  status: string;
  total: number;
  currency: string;
  email: string | null;
  locale: string | null;
}

interface PayEvent {
  type: string;
  detail: Record<string, unknown>;
}

describe(
  'Stripe hosted Checkout from the demo shop',
  {timeout: 180_000},
  () => {
    const suite = shopAndBrowserPerSuite(PRODUCTS_ONLY);

    /** The demo shop with a cart, its checkout switched to `mode="hosted"`. */
    async function openHostedCheckout(): Promise<Page> {
      const page = await suite.browser.newPage({
        viewport: {width: 1280, height: 900},
      });
      // Every page this tab opens (the shop, the return page) records the element's events.
      await page.addInitScript(() => {
        const events: PayEvent[] = [];
        (window as unknown as {payEvents: PayEvent[]}).payEvents = events;
        for (const type of ['pay-success', 'pay-error', 'pay-cancel'])
          document.addEventListener(type, (event) =>
            events.push({type, detail: (event as CustomEvent).detail})
          );
      });
      await page.goto(`${suite.shop.url}/`);
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      const add = (name: string) =>
        page.getByRole('button', {name: `Add to cart: ${name}`}).click();
      await add('Black tee, size M');
      await add('Black tee, size M');
      await add('Enamel camp mug');
      await page.evaluate(() =>
        document.querySelector('pay-checkout')!.setAttribute('mode', 'hosted')
      );
      await page
        .locator('pay-checkout [part~="hosted-note"]')
        .waitFor({timeout: 10_000});
      await expectText(page, 'pay-checkout [part~="total"]', '$64.50');
      return page;
    }

    const checkout = (page: Page) => page.locator('pay-checkout');
    const payButton = (page: Page) =>
      checkout(page).getByRole('button', {name: /^Pay/});
    const events = (page: Page) =>
      page.evaluate(
        () => (window as unknown as {payEvents: PayEvent[]}).payEvents
      );
    const orders = () =>
      suite.shop.query<OrderRow>('SELECT * FROM orders ORDER BY created_at');

    /** Pay on the shop, land on the emulator's hosted page. */
    async function goToStripe(page: Page, email: string) {
      await checkout(page).getByLabel('Email').fill(email);
      await payButton(page).click();
      await page.waitForURL(/\/checkout\/pay\//);
      assert.equal(
        new URL(page.url()).origin,
        new URL(suite.shop.stripeUrl!).origin
      );
      await page.getByRole('button', {name: 'Pay'}).waitFor();
    }

    it('pays on Stripe’s page and shows the result on the return page: pay-success, order paid', async () => {
      const page = await openHostedCheckout();
      assert.deepEqual(await axeViolations(page), [], 'hosted, before paying');
      await goToStripe(page, 'ada@example.com');

      // The session carries the repriced cart and the buyer's email.
      await page.getByRole('heading', {level: 1, name: 'Pay $64.50'}).waitFor();
      assert.equal(
        await page.getByLabel('Email').inputValue(),
        'ada@example.com'
      );
      await page.getByLabel('Card number').fill('4242424242424242');
      await page.getByLabel('Expiration date').fill('12 / 34');
      await page.getByLabel('Security code').fill('123');
      await page.getByLabel('ZIP').fill('94110');
      await page.getByRole('button', {name: 'Pay'}).click();

      await page.waitForURL(/\/return\.html/, {timeout: 20_000});
      await expectText(
        page,
        'pay-checkout [part~="status"]',
        'Payment received'
      );
      const recorded = await events(page);
      assert.deepEqual(
        recorded.map((event) => event.type),
        ['pay-success']
      );
      const detail = recorded[0]!.detail as {orderId: string};
      assert.deepEqual(detail, {
        orderId: detail.orderId,
        status: 'paid',
        total: 6450,
        currency: 'usd',
        provider: 'stripe',
      });
      // The return parameters are gone from the address bar.
      assert.equal(page.url(), `${suite.shop.url}/return.html`);
      await expectText(page, 'pay-checkout [part~="total"]', '$64.50');
      await page.screenshot({path: SCREENSHOT});
      assert.deepEqual(await axeViolations(page), [], 'return, success');

      const row = orders().find((order) => order.id === detail.orderId)!;
      assert.deepEqual(
        [row.status, row.total, row.currency, row.email, row.locale],
        ['paid', 6450, 'usd', 'ada@example.com', 'en']
      );
      // The demo's return page empties the cart once paid.
      assert.equal(
        await page.evaluate(() => localStorage.getItem('demo-cart')),
        null
      );
      await page.close();
    });

    it('comes back through Stripe’s Back link: pay-cancel, nothing charged', async () => {
      const page = await openHostedCheckout();
      const before = new Set(orders().map((order) => order.id));
      await goToStripe(page, 'grace@example.com');
      await page.getByRole('link', {name: 'Back'}).click();

      await page.waitForURL(/\/return\.html/, {timeout: 20_000});
      await expectText(
        page,
        'pay-checkout [part~="status"]',
        'Payment canceled. You have not been charged.'
      );
      assert.deepEqual(await events(page), [
        {type: 'pay-cancel', detail: {provider: 'stripe', reason: 'buyer'}},
      ]);
      assert.equal(page.url(), `${suite.shop.url}/return.html`);
      assert.equal(
        await checkout(page).getByRole('button', {name: /^Pay/}).count(),
        0
      );
      assert.deepEqual(await axeViolations(page), [], 'return, canceled');

      const created = orders().filter((order) => !before.has(order.id));
      assert.equal(created.length, 1);
      assert.notEqual(created[0]!.status, 'paid');
      // The cart is still there for another try.
      assert.notEqual(
        await page.evaluate(() => localStorage.getItem('demo-cart')),
        null
      );
      await page.close();
    });

    it('asks for a valid email before leaving the shop', async () => {
      const page = await openHostedCheckout();
      const before = orders().length;
      await checkout(page).getByLabel('Email').fill('ada@example');
      await payButton(page).click();
      const alert = checkout(page).locator('[part~="email-error"]');
      await alert.waitFor();
      assert.equal(
        (await alert.textContent())!.trim(),
        'Enter a valid email address, like name@example.com.'
      );
      assert.equal(new URL(page.url()).origin, suite.shop.url);
      assert.equal(orders().length, before);
      await page.close();
    });
  }
);
