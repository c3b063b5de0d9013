/** The emulator's Stripe.js in Chromium: accessibility of the card frame and the challenge. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  audit,
  card,
  challengeFrame,
  createIntent,
  fill,
  mount,
  page,
  pay,
  paymentFrame,
  type PayResult,
  useShopPage,
} from './stripe-js-helpers.js';

describe('the emulator’s Stripe.js', {timeout: 120_000}, () => {
  useShopPage();

  describe('accessibility', () => {
    it('has no axe violations in the Payment Element frame, with its errors showing', async () => {
      await mount();
      assert.deepEqual(await audit(), []);
      await page.evaluate(() =>
        (
          window as never as {harness: {elements: {submit(): unknown}}}
        ).harness.elements.submit()
      );
      await card().getByText('Your card number is incomplete.').waitFor();
      assert.deepEqual(await audit(), []);
    });

    it('has no axe violations with the night theme', async () => {
      await mount({appearance: {theme: 'night'}});
      await fill('4242', '1', '', '');
      await card().getByLabel('Security code').focus();
      assert.deepEqual(await audit(), []);
    });

    it('pays with the keyboard alone, through the 3-D Secure challenge', async () => {
      const intent = await createIntent();
      await mount();
      await page.evaluate((secret) => {
        (
          window as never as {harness: {nextClientSecret: string}}
        ).harness.nextClientSecret = secret;
      }, intent.client_secret!);
      await page.focus('#before');
      const focused = () =>
        paymentFrame().evaluate(() => document.activeElement?.id);

      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'number');
      await page.keyboard.type('4000002500003155');
      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'expiry');
      await page.keyboard.type('1234');
      await page.keyboard.press('Tab');
      await page.keyboard.type('123');
      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'postalCode');
      await page.keyboard.type('12345');
      await page.keyboard.press('Tab');
      assert.equal(
        await page.evaluate(() => document.activeElement?.id),
        'pay'
      );
      await page.keyboard.press('Enter');

      const challenge = await challengeFrame();
      await challenge.waitForFunction(
        () => document.hasFocus() && document.activeElement?.id === 'complete'
      );
      await page.keyboard.press('Space');
      await page.waitForFunction(
        () =>
          (document.getElementById('result') as HTMLOutputElement).value !== ''
      );
      const result = JSON.parse(
        await page.evaluate(
          () => (document.getElementById('result') as HTMLOutputElement).value
        )
      ) as PayResult;
      assert.deepEqual(result, {
        paymentIntent: {id: intent.id, status: 'succeeded'},
      });
      assert.equal(
        await page.evaluate(() => document.activeElement?.id),
        'pay',
        'focus comes back'
      );
    });

    it('reaches "Fail" with Tab and answers with Enter', async () => {
      const intent = await createIntent();
      await mount();
      await fill('4000002500003155');
      const paying = pay({clientSecret: intent.client_secret!});
      const challenge = await challengeFrame();
      await challenge.waitForFunction(
        () => document.activeElement?.id === 'complete'
      );
      await page.keyboard.press('Tab');
      assert.equal(
        await challenge.evaluate(() => document.activeElement?.id),
        'fail'
      );
      await page.keyboard.press('Enter');
      assert.equal(
        (await paying).error?.code,
        'payment_intent_authentication_failure'
      );
    });
  });
});
