/**
 * PayPal through Braintree the way a buyer meets it: the companion server in development mode
 * (the Braintree emulator links PayPal, so Drop-in lists Card and PayPal), the demo shop with
 * provider="braintree", and headless Chromium. The buyer picks PayPal, approves in PayPal's
 * window (on the emulator's origin) for the amount the element shows, and presses Pay: one
 * transaction of the PayPal account, the order paid. Also: the window's amount follows the cart,
 * a cancelled window charges nothing, a declined account reads as PayPal's refusal, the card is
 * still there, and axe finds nothing on the list, the sheet and the window. Run `npm run build`
 * first.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {readFileSync, writeFileSync} from 'node:fs';
import type {Page} from 'playwright-core';
import {
  addToCart,
  checkout,
  clickPay,
  countEvents,
  cspViolations,
  increaseQuantity,
  settled,
  summaryRow,
  waitForEvent,
} from './buyer.js';
import {
  braintreeCart,
  braintreeOrders,
  countSales,
  dropinFrame,
  fillDropin,
  paidOrder,
  untilOrder,
} from './braintree-buyer.js';
import {pressAndClose} from '../../emulators/test/chromium.js';
import {axeViolations as axe} from './page.js';
import {productsOnlyCatalog, shopAndBrowserPerSuite} from './shop.js';

/**
 * The products-only catalog with the hoodie at 2,000.00 USD: the sandbox declines amounts from
 * 2,000.00 to 2,999.99 (processor declined 2000), PayPal accounts as cards.
 */
function catalogWithDeclinedHoodie(): string {
  const data = JSON.parse(readFileSync(productsOnlyCatalog(), 'utf8')) as {
    products: {sku: string; prices: Record<string, number>}[];
  };
  for (const product of data.products)
    if (product.sku === 'hoodie-grey-l') product.prices.usd = 200_000;
  const file = productsOnlyCatalog().replace(/\.json$/, '-decline.json');
  writeFileSync(file, JSON.stringify(data));
  return file;
}

/** Picks PayPal in Drop-in's list and presses PayPal's button: the approval window, loaded. */
async function openPaypalWindow(page: Page): Promise<Page> {
  const option = checkout(page).locator('.braintree-option__paypal');
  if (await option.isVisible()) await option.click();
  await settled(page);
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    checkout(page).locator('[data-braintree-id="paypal-button"]').click(),
  ]);
  await popup.locator('#approve').waitFor();
  return popup;
}

/** The amount PayPal's window asks the buyer to approve. */
const windowAmount = async (popup: Page) =>
  (await popup.locator('bdi').first().textContent()) ?? '';

/** Approves in PayPal's window; Drop-in then shows the account. */
async function approvePaypal(page: Page, popup?: Page): Promise<void> {
  await pressAndClose(popup ?? (await openPaypalWindow(page)), '#approve');
  await checkout(page).locator('.braintree-method').waitFor();
}

describe(
  'PayPal through Braintree on the demo shop',
  {timeout: 240_000},
  () => {
    const suite = shopAndBrowserPerSuite({
      CATALOG: catalogWithDeclinedHoodie(),
    });

    it('pays with a PayPal account approved in PayPal’s window: one transaction, the order paid', async () => {
      const page = await braintreeCart(suite.browser, suite.shop);
      const before = braintreeOrders(suite.shop).length;
      await waitForEvent(page, 'pay-ready');
      await checkout(page).locator('.braintree-option__paypal').waitFor();
      assert.deepEqual(
        await checkout(page).locator('.braintree-option').allTextContents(),
        ['Card', 'PayPal']
      );
      const total = await summaryRow(page, 'total');
      const popup = await openPaypalWindow(page);
      // PayPal shows the amount the element shows.
      const amount = await windowAmount(popup);
      assert.ok(total.includes(amount), `${total} shows ${amount}`);
      await approvePaypal(page, popup);
      await checkout(page)
        .locator('.braintree-method')
        .getByText('payer@example.com')
        .waitFor();
      await clickPay(page);
      const {success, row} = await paidOrder(page, suite.shop);
      assert.equal(success.detail.provider, 'braintree');
      assert.match(row.provider_payment_id ?? '', /\S/);
      assert.equal(braintreeOrders(suite.shop).length, before + 1);
      assert.equal(await countEvents(page, 'pay-error'), 0);
      assert.deepEqual(cspViolations(page), []);
      await page.close();
    });

    it('asks PayPal for the cart’s new total after the buyer changes it', async () => {
      const page = await braintreeCart(suite.browser, suite.shop);
      await waitForEvent(page, 'pay-ready');
      await increaseQuantity(page, 'Black tee, size M');
      await settled(page);
      const total = await summaryRow(page, 'total');
      const popup = await openPaypalWindow(page);
      const amount = await windowAmount(popup);
      assert.ok(total.includes(amount), `${total} shows ${amount}`);
      await approvePaypal(page, popup);
      await clickPay(page);
      await paidOrder(page, suite.shop);
      await page.close();
    });

    it('charges nothing when the buyer cancels PayPal’s window; Pay then asks for a way to pay', async () => {
      const page = await braintreeCart(suite.browser, suite.shop);
      const before = braintreeOrders(suite.shop).length;
      const sales = countSales(page);
      await waitForEvent(page, 'pay-ready');
      const popup = await openPaypalWindow(page);
      await pressAndClose(popup, '#cancel');
      await clickPay(page);
      const failed = await waitForEvent(page, 'pay-error');
      assert.equal(failed.detail.code, 'validation_error');
      await checkout(page)
        .getByText('Use the PayPal button to continue with your payment.')
        .waitFor();
      assert.equal(sales(), 0);
      assert.equal(braintreeOrders(suite.shop).length, before);
      await page.close();
    });

    it('says a refused PayPal account in PayPal’s words, and still pays by card from the list', async () => {
      const page = await braintreeCart(suite.browser, suite.shop);
      await waitForEvent(page, 'pay-ready');
      // 2,025.00 in all: declined by the processor.
      await addToCart(page, 'Grey hoodie, size L');
      await settled(page);
      const total = await summaryRow(page, 'total');
      await approvePaypal(page);
      await clickPay(page);
      const failed = await waitForEvent(page, 'pay-error');
      assert.equal(failed.detail.code, 'payment_refused', total);
      await checkout(page)
        .getByRole('alert')
        .getByText(/PayPal refused this payment/)
        .waitFor();
      const refused = String(failed.detail.orderId ?? '');
      if (refused)
        await untilOrder(suite.shop, refused, (o) => o.status === 'failed');

      // Back to the list: the card this time, for the tee alone.
      await settled(page);
      await checkout(page)
        .getByRole('button', {name: 'Remove Grey hoodie, size L'})
        .click();
      await settled(page);
      await checkout(page).locator('.braintree-option__card').click();
      await dropinFrame(page).locator('#number').waitFor();
      await fillDropin(page);
      await clickPay(page);
      await paidOrder(page, suite.shop);
      await page.close();
    });

    it('has no axe violation on the list, PayPal’s sheet, its window and the chosen account', async () => {
      // Axe injects its own script and styles: a suite of its own, so the CSP checks above hold.
      const page = await braintreeCart(suite.browser, suite.shop);
      await waitForEvent(page, 'pay-ready');
      await checkout(page).locator('.braintree-option__paypal').waitFor();
      assert.deepEqual(await axe(page), [], 'the list');
      await checkout(page).locator('.braintree-option__paypal').click();
      assert.deepEqual(await axe(page), [], 'PayPal’s sheet');
      const popup = await openPaypalWindow(page);
      assert.deepEqual(await axe(popup), [], 'PayPal’s window');
      await approvePaypal(page, popup);
      assert.deepEqual(await axe(page), [], 'the chosen account');
      await page.close();
    });
  }
);
