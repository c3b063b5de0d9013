/**
 * The merchant's email, end to end: with MERCHANT_EMAIL set, a Stripe purchase on the demo shop
 * writes one email to the merchant next to the buyer's confirmation in the mail folder (listed
 * at /dev/mail), with what was bought, the buyer, the provider and a link to the admin page.
 * Run `npm run build` first.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {addToCart, CARD_FRAME, fillCard, fillEmail} from './buyer.js';
import {type Email, emailsAbout} from './mail.js';
import {productsOnlyCatalog, shopAndBrowserPerSuite} from './shop.js';

const MERCHANT = 'owner@shop.example';

describe('the merchant email', {timeout: 120_000}, () => {
  const suite = shopAndBrowserPerSuite({
    CATALOG: productsOnlyCatalog(),
    MERCHANT_EMAIL: MERCHANT,
  });

  /** The emails about the order once `count` have arrived (or 15 s have passed). */
  async function emails(orderId: string, count: number): Promise<Email[]> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = await emailsAbout(suite.shop.url, orderId);
      if (found.length >= count || Date.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('tells the merchant of a Stripe sale once, beside the buyer’s confirmation', async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${suite.shop.url}/`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await addToCart(page, 'Black tee, size M');
    await addToCart(page, 'Black tee, size M');
    await addToCart(page, 'Enamel camp mug');
    const checkout = page.locator('pay-checkout');
    const card = page.frameLocator(CARD_FRAME);
    await card.locator('[name=number]').waitFor();
    await fillEmail(page, 'ada@example.com');
    await fillCard(page);
    const success = page.evaluate(
      () =>
        new Promise<{orderId: string}>((resolve) =>
          document
            .querySelector('pay-checkout')!
            .addEventListener(
              'pay-success',
              (event) => resolve((event as CustomEvent).detail),
              {once: true}
            )
        )
    );
    await checkout.getByRole('button', {name: /^Pay/}).click();
    const {orderId} = await success;
    await page.close();

    const both = await emails(orderId, 2);
    const toMerchant = both.filter((email) => email.to.includes(MERCHANT));
    assert.equal(toMerchant.length, 1, 'one email to the merchant');
    assert.equal(
      both.filter((email) => email.to.includes('ada@example.com')).length,
      1
    );
    const [email] = toMerchant;
    assert.equal(
      email!.subject,
      `Field Supply Co.: new order ${orderId} ($64.50)`
    );
    for (const part of [
      'Black tee, size M (tee-black-m) × 2',
      'Enamel camp mug (mug-enamel) × 1',
      'Email: ada@example.com',
      'Provider: Stripe',
      `${suite.shop.url}/admin/orders/${orderId}`,
    ])
      assert.ok(email!.body.includes(part), part);

    // Delivered once: a later look at the folder finds no second copy.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(
      (await emailsAbout(suite.shop.url, orderId)).filter((e) =>
        e.to.includes(MERCHANT)
      ).length,
      1
    );
  });
});
