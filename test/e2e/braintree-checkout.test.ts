/**
 * Braintree the way a buyer meets it: the real companion server in development mode (no
 * BRAINTREE_ keys, so it runs the Braintree emulator, which serves the Drop-in fake), the demo
 * shop with provider="braintree", the built script-tag bundle, and headless Chromium. The buyer
 * types a card into Drop-in's frame and presses Pay: paid; declined then paid with another
 * card; through the bank's 3-D Secure window, passed and failed; and with all three gateways
 * on offer. The orders are read back from the server's SQLite file. Run `npm run build` first.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  checkout,
  clickPay,
  countEvents,
  cspViolations,
  events,
  waitForEvent,
} from './buyer.js';
import {
  braintreeCart,
  braintreeOrders,
  countSales,
  challengeFrame,
  CHALLENGE_FRAME,
  dropinFrame,
  dropinShown,
  fillDropin,
  untilOrder,
} from './braintree-buyer.js';
import {productsOnlyCatalog, shopAndBrowserPerSuite} from './shop.js';

describe('Braintree checkout on the demo shop', {timeout: 240_000}, () => {
  const suite = shopAndBrowserPerSuite({
    CATALOG: productsOnlyCatalog(),
    // Card only, as production's default (PayPal through Braintree: braintree-paypal.test.ts).
    BRAINTREE_PAYPAL: '0',
  });

  it('npm start runs the Braintree emulator and names it', () => {
    assert.match(suite.shop.output(), /Braintree emulator runs at http/);
  });

  it('pays with a card typed into Drop-in: one transaction, the order paid', async () => {
    const page = await braintreeCart(suite.browser, suite.shop);
    const before = braintreeOrders(suite.shop).length;
    await waitForEvent(page, 'pay-ready');
    await dropinShown(page);
    await fillDropin(page);
    await clickPay(page);
    const success = await waitForEvent(page, 'pay-success');
    assert.equal(success.detail.provider, 'braintree');
    const orderId = String(success.detail.orderId);
    const row = await untilOrder(
      suite.shop,
      orderId,
      (o) => o.status === 'paid'
    );
    assert.match(row.provider_payment_id ?? '', /\S/);
    assert.equal(braintreeOrders(suite.shop).length, before + 1);
    assert.equal(await countEvents(page, 'pay-error'), 0);
    assert.deepEqual(cspViolations(page), []);
    await page.close();
  });

  it('says a declined card in our words, and pays with the next card', async () => {
    const page = await braintreeCart(suite.browser, suite.shop);
    await waitForEvent(page, 'pay-ready');
    await dropinShown(page);
    // The sandbox's "unsuccessful verification" Visa: processor declined 2000.
    await fillDropin(page, '4000111111111115');
    await clickPay(page);
    const failed = await waitForEvent(page, 'pay-error');
    assert.equal(failed.detail.code, 'card_declined');
    await checkout(page)
      .getByRole('alert')
      .getByText('Your card was declined. Please try another card.')
      .waitFor();
    const refused = String(failed.detail.orderId ?? '');
    // Drop-in is cleared for another card: the nonce was single use.
    assert.equal(await dropinFrame(page).locator('#number').inputValue(), '');

    await fillDropin(page, '4111111111111111');
    await clickPay(page);
    const success = await waitForEvent(page, 'pay-success');
    const paid = String(success.detail.orderId);
    await untilOrder(suite.shop, paid, (o) => o.status === 'paid');
    if (refused) {
      assert.notEqual(refused, paid);
      await untilOrder(suite.shop, refused, (o) => o.status === 'failed');
    }
    await page.close();
  });

  it('passes the bank’s 3-D Secure challenge, then pays', async () => {
    const page = await braintreeCart(suite.browser, suite.shop);
    await waitForEvent(page, 'pay-ready');
    await dropinShown(page);
    await fillDropin(page, '4000000000001091');
    await clickPay(page);
    await challengeFrame(page)
      .getByRole('button', {name: 'Authenticate'})
      .click();
    const success = await waitForEvent(page, 'pay-success');
    await untilOrder(
      suite.shop,
      String(success.detail.orderId),
      (o) => o.status === 'paid'
    );
    assert.equal(await page.locator(CHALLENGE_FRAME).count(), 0);
    await page.close();
  });

  it('charges nothing when the bank’s challenge fails', async () => {
    const page = await braintreeCart(suite.browser, suite.shop);
    const before = braintreeOrders(suite.shop).length;
    const sales = countSales(page);
    await waitForEvent(page, 'pay-ready');
    await dropinShown(page);
    await fillDropin(page, '4000000000001091');
    await clickPay(page);
    await challengeFrame(page)
      .getByRole('button', {name: 'Fail authentication'})
      .click();
    const failed = await waitForEvent(page, 'pay-error');
    assert.equal(failed.detail.code, 'three_d_secure_failed');
    await checkout(page)
      .getByRole('alert')
      .getByText(/Your bank could not confirm this payment/)
      .waitFor();
    assert.equal(sales(), 0);
    assert.equal(braintreeOrders(suite.shop).length, before);
    // The buyer may try again: Drop-in is back to an empty card form.
    assert.equal(await dropinFrame(page).locator('#number').inputValue(), '');
    await page.close();
  });

  it('offers the three gateways in provider="stripe paypal braintree", and pays with Braintree', async () => {
    const page = await braintreeCart(suite.browser, suite.shop, {
      provider: 'stripe paypal braintree',
    });
    await waitForEvent(page, 'pay-ready');
    const choice = checkout(page).getByRole('radiogroup', {
      name: 'Payment method',
    });
    const labels = await choice
      .getByRole('radio')
      .evaluateAll((radios) =>
        radios.map((radio) => radio.closest('label')!.textContent!.trim())
      );
    assert.deepEqual(labels, ['Card', 'PayPal', 'Card (Braintree)']);
    await choice.getByRole('radio', {name: 'Card (Braintree)'}).check();
    await dropinShown(page);
    await fillDropin(page);
    await clickPay(page);
    const success = await waitForEvent(page, 'pay-success');
    assert.equal(success.detail.provider, 'braintree');
    const seen = (await events(page)).filter((e) => e.type === 'pay-ready');
    assert.deepEqual(
      seen.map((e) => e.detail.provider),
      ['stripe', 'braintree']
    );
    await page.close();
  });
});
