/**
 * The Drop-in fake's PayPal through Braintree in Chromium: the list of ways to pay, PayPal's
 * sheet and button, the approval window on the emulator's origin (approve, cancel, Escape, closed
 * by hand), the `PayPalAccount` payload and its sale through the SDK, the amount updated, the
 * words in the buyer's language, and axe on each view.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {
  audit,
  browser,
  card,
  clientToken,
  emulator,
  events,
  fill,
  page,
  request,
  sale,
  useShopPage,
} from './browser-helpers.js';
import {axeViolations, pressAndClose} from '../chromium.js';

const PAYPAL = {flow: 'checkout', amount: '10.00', currency: 'USD'};

/** `dropin.create` with PayPal; resolves once the list of ways to pay is shown. */
async function createWithPaypal(options: Record<string, unknown> = {}) {
  const authorization = await clientToken();
  await page.evaluate(
    (options) =>
      (
        window as never as {harness: {create(o: object): Promise<boolean>}}
      ).harness.create(options),
    {authorization, paypal: PAYPAL, ...options}
  );
  await page.locator('.braintree-option__paypal').waitFor();
}

/** Chooses PayPal and presses its button: the approval window, loaded. */
async function openApproval(): Promise<Page> {
  const option = page.locator('.braintree-option__paypal');
  if (await option.isVisible()) await option.click();
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.locator('[data-braintree-id="paypal-button"]').click(),
  ]);
  await popup.waitForURL(/\/web\/dropin\/fake\/paypal\.html/);
  await popup.locator('#approve').waitFor();
  return popup;
}

const typesSeen = async () => (await events()).map(({type}) => type);

describe(
  'the emulator’s Drop-in fake, PayPal through Braintree',
  {timeout: 120_000},
  () => {
    useShopPage();

    it('starts on the list of ways to pay, card first; nothing is requestable yet', async () => {
      await createWithPaypal();
      assert.equal(
        await page.locator('.braintree-heading').first().textContent(),
        'Choose a way to pay'
      );
      assert.deepEqual(
        await page.locator('.braintree-option').allTextContents(),
        ['Card', 'PayPal']
      );
      assert.equal(await page.locator('.braintree-card').isVisible(), false);
      const {error} = await request();
      assert.equal(error?.message, 'No payment method is available.');
      assert.deepEqual(await audit(), []);
    });

    it('approves in PayPal’s window: a PayPalAccount nonce the emulator sells once', async () => {
      await createWithPaypal({dataCollector: true});
      await page.locator('.braintree-option__paypal').click();
      const chosen = (await events()).find(
        ({type}) => type === 'paymentOptionSelected'
      );
      assert.deepEqual(chosen?.payload, {paymentOption: 'paypal'});
      // Pay before PayPal's button: Drop-in says to use it.
      const early = await request();
      assert.equal(early.error?.message, 'No payment method is available.');
      await page
        .getByRole('alert')
        .getByText('Use the PayPal button to continue with your payment.')
        .waitFor();

      const popup = await openApproval();
      assert.notEqual(new URL(popup.url()).origin, new URL(page.url()).origin);
      await popup.getByText('$10.00').waitFor();
      await popup.getByText('payer@example.com').waitFor();
      assert.deepEqual(await axeViolations(popup), []);
      await pressAndClose(popup, '#approve');

      await page
        .locator('.braintree-method')
        .getByText('payer@example.com')
        .waitFor();
      assert.equal(
        await page.locator('.braintree-heading').first().textContent(),
        'Paying with PayPal'
      );
      // The focus went with the buyer to the chosen account.
      assert.equal(
        await page.evaluate(() => document.activeElement?.className),
        'braintree-method braintree-method--active'
      );
      const requestable = (await events()).filter(
        ({type}) => type === 'paymentMethodRequestable'
      );
      assert.deepEqual(requestable.at(-1)?.payload, {
        type: 'PayPalAccount',
        paymentMethodIsSelected: true,
      });
      const {payload} = await request({threeDSecure: {amount: '10.00'}});
      assert.equal(payload?.type, 'PayPalAccount');
      assert.equal(
        (payload?.details as {email: string}).email,
        'payer@example.com'
      );
      assert.match(String(payload?.deviceData), /device_session_id/);
      assert.deepEqual(await audit(), []);

      const sold = await sale(payload!.nonce);
      assert.equal(sold.success, true);
      assert.equal(sold.transaction.paymentInstrumentType, 'paypal_account');
      assert.equal(
        sold.transaction.paypalAccount?.payerEmail,
        'payer@example.com'
      );
      const again = await sale(payload!.nonce);
      assert.equal(again.success, false, 'a PayPal nonce is single use');
    });

    it('cancelled in the window, with the button, Escape, or closed by hand: back on PayPal’s sheet', async () => {
      await createWithPaypal();
      for (const how of ['button', 'escape', 'close'] as const) {
        const popup = await openApproval();
        const closed = popup.waitForEvent('close');
        if (how === 'button')
          await popup
            .locator('#cancel')
            .click()
            .catch(() => {});
        // The window closes on the key's press, before its release.
        else if (how === 'escape')
          await popup.keyboard.press('Escape').catch(() => {});
        else await popup.close();
        await closed;
        await page
          .locator('[data-braintree-id="paypal-button"]:not([disabled])')
          .waitFor();
        assert.equal(
          await page.locator('.braintree-paypal').isVisible(),
          true,
          how
        );
      }
      assert.equal(
        (await typesSeen()).includes('paymentMethodRequestable'),
        false
      );
      assert.equal(
        (await request()).error?.message,
        'No payment method is available.'
      );
    });

    it('takes a new amount with updateConfiguration; a bad one is PayPal’s flow error on the sheet', async () => {
      await createWithPaypal();
      await page.evaluate(() =>
        (
          window as never as {
            harness: {
              dropin: {
                updateConfiguration(p: string, k: string, v: string): void;
              };
            };
          }
        ).harness.dropin.updateConfiguration('paypal', 'amount', '25.50')
      );
      const popup = await openApproval();
      await popup.getByText('$25.50').waitFor();
      await pressAndClose(popup, '#cancel');

      await page.evaluate(() =>
        (
          window as never as {
            harness: {
              dropin: {
                updateConfiguration(p: string, k: string, v: string): void;
              };
            };
          }
        ).harness.dropin.updateConfiguration('paypal', 'amount', '-1')
      );
      const [bad] = await Promise.all([
        page.waitForEvent('popup'),
        page.locator('[data-braintree-id="paypal-button"]').click(),
      ]);
      await page
        .getByRole('alert')
        .getByText(
          'Something went wrong connecting to PayPal. Please try again.'
        )
        .waitFor();
      // No payment to approve: the window was closed again.
      assert.equal(bad.isClosed(), true);
    });

    it('still pays by card: Card from the list, the toggle back to the list', async () => {
      await createWithPaypal();
      await page.locator('.braintree-option__card').click();
      await card().locator('#number').waitFor();
      await page
        .getByRole('button', {name: 'Choose another way to pay'})
        .click();
      await page.locator('.braintree-option__card').waitFor();
      // By keyboard: the option is a button-like div, chosen with Enter.
      await page.locator('.braintree-option__card').focus();
      await page.keyboard.press('Enter');
      await fill('4111111111111111');
      const {payload} = await request();
      assert.equal(payload?.type, 'CreditCard');
      assert.equal((await sale(payload!.nonce)).success, true);
      const chosen = (await events())
        .filter(({type}) => type === 'paymentOptionSelected')
        .map(({payload}) => payload);
      assert.deepEqual(chosen, [
        {paymentOption: 'card'},
        {paymentOption: 'card'},
      ]);
    });

    it('speaks the buyer’s language: German on the page and in the window, Arabic right to left', async () => {
      await createWithPaypal({locale: 'de_DE'});
      assert.equal(
        await page.locator('.braintree-heading').first().textContent(),
        'Wählen Sie eine Zahlungsquelle'
      );
      assert.deepEqual(
        await page.locator('.braintree-option').allTextContents(),
        ['Karte', 'PayPal']
      );
      const popup = await openApproval();
      assert.equal(await popup.title(), 'Mit PayPal bezahlen');
      assert.equal(await popup.locator('#approve').textContent(), 'Genehmigen');
      await popup.getByText('10,00 $').waitFor();
      await pressAndClose(popup, '#cancel');

      await page.goto(page.url());
      await createWithPaypal({locale: 'ar_EG'});
      const arabic = await openApproval();
      assert.equal(
        await arabic.evaluate(() => document.documentElement.dir),
        'rtl'
      );
      assert.equal(await arabic.locator('#approve').textContent(), 'موافقة');
      assert.deepEqual(await axeViolations(arabic), []);
      await arabic.close();
    });

    it('answers the window’s page opened by hand without approving anything', async () => {
      const direct = await browser.newPage();
      await direct.goto(
        `${emulator.url}/web/dropin/fake/paypal.html?token=EC-NOTHING`
      );
      await direct
        .getByText(/only works in the window the Drop-in fake opens/)
        .waitFor();
      await direct.close();
    });
  }
);
