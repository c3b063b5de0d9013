/**
 * A buyer on the demo shop, end to end: the real server (`server/node.ts`), the Stripe
 * emulator it starts, the built script-tag bundle, and headless Chromium.
 */
import assert from 'node:assert/strict';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {axeViolations, expectText} from './page.js';
import {
  productsOnlyCatalog,
  type Shop,
  shopAndBrowserPerSuite,
  startShop,
} from './shop.js';

// The demo's products at their prices, without its shipping, tax and discount rules: this
// suite is about paying (shipping-tax-*.test.ts buy on the demo catalog as it ships).
const PRODUCTS_ONLY = {CATALOG: productsOnlyCatalog()};

const CARD_FRAME = 'iframe[title="Secure payment input frame"]';

interface OrderRow {
  id: string;
  status: string;
  total: number;
  currency: string;
  fulfilled_at: string | null;
}

describe('buying on the demo shop with Stripe', () => {
  const suite = shopAndBrowserPerSuite(PRODUCTS_ONLY);

  async function openShopWithCart(): Promise<Page> {
    const page = await suite.browser.newPage({
      viewport: {width: 1280, height: 900},
    });
    await page.goto(`${suite.shop.url}/`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const add = (name: string) =>
      page.getByRole('button', {name: `Add to cart: ${name}`}).click();
    await add('Black tee, size M');
    await add('Black tee, size M');
    await add('Enamel camp mug');
    await expectText(page, 'pay-checkout [part~="total"]', '$64.50');
    await page.frameLocator(CARD_FRAME).locator('[name=number]').waitFor();
    await page
      .locator('pay-checkout')
      .getByLabel('Email')
      .fill('buyer@example.com');
    return page;
  }

  async function fillCard(page: Page, number: string) {
    const frame = page.frameLocator(CARD_FRAME);
    await frame.locator('[name=number]').fill(number);
    await frame.locator('[name=expiry]').fill('12 / 34');
    await frame.locator('[name=cvc]').fill('123');
    await frame.locator('[name=postalCode]').fill('94110');
  }

  const payButton = (page: Page) =>
    page.locator('pay-checkout').getByRole('button', {name: /^Pay/});

  /** Resolves with the pay-success detail, listening from before the click. */
  function nextEvent(page: Page, type: string) {
    return page.evaluate(
      (type) =>
        new Promise<unknown>((resolve) =>
          document
            .querySelector('pay-checkout')!
            .addEventListener(type, (e) => resolve((e as CustomEvent).detail), {
              once: true,
            })
        ),
      type
    );
  }

  const order = (id: string) =>
    suite.shop.query<OrderRow>('SELECT * FROM orders WHERE id = ?', id)[0];
  const ledger = (id: string) =>
    suite.shop
      .query<{type: string}>(
        'SELECT type FROM processed_events WHERE order_id = ?',
        id
      )
      .map((r) => r.type);

  it('pays with 4242 4242 4242 4242: success shown, order paid through the webhook, fulfilled once', async () => {
    const page = await openShopWithCart();
    await fillCard(page, '4242424242424242');
    const success = nextEvent(page, 'pay-success');
    await payButton(page).click();
    const detail = (await success) as {
      orderId: string;
      status: string;
      total: number;
      currency: string;
    };
    assert.deepEqual(
      [detail.status, detail.total, detail.currency],
      ['paid', 6450, 'usd']
    );
    await expectText(page, 'pay-checkout [part~="status"]', 'Payment received');
    await page.screenshot({path: '/tmp/e2e-stripe-success.png'});

    const row = order(detail.orderId);
    assert.deepEqual(
      [row.status, row.total, row.currency],
      ['paid', 6450, 'usd']
    );
    assert.ok(row.fulfilled_at, 'the fulfilment hook ran');
    assert.ok(
      ledger(detail.orderId).includes('payment_intent.succeeded'),
      'marked paid by the verified webhook'
    );
    await page.close();
  });

  it('shows a decline the buyer understands, then pays on retry', async () => {
    const page = await openShopWithCart();
    await fillCard(page, '4000000000000002');
    const error = nextEvent(page, 'pay-error');
    await payButton(page).click();
    assert.equal(((await error) as {code: string}).code, 'card_declined');
    const alert = page.locator('pay-checkout').getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent())!, /declined/i);
    assert.equal(await payButton(page).isEnabled(), true);

    await fillCard(page, '4242424242424242');
    const success = nextEvent(page, 'pay-success');
    await payButton(page).click();
    const {orderId} = (await success) as {orderId: string};
    assert.equal(order(orderId).status, 'paid');
    await page.close();
  });

  it('completes 3-D Secure', async () => {
    const page = await openShopWithCart();
    await fillCard(page, '4000002500003155');
    const success = nextEvent(page, 'pay-success');
    await payButton(page).click();
    await page
      .frameLocator('iframe[src*="/elements/3ds/"]')
      .getByRole('button', {name: 'Complete'})
      .click();
    const {orderId} = (await success) as {orderId: string};
    assert.equal(order(orderId).status, 'paid');
    await page.close();
  });

  it('fails 3-D Secure without charging, and says so', async () => {
    const page = await openShopWithCart();
    await fillCard(page, '4000000000003220');
    const error = nextEvent(page, 'pay-error');
    await payButton(page).click();
    await page
      .frameLocator('iframe[src*="/elements/3ds/"]')
      .getByRole('button', {name: 'Fail'})
      .click();
    const detail = (await error) as {code: string; orderId?: string};
    assert.equal(detail.code, 'payment_intent_authentication_failure');
    await page.locator('pay-checkout').getByRole('alert').waitFor();
    const paid = suite.shop.query<OrderRow>(
      "SELECT * FROM orders WHERE status = 'paid' AND created_at > datetime('now', '-5 seconds')"
    );
    assert.ok(!paid.some((row) => row.id === detail.orderId));
    await page.close();
  });

  it('charges the catalog price even when the page’s prices are edited', async () => {
    const page = await openShopWithCart();
    // What a buyer could do in devtools: rewrite every price on the page and on the items.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('.price'))
        el.textContent = '$0.01';
      for (const item of document.querySelectorAll('pay-item'))
        item.setAttribute('price', '1');
      const root = document.querySelector('pay-checkout')!.shadowRoot!;
      for (const el of root.querySelectorAll('[part~="total"], [part~="line"]'))
        el.textContent = '$0.01';
    });
    await fillCard(page, '4242424242424242');
    const success = nextEvent(page, 'pay-success');
    await payButton(page).click();
    const {orderId} = (await success) as {orderId: string};
    const row = order(orderId);
    assert.deepEqual([row.status, row.total], ['paid', 6450]);
    await page.close();
  });

  it('has no axe-core violations in the initial, error and success states', async () => {
    const page = await openShopWithCart();
    assert.deepEqual(await axeViolations(page), [], 'initial');
    await fillCard(page, '4000000000000002');
    await payButton(page).click();
    await page.locator('pay-checkout').getByRole('alert').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'error');
    await fillCard(page, '4242424242424242');
    const success = nextEvent(page, 'pay-success');
    await payButton(page).click();
    await success;
    assert.deepEqual(await axeViolations(page), [], 'success');
    await page.close();
  });

  describe('on a plain HTML page on another site', () => {
    let site: Server;
    let siteUrl: string;
    let embedShop: Shop;
    before(async () => {
      site = createServer((req, res) => {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My page</title>
<script type="module" src="${embedShop.url}/pay-checkout.js"></script></head>
<body><main><h1>Buy a mug</h1>
<pay-checkout><pay-item sku="mug-enamel" quantity="2"></pay-item></pay-checkout>
</main></body></html>`);
      });
      await new Promise<void>((resolve) =>
        site.listen(0, '127.0.0.1', resolve)
      );
      siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
      embedShop = await startShop({
        ...PRODUCTS_ONLY,
        ALLOWED_ORIGINS: siteUrl,
      });
    });
    after(async () => {
      await embedShop?.stop();
      await new Promise((resolve) => site.close(resolve));
    });

    it('needs only the script tag and the element', async () => {
      const page = await suite.browser.newPage();
      await page.goto(siteUrl);
      await expectText(page, 'pay-checkout [part~="total"]', '$29.00');
      await page
        .locator('pay-checkout')
        .getByLabel('Email')
        .fill('buyer@example.com');
      await fillCard(page, '4242424242424242');
      const success = nextEvent(page, 'pay-success');
      await payButton(page).click();
      const {orderId} = (await success) as {orderId: string};
      const row = embedShop.query<OrderRow>(
        'SELECT * FROM orders WHERE id = ?',
        orderId
      )[0];
      assert.deepEqual([row.status, row.total], ['paid', 2900]);
      await page.close();
    });
  });
});
