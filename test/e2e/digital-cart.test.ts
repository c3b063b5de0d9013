/**
 * A cart of digital goods only, end to end on the demo catalog: the e-book alone ships
 * nowhere, so the checkout asks for no address (neither its own form nor Stripe's Address
 * Element), charges no shipping and no tax (no address, no rule), and an expired code
 * (SUMMER25) is refused at the field with the reason. Paid with Stripe's Payment Element:
 * 12.00 in the order and the PaymentIntent, which carries no shipping.
 *
 *   node --import tsx --test test/e2e/digital-cart.test.ts
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Quote} from '../../widget/contract.js';
import {
  ADDRESS_FRAME,
  addToCart,
  applyCode,
  CARD_FRAME,
  checkout,
  cspViolations,
  events,
  fillEmail,
  openDemoShop,
  payWithCard,
  waitForRow,
  waitForTotal,
} from './buyer.js';
import {amounts, readOrder} from './orders-api.js';
import {stripeIntent} from './provider-records.js';
import {shopAndBrowserPerSuite} from './shop.js';

describe('a digital-only cart', {timeout: 120_000}, () => {
  const suite = shopAndBrowserPerSuite();

  it('the e-book left alone: no address asked, nothing shipped or taxed; an expired code says so', async () => {
    const page = await openDemoShop(suite.browser, suite.shop, {
      currency: 'usd',
    });
    // A tee first, then the buyer removes it in the cart: what is left ships nowhere.
    await addToCart(page, 'Black tee, size M');
    await addToCart(page, 'Trail field guide (e-book)');
    // The subtotal only: for the tee, Stripe's Address Element may already have quoted shipping.
    await waitForRow(page, 'subtotal', '$37.00');
    await checkout(page)
      .getByRole('button', {name: 'Remove Black tee, size M'})
      .click();
    await waitForTotal(page, '$12.00');
    const change = (await events(page)).findLast(
      (event) => event.type === 'pay-change'
    )!.detail as {change?: {sku: string; quantity: number}};
    assert.deepEqual(change.change, {sku: 'tee-black-m', quantity: 0});
    assert.deepEqual(
      await page.evaluate(() =>
        JSON.parse(localStorage.getItem('demo-cart') ?? '{}')
      ),
      {'field-guide-ebook': 1},
      'the page’s cart follows the removal'
    );
    await applyCode(page, 'SUMMER25');
    await page.waitForFunction(() =>
      (
        window as unknown as {
          payEvents: {type: string; detail: {quote?: Quote}}[];
        }
      ).payEvents.some(
        (event) => event.detail.quote?.discountCode?.code === 'SUMMER25'
      )
    );
    const quote = (await events(page))
      .map((event) => event.detail.quote as Quote | undefined)
      .findLast((q) => q?.discountCode?.code === 'SUMMER25')!;
    assert.equal(quote.discountCode?.status, 'expired');
    assert.equal(quote.requiresShipping, false);
    assert.deepEqual(
      quote.lines.map((line) => line.sku),
      ['field-guide-ebook']
    );
    assert.deepEqual(quote.shippingRates, []);
    await waitForTotal(page, '$12.00');
    // The buyer is told why the code did not apply, at the field.
    await checkout(page)
      .locator('[part~="discount-error"]')
      .filter({hasText: /expired/})
      .waitFor();
    await fillEmail(page, 'grace@example.com');
    // Neither the element's address form nor Stripe's Address Element is shown.
    await page.frameLocator(CARD_FRAME).locator('[name=number]').waitFor();
    assert.equal(
      await checkout(page)
        .getByRole('group', {name: 'Shipping address'})
        .count(),
      0
    );
    assert.equal(await page.locator(ADDRESS_FRAME).count(), 0);

    const created = await payWithCard(page);
    const order = await readOrder(
      suite.shop.url,
      created.orderId,
      created.orderToken
    );
    assert.equal(order.status, 'paid');
    assert.deepEqual(amounts(order), {
      subtotal: 1200,
      discount: 0,
      shipping: 0,
      tax: 0,
      taxInclusive: false,
      total: 1200,
    });
    assert.equal(order.shippingAddress, undefined);
    assert.equal(order.discountCode, undefined);
    const record = await stripeIntent(suite.shop.url, created.clientSecret);
    assert.deepEqual([record.amount, record.shipping ?? null], [1200, null]);
    assert.deepEqual(cspViolations(page), [], 'no CSP violation');
    await page.close();
  });
});
