/** The emulator's PayPal JS SDK paying in Chromium: the buyer's approval window and what the shop gets. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Frame, Page} from 'playwright-core';
import {saveScreenshot} from '../chromium.js';
import {
  audit,
  browser,
  button,
  emulator,
  events,
  load,
  orderBody,
  page,
  paypal,
  render,
  shopUrl,
  useShopPage,
  waitForEvent,
} from './js-sdk-helpers.js';

function buttonFrame(): Frame {
  const frame = page
    .frames()
    .find((f) => f.url().startsWith(`${emulator.url}/smart/buttons`));
  assert.ok(frame, 'the button frame is loaded');
  return frame;
}

/** Clicks the button and returns the approval window once it shows the order. */
async function openApproval(
  click: () => Promise<void> = () => button().click()
): Promise<Page> {
  const popupOpened = page.waitForEvent('popup');
  await click();
  const popup = await popupOpened;
  await popup.waitForURL(/\/checkoutnow\?token=/);
  await popup.getByRole('button', {name: 'Approve'}).waitFor();
  return popup;
}

describe('the emulator’s PayPal JS SDK', {timeout: 180_000}, () => {
  useShopPage();

  describe('paying', () => {
    it('Approve → onApprove with PayPal’s data → the server captures → COMPLETED', async () => {
      await load();
      await render();
      const popup = await openApproval();
      const created = await waitForEvent('created');
      const closed = popup.waitForEvent('close');
      await popup.getByRole('button', {name: 'Approve'}).click();
      const approved = await waitForEvent('approved');
      const data = approved.data as Record<string, unknown>;
      assert.equal(data.orderID, created.id);
      assert.equal(typeof data.payerID, 'string');
      assert.equal(data.paymentID, null);
      assert.match(String(data.facilitatorAccessToken), /^A21AA/);
      const captured = await waitForEvent('captured');
      assert.deepEqual(captured, {
        type: 'captured',
        status: 'COMPLETED',
        orderStatus: 'COMPLETED',
      });
      await closed;
      assert.equal(emulator.order(String(created.id))?.status, 'COMPLETED');
      assert.deepEqual(
        (await events()).map((e) => e.type),
        ['init', 'click', 'created', 'approved', 'captured']
      );
    });

    it('Cancel → onCancel({orderID}) and the window closes; the order stays CREATED', async () => {
      await load();
      await render();
      const popup = await openApproval();
      const created = await waitForEvent('created');
      const closed = popup.waitForEvent('close');
      await popup.getByRole('button', {name: 'Cancel'}).click();
      const cancelled = await waitForEvent('cancelled');
      assert.deepEqual(cancelled.data, {orderID: created.id});
      await closed;
      assert.equal(emulator.order(String(created.id))?.status, 'CREATED');
    });

    it('closing the window is a cancel too', async () => {
      await load();
      await render();
      const popup = await openApproval();
      const created = await waitForEvent('created');
      await popup.close();
      const cancelled = await waitForEvent('cancelled');
      assert.deepEqual(cancelled.data, {orderID: created.id});
    });

    it('Decline card → INSTRUMENT_DECLINED → actions.restart() → Approve → COMPLETED', async () => {
      await load();
      await render();
      const popup = await openApproval();
      const created = await waitForEvent('created');
      await popup.getByRole('button', {name: 'Decline card'}).click();
      await waitForEvent('declined');
      // The same window goes back to the approval page for the same order.
      await popup.waitForURL(new RegExp(`/checkoutnow\\?token=${created.id}`));
      await popup.getByRole('button', {name: 'Approve'}).waitFor();
      assert.equal(emulator.order(String(created.id))?.status, 'CREATED');
      const closed = popup.waitForEvent('close');
      await popup.getByRole('button', {name: 'Approve'}).click();
      const captured = await waitForEvent('captured');
      assert.equal(captured.status, 'COMPLETED');
      await closed;
      assert.deepEqual(
        (await events()).map((e) => e.type),
        [
          'init',
          'click',
          'created',
          'approved',
          'declined',
          'approved',
          'captured',
        ]
      );
    });

    it('an order in another currency than the script’s → onError, as PayPal says', async () => {
      await load();
      await render({currency: 'EUR'});
      const popupOpened = page.waitForEvent('popup');
      await button().click();
      const popup = await popupOpened;
      const closed = popup.waitForEvent('close');
      const error = await waitForEvent('error');
      assert.match(
        String(error.message),
        /Expected currency from order api call to be USD, got EUR/
      );
      await closed;
    });

    it('onClick can stop the checkout with actions.reject()', async () => {
      await load();
      await render({rejectClick: true});
      const popupOpened = page.waitForEvent('popup');
      await button().click();
      const popup = await popupOpened;
      if (!popup.isClosed()) await popup.waitForEvent('close');
      await waitForEvent('click');
      assert.equal(
        (await events()).some((e) => e.type === 'created'),
        false
      );
    });

    it('works with the keyboard alone', async () => {
      await load();
      await render();
      await button().waitFor();
      await page.focus('#before');
      await page.keyboard.press('Tab');
      assert.equal(
        await buttonFrame().evaluate(() =>
          document.activeElement?.getAttribute('aria-label')
        ),
        'PayPal'
      );
      const popup = await openApproval(() => page.keyboard.press('Enter'));
      await popup.waitForFunction(
        () => document.activeElement?.id === 'approve'
      );
      const closed = popup.waitForEvent('close');
      await popup.keyboard.press('Enter');
      const captured = await waitForEvent('captured');
      assert.equal(captured.status, 'COMPLETED');
      await closed;
    });
  });

  describe('the approval page', () => {
    it('shows the items and total, and has no axe violations', async () => {
      const created = await paypal('/v2/checkout/orders', orderBody('USD'));
      const approval = await browser.newPage({
        viewport: {width: 450, height: 640},
      });
      await approval.goto(
        `${emulator.url}/checkoutnow?token=${created.json.id}`
      );
      const rows = await approval.locator('tbody tr').allInnerTexts();
      assert.deepEqual(
        rows.map((r) => r.split('\t').map((cell) => cell.trim())),
        [
          ['Black tee', '2', '$30.00'],
          ['Sticker pack', '1', '$10.00'],
        ]
      );
      assert.equal(
        await approval.locator('#total-0').innerText(),
        '$43.00 USD'
      );
      assert.deepEqual(await approval.getByRole('button').allInnerTexts(), [
        'Approve',
        'Decline card',
        'Cancel',
      ]);
      assert.deepEqual(await audit(approval), []);
      await saveScreenshot(approval, 'paypal-approval-page');
      await approval.close();
    });

    it('keeps its buttons off until its script has wired them: no click is lost', async () => {
      const created = await paypal('/v2/checkout/orders', orderBody('USD'));
      const approval = await browser.newPage();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await approval.route(/\/checkoutnow\.js$/, async (route) => {
        await held;
        await route.fallback();
      });
      await approval.goto(
        `${emulator.url}/checkoutnow?token=${created.json.id}`,
        {waitUntil: 'commit'}
      );
      const approve = approval.getByRole('button', {name: 'Approve'});
      await approve.waitFor();
      assert.equal(await approve.isDisabled(), true);
      release();
      await approval.waitForFunction(
        () => document.activeElement?.id === 'approve'
      );
      assert.equal(await approve.isEnabled(), true);
      await approval.close();
    });

    it('shows whole yen for JPY', async () => {
      const created = await paypal('/v2/checkout/orders', orderBody('JPY'));
      const approval = await browser.newPage();
      await approval.goto(
        `${emulator.url}/checkoutnow?token=${created.json.id}`
      );
      assert.equal(
        await approval.locator('#total-0').innerText(),
        '¥4,300 JPY'
      );
      await approval.close();
    });

    it('without an opener, goes back to the order’s return_url with token and PayerID', async () => {
      const body = {
        ...orderBody('USD'),
        payment_source: {
          paypal: {
            experience_context: {
              return_url: `${shopUrl}/return`,
              cancel_url: `${shopUrl}/cancel`,
            },
          },
        },
      };
      const created = await paypal('/v2/checkout/orders', body);
      const approval = await browser.newPage();
      await approval.goto(
        `${emulator.url}/checkoutnow?token=${created.json.id}`
      );
      await approval.getByRole('button', {name: 'Approve'}).click();
      await approval.waitForURL(/\/return\?/);
      const url = new URL(approval.url());
      assert.equal(url.searchParams.get('token'), created.json.id);
      assert.equal(
        url.searchParams.get('PayerID'),
        emulator.order(String(created.json.id))?.payer?.payer_id
      );
      await approval.close();
    });
  });
});
