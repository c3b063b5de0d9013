/**
 * axe-core in every state of the checkout (issue 14.3), light and dark, English left to right
 * and Arabic right to left, on the demo shop with its full catalog (the shipping form and
 * rates, the discount field) and the emulators' frames and windows audited with the page
 * (test/e2e/page.ts `axeViolations`): loading (the skeleton, the quote held back), the cart,
 * editing (a stepper focused, a refused code), errors (a missing email, a declined card,
 * price_changed), the 3-D Secure challenge open, success; and PayPal chosen, its window, its
 * success. One shop and one browser for the file; the states of a scheme × direction follow
 * each other in one page, as a buyer would meet them.
 *
 *   node --import tsx --test test/e2e/axe-states.test.ts
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {checkout, settled, waitForEvent} from './buyer.js';
import {openDemoWithCart} from './demo-cart.js';
import {pressPayByPart} from './page.js';
import {shopAndBrowserPerSuite} from './shop.js';

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const CARD = 'iframe[src*="/elements/payment"]';
const ADDRESS = 'iframe[src*="/elements/address"]';
const PAYPAL = 'pay-checkout [slot="paypal-buttons"] iframe';

type Scheme = 'light' | 'dark';
type Direction = 'ltr' | 'rtl';

// Two pages at once: a state waits on the shop and the emulators more than on the CPU, and
// the whole file must stay well under the e2e runner's 180 s per file.
describe('axe-core in every state', {timeout: 180_000, concurrency: 2}, () => {
  const suite = shopAndBrowserPerSuite();

  /**
   * The demo with a tee and a mug in the cart, in `scheme`, English ltr or Arabic rtl (set as
   * the page is parsed, before the element connects), every page recording the element's
   * events; `holdQuote` keeps the first quote back until the returned release is called.
   */
  async function open(
    scheme: Scheme,
    dir: Direction,
    {holdQuote = false} = {}
  ): Promise<{page: Page; release: () => void}> {
    const page = await suite.browser.newPage({
      viewport: {width: 1280, height: 1000},
      colorScheme: scheme,
    });
    page.on('pageerror', (error) => console.error('page error:', error.stack));
    await page.addInitScript((dir) => {
      const events: {type: string; detail: unknown}[] = [];
      (window as unknown as {payEvents: typeof events}).payEvents = events;
      for (const type of ['pay-ready', 'pay-success', 'pay-error'])
        document.addEventListener(type, (event) =>
          events.push({
            type,
            detail: JSON.parse(JSON.stringify((event as CustomEvent).detail)),
          })
        );
      new MutationObserver(() => {
        document.documentElement.lang = dir === 'rtl' ? 'ar' : 'en';
        document.documentElement.dir = dir;
        if (dir === 'rtl')
          document.querySelector('pay-checkout')?.setAttribute('locale', 'ar');
      }).observe(document, {childList: true, subtree: true});
    }, dir);
    const release = await openDemoWithCart(page, suite.shop.url, {holdQuote});
    return {page, release};
  }

  /**
   * axe over the page and its frames, each violation named after the state it was found in:
   * the rules and frame handling of test/e2e/page.ts `axeViolations`, with axe injected once
   * per document and only violations collected (`resultTypes`), which halves each run.
   */
  async function audit(page: Page, state: string, found: string[]) {
    for (const frame of page.frames()) {
      const loaded = await frame.evaluate(() => 'axe' in window);
      if (!loaded) await frame.evaluate(AXE_SOURCE);
      const ids = await frame.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(
                context: unknown,
                options: unknown
              ): Promise<{violations: {id: string; nodes: unknown[]}[]}>;
            };
          }
        ).axe;
        const topLevel = window === window.top;
        const rules = Object.fromEntries(
          ['page-has-heading-one', 'landmark-one-main', 'region'].map((id) => [
            id,
            {enabled: topLevel},
          ])
        );
        const result = await axe.run(document, {
          iframes: false,
          rules,
          resultTypes: ['violations'],
        });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      const path = new URL(frame.url()).pathname;
      found.push(...ids.map((id) => `${state}: ${path}: ${id}`));
    }
  }

  async function fillAddress(page: Page) {
    const frame = page.frameLocator(ADDRESS);
    await frame.locator('[name=name]').fill('Ada Lovelace');
    await frame.locator('[name=country]').selectOption('US');
    await frame.locator('[name=line1]').fill('1 Market St');
    await frame.locator('[name=city]').fill('San Francisco');
    await frame.locator('[name=state]').selectOption('CA');
    await frame.locator('[name=postal_code]').fill('94110');
    await frame.locator('[name=postal_code]').blur();
  }

  async function fillCard(page: Page, number: string) {
    const frame = page.frameLocator(CARD);
    await frame.locator('[name=number]').fill(number);
    await frame.locator('[name=expiry]').fill('12 / 34');
    await frame.locator('[name=cvc]').fill('123');
    await frame.locator('[name=postalCode]').fill('94110');
  }

  const errorMessage = (page: Page) =>
    checkout(page).locator('[part~="message"][part~="error"]');

  for (const scheme of ['light', 'dark'] as const) {
    for (const dir of ['ltr', 'rtl'] as const) {
      it(`with Stripe, ${scheme}, ${dir}: loading, cart, editing, errors, 3-D Secure, success`, async () => {
        const found: string[] = [];
        const {page, release} = await open(scheme, dir, {holdQuote: true});
        await checkout(page).locator('[part~="skeleton"]').waitFor();
        await audit(page, 'loading', found);
        release();

        await checkout(page).locator('[part~="total"]').waitFor();
        await page.frameLocator(CARD).locator('[name=number]').waitFor();
        await page.frameLocator(ADDRESS).locator('[name=line1]').waitFor();
        await audit(page, 'cart', found);

        await checkout(page).locator('.stepper__input').first().focus();
        await audit(page, 'editing, a stepper focused', found);
        await checkout(page).locator('[part~="discount-toggle"]').click();
        await checkout(page)
          .locator('[part~="discount-input"]')
          .fill('SUMMER25');
        await checkout(page).locator('[part~="discount-apply"]').click();
        await checkout(page).locator('[part~="discount-error"]').waitFor();
        await audit(page, 'editing, a refused code', found);

        await fillAddress(page);
        await pressPayByPart(page);
        await checkout(page).locator('[part~="email-error"]').waitFor();
        await audit(page, 'error, no email', found);

        await checkout(page)
          .locator('[part~="email-input"]')
          .fill(`axe-${scheme}-${dir}@example.com`);
        await fillCard(page, '4000000000000002');
        await pressPayByPart(page);
        await errorMessage(page).filter({hasText: /\S/}).waitFor();
        await audit(page, 'error, declined', found);

        // The catalog's price moves between the quote and Pay: the server refuses the total
        // the buyer saw (409 price_changed) and the element shows the new one.
        await page.route(
          (url) => url.pathname === '/api/stripe/payment-intents',
          async (route) => {
            const body = route.request().postDataJSON() as {
              expectedTotal: number;
            };
            await route.continue({
              postData: JSON.stringify({
                ...body,
                expectedTotal: body.expectedTotal - 100,
              }),
            });
          },
          {times: 1}
        );
        await fillCard(page, '4000002500003155');
        // The missing email and the decline were the first two.
        await pressPayByPart(page);
        await waitForEvent(page, 'pay-error', 3);
        const priceChanged = (
          await page.evaluate(
            () =>
              (window as unknown as {payEvents: {detail: {code: string}}[]})
                .payEvents
          )
        ).at(-1)!;
        assert.equal(priceChanged.detail.code, 'price_changed');
        await audit(page, 'error, price_changed', found);

        await pressPayByPart(page);
        const challenge = page.frameLocator('iframe[src*="/elements/3ds/"]');
        await challenge.locator('#complete').waitFor();
        await audit(page, '3-D Secure challenge', found);
        await challenge.locator('#complete').click();
        await waitForEvent(page, 'pay-success');
        await checkout(page).locator('[part~="status"]').waitFor();
        await audit(page, 'success', found);
        assert.deepEqual(found, []);
        await page.close();
      });

      it(`with PayPal, ${scheme}, ${dir}: chosen, its window, success`, async () => {
        const found: string[] = [];
        const {page} = await open(scheme, dir);
        await checkout(page).locator('[part~="total"]').waitFor();
        await checkout(page)
          .locator('.provider__input[value="paypal"]')
          .check();
        const button = page
          .frameLocator(PAYPAL)
          .locator('button[aria-disabled="false"]');
        await button.waitFor({timeout: 15_000});
        const form = checkout(page);
        await form
          .locator('[part~="email-input"]')
          .fill(`axe-paypal-${scheme}-${dir}@example.com`);
        await form.locator('#shipping-name').fill('Ada Lovelace');
        await form.locator('#shipping-country').selectOption('US');
        await form.locator('#shipping-line1').fill('1 Market St');
        await form.locator('#shipping-city').fill('San Francisco');
        await form.locator('#shipping-region').selectOption('CA');
        await form.locator('#shipping-postalCode').fill('94110');
        await form.locator('#shipping-postalCode').blur();
        await settled(page);
        // PayPal's window first: axe in the button frame (below) is left for after its click.
        const popup = page.waitForEvent('popup');
        await button.click();
        const window = await popup;
        await window.locator('#approve').waitFor();
        await audit(window, 'PayPal’s window', found);
        await audit(page, 'PayPal chosen, its window open', found);
        await window.locator('#approve').click();
        await waitForEvent(page, 'pay-success');
        await checkout(page).locator('[part~="status"]').waitFor();
        await audit(page, 'PayPal, success', found);
        assert.deepEqual(found, []);
        await page.close();
      });
    }
  }
});
