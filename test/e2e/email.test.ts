/**
 * The buyer's confirmation email, end to end: the email typed into <pay-checkout> on the demo
 * shop travels with the order, and once the webhook marks the order paid the server sends one
 * confirmation, in the buyer's language. Without SMTP_URL the shop writes its emails to a
 * folder (startShop gives it a temporary MAIL_DIR) and lists them at /dev/mail.
 * Run `npm run build` first.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {emailsAbout as emailsOf} from './mail.js';
import {productsOnlyCatalog, shopAndBrowserPerSuite} from './shop.js';

// The demo's products at their prices, without its shipping, tax and discount rules: this
// suite is about the email (shipping-tax-*.test.ts buy on the demo catalog as it ships).
const PRODUCTS_ONLY = {CATALOG: productsOnlyCatalog()};

const CARD_FRAME = 'iframe[title="Secure payment input frame"]';

describe('the confirmation email', {timeout: 120_000}, () => {
  const suite = shopAndBrowserPerSuite(PRODUCTS_ONLY);

  /** Buys two tees and a mug with 4242 as `email`; resolves with the order id. */
  async function buy(email: string, locale?: string): Promise<string> {
    const page: Page = await suite.browser.newPage();
    await page.goto(`${suite.shop.url}/`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const add = (name: string) =>
      page.getByRole('button', {name: `Add to cart: ${name}`}).click();
    await add('Black tee, size M');
    await add('Black tee, size M');
    await add('Enamel camp mug');
    if (locale)
      await page.evaluate(
        (locale) =>
          document
            .querySelector('pay-checkout')!
            .setAttribute('locale', locale),
        locale
      );
    const checkout = page.locator('pay-checkout');
    const card = page.frameLocator(CARD_FRAME);
    await card.locator('[name=number]').waitFor();
    await checkout.getByRole('textbox', {name: /^E-?mail$/i}).fill(email);
    await card.locator('[name=number]').fill('4242424242424242');
    await card.locator('[name=expiry]').fill('12 / 34');
    await card.locator('[name=cvc]').fill('123');
    await card.locator('[name=postalCode]').fill('94110');
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
    await checkout.getByRole('button', {name: /^(Pay|Payer)/}).click();
    const {orderId} = await success;
    await page.close();
    return orderId;
  }

  const emailsAbout = (orderId: string) => emailsOf(suite.shop.url, orderId);

  it('sends exactly one confirmation, to the address typed into the checkout, with the order and its total', async () => {
    const orderId = await buy('ada@example.com');

    const emails = await emailsAbout(orderId);
    assert.equal(emails.length, 1, 'one email for the order');
    const [email] = emails;
    assert.match(email!.to, /ada@example\.com/);
    assert.equal(
      email!.subject,
      `Field Supply Co.: your order ${orderId} is confirmed`
    );
    const body = email!.body;
    assert.ok(body.includes(orderId), 'the order id');
    assert.ok(body.includes('$64.50'), 'the total');
    assert.ok(body.includes('Black tee, size M × 2'), 'the lines');

    // Delivered once: a later look at the outbox finds no second copy.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal((await emailsAbout(orderId)).length, 1);
  });

  it('writes it in the checkout’s language', async () => {
    const orderId = await buy('marie@example.fr', 'fr-CA');

    const [email, ...more] = await emailsAbout(orderId);
    assert.equal(more.length, 0);
    assert.match(email!.to, /marie@example\.fr/);
    assert.equal(
      email!.subject,
      `Field Supply Co. : votre commande ${orderId} est confirmée`
    );
    const body = email!.body;
    const total = new Intl.NumberFormat('fr-CA', {
      style: 'currency',
      currency: 'USD',
    }).format(64.5);
    assert.ok(body.includes(total), `the total as ${total}`);
    // The demo catalog's French names (its translations), as the buyer saw them.
    assert.ok(body.includes('T-shirt noir, taille M × 2'), body);
    assert.ok(body.includes('Tasse de camping émaillée × 1'), body);
    const row = suite.shop.query<{email: string; locale: string}>(
      'SELECT email, locale FROM orders WHERE id = ?',
      orderId
    )[0]!;
    assert.deepEqual(row, {email: 'marie@example.fr', locale: 'fr-CA'});
  });
});
