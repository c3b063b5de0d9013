/**
 * Refunds end to end: a buyer pays on the demo shop in Chromium (Stripe's Payment Element, then
 * PayPal's window, both the emulators the shop runs), and the merchant refunds through
 * `POST /api/admin/orders/:id/refunds` with ADMIN_TOKEN: part, then the rest, an over-refund
 * refused, a double request giving one refund. The order follows the provider (its webhooks are
 * in the ledger), and the buyer gets one email per refund. Run `npm run build` first.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {
  addToCart,
  clickPaypal,
  fillEmail,
  nextCreate,
  openDemoShop,
  payWithCard,
  waitForEvent,
} from './buyer.js';
import {emailsAbout} from './mail.js';
import {productsOnlyCatalog, shopAndBrowserPerSuite} from './shop.js';

const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdefghijklmnop';

interface OrderRow {
  status: string;
  total: number;
  amount_refunded: number;
}

describe('refunds on the demo shop', {timeout: 240_000}, () => {
  const suite = shopAndBrowserPerSuite({
    CATALOG: productsOnlyCatalog(),
    ADMIN_TOKEN,
  });

  const orderRow = (id: string) =>
    suite.shop.query<OrderRow>(
      'SELECT status, total, amount_refunded FROM orders WHERE id = ?',
      id
    )[0]!;

  const ledger = (id: string) =>
    suite.shop
      .query<{type: string}>(
        'SELECT type FROM processed_events WHERE order_id = ? ORDER BY processed_at',
        id
      )
      .map((row) => row.type);

  function refund(orderId: string, key: string, amount?: number) {
    return fetch(`${suite.shop.url}/api/admin/orders/${orderId}/refunds`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        'idempotency-key': key,
        'content-type': 'application/json',
      },
      body: JSON.stringify(amount === undefined ? {} : {amount}),
    });
  }

  /** Waits (up to 15 s) until the order's row satisfies `ok`. */
  async function until(id: string, ok: (row: OrderRow) => boolean) {
    const deadline = Date.now() + 15_000;
    while (!ok(orderRow(id))) {
      if (Date.now() > deadline)
        assert.fail(`order ${id} is still ${JSON.stringify(orderRow(id))}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Waits until the buyer's emails about the order are `count`, and answers their subjects. */
  async function subjects(orderId: string, count: number) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const emails = await emailsAbout(suite.shop.url, orderId);
      if (emails.length >= count || Date.now() > deadline)
        return emails.map((email) => email.subject).sort();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** The merchant's refunds of a paid order, and what the shop and the buyer see after each. */
  async function refundInTwo(orderId: string, refundedType: string) {
    const {total} = orderRow(orderId);
    const part = 1000;
    // An Idempotency-Key names one refund of one order: each order's keys are its own.

    // A double click: the same request twice at once is one refund.
    const [first, second] = await Promise.all([
      refund(orderId, `${orderId}-double-click`, part),
      refund(orderId, `${orderId}-double-click`, part),
    ]);
    // One made it (201); the other is its answer again (200, once the first is done) or was
    // told to wait (409, while the first was still with the provider).
    const statuses = [first.status, second.status];
    const other = statuses[0] === 201 ? statuses[1]! : statuses[0]!;
    assert.ok(
      statuses.includes(201) && [200, 409].includes(other),
      `one refund made, the other answered or told to wait: ${statuses}`
    );
    const made = (first.status === 201 ? first : second).clone();
    const {refund: one} = (await made.json()) as {
      refund: {id: string; amount: number; status: string};
    };
    assert.equal(one.amount, part);
    const replay = await refund(orderId, `${orderId}-double-click`, part);
    assert.equal(replay.status, 200);
    assert.equal(
      ((await replay.json()) as {refund: {id: string}}).refund.id,
      one.id
    );
    await until(orderId, (row) => row.status === 'partially_refunded');
    assert.equal(orderRow(orderId).amount_refunded, part);

    const tooMuch = await refund(orderId, `${orderId}-too-much`, total);
    assert.equal(tooMuch.status, 422);
    assert.equal(
      ((await tooMuch.json()) as {error: {code: string}}).error.code,
      'refund_amount_too_large'
    );

    const rest = await refund(orderId, `${orderId}-the-rest`);
    assert.equal(rest.status, 201);
    assert.equal(
      ((await rest.json()) as {refund: {amount: number}}).refund.amount,
      total - part
    );
    await until(orderId, (row) => row.status === 'refunded');
    assert.equal(orderRow(orderId).amount_refunded, total);

    // The provider's own word arrived too: one webhook per refund, in the ledger.
    const deadline = Date.now() + 15_000;
    while (
      ledger(orderId).filter((type) => type === refundedType).length < 2 &&
      Date.now() < deadline
    )
      await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(
      ledger(orderId).filter((type) => type === refundedType).length,
      2,
      ledger(orderId).join(', ')
    );

    // The confirmation and one email per refund, each once.
    const sent = await subjects(orderId, 3);
    assert.equal(sent.length, 3, sent.join(' | '));
    assert.equal(
      sent.filter((subject) => subject.includes(`refund for order ${orderId}`))
        .length,
      2,
      sent.join(' | ')
    );
  }

  async function cart(provider: string): Promise<Page> {
    const page = await openDemoShop(suite.browser, suite.shop);
    await addToCart(page, 'Black tee, size M');
    await addToCart(page, 'Enamel camp mug');
    await page.evaluate(
      (value) =>
        document.querySelector('pay-checkout')!.setAttribute('provider', value),
      provider
    );
    await fillEmail(page, 'refunds@example.com');
    return page;
  }

  it('with Stripe: part, a double request, an over-refund refused, the rest', async () => {
    const page = await cart('stripe');
    const {orderId} = await payWithCard(page);
    await page.close();
    await until(orderId, (row) => row.status === 'paid');
    await refundInTwo(orderId, 'charge.refunded');
  });

  it('with PayPal: the capture refunded in part, then the rest', async () => {
    const page = await cart('paypal');
    const answer = await nextCreate<{orderId: string}>(
      page,
      '/api/paypal/orders'
    );
    const window = await clickPaypal(page);
    const {orderId} = await answer();
    await window.getByRole('button', {name: 'Approve'}).click();
    await waitForEvent(page, 'pay-success');
    await page.close();
    await until(orderId, (row) => row.status === 'paid');
    await refundInTwo(orderId, 'PAYMENT.CAPTURE.REFUNDED');
  });
});
