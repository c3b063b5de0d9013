/**
 * The emulator's PayPal JS SDK and the approval window's "Ship to": another option or address
 * goes to the shop's onShippingOptionsChange / onShippingAddressChange (which PATCH the order
 * from the shop's server), a rejection keeps the buyer there with PayPal's sentence.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {
  button,
  emulator,
  events,
  load,
  page,
  render,
  useShopPage,
  waitForEvent,
} from './js-sdk-helpers.js';

async function openApproval(): Promise<Page> {
  const popupOpened = page.waitForEvent('popup');
  await button().click();
  const popup = await popupOpened;
  await popup.waitForURL(/\/checkoutnow\?token=/);
  await popup.getByRole('button', {name: 'Approve'}).waitFor();
  return popup;
}

const total = (popup: Page) => popup.locator('#total-0').textContent();

describe(
  'the emulator’s PayPal JS SDK: shipping in PayPal’s window',
  {timeout: 180_000},
  () => {
    useShopPage();

    it('another option → onShippingOptionsChange → the shop PATCHes → the window shows the new total', async () => {
      await load();
      await render({shipping: true});
      const popup = await openApproval();
      const created = await waitForEvent('created');
      assert.match(String(await total(popup)), /\$43\.00/);

      const reloaded = popup.waitForEvent('load');
      await popup.getByLabel(/Express/).check();
      const option = await waitForEvent('option');
      const data = option.data as {
        orderID: string;
        selectedShippingOption: Record<string, unknown>;
      };
      assert.equal(data.orderID, created.id);
      assert.deepEqual(data.selectedShippingOption, {
        id: 'express',
        label: 'Express',
        type: 'SHIPPING',
        selected: true,
        amount: {currencyCode: 'USD', value: '15.00'},
      });
      await reloaded;
      await popup.getByRole('button', {name: 'Approve'}).waitFor();
      assert.match(String(await total(popup)), /\$53\.00/);
      assert.ok(await popup.getByLabel(/Express/).isChecked());

      await popup.getByRole('button', {name: 'Approve'}).click();
      const captured = await waitForEvent('captured');
      assert.equal(captured.status, 'COMPLETED');
      const unit = emulator.order(String(created.id))!.purchase_units![0]!;
      assert.equal(unit.payments?.captures?.[0]?.amount?.value, '53.00');
      assert.deepEqual(
        unit.shipping?.options?.filter((o) => o.selected).map((o) => o.id),
        ['express']
      );
    });

    it('a rejected address keeps the buyer in the window with PayPal’s sentence; an accepted one is where it ships', async () => {
      await load();
      await render({shipping: true});
      const popup = await openApproval();
      const created = await waitForEvent('created');

      await popup.getByText('Change address').click();
      await popup.getByLabel('City').fill('Toronto');
      await popup.getByLabel('State or region').fill('ON');
      await popup.getByLabel('Postal code').fill('M5V 2T6');
      await popup.getByLabel('Country code (two letters)').fill('CA');
      await popup.getByRole('button', {name: 'Ship here'}).click();
      const refused = await waitForEvent('address');
      assert.deepEqual(
        (refused.data as {shippingAddress: unknown}).shippingAddress,
        {city: 'Toronto', state: 'ON', countryCode: 'CA', postalCode: 'M5V 2T6'}
      );
      await popup
        .getByText('Your order can’t be shipped to this country.')
        .waitFor();
      assert.ok(
        await popup.getByRole('button', {name: 'Approve'}).isDisabled(),
        'no approving an address the shop refused'
      );
      assert.equal(
        emulator.order(String(created.id))!.purchase_units![0]!.shipping
          ?.address?.country_code,
        'US',
        'a refused address is not recorded'
      );

      const reloaded = popup.waitForEvent('load');
      await popup.getByLabel('Street address').fill('500 Pine St');
      await popup.getByLabel('City').fill('Seattle');
      await popup.getByLabel('State or region').fill('WA');
      await popup.getByLabel('Postal code').fill('98101');
      await popup.getByLabel('Country code (two letters)').fill('US');
      await popup.getByRole('button', {name: 'Ship here'}).click();
      await waitForEvent('address', 2);
      await reloaded;
      await popup.getByText(/500 Pine St/).waitFor();
      await popup.getByRole('button', {name: 'Approve'}).click();
      await waitForEvent('captured');
      assert.deepEqual(
        emulator.order(String(created.id))!.purchase_units![0]!.shipping
          ?.address,
        {
          address_line_1: '500 Pine St',
          admin_area_2: 'Seattle',
          admin_area_1: 'WA',
          postal_code: '98101',
          country_code: 'US',
        }
      );
    });

    it('a rejected option: METHOD_UNAVAILABLE’s sentence, and the order keeps its option', async () => {
      await load();
      await render({shipping: true});
      const popup = await openApproval();
      const created = await waitForEvent('created');
      await popup.getByLabel(/Pick up in store/).check();
      await waitForEvent('option');
      await popup
        .getByText('The shipping method you chose is unavailable', {
          exact: false,
        })
        .waitFor();
      assert.deepEqual(
        emulator
          .order(String(created.id))!
          .purchase_units![0]!.shipping?.options?.filter((o) => o.selected)
          .map((o) => o.id),
        ['standard']
      );
      assert.deepEqual(
        (await events()).map((e) => e.type),
        ['init', 'click', 'created', 'option']
      );
    });
  }
);
