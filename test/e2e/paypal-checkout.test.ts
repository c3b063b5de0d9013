/**
 * PayPal, the way a buyer meets it: the real companion server (`server/node.ts` with no
 * provider keys, so it runs the Stripe and PayPal emulators), the demo shop page, the built
 * script-tag bundle, and headless Chromium. The buyer adds a product, picks PayPal in
 * <pay-checkout>, and answers in PayPal's window: approve, cancel, or a declined card followed
 * by a second approval. The orders are read back from the server's SQLite file.
 *
 *   node --import tsx --test test/e2e/paypal-checkout.test.ts
 */
import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import type {
  Browser,
  Page,
  Response as PlaywrightResponse,
} from 'playwright-core';
import type {PaypalOrderResponse} from '../../server/contract.js';
import {
  launchChromium,
  productsOnlyCatalog,
  type Shop,
  startShop,
} from './shop.js';

// The demo's products at their prices, without its shipping, tax and discount rules: this
// suite is about paying (shipping-tax-*.test.ts buy on the demo catalog as it ships).
const PRODUCTS_ONLY = {CATALOG: productsOnlyCatalog()};

const SCREENSHOT_BUTTONS = '/tmp/paypal-e2e-buttons.png';
const SCREENSHOT_CHOICE = '/tmp/paypal-e2e-choice.png';
const SCREENSHOT_APPROVAL = '/tmp/paypal-e2e-approval.png';
const SCREENSHOT_PAID = '/tmp/paypal-e2e-paid.png';

interface PayEvent {
  type: string;
  detail: Record<string, unknown>;
}

describe('PayPal checkout on the demo shop', {timeout: 180_000}, () => {
  let shop: Shop;
  let browser: Browser;
  let page: Page;

  before(async () => {
    shop = await startShop(PRODUCTS_ONLY);
    assert.match(
      shop.output(),
      /PayPal/i,
      'npm start names the PayPal emulator'
    );
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await shop?.stop();
  });

  beforeEach(async () => {
    await page?.close();
    page = await browser.newPage({viewport: {width: 1100, height: 900}});
    page.on('pageerror', (error) =>
      console.error('page error:', error.message)
    );
  });

  /** The order as the server wrote it. */
  function orderRow(id: string) {
    return shop.query<{status: string; provider: string; total: number}>(
      'SELECT status, provider, total FROM orders WHERE id = ?',
      id
    )[0];
  }

  /** Opens the shop with one product in the cart and `provider` set on the element. */
  async function openShop(provider: string): Promise<void> {
    await page.goto(`${shop.url}/`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page
      .getByRole('button', {name: /^Add to cart/})
      .first()
      .click();
    await page.evaluate((value) => {
      const events: PayEvent[] = [];
      (window as unknown as {payEvents: PayEvent[]}).payEvents = events;
      for (const type of [
        'pay-ready',
        'pay-submit',
        'pay-success',
        'pay-error',
        'pay-cancel',
      ]) {
        document.addEventListener(type, (event) =>
          events.push({
            type,
            detail: JSON.parse(JSON.stringify((event as CustomEvent).detail)),
          })
        );
      }
      document.querySelector('pay-checkout')!.setAttribute('provider', value);
    }, provider);
    await page
      .locator('pay-checkout')
      .getByLabel('Email')
      .fill('buyer@example.com');
  }

  const events = () =>
    page.evaluate(
      () => (window as unknown as {payEvents: PayEvent[]}).payEvents
    );

  async function waitForEvent(type: string, count = 1): Promise<PayEvent> {
    await page.waitForFunction(
      ([name, n]) =>
        (window as unknown as {payEvents: PayEvent[]}).payEvents.filter(
          (event) => event.type === name
        ).length >= (n as number),
      [type, count] as const,
      {timeout: 30_000}
    );
    return (await events()).filter((event) => event.type === type)[count - 1]!;
  }

  /** PayPal's button: an iframe on the emulator's origin inside the element's light-DOM slot. */
  const paypalButton = () =>
    page
      .frameLocator(
        'pay-checkout [slot="paypal-buttons"] iframe[title="PayPal"]'
      )
      .getByRole('button', {name: 'Pay with PayPal'});

  /** Clicks PayPal's button; resolves with the approval window and the order the server made. */
  async function startPaypal() {
    const created = page.waitForResponse(
      (response: PlaywrightResponse) =>
        response.url().endsWith('/api/paypal/orders') &&
        response.request().method() === 'POST'
    );
    const popup = page.waitForEvent('popup');
    await paypalButton().click();
    const order = (await (await created).json()) as PaypalOrderResponse;
    const window = await popup;
    await window.getByRole('button', {name: 'Approve'}).waitFor();
    return {order, window};
  }

  function countCaptures(): () => number {
    let captures = 0;
    page.on('request', (request) => {
      if (
        request.method() === 'POST' &&
        /\/api\/paypal\/orders\/[^/]+\/capture$/.test(request.url())
      )
        captures++;
    });
    return () => captures;
  }

  it('pays with PayPal chosen in "stripe paypal": approve → paid, once', async () => {
    const captures = countCaptures();
    await openShop('stripe paypal');
    await waitForEvent('pay-ready');
    const choice = page.getByRole('radiogroup', {name: 'Payment method'});
    await choice.waitFor();
    await page.locator('pay-checkout').screenshot({path: SCREENSHOT_CHOICE});

    await page.getByRole('radio', {name: 'PayPal'}).check();
    await paypalButton().waitFor();
    await page.locator('pay-checkout').screenshot({path: SCREENSHOT_BUTTONS});

    const {order, window} = await startPaypal();
    await window.screenshot({path: SCREENSHOT_APPROVAL});
    await window.getByRole('button', {name: 'Approve'}).click();
    const success = await waitForEvent('pay-success');
    await page.locator('pay-checkout').screenshot({path: SCREENSHOT_PAID});

    assert.deepEqual(success.detail, {
      orderId: order.orderId,
      status: 'paid',
      total: success.detail.total,
      currency: success.detail.currency,
      provider: 'paypal',
    });
    assert.equal(captures(), 1);
    const row = orderRow(order.orderId);
    assert.equal(row?.status, 'paid');
    assert.equal(row?.provider, 'paypal');
    assert.equal(row?.total, success.detail.total);
    // One pay-submit, one outcome; the server's order API agrees.
    const types = (await events()).map((event) => event.type);
    assert.deepEqual(
      types.filter((type) => type !== 'pay-ready'),
      ['pay-submit', 'pay-success']
    );
    const read = await page.evaluate(
      async ({id, token}) =>
        (
          await fetch(`/api/orders/${id}`, {
            headers: {Authorization: `Bearer ${token}`},
          })
        ).json(),
      {id: order.orderId, token: order.orderToken}
    );
    assert.equal((read as {status: string}).status, 'paid');
  });

  it('cancelling in PayPal fires pay-cancel and charges nothing', async () => {
    const captures = countCaptures();
    await openShop('paypal');
    await paypalButton().waitFor();

    const {order, window} = await startPaypal();
    await window.getByRole('button', {name: 'Cancel'}).click();
    const cancel = await waitForEvent('pay-cancel');

    assert.deepEqual(cancel.detail, {provider: 'paypal', reason: 'buyer'});
    assert.equal(captures(), 0);
    assert.notEqual(orderRow(order.orderId)?.status, 'paid');
    const status = page.locator('pay-checkout').getByRole('status');
    assert.match((await status.textContent()) ?? '', /not been charged/);
    // The buttons are still there for another try.
    await paypalButton().waitFor();
  });

  it('a declined card sends the buyer back to PayPal, and the next approval pays', async () => {
    const captures = countCaptures();
    await openShop('paypal');
    await paypalButton().waitFor();

    const {order, window} = await startPaypal();
    await window.getByRole('button', {name: 'Decline card'}).click();
    // actions.restart(): the same window shows the approval page again.
    await page
      .locator('pay-checkout')
      .getByRole('alert')
      .filter({hasText: 'declined by PayPal'})
      .waitFor();
    const approve = window.getByRole('button', {name: 'Approve'});
    await approve.waitFor();
    await approve.click();
    const success = await waitForEvent('pay-success');

    assert.equal(success.detail.orderId, order.orderId);
    assert.equal(captures(), 2);
    assert.equal(orderRow(order.orderId)?.status, 'paid');
    const types = (await events()).map((event) => event.type);
    assert.deepEqual(
      types.filter((type) => type !== 'pay-ready'),
      ['pay-submit', 'pay-success']
    );
  });
});
