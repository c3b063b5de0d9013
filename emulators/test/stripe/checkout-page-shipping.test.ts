/**
 * The hosted Checkout page in Chromium, for a session with a coupon, tax, a shipping option
 * and `shipping_address_collection`: the rows Stripe's page shows, the address form's own
 * checks, and a payment that completes the session with the address the buyer typed.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import type {Browser} from 'playwright-core';
import type Stripe from 'stripe';
import {axeViolations, launchChromium, saveScreenshot} from '../chromium.js';
import {
  createDiscountedTaxedSession,
  emulator,
  stripe,
} from './checkout-helpers.js';
import {useCheckoutEmulator} from './checkout-helpers.js';

useCheckoutEmulator();

describe('Stripe emulator: the hosted page of a session that ships', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(() => browser.close());

  it('shows the discount, shipping and tax, asks for the address, and pays', async () => {
    const {session} = await createDiscountedTaxedSession(4, {
      shipping_options: [
        {
          shipping_rate_data: {
            display_name: 'Express',
            fixed_amount: {amount: 1749, currency: 'usd'},
          },
        },
      ],
      shipping_address_collection: {allowed_countries: ['US', 'CA']},
      locale: 'en',
    });
    // 6050 − 500, 4 % of 4403 and of 1147 (176 + 46), + 1749.
    assert.equal(session.amount_total, 6050 - 500 + 222 + 1749);

    const page = await browser.newPage({viewport: {width: 1100, height: 1400}});
    await page.goto(session.url!);
    const summary = page.getByRole('region', {name: /Pay/});
    for (const [label, amount] of [
      ['Subtotal', '$60.50'],
      ['WELCOME5', '−$5.00'],
      ['Shipping Express', '$17.49'],
      ['Tax', '$2.22'],
      ['Total due', '$75.21'],
    ]) {
      const row = summary.locator('.Totals div', {
        has: page.getByText(label, {exact: true}),
      });
      assert.equal(
        (await row.locator('dd').textContent())?.trim(),
        amount,
        label
      );
    }
    assert.deepEqual(await axeViolations(page), []);

    // Pay without the address: each missing field says so, and the name gets the focus.
    await page.getByLabel('Card number').fill('4242424242424242');
    await page.getByLabel('Expiration date').fill('12 / 34');
    await page.getByLabel('Security code').fill('123');
    await page.getByLabel('ZIP').fill('10118');
    await page.getByRole('button', {name: 'Pay'}).click();
    await page.getByText('Your name is incomplete.').waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.id),
      'shippingName'
    );
    await saveScreenshot(page, 'stripe-checkout-shipping-errors');

    await page.getByLabel('Full name').fill('Kim Lee');
    await page.getByLabel('Country or region').selectOption('US');
    await page.getByLabel('Address line 1').fill('350 5th Ave');
    await page.getByLabel('City').fill('New York');
    await page.getByLabel('Postal code', {exact: true}).fill('10118');
    await page.getByLabel('State or region (optional)').fill('NY');
    await page.getByRole('button', {name: 'Pay'}).click();
    await page.waitForURL(/^https:\/\/shop\.example\/thanks/).catch(() => {});

    const done = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['payment_intent'],
    });
    assert.equal(done.status, 'complete');
    assert.deepEqual(done.collected_information?.shipping_details, {
      name: 'Kim Lee',
      address: {
        line1: '350 5th Ave',
        line2: null,
        city: 'New York',
        state: 'NY',
        postal_code: '10118',
        country: 'US',
      },
    });
    const intent = done.payment_intent as {amount_received: number};
    assert.equal(intent.amount_received, 7521);
    assert.equal(emulator.events.list('checkout.session.completed').length, 1);
    await page.close();
  });

  it('speaks the session’s locale: German words, English for Arabic (which Checkout lacks) and for a language the fake lacks', async () => {
    const sessionIn = async (
      locale: Stripe.Checkout.SessionCreateParams.Locale
    ) =>
      (
        await createDiscountedTaxedSession(1, {
          shipping_address_collection: {allowed_countries: ['DE']},
          locale,
        })
      ).session;
    const page = await browser.newPage({viewport: {width: 320, height: 1400}});

    await page.goto((await sessionIn('de')).url!);
    await page.getByRole('heading', {name: /zahlen$/}).waitFor();
    for (const label of ['Zwischensumme', 'Steuern', 'Fälliger Gesamtbetrag'])
      await page.getByText(label, {exact: true}).waitFor();
    await page.getByLabel('Vollständiger Name').waitFor();
    await page.getByLabel('Kartennummer').waitFor();
    await page.getByRole('button', {name: 'Zahlen'}).waitFor();

    // Checkout has no Arabic (`locale: 'ar'` is refused): with `auto`, an Arabic browser reads
    // English, left to right, as on checkout.stripe.com; at 320 px without a sideways scroll.
    const arabic = await browser.newPage({
      viewport: {width: 320, height: 1400},
      locale: 'ar',
    });
    await arabic.goto((await sessionIn('auto')).url!);
    await arabic.getByText('Total due', {exact: true}).waitFor();
    const layout = await arabic.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: getComputedStyle(document.body).direction,
      sideways:
        document.documentElement.scrollWidth >
        document.documentElement.clientWidth,
    }));
    assert.deepEqual(layout, {lang: 'ar', dir: 'ltr', sideways: false});
    assert.deepEqual(await axeViolations(arabic), []);
    await arabic.close();

    await page.goto((await sessionIn('ko')).url!);
    await page.getByText('Total due', {exact: true}).waitFor();
    await page.close();
  });
});
