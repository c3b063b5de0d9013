/**
 * Square, the way a buyer meets it: the real companion server in development mode (no Square
 * keys, so it starts the Square emulator and serves its Web Payments SDK fake), the demo shop
 * (`provider="stripe paypal square"`), the built script-tag bundle, and headless Chromium. The
 * buyer picks Square, types a sandbox card into Square's frame and pays with the element's Pay
 * button: a success, a decline and a retry (paid once), the bank's check passed and failed,
 * and a refund through the admin API. The orders are read back from the shop's SQLite file.
 * Run `npm run build` first.
 *
 *   node --import tsx --test test/e2e/square-checkout.test.ts
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import type {SquarePaymentResponse} from '../../widget/contract.js';
import {
  addToCart,
  clickPay,
  countEvents,
  cspViolations,
  fillEmail,
  nextCreate,
  openDemoShop,
  waitForEvent,
} from './buyer.js';
import {emailsAbout} from './mail.js';
import {productsOnlyCatalog, shopAndBrowserPerSuite} from './shop.js';
import {
  answerChallenge,
  CARDS,
  CHALLENGE_FRAME,
  chooseSquare,
  errorText,
  eventually,
  fillSquareCard,
  orders,
} from './square-buyer.js';

const ADMIN_TOKEN = 'e2e-admin-token-square-0123456789abcdefghij';

describe('Square on the demo shop', {timeout: 240_000}, () => {
  const suite = shopAndBrowserPerSuite({
    CATALOG: productsOnlyCatalog(),
    ADMIN_TOKEN,
  });

  /** The demo with a mug in the cart, Square chosen and its form ready. */
  async function openWithSquare(
    options: {width?: number; colorScheme?: 'light' | 'dark'} = {}
  ): Promise<Page> {
    const page = await openDemoShop(suite.browser, suite.shop, {
      width: options.width ?? 1280,
    });
    if (options.colorScheme)
      await page.emulateMedia({colorScheme: options.colorScheme});
    await addToCart(page, 'Enamel camp mug');
    await fillEmail(page, 'ada@example.com');
    await chooseSquare(page);
    return page;
  }

  const order = (id: string) => orders(suite.shop).find((row) => row.id === id);

  it('says in its start-up lines that it runs the Square emulator', () => {
    assert.match(suite.shop.output(), /Square/);
  });

  it("pays with Square's sandbox Visa: the order is paid by Square, once", async () => {
    const page = await openWithSquare();
    await page
      .locator('pay-checkout')
      .screenshot({path: '/tmp/square-e2e-form.png'});
    await fillSquareCard(page);
    const answer = await nextCreate<SquarePaymentResponse>(
      page,
      '/api/square/payments'
    );
    await clickPay(page);
    const created = await answer();
    const success = await waitForEvent(page, 'pay-success');

    assert.equal(success.detail.provider, 'square');
    assert.equal(success.detail.orderId, created.orderId);
    await eventually(
      'the order is paid',
      () => order(created.orderId)?.status === 'paid'
    );
    const row = order(created.orderId)!;
    assert.equal(row.provider, 'square');
    assert.ok(row.provider_payment_id, "Square's payment id is kept");
    assert.equal(await countEvents(page, 'pay-error'), 0);
    await page
      .locator('pay-checkout')
      .screenshot({path: '/tmp/square-e2e-paid.png'});
    const emails = await emailsAbout(suite.shop.url, created.orderId);
    assert.equal(emails.length, 1, 'one confirmation');
    // The demo's strict policy (pay-checkout-server csp) holds with Square's form in it.
    assert.deepEqual(cspViolations(page), []);
    await page.close();
  });

  it('shows a decline in our words, then pays once with another card', async () => {
    const page = await openWithSquare();
    const before = orders(suite.shop).length;
    await fillSquareCard(page, CARDS.declined);
    await clickPay(page);
    const failed = await waitForEvent(page, 'pay-error');
    assert.equal(failed.detail.code, 'card_declined');
    assert.match(await errorText(page), /declined/i);
    assert.doesNotMatch(await errorText(page), /GENERIC_DECLINE|square/i);

    await fillSquareCard(page, CARDS.visa);
    await clickPay(page);
    const success = await waitForEvent(page, 'pay-success');
    const made = orders(suite.shop).slice(before);
    assert.deepEqual(
      made.map((row) => row.status).sort(),
      ['failed', 'paid'],
      'the refused attempt failed, the retry is paid'
    );
    assert.equal(
      made.filter((row) => row.status === 'paid')[0]!.id,
      success.detail.orderId
    );
    await page.close();
  });

  it("points at the security code when Square's form refuses it, and charges nothing", async () => {
    const page = await openWithSquare();
    const before = orders(suite.shop).length;
    await fillSquareCard(page, CARDS.visa, {cvv: '1'});
    await clickPay(page);
    const failed = await waitForEvent(page, 'pay-error');
    assert.equal(failed.detail.code, 'invalid_cvv');
    assert.equal(
      await errorText(page),
      "Check your card's security code (CVV)."
    );
    assert.equal(orders(suite.shop).length, before, 'no order');
    await page.close();
  });

  it("passes the bank's check (strong customer authentication) and pays", async () => {
    const page = await openWithSquare();
    await fillSquareCard(page, CARDS.challenge);
    const answer = await nextCreate<SquarePaymentResponse>(
      page,
      '/api/square/payments'
    );
    await clickPay(page);
    await page.locator(CHALLENGE_FRAME).waitFor({timeout: 20_000});
    await page.screenshot({path: '/tmp/square-e2e-challenge.png'});
    await answerChallenge(page, 'Authenticate');
    const created = await answer();
    await waitForEvent(page, 'pay-success');
    await eventually(
      'the order is paid',
      () => order(created.orderId)?.status === 'paid'
    );
    // The challenge window fits the demo's policy too.
    assert.deepEqual(cspViolations(page), []);
    await page.close();
  });

  it("fails the bank's check: nothing is charged, no order, and Pay works again", async () => {
    const page = await openWithSquare();
    const before = orders(suite.shop).length;
    await fillSquareCard(page, CARDS.challenge);
    await clickPay(page);
    await answerChallenge(page, 'Fail');
    const failed = await waitForEvent(page, 'pay-error');
    assert.equal(failed.detail.code, 'verification_failed');
    assert.match(
      await errorText(page),
      /^Your bank could not verify this payment/
    );
    assert.equal(orders(suite.shop).length, before, 'no order');
    const pay = page
      .locator('pay-checkout')
      .getByRole('button', {name: /^Pay/});
    assert.equal(await pay.isEnabled(), true);
    await page.close();
  });

  it('refunds through the admin API: the order shows refunded', async () => {
    const page = await openWithSquare();
    await fillSquareCard(page);
    const answer = await nextCreate<SquarePaymentResponse>(
      page,
      '/api/square/payments'
    );
    await clickPay(page);
    const {orderId} = await answer();
    await waitForEvent(page, 'pay-success');
    await page.close();
    await eventually('paid', () => order(orderId)?.status === 'paid');

    const response = await fetch(
      `${suite.shop.url}/api/admin/orders/${orderId}/refunds`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          'idempotency-key': `${orderId}-all`,
          'content-type': 'application/json',
        },
        body: '{}',
      }
    );
    assert.equal(response.status, 201, await response.clone().text());
    await eventually('refunded', () => order(orderId)?.status === 'refunded');
    assert.equal(order(orderId)!.amount_refunded, order(orderId)!.total);
  });
});
