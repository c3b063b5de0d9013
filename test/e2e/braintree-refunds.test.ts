/**
 * Braintree after the sale, end to end: the real companion server configured as for Braintree
 * (its BRAINTREE_ keys, and BRAINTREE_API_BASE naming a Braintree emulator this test runs, so it
 * can settle sales and arm faults). Such an API base is loopback http, which only an emulator can
 * be, so the shop gives the element that emulator's Drop-in fake and lets the page load it (its
 * policy, not bypassed). The buyer pays on the demo in Chromium, with a card typed into Drop-in;
 * then the merchant's refunds through POST /api/admin/orders/:id/refunds: a void before
 * settlement, two partial refunds after it; and a settlement notification duplicated (applied
 * once) or forged (refused). Run `npm run build` first.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import type {Browser} from 'playwright-core';
import {
  type RunningBraintreeEmulator,
  startBraintreeEmulator,
} from '../../emulators/braintree/index.js';
import {braintreeCart, dropinShown, fillDropin} from './braintree-buyer.js';
import {clickPay, countEvents, cspViolations, waitForEvent} from './buyer.js';
import {emailsAbout} from './mail.js';
import {freePorts} from './ports.js';
import {
  launchChromium,
  productsOnlyCatalog,
  type Shop,
  startShop,
} from './shop.js';

const ADMIN_TOKEN = 'e2e-admin-token-braintree-0123456789abcdef';

interface OrderRow {
  status: string;
  total: number;
  amount_refunded: number;
  provider_payment_id: string | null;
}

describe(
  'Braintree refunds, voids and notifications',
  {timeout: 240_000},
  () => {
    let emulator: RunningBraintreeEmulator;
    let shop: Shop;
    let browser: Browser;

    before(async () => {
      emulator = await startBraintreeEmulator({
        merchantAccounts: {USD: 'e2e_usd', EUR: 'e2e_eur'},
        retryDelaysMs: [100, 200, 400],
      });
      // Development mode: the other gateways' emulators take PORT+1 … PORT+4.
      const port = await freePorts(5);
      [shop, browser] = await Promise.all([
        startShop({
          PORT: String(port),
          CATALOG: productsOnlyCatalog(),
          ADMIN_TOKEN,
          BRAINTREE_MERCHANT_ID: emulator.merchantId,
          BRAINTREE_PUBLIC_KEY: emulator.publicKey,
          BRAINTREE_PRIVATE_KEY: emulator.privateKey,
          BRAINTREE_MERCHANT_ACCOUNT_IDS: 'USD:e2e_usd,EUR:e2e_eur',
          BRAINTREE_API_BASE: emulator.url,
          // Orders move by the gateway's answers and its notifications only.
          RECONCILE_INTERVAL_SECONDS: '0',
        }),
        launchChromium(),
      ]);
      emulator.setWebhookUrl(`${shop.url}/api/webhooks/braintree`);
    });

    after(async () => {
      await browser?.close();
      await shop?.stop();
      await emulator?.close();
    });

    const orderRow = (id: string) =>
      shop.query<OrderRow>(
        'SELECT status, total, amount_refunded, provider_payment_id FROM orders WHERE id = ?',
        id
      )[0]!;

    const ledger = (id: string) =>
      shop
        .query<{type: string}>(
          'SELECT type FROM processed_events WHERE order_id = ? ORDER BY processed_at',
          id
        )
        .map((row) => row.type);

    async function until(what: string, ok: () => boolean) {
      const deadline = Date.now() + 15_000;
      while (!ok()) {
        if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    /** A sale as a buyer makes it: the demo, a card typed into the emulator's Drop-in, Pay. */
    async function pay(): Promise<{orderId: string; transactionId: string}> {
      const page = await braintreeCart(browser, shop);
      try {
        await waitForEvent(page, 'pay-ready');
        await dropinShown(page);
        // The element loaded the Drop-in of the emulator the shop talks to, not Braintree's.
        const scripts = await page.evaluate(() =>
          performance.getEntriesByType('resource').map((entry) => entry.name)
        );
        assert.ok(
          scripts.includes(`${emulator.url}/web/dropin/fake/dropin.js`),
          scripts.join('\n')
        );
        await fillDropin(page);
        await clickPay(page);
        const success = await waitForEvent(page, 'pay-success');
        assert.equal(success.detail.provider, 'braintree');
        assert.equal(success.detail.status, 'paid');
        assert.equal(await countEvents(page, 'pay-error'), 0);
        assert.deepEqual(cspViolations(page), []);
        const orderId = String(success.detail.orderId);
        assert.equal(orderRow(orderId).status, 'paid');
        const transactionId = orderRow(orderId).provider_payment_id!;
        assert.match(transactionId, /\S/);
        assert.equal(
          emulator.transaction(transactionId)?.status,
          'submitted_for_settlement'
        );
        return {orderId, transactionId};
      } finally {
        await page.close();
      }
    }

    function refund(orderId: string, key: string, amount?: number) {
      return fetch(`${shop.url}/api/admin/orders/${orderId}/refunds`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          'idempotency-key': key,
          'content-type': 'application/json',
        },
        body: JSON.stringify(amount === undefined ? {} : {amount}),
      });
    }

    it('voids a sale refunded in full before it settles', async () => {
      const {orderId, transactionId} = await pay();
      const answer = await refund(orderId, `${orderId}-all`);
      assert.equal(answer.status, 201, await answer.clone().text());
      await until(
        'the order refunded',
        () => orderRow(orderId).status === 'refunded'
      );
      assert.equal(orderRow(orderId).amount_refunded, orderRow(orderId).total);
      assert.equal(emulator.transaction(transactionId)?.status, 'voided');
      // Nothing to credit: no refund transaction at Braintree.
      assert.deepEqual(emulator.transaction(transactionId)?.refundIds, []);
    });

    it('refuses a partial refund before settlement; once settled, two partial refunds (partially_refunded), then the rest (refunded)', async () => {
      const {orderId, transactionId} = await pay();
      const early = await refund(orderId, `${orderId}-early`, 1000);
      assert.ok(
        [409, 422].includes(early.status),
        `a partial refund of an unsettled sale: ${early.status} ${await early.clone().text()}`
      );
      assert.equal(orderRow(orderId).status, 'paid');

      emulator.settle(transactionId);
      await until('transaction_settled in the ledger', () =>
        ledger(orderId).includes('transaction_settled')
      );

      assert.ok(
        orderRow(orderId).total > 1500,
        `total ${orderRow(orderId).total}`
      );
      const part = await refund(orderId, `${orderId}-part`, 1000);
      assert.equal(part.status, 201, await part.clone().text());
      await until(
        'partially refunded',
        () => orderRow(orderId).status === 'partially_refunded'
      );
      assert.equal(orderRow(orderId).amount_refunded, 1000);
      const second = await refund(orderId, `${orderId}-second`, 500);
      assert.equal(second.status, 201, await second.clone().text());
      await until(
        'a second partial refund',
        () => orderRow(orderId).amount_refunded === 1500
      );
      assert.equal(orderRow(orderId).status, 'partially_refunded');
      // The same key again is the same refund, not a third.
      const replay = await refund(orderId, `${orderId}-part`, 1000);
      assert.equal(replay.status, 200);
      assert.equal(emulator.transaction(transactionId)!.refundIds.length, 2);
      assert.equal(orderRow(orderId).amount_refunded, 1500);

      const rest = await refund(orderId, `${orderId}-rest`);
      assert.equal(rest.status, 201, await rest.clone().text());
      await until('refunded', () => orderRow(orderId).status === 'refunded');
      assert.equal(orderRow(orderId).amount_refunded, orderRow(orderId).total);
      const sale = emulator.transaction(transactionId)!;
      assert.equal(sale.refundIds.length, 3);
      for (const id of sale.refundIds)
        assert.equal(emulator.transaction(id)?.type, 'credit');
    });

    it('applies a settlement notification delivered twice exactly once', async () => {
      const {orderId, transactionId} = await pay();
      const before = emulator.deliveries().length;
      emulator.faults.duplicateNextEvents(1);
      emulator.settle(transactionId);
      await emulator.flush();
      const settled = emulator
        .deliveries()
        .slice(before)
        .filter((attempt) => attempt.kind === 'transaction_settled');
      assert.ok(settled.length >= 2, `${settled.length} deliveries`);
      assert.ok(
        settled.every((attempt) => attempt.ok),
        JSON.stringify(settled)
      );
      await until('transaction_settled in the ledger', () =>
        ledger(orderId).includes('transaction_settled')
      );
      assert.equal(
        ledger(orderId).filter((type) => type === 'transaction_settled').length,
        1,
        ledger(orderId).join(', ')
      );
      assert.equal(orderRow(orderId).status, 'paid');
      // One confirmation email, not one per delivery.
      const emails = await emailsAbout(shop.url, orderId);
      assert.equal(
        emails.length,
        1,
        emails.map((email) => email.subject).join(' | ')
      );
    });

    it('refuses a notification signed with another key, and applies it once sent signed right', async () => {
      const {orderId, transactionId} = await pay();
      const before = emulator.deliveries().length;
      emulator.faults.badSignatureNextEvents(1);
      emulator.settle(transactionId);
      await emulator.flush();
      const forged = emulator
        .deliveries()
        .slice(before)
        .filter((attempt) => attempt.kind === 'transaction_settled');
      // Every attempt of the forged notification is refused, and none is applied.
      assert.ok(forged.length >= 1);
      assert.ok(
        forged.every((attempt) => !attempt.ok && attempt.status !== null),
        JSON.stringify(forged.map(({status, ok}) => ({status, ok})))
      );
      assert.equal(ledger(orderId).includes('transaction_settled'), false);

      // The same notification sent again, signed with the merchant's key.
      const notification = emulator
        .notifications('transaction_settled')
        .find((n) => n.subjectId === transactionId)!;
      const resent = await fetch(
        `${emulator.url}/_emulator/notifications/${notification.id}/resend`,
        {
          method: 'POST',
          headers: {
            authorization: `Basic ${btoa(`${emulator.publicKey}:${emulator.privateKey}`)}`,
          },
        }
      );
      assert.equal(resent.status, 202);
      await emulator.flush();
      await until('transaction_settled in the ledger', () =>
        ledger(orderId).includes('transaction_settled')
      );
      assert.equal(
        ledger(orderId).filter((type) => type === 'transaction_settled').length,
        1
      );
    });
  }
);
