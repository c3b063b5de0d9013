/**
 * The Germany story (germany-story.ts: two tees and a mug in EUR, WELCOME10, Express to Berlin,
 * 68.45 with 10.93 VAT included) paid with PayPal: the element's own address form, PayPal's
 * window showing the same total, and the same total in the summary, the order, the email and
 * PayPal's record of the order (its breakdown and the capture).
 *
 *   node --import tsx --test test/e2e/shipping-tax-paypal.test.ts
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {BERLIN} from './addresses.js';
import {
  chooseRate,
  clickPaypal,
  cspViolations,
  fillAddressForm,
  nextCreate,
  waitForEvent,
} from './buyer.js';
import {type Created, EXPECTED, germanyStory} from './germany-story.js';
import {paypalMinor, paypalOrder} from './provider-records.js';
import {shopAndBrowserPerSuite} from './shop.js';

describe(
  'shipping, tax and a discount to Germany, with PayPal',
  {timeout: 180_000},
  () => {
    const suite = shopAndBrowserPerSuite();
    const {cartWithCode, assertSummary, assertOrderAndEmail} = germanyStory(
      () => suite.shop,
      () => suite.browser
    );

    it('with PayPal: the breakdown and the capture in PayPal’s record', async () => {
      const email = 'erika.paypal@example.de';
      const page = await cartWithCode(email);
      await page.getByRole('radio', {name: 'PayPal'}).check();
      await fillAddressForm(page, BERLIN);
      await chooseRate(page, 'Express');
      await assertSummary(page);
      const answer = await nextCreate<Created & {paypalOrderId: string}>(
        page,
        '/api/paypal/orders'
      );
      const window = await clickPaypal(page);
      const order = await answer();
      // PayPal's window shows the order the shop created: the same total.
      await window.locator('#total-0').filter({hasText: '68.45'}).waitFor();
      await window.getByRole('button', {name: 'Approve'}).click();
      const success = await waitForEvent(page, 'pay-success');
      assert.equal(success.detail.total, EXPECTED.total);

      await assertOrderAndEmail(order, email);
      const record = await paypalOrder(suite.shop.url, order.paypalOrderId);
      assert.equal(record.status, 'COMPLETED');
      const [unit] = record.purchase_units;
      assert.equal(unit!.amount.currency_code, 'EUR');
      assert.equal(paypalMinor(unit!.amount.value, 'eur'), EXPECTED.total);
      const breakdown = Object.fromEntries(
        Object.entries(unit!.amount.breakdown ?? {}).map(([key, money]) => [
          key,
          paypalMinor(money.value, 'eur'),
        ])
      );
      // Inclusive VAT is inside item_total: PayPal's sum has no tax_total to add.
      assert.equal(
        (breakdown.item_total ?? 0) +
          (breakdown.tax_total ?? 0) +
          (breakdown.shipping ?? 0) -
          (breakdown.discount ?? 0),
        EXPECTED.total
      );
      assert.equal(breakdown.shipping, EXPECTED.shipping);
      assert.equal(breakdown.discount, EXPECTED.discount);
      assert.equal(unit!.shipping?.address?.country_code, 'DE');
      const captures = unit!.payments?.captures ?? [];
      assert.equal(captures.length, 1);
      assert.equal(captures[0]!.status, 'COMPLETED');
      assert.equal(
        paypalMinor(captures[0]!.amount.value, 'eur'),
        EXPECTED.total
      );
      assert.deepEqual(cspViolations(page), [], 'no CSP violation');
      await page.close();
    });
  }
);
