/**
 * The emulator's PayPal JS SDK in the buyer's language: the SDK's `locale` query parameter
 * (`de_DE`, `ar_EG`) reaches the button frame and the approval window as `locale.x`, and their
 * words follow it; without it, English.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {emulator, load, page, render, useShopPage} from './js-sdk-helpers.js';

const buttonFrame = () => page.frameLocator('iframe[title="PayPal"]');

async function openWindow(name: string): Promise<Page> {
  const opened = page.waitForEvent('popup');
  await buttonFrame().getByRole('button', {name}).click();
  const popup = await opened;
  await popup.waitForURL(/\/checkoutnow\?token=/);
  return popup;
}

describe('the emulator’s PayPal JS SDK: locale', {timeout: 180_000}, () => {
  useShopPage();

  it('speaks German with locale=de_DE: the button and the window', async () => {
    await load({locale: 'de_DE'});
    await render({style: {label: 'pay'}});
    const frame = page
      .frames()
      .find((f) => f.url().startsWith(`${emulator.url}/smart/buttons`))!;
    assert.match(frame.url(), /[?&]locale\.x=de_DE(&|#|$)/);
    assert.equal(
      await frame.evaluate(() => document.documentElement.lang),
      'de'
    );
    const popup = await openWindow('Zahlen mit PayPal');
    assert.match(popup.url(), /[?&]locale\.x=de_DE(&|#|$)/);
    await popup.getByRole('button', {name: 'Zustimmen'}).waitFor();
    assert.equal(await popup.title(), 'PayPal Checkout – Zahlung prüfen');
    assert.equal(
      await popup.getByRole('heading', {level: 1}).textContent(),
      'Zahlung prüfen'
    );
    await popup.getByRole('button', {name: 'Abbrechen'}).waitFor();
    assert.equal(
      await popup.evaluate(() => document.documentElement.lang),
      'de'
    );
    await popup.close();
  });

  it('lays Arabic out right to left', async () => {
    await load({locale: 'ar_EG'});
    await render({style: {label: 'pay'}});
    const popup = await openWindow('ادفع باستخدام PayPal');
    await popup.getByRole('button', {name: 'موافقة'}).waitFor();
    assert.deepEqual(
      await popup.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
      })),
      {lang: 'ar', dir: 'rtl'}
    );
    await popup.close();
  });

  it('speaks English without a locale, or with one it has no words for', async () => {
    await load({locale: 'ko_KR'});
    await render({style: {label: 'pay'}});
    const popup = await openWindow('Pay with PayPal');
    await popup.getByRole('button', {name: 'Approve'}).waitFor();
    assert.equal(
      await popup.evaluate(() => document.documentElement.lang),
      'en'
    );
    await popup.close();
  });
});
