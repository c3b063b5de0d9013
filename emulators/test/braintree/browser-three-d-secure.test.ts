/** The Drop-in fake's 3-D Secure in Chromium: the lookup, the challenge window, its outcomes. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  challenge,
  CHALLENGE_FRAME,
  create,
  events,
  fill,
  page,
  request,
  sale,
  useShopPage,
} from './browser-helpers.js';

const THREE_D_SECURE = {
  threeDSecure: {amount: '10.00', email: 'ada@example.com'},
};

describe('the emulator’s Drop-in fake, 3-D Secure', {timeout: 120_000}, () => {
  useShopPage();

  it('passes the challenge: liability shifted, a nonce the emulator sells', async () => {
    await create({threeDSecure: true});
    await fill('4000000000001091');
    const result = request(THREE_D_SECURE);
    await challenge().getByRole('button', {name: 'Authenticate'}).waitFor();
    // Behind the window, Drop-in takes no other choice meanwhile.
    assert.equal(
      await page
        .getByRole('button', {name: 'Choose another way to pay'})
        .isDisabled(),
      true
    );
    await challenge().getByRole('button', {name: 'Authenticate'}).click();
    const {payload} = await result;
    assert.equal(payload!.liabilityShifted, true);
    assert.equal(payload!.liabilityShiftPossible, true);
    assert.equal(await page.locator(CHALLENGE_FRAME).count(), 0);
    const seen = (await events()).map(({type}) => type);
    assert.ok(seen.includes('3ds:authentication-modal-render'));
    assert.ok(seen.includes('3ds:authentication-modal-close'));
    const sold = await sale(payload!.nonce);
    assert.equal(sold.success, true);
  });

  it('fails the challenge: resolved, but liability not shifted', async () => {
    await create({threeDSecure: true});
    await fill('4000000000001091');
    const result = request(THREE_D_SECURE);
    await challenge()
      .getByRole('button', {name: 'Fail authentication'})
      .click();
    const {payload} = await result;
    assert.equal(payload!.liabilityShifted, false);
    assert.equal(payload!.liabilityShiftPossible, true);
  });

  it('is cancelled with Escape: Drop-in’s 3-D Secure error, the form cleared', async () => {
    await create({threeDSecure: true});
    await fill('4000000000001091');
    const result = request(THREE_D_SECURE);
    // Escape where the buyer is, in the challenge (pressing it on the page before the frame has
    // taken the focus would reach nothing): the focus is put there first, then the key pressed
    // on the page's keyboard, since the frame is gone on the key's press, before its release
    // (an element's press would wait for the release in a frame that no longer exists).
    await challenge().getByRole('button', {name: 'Authenticate'}).focus();
    const inside = page.frame({url: /three-d-secure/})!;
    await inside.waitForFunction(() => document.activeElement?.id === 'pass');
    await page.keyboard.press('Escape');
    const {error} = await result;
    assert.equal(
      error?.message,
      'Something went wrong during 3D Secure authentication. Please try again.'
    );
    assert.equal(error?.code, 'THREEDS_CARDINAL_SDK_CANCELED');
    assert.ok(
      (await events()).some(({type}) => type === '3ds:customer-canceled')
    );
  });

  it('is operated by keyboard alone, focus starting on the first answer and coming back after', async () => {
    await create({threeDSecure: true});
    await fill('4000000000001091');
    await page.locator('#pay').focus();
    const result = request(THREE_D_SECURE);
    const frame = challenge();
    await frame.getByRole('button', {name: 'Authenticate'}).waitFor();
    await page.waitForFunction(() =>
      document.activeElement?.matches('.braintree-three-d-secure iframe')
    );
    const inside = page.frame({url: /three-d-secure/})!;
    await inside.waitForFunction(() => document.activeElement?.id === 'pass');
    await page.keyboard.press('Tab');
    assert.equal(
      await inside.evaluate(() => document.activeElement?.id),
      'fail'
    );
    await page.keyboard.press('Enter');
    const {payload} = await result;
    assert.equal(payload!.liabilityShifted, false);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'pay');
  });

  it('needs no window for a frictionless card', async () => {
    await create({threeDSecure: true});
    await fill('4000000000001000');
    const {payload} = await request(THREE_D_SECURE);
    assert.equal(payload!.liabilityShifted, true);
    assert.equal(
      (await events()).some(
        ({type}) => type === '3ds:authentication-modal-render'
      ),
      false
    );
  });

  it('says a card outside 3-D Secure cannot shift liability', async () => {
    await create({threeDSecure: true});
    await fill('4111111111111111');
    const {payload} = await request(THREE_D_SECURE);
    assert.equal(payload!.liabilityShifted, false);
    assert.equal(payload!.liabilityShiftPossible, false);
  });

  it('speaks the locale in the challenge', async () => {
    await create({threeDSecure: true, locale: 'fr_FR'});
    await fill('4000000000001091');
    const result = request(THREE_D_SECURE);
    await challenge()
      .getByRole('heading', {
        name: 'Confirmez ce paiement auprès de votre banque',
      })
      .waitFor();
    await challenge().getByRole('button', {name: 'Authentifier'}).click();
    assert.equal((await result).payload!.liabilityShifted, true);
  });
});
