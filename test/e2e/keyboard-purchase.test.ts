/**
 * Keyboard-only purchases on the demo shop (issue 14.3, WCAG 2.1.1, 2.1.2, 2.4.3, 2.4.7): the
 * real server in development mode with its emulators, the demo page and headless Chromium,
 * driven by Tab, Shift+Tab, Space, Enter, arrow keys and typed text only — no click, no
 * `fill()`, no `focus()`. The buyer adds products from the grid, edits the cart (arrow keys
 * in a quantity, the − button, a removal), tries an ended code and applies a good one, types
 * the email and the address, picks Express with the arrow keys, and pays: with Stripe's
 * Payment Element and its 3-D Secure challenge, through Stripe's hosted Checkout page, and in
 * PayPal's window. Each Tab stop inside the element and its providers' frames must show a
 * focus indicator with 3:1 contrast (test/e2e/keyboard.ts); the order must end paid.
 *
 *   node --import tsx --test test/e2e/keyboard-purchase.test.ts
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Frame, Page} from 'playwright-core';
import {
  CARD_FRAME,
  checkout,
  openDemoShop,
  settled,
  waitForEvent,
  waitForRow,
} from './buyer.js';
import {focused, focusIndicator, tabTo, type Focused} from './keyboard.js';
import {shopAndBrowserPerSuite} from './shop.js';

interface OrderRow {
  status: string;
  provider: string;
  total: number;
  discount_code: string | null;
}

describe(
  'buying on the demo shop by keyboard alone',
  {timeout: 180_000},
  () => {
    const suite = shopAndBrowserPerSuite();

    /** Every Tab stop inside the element: a focus indicator one can see, or a failure noted. */
    function focusChecker() {
      const failures: string[] = [];
      const checked = new Set<string>();
      return {
        failures,
        checked,
        async onStop(stop: Focused & {handle: Frame}) {
          const key = `${stop.frame} ${stop.tag} ${stop.name}`;
          if (checked.has(key)) return;
          checked.add(key);
          const indicator = await focusIndicator(stop.handle);
          if (!indicator.visible) failures.push(`${key}: ${indicator.detail}`);
        },
      };
    }

    async function press(page: Page, key: string) {
      await page.keyboard.press(key);
    }

    /** From the top of the page: adds the products by Tab and Enter. */
    async function addByKeyboard(page: Page, names: string[]) {
      await page.locator('#products button').first().waitFor();
      for (const name of names) {
        await tabTo(page, new RegExp(`^Add to cart: ${escape(name)}$`));
        await press(page, 'Enter');
      }
    }

    /** Edits the cart, tries SUMMER25 (ended: an error) and applies WELCOME10, all by keyboard. */
    async function editCartByKeyboard(
      page: Page,
      onStop: ReturnType<typeof focusChecker>['onStop']
    ) {
      await checkout(page).locator('[part~="total"]').waitFor();
      await settled(page);
      // Arrow up in the tee's quantity: 1 → 3.
      await tabTo(page, /^Quantity of Black tee, size M$/, {onStop});
      await press(page, 'ArrowUp');
      await press(page, 'ArrowUp');
      await settled(page);
      // Shift+Tab back to its −, Space: 3 → 2.
      await tabTo(page, /^Decrease quantity of Black tee, size M$/, {
        key: 'Shift+Tab',
        limit: 3,
        onStop,
      });
      await press(page, 'Space');
      await settled(page);
      await waitForQuantity(page, 'Black tee, size M', '2');
      // Remove the sticker pack with Enter.
      await tabTo(page, /^Remove Sticker pack \(6\)$/, {onStop});
      await press(page, 'Enter');
      await settled(page);
      await checkout(page)
        .getByRole('spinbutton', {name: 'Quantity of Sticker pack (6)'})
        .waitFor({state: 'detached'});
      // The discount field: an ended code is refused, then WELCOME10 applies.
      await tabTo(page, /^Have a discount code\?$/, {onStop});
      await press(page, 'Enter');
      // Opening the field moves the focus into it.
      await checkout(page)
        .getByRole('textbox', {name: 'Discount code'})
        .waitFor();
      const field = await focused(page);
      assert.equal(
        field?.name,
        'Discount code',
        'the focus moves into the field'
      );
      await onStop(field!);
      await page.keyboard.type('SUMMER25');
      await press(page, 'Enter');
      await checkout(page)
        .locator('[part~="discount-error"], [role="alert"]')
        .filter({hasText: /ended|expired|no longer/i})
        .first()
        .waitFor({timeout: 15_000});
      const stillThere = await focused(page);
      assert.equal(
        stillThere?.name,
        'Discount code',
        'the focus stays on the field'
      );
      await press(page, 'ControlOrMeta+A');
      await page.keyboard.type('WELCOME10');
      await tabTo(page, /^Apply$/, {limit: 2, onStop});
      await press(page, 'Enter');
      await waitForRow(page, 'discount', 'WELCOME10');
    }

    async function waitForQuantity(page: Page, name: string, value: string) {
      await page.waitForFunction(
        ([label, wanted]) =>
          [
            ...document
              .querySelector('pay-checkout')!
              .shadowRoot!.querySelectorAll('input[type=number]'),
          ].some(
            (input) =>
              input.getAttribute('aria-label') === label &&
              (input as HTMLInputElement).value === wanted
          ),
        [`Quantity of ${name}`, value] as const,
        {timeout: 15_000}
      );
    }

    /** Types into the field that has the focus, after Tab reached it. */
    async function typeInto(
      page: Page,
      name: RegExp,
      text: string,
      onStop: ReturnType<typeof focusChecker>['onStop']
    ) {
      await tabTo(page, name, {onStop});
      await page.keyboard.type(text);
    }

    /** The shipping rates by keyboard: Tab into the group (the checked rate), arrow to Express. */
    async function chooseExpress(
      page: Page,
      onStop: ReturnType<typeof focusChecker>['onStop']
    ) {
      await settled(page);
      await tabTo(page, /^Standard\b/, {onStop});
      await press(page, 'ArrowDown');
      await settled(page);
      const express = checkout(page)
        .getByRole('group', {name: 'Shipping method'})
        .getByRole('radio', {name: /^Express\b/});
      assert.equal(await express.isChecked(), true, 'Express is chosen');
    }

    async function typeAddressInElement(
      page: Page,
      onStop: ReturnType<typeof focusChecker>['onStop']
    ) {
      await typeInto(page, /^Full name/, 'Ada Lovelace', onStop);
      // A closed select takes typed letters: the country, then the state, by their names.
      await typeInto(page, /^Country or region$/, 'United States', onStop);
      await typeInto(page, /^Address line 1/, '1 Market St', onStop);
      await typeInto(page, /^City/, 'San Francisco', onStop);
      await typeInto(page, /^State/, 'California', onStop);
      await typeInto(page, /^ZIP code/, '94110', onStop);
    }

    // WELCOME10 is once per email address: each purchase has its own buyer.
    const order = (id: string) =>
      suite.shop.query<OrderRow>(
        'SELECT status, provider, total, discount_code FROM orders WHERE id = ?',
        id
      )[0];

    it('pays with the Payment Element and its 3-D Secure challenge', async () => {
      const page = await openDemoShop(suite.browser, suite.shop);
      const check = focusChecker();
      const onStop = check.onStop;
      await addByKeyboard(page, [
        'Black tee, size M',
        'Enamel camp mug',
        'Sticker pack (6)',
      ]);
      await page.frameLocator(CARD_FRAME).locator('[name=number]').waitFor();
      await editCartByKeyboard(page, onStop);
      await typeInto(page, /^Email/, 'ada@example.com', onStop);
      // Card is chosen; Tab goes on into Stripe's Address Element.
      await typeInto(page, /^Full name/, 'Ada Lovelace', onStop);
      await typeInto(page, /^Address line 1/, '1 Market St', onStop);
      await typeInto(page, /^City/, 'San Francisco', onStop);
      await typeInto(page, /^State/, 'California', onStop);
      await typeInto(page, /^ZIP code/, '94110', onStop);
      await chooseExpress(page, onStop);
      await typeInto(page, /^Card number/, '4000002500003155', onStop);
      await typeInto(page, /^Expiration date/, '1234', onStop);
      await typeInto(page, /^Security code/, '123', onStop);
      await typeInto(page, /^ZIP/, '94110', onStop);
      await tabTo(page, /^Pay /, {onStop});
      await settled(page);
      await press(page, 'Enter');
      // The challenge takes the focus, on Complete.
      const challenge = page.frameLocator('iframe[src*="/elements/3ds/"]');
      await challenge.getByRole('button', {name: 'Complete'}).waitFor();
      await page.waitForFunction(
        () => document.activeElement?.tagName === 'IFRAME'
      );
      const onComplete = await focused(page);
      assert.equal(onComplete?.name, 'Complete', 'the challenge has the focus');
      await check.onStop(onComplete!);
      // A modal: Tab goes round its buttons, never to the page behind the overlay.
      await tabTo(page, /^Fail$/, {limit: 1, onStop});
      await tabTo(page, /^Complete$/, {limit: 1, onStop});
      await tabTo(page, /^Fail$/, {key: 'Shift+Tab', limit: 1, onStop});
      await tabTo(page, /^Complete$/, {key: 'Shift+Tab', limit: 1, onStop});
      await press(page, 'Enter');
      const success = await waitForEvent(page, 'pay-success');
      assert.deepEqual(order(success.detail.orderId as string), {
        status: 'paid',
        provider: 'stripe',
        total: success.detail.total,
        discount_code: 'WELCOME10',
      });
      assert.deepEqual(check.failures, [], 'every stop shows its focus');
      assert.ok(
        check.checked.size >= 15,
        `${check.checked.size} stops checked`
      );
      await page.close();
    });

    it('pays through Stripe’s hosted Checkout page', async () => {
      const page = await openDemoShop(suite.browser, suite.shop);
      // The demo has no switch for it: the element is given mode="hosted" as it is parsed.
      await page.addInitScript(() =>
        new MutationObserver(() =>
          document.querySelector('pay-checkout')?.setAttribute('mode', 'hosted')
        ).observe(document, {childList: true, subtree: true})
      );
      await page.reload();
      const check = focusChecker();
      const onStop = check.onStop;
      await addByKeyboard(page, [
        'Black tee, size M',
        'Enamel camp mug',
        'Sticker pack (6)',
      ]);
      await checkout(page).locator('[part~="hosted-note"]').waitFor();
      await editCartByKeyboard(page, onStop);
      await typeInto(page, /^Email/, 'grace@example.com', onStop);
      await typeAddressInElement(page, onStop);
      await chooseExpress(page, onStop);
      await tabTo(page, /^Pay /, {onStop});
      await settled(page);
      await press(page, 'Enter');
      await page.waitForURL(/\/checkout\/pay\//);
      await page.getByRole('button', {name: 'Pay'}).waitFor();
      // Stripe's page (the emulator's), from its top, by Tab; its stops are checked too.
      const onPage = {onStop, everywhere: true};
      await tabTo(page, /^Card number/, onPage);
      await page.keyboard.type('4242424242424242');
      await tabTo(page, /^Expiration date/, onPage);
      await page.keyboard.type('1234');
      await tabTo(page, /^Security code/, onPage);
      await page.keyboard.type('123');
      await tabTo(page, /^ZIP/, onPage);
      await page.keyboard.type('94110');
      await tabTo(page, /^Pay$/, onPage);
      await press(page, 'Enter');
      await page.waitForURL(/\/return\.html/, {timeout: 20_000});
      const success = await waitForEvent(page, 'pay-success');
      assert.deepEqual(order(success.detail.orderId as string), {
        status: 'paid',
        provider: 'stripe',
        total: success.detail.total,
        discount_code: 'WELCOME10',
      });
      assert.deepEqual(check.failures, [], 'every stop shows its focus');
      assert.ok(
        check.checked.size >= 15,
        `${check.checked.size} stops checked`
      );
      await page.close();
    });

    it('pays in PayPal’s window', async () => {
      const page = await openDemoShop(suite.browser, suite.shop);
      const check = focusChecker();
      const onStop = check.onStop;
      await addByKeyboard(page, [
        'Black tee, size M',
        'Enamel camp mug',
        'Sticker pack (6)',
      ]);
      await page.frameLocator(CARD_FRAME).locator('[name=number]').waitFor();
      await editCartByKeyboard(page, onStop);
      await typeInto(page, /^Email/, 'hedy@example.com', onStop);
      // The provider choice is a radio group: Tab lands on Card, the arrow moves to PayPal.
      await tabTo(page, /^Card$/, {onStop});
      await press(page, 'ArrowRight');
      await checkout(page).getByRole('radio', {name: 'PayPal'}).isChecked();
      await page
        .frameLocator(
          'pay-checkout [slot="paypal-buttons"] iframe[title="PayPal"]'
        )
        .locator('button[aria-disabled="false"]')
        .waitFor({timeout: 15_000});
      await typeAddressInElement(page, onStop);
      await chooseExpress(page, onStop);
      await settled(page);
      await tabTo(page, /^Pay with PayPal$/, {onStop});
      const popup = page.waitForEvent('popup', {timeout: 30_000});
      await press(page, 'Enter');
      const window = await popup;
      await window.getByRole('button', {name: 'Approve'}).waitFor();
      const onApprove = await focused(window);
      assert.equal(
        onApprove?.name,
        'Approve',
        'PayPal’s window opens on Approve'
      );
      await check.onStop(onApprove!);
      await window.keyboard.press('Enter');
      const success = await waitForEvent(page, 'pay-success');
      assert.deepEqual(order(success.detail.orderId as string), {
        status: 'paid',
        provider: 'paypal',
        total: success.detail.total,
        discount_code: 'WELCOME10',
      });
      assert.deepEqual(check.failures, [], 'every stop shows its focus');
      assert.ok(
        check.checked.size >= 15,
        `${check.checked.size} stops checked`
      );
      await page.close();
    });
  }
);

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
