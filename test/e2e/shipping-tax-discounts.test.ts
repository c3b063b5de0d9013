/**
 * Shipping, tax and a discount code end to end (germany-story.ts: two tees and a mug in EUR,
 * WELCOME10, Express to Berlin, 68.45 with 10.93 VAT included), paid with Stripe's Payment
 * Element (Stripe's Address Element for the address) and with Stripe's hosted Checkout (the
 * element's own address form). Each time the same total is in the element's summary, the order
 * (`GET /api/orders/:id`), the confirmation email and what Stripe recorded: the PaymentIntent's
 * amount, the Checkout Session's amount_total as Stripe's page shows it.
 *
 *   node --import tsx --test test/e2e/shipping-tax-discounts.test.ts
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {BERLIN} from './addresses.js';
import {
  checkout,
  chooseRate,
  clickPay,
  cspViolations,
  fillAddressForm,
  fillCard,
  fillStripeAddress,
  nextCreate,
  waitForEvent,
  waitForTotal,
} from './buyer.js';
import {
  type Created,
  EXPECTED,
  germanyStory,
  TOTAL_TEXT,
} from './germany-story.js';
import {axeViolations} from './page.js';
import {stripeIntent} from './provider-records.js';
import {shopAndBrowserPerSuite} from './shop.js';

describe(
  'shipping, tax and a discount to Germany, with Stripe',
  {timeout: 180_000},
  () => {
    const suite = shopAndBrowserPerSuite();
    const {cartWithCode, assertSummary, assertOrderAndEmail} = germanyStory(
      () => suite.shop,
      () => suite.browser
    );

    it('with Stripe’s Payment Element: the Address Element, Express, 4242', async () => {
      const email = 'erika.stripe@example.de';
      const page = await cartWithCode(email);
      await fillStripeAddress(page, BERLIN);
      await chooseRate(page, 'Express');
      await assertSummary(page);
      assert.deepEqual(
        await axeViolations(page),
        [],
        'Stripe’s address and card'
      );
      await fillCard(page);
      const answer = await nextCreate<Created & {clientSecret: string}>(
        page,
        '/api/stripe/payment-intents'
      );
      await clickPay(page);
      const intent = await answer();
      const success = await waitForEvent(page, 'pay-success');
      assert.equal(success.detail.total, EXPECTED.total);
      await page.screenshot({path: '/tmp/e2e-germany-stripe-paid.png'});

      await assertOrderAndEmail(intent, email);
      const record = await stripeIntent(suite.shop.url, intent.clientSecret);
      assert.equal(record.status, 'succeeded');
      assert.equal(record.amount, EXPECTED.total);
      assert.equal(record.currency, 'eur');
      assert.equal(record.shipping?.address?.country, 'DE');
      assert.deepEqual(cspViolations(page), [], 'no CSP violation');
      await page.close();
    });

    it('with Stripe’s hosted Checkout: the session’s total on Stripe’s page', async () => {
      const email = 'erika.hosted@example.de';
      const page = await cartWithCode(email);
      await page.evaluate(() =>
        document.querySelector('pay-checkout')!.setAttribute('mode', 'hosted')
      );
      await checkout(page).locator('[part~="hosted-note"]').waitFor();
      await fillAddressForm(page, BERLIN);
      await chooseRate(page, 'Express');
      await assertSummary(page);
      // The element's own address form and rates, audited filled in (axe is not run in the
      // PayPal test: injected into PayPal's button frame, it keeps the next click from
      // opening PayPal's window).
      assert.deepEqual(await axeViolations(page), [], 'the filled checkout');
      const answer = await nextCreate<Created & {url: string}>(
        page,
        '/api/stripe/checkout-sessions'
      );
      await clickPay(page);
      const session = await answer();
      await page.waitForURL(/\/checkout\/pay\//);
      // Stripe's page charges the session's amount_total.
      await page
        .getByRole('heading', {level: 1, name: `Pay ${TOTAL_TEXT}`})
        .waitFor();
      await page.getByLabel('Card number').fill('4242424242424242');
      await page.getByLabel('Expiration date').fill('12 / 34');
      await page.getByLabel('Security code').fill('123');
      const postal = page.getByLabel(/^(ZIP|Postal code)/);
      if (await postal.count()) await postal.fill('10557');
      await page.getByRole('button', {name: 'Pay'}).click();
      await page.waitForURL(/\/return\.html/, {timeout: 20_000});
      const success = await waitForEvent(page, 'pay-success');
      assert.equal(success.detail.total, EXPECTED.total);
      await waitForTotal(page, TOTAL_TEXT);

      await assertOrderAndEmail(session, email);
      // The completed session's page says what Stripe charged: its amount_total.
      const receipt = await suite.browser.newPage();
      await receipt.goto(session.url);
      await receipt
        .getByText(`Your payment of ${TOTAL_TEXT} is complete.`)
        .waitFor();
      await receipt.close();
      assert.deepEqual(cspViolations(page), [], 'no CSP violation');
      await page.close();
    });
  }
);
