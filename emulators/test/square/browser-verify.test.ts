/** The emulator's Web Payments SDK in Chromium: buyer verification (SCA) and its challenge. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Frame} from 'playwright-core';
import {
  GB_BUYER,
  call,
  charge,
  emulator,
  fill,
  mount,
  page,
  useShopPage,
  verify,
} from './browser-helpers.js';

const CHARGE = {
  amount: '12.50',
  currencyCode: 'GBP',
  intent: 'CHARGE',
  billingContact: GB_BUYER,
};

async function tokenFor(number: string): Promise<string> {
  await fill(number, '12/34', '123', 'SW1A 2AA');
  const result = await call<{status: string; token: string}>('tokenize');
  assert.equal(result.value!.status, 'OK');
  return result.value!.token;
}

async function challengeFrame(): Promise<Frame> {
  await page
    .frameLocator('dialog iframe')
    .getByRole('button', {name: 'Authenticate'})
    .waitFor();
  const frame = page
    .frames()
    .find((f) =>
      f.url().startsWith(`${emulator.url}/web-sdk/v1/challenge.html`)
    );
  assert.ok(frame, 'the challenge frame is loaded');
  return frame;
}

function startVerify(token: string, details: object = CHARGE) {
  return verify<{token: string; userChallenged: boolean}>(token, details);
}

describe(
  'the emulator’s Web Payments SDK: verifyBuyer',
  {timeout: 120_000},
  () => {
    useShopPage();

    it('verifies a card that needs no challenge at once: a verf: token, userChallenged false', async () => {
      await mount();
      const verified = await startVerify(await tokenFor('4111 1111 1111 1111'));
      assert.equal(verified.ok, true);
      assert.match(verified.value!.token, /^verf:/);
      assert.equal(verified.value!.userChallenged, false);
      assert.equal(await page.locator('dialog').count(), 0);
    });

    it('opens the challenge in a modal dialog, and Authenticate gives userChallenged true', async () => {
      await mount();
      const token = await tokenFor('4310 0000 0020 1019');
      await page.focus('#pay');
      const verifying = startVerify(token);
      const challenge = await challengeFrame();
      assert.equal(
        await page.locator('dialog[open]').getAttribute('aria-label'),
        'Card verification'
      );
      await challenge.getByText('Amount: £12.50').waitFor();
      await challenge.waitForFunction(
        () =>
          document.hasFocus() && document.activeElement?.id === 'authenticate'
      );
      await page.keyboard.press('Enter');
      const verified = await verifying;
      assert.equal(verified.ok, true);
      assert.match(verified.value!.token, /^verf:/);
      assert.equal(verified.value!.userChallenged, true);
      assert.equal(
        await page.locator('dialog').count(),
        0,
        'the dialog is gone'
      );
      assert.equal(
        await page.evaluate(() => document.activeElement?.id),
        'pay',
        'focus comes back'
      );
      assert.deepEqual(
        await charge(token, {verificationToken: verified.value!.token}),
        {status: 'COMPLETED'}
      );
    });

    it('rejects with a VerifyBuyerError when the buyer fails, reached with Tab', async () => {
      await mount();
      const token = await tokenFor('4310 0000 0020 1019');
      const verifying = startVerify(token);
      const challenge = await challengeFrame();
      await challenge.waitForFunction(
        () =>
          document.hasFocus() && document.activeElement?.id === 'authenticate'
      );
      await page.keyboard.press('Tab');
      assert.equal(
        await challenge.evaluate(() => document.activeElement?.id),
        'fail'
      );
      await page.keyboard.press('Space');
      const failed = await verifying;
      assert.equal(failed.ok, false);
      assert.equal(failed.name, 'VerifyBuyerError');
      assert.equal(
        failed.isVerifyBuyerError,
        true,
        'instanceof Square.errors.VerifyBuyerError'
      );
      // An EU card charged without the verification it needs is declined.
      assert.deepEqual(await charge(token), {
        code: 'CARD_DECLINED_VERIFICATION_REQUIRED',
      });
    });

    it('Escape does not dismiss the challenge: the buyer must answer', async () => {
      await mount();
      const verifying = startVerify(await tokenFor('5500 0000 0020 1016'));
      const challenge = await challengeFrame();
      await challenge.waitForFunction(
        () =>
          document.hasFocus() && document.activeElement?.id === 'authenticate'
      );
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('dialog[open]').count(), 1);
      await challenge.getByRole('button', {name: 'Authenticate'}).click();
      assert.equal((await verifying).value!.userChallenged, true);
    });

    it('shows the challenge in the SDK’s locale, right to left in Arabic', async () => {
      await mount({locale: 'ar'});
      const verifying = startVerify(await tokenFor('4310 0000 0020 1019'));
      await page
        .frameLocator('dialog iframe')
        .getByRole('button', {name: 'مصادقة'})
        .waitFor();
      const challenge = page
        .frames()
        .find((f) =>
          f.url().startsWith(`${emulator.url}/web-sdk/v1/challenge.html`)
        )!;
      assert.deepEqual(
        await challenge.evaluate(() => ({
          lang: document.documentElement.lang,
          dir: document.documentElement.dir,
        })),
        {lang: 'ar', dir: 'rtl'}
      );
      await challenge.getByRole('button', {name: 'فشل'}).click();
      assert.equal((await verifying).name, 'VerifyBuyerError');
    });

    it('refuses details without an intent, or a CHARGE without a decimal amount', async () => {
      await mount();
      const token = await tokenFor('4111 1111 1111 1111');
      const noIntent = await startVerify(token, {billingContact: GB_BUYER});
      assert.equal(noIntent.name, 'VerifyBuyerError');
      const badAmount = await startVerify(token, {...CHARGE, amount: 12.5});
      assert.equal(badAmount.name, 'VerifyBuyerError');
    });

    it('tokenize(verificationDetails) verifies the buyer before it answers (the new flow)', async () => {
      await mount();
      await fill('4310 0000 0020 1019', '12/34', '123', 'SW1A 2AA');
      const tokenizing = call<{status: string; token?: string}>('tokenize', {
        ...CHARGE,
        customerInitiated: true,
        sellerKeyedIn: false,
      });
      const challenge = await challengeFrame();
      await challenge.getByRole('button', {name: 'Fail'}).click();
      const failed = await tokenizing;
      assert.equal(failed.value!.status, 'Error');

      const again = call<{status: string; token?: string}>('tokenize', {
        ...CHARGE,
        customerInitiated: true,
        sellerKeyedIn: false,
      });
      await (
        await challengeFrame()
      )
        .getByRole('button', {name: 'Authenticate'})
        .click();
      const passed = await again;
      assert.equal(passed.value!.status, 'OK');
      assert.match(passed.value!.token!, /^cnon:/);
      // The token carries its verification: the server sends it alone.
      assert.deepEqual(await charge(passed.value!.token!), {
        status: 'COMPLETED',
      });
    });
  }
);
