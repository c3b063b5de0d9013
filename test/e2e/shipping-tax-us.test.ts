/**
 * US sales tax end to end, on the demo catalog: a buyer in USD ships to New York, where 4 % is
 * added on top of the prices (shipping taxed too), with MUGS5, a fixed amount off one SKU, and
 * pays with Stripe's Payment Element (Stripe's Address Element for the address). Tee 25.00 +
 * mug 14.50 = 39.50; MUGS5 takes 5.00 off the mug; Standard shipping 5.99 (free only from
 * 50.00), chosen as the cheapest; tax 1.00 + 0.38 + 0.24 (shipping) = 1.62, half up per line;
 * total 39.50 − 5.00 + 5.99 + 1.62 = 42.11, in the summary, the order, the email and the
 * PaymentIntent.
 *
 *   node --import tsx --test test/e2e/shipping-tax-us.test.ts
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {NEW_YORK} from './addresses.js';
import {
  addToCart,
  applyCode,
  checkout,
  cspViolations,
  fillEmail,
  fillStripeAddress,
  openDemoShop,
  payWithCard,
  summaryRow,
  waitForRow,
  waitForTotal,
} from './buyer.js';
import {emailsAbout} from './mail.js';
import {amounts, readOrder} from './orders-api.js';
import {stripeIntent} from './provider-records.js';
import {shopAndBrowserPerSuite} from './shop.js';

describe('US sales tax added on top, to New York', {timeout: 120_000}, () => {
  const suite = shopAndBrowserPerSuite();

  it('to New York: tax added on top of the prices, shipping taxed, MUGS5 off the mug', async () => {
    const page = await openDemoShop(suite.browser, suite.shop, {
      currency: 'usd',
    });
    await addToCart(page, 'Black tee, size M');
    await addToCart(page, 'Enamel camp mug');
    await waitForRow(page, 'subtotal', '$39.50');
    await applyCode(page, 'mugs5');
    // Stripe's Address Element starts in the buyer's country (US here): rates may already show.
    await checkout(page)
      .locator('[part~="discount"]')
      .filter({hasText: '$5.00'})
      .waitFor();
    await fillEmail(page, 'ada@example.com');
    await fillStripeAddress(page, NEW_YORK);
    // No rate chosen: the cheapest (Standard) is charged.
    await waitForTotal(page, '$42.11');
    assert.match(await summaryRow(page, 'shipping-cost'), /\$5\.99/);
    assert.match(await summaryRow(page, 'tax'), /\$1\.62/);
    assert.match(await summaryRow(page, 'discount'), /\$5\.00/);

    const created = await payWithCard(page);
    const order = await readOrder(
      suite.shop.url,
      created.orderId,
      created.orderToken
    );
    assert.equal(order.status, 'paid');
    assert.deepEqual(amounts(order), {
      subtotal: 3950,
      discount: 500,
      shipping: 599,
      tax: 162,
      taxInclusive: false,
      total: 4211,
    });
    assert.equal(order.discountCode, 'MUGS5');
    assert.equal(order.shippingRate?.id, 'standard');
    assert.deepEqual(
      [order.shippingAddress?.country, order.shippingAddress?.region],
      ['US', 'NY']
    );
    const record = await stripeIntent(suite.shop.url, created.clientSecret);
    assert.deepEqual(
      [record.status, record.amount, record.currency],
      ['succeeded', 4211, 'usd']
    );
    const [mail] = await emailsAbout(suite.shop.url, created.orderId);
    assert.ok(mail?.body.includes('$42.11'), 'the email shows the total');
    assert.deepEqual(cspViolations(page), [], 'no CSP violation');
    await page.close();
  });
});
