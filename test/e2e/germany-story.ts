/**
 * The story the Germany suites share, on the demo catalog: a buyer in EUR adds a tee and a mug,
 * raises the tee to 2 in the editable cart, applies WELCOME10 and will ship Express to Berlin.
 *
 * The numbers, by the catalog's rules (server/catalog/README.md):
 *   subtotal  2 × 23.00 + 13.50                        = 59.50
 *   discount  10 % of 59.50 = 5.95 (tee 4.60, mug 1.35)
 *   shipping  EU Express, no free threshold            = 14.90
 *   VAT 19 %, included, per line half up: tee 41.40 → 6.61, mug 12.15 → 1.94, shipping → 2.38
 *   tax 10.93 (included), total 59.50 − 5.95 + 14.90  = 68.45
 */
import assert from 'node:assert/strict';
import type {Browser, Page} from 'playwright-core';
import {
  addToCart,
  applyCode,
  fillEmail,
  increaseQuantity,
  openDemoShop,
  summaryRow,
  waitForRow,
  waitForTotal,
} from './buyer.js';
import {emailsAbout} from './mail.js';
import {amounts, readOrder} from './orders-api.js';
import type {Shop} from './shop.js';

export const EXPECTED = {
  subtotal: 5950,
  discount: 595,
  shipping: 1490,
  tax: 1093,
  taxInclusive: true,
  total: 6845,
};
export const TOTAL_TEXT = '€68.45';

export interface Created {
  orderId: string;
  orderToken: string;
}

export function germanyStory(shop: () => Shop, browser: () => Browser) {
  /**
   * The cart of the story, up to the address: a tee and a mug added on the page, the tee's
   * quantity raised to 2 in the element, WELCOME10 applied, the email typed.
   */
  async function cartWithCode(email: string): Promise<Page> {
    const page = await openDemoShop(browser(), shop(), {currency: 'eur'});
    await addToCart(page, 'Black tee, size M');
    await addToCart(page, 'Enamel camp mug');
    // Subtotals and the discount only: Stripe's Address Element starts in the browser's
    // country, so shipping may already be in the total.
    await waitForRow(page, 'subtotal', '€36.50');
    await increaseQuantity(page, 'Black tee, size M');
    await waitForRow(page, 'subtotal', '€59.50');
    // The page's own cart follows the buyer's edit (pay-change with `change`).
    assert.deepEqual(
      await page.evaluate(() =>
        JSON.parse(localStorage.getItem('demo-cart') ?? '{}')
      ),
      {'tee-black-m': 2, 'mug-enamel': 1}
    );
    await applyCode(page, 'WELCOME10');
    await waitForRow(page, 'discount', '€5.95');
    await fillEmail(page, email);
    return page;
  }

  /** The summary shows the story's numbers. */
  async function assertSummary(page: Page) {
    await waitForTotal(page, TOTAL_TEXT);
    assert.match(await summaryRow(page, 'discount'), /5\.95/);
    assert.match(await summaryRow(page, 'shipping-cost'), /14\.90/);
    assert.match(await summaryRow(page, 'included-tax'), /10\.93/);
  }

  /** The order, read with its token, and its confirmation email agree with the story. */
  async function assertOrderAndEmail(
    {orderId, orderToken}: Created,
    email: string
  ) {
    const order = await readOrder(shop().url, orderId, orderToken);
    assert.equal(order.status, 'paid');
    assert.equal(order.currency, 'eur');
    assert.deepEqual(amounts(order), EXPECTED);
    assert.equal(order.discountCode, 'WELCOME10');
    assert.deepEqual(order.shippingRate, {
      id: 'express',
      name: 'Express',
      amount: 1490,
    });
    assert.equal(order.shippingAddress?.country, 'DE');
    assert.equal(order.shippingAddress?.city, 'Berlin');
    assert.deepEqual(
      order.lines.map(({sku, quantity, amount, discount, tax}) => ({
        sku,
        quantity,
        amount,
        discount,
        tax,
      })),
      [
        {
          sku: 'tee-black-m',
          quantity: 2,
          amount: 4600,
          discount: 460,
          tax: 661,
        },
        {
          sku: 'mug-enamel',
          quantity: 1,
          amount: 1350,
          discount: 135,
          tax: 194,
        },
      ]
    );

    const [mail, ...more] = await emailsAbout(shop().url, orderId);
    assert.ok(mail, 'a confirmation email');
    assert.equal(more.length, 0, 'one confirmation email');
    assert.match(mail.to, new RegExp(email.replace('.', '\\.')));
    for (const text of [TOTAL_TEXT, '€5.95', '€14.90', '€10.93', 'Berlin'])
      assert.ok(mail.body.includes(text), `the email shows ${text}`);
  }
  return {cartWithCode, assertSummary, assertOrderAndEmail};
}
