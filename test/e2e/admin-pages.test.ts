/**
 * The admin area in Chromium, the way a merchant uses it: an order bought on the demo shop
 * through the emulated Stripe, its confirmation email failing (the SMTP server refuses it),
 * then at /admin: sign in with ADMIN_TOKEN, find the order by the buyer's email, open it,
 * "Retry now" once SMTP is back (the email goes out), export the month as CSV. axe finds
 * nothing on any page, in light and in dark; no page breaks its CSP. Screenshots at 1280 and
 * 320 px, light and dark, go to test-results/admin/ for a person to look at.
 *
 *   node --import tsx --test test/e2e/admin-pages.test.ts
 */
import assert from 'node:assert/strict';
import {mkdirSync, readFileSync} from 'node:fs';
import type {AddressInfo} from 'node:net';
import {after, before, describe, it} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {SMTPServer} from 'smtp-server';
import {addToCart, fillEmail, openDemoShop, payWithCard} from './buyer.js';
import {axeViolations} from './page.js';
import {
  launchChromium,
  productsOnlyCatalog,
  type Shop,
  startShop,
} from './shop.js';

const TOKEN = 'e2e-admin-token-0123456789-abcdefghijkl';
const SHOTS = 'test-results/admin';

/** An SMTP server that refuses every message while `refusing`, and keeps what it took. */
async function flakySmtp() {
  const state = {refusing: true, received: [] as string[]};
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (state.refusing) {
        const error = new Error('Mailbox unavailable, try later') as Error & {
          responseCode: number;
        };
        error.responseCode = 451;
        callback(error);
        return;
      }
      state.received.push(address.address);
      callback();
    },
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.server.address() as AddressInfo;
  return {
    state,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface EmailJob {
  id: string;
  attempts: number;
  done_at: string | null;
}

describe('the admin area', {timeout: 180_000}, () => {
  let shop: Shop;
  let browser: Browser;
  let smtp: Awaited<ReturnType<typeof flakySmtp>>;
  before(async () => {
    smtp = await flakySmtp();
    [shop, browser] = await Promise.all([
      startShop({
        CATALOG: productsOnlyCatalog(),
        ADMIN_TOKEN: TOKEN,
        SMTP_URL: smtp.url,
      }),
      launchChromium(),
    ]);
  });
  after(async () => {
    await browser?.close();
    await shop?.stop();
    await smtp?.close();
  });

  /** The page's CSP violations, as the browser reports them. */
  async function adminPage(
    width: number
  ): Promise<{page: Page; violations: string[]}> {
    const page = await browser.newPage({viewport: {width, height: 900}});
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text()))
        violations.push(message.text());
    });
    return {page, violations};
  }

  /** axe in light and dark, and the screenshots at this width. */
  async function audit(page: Page, name: string) {
    mkdirSync(SHOTS, {recursive: true});
    const width = page.viewportSize()!.width;
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({colorScheme: scheme});
      assert.deepEqual(
        await axeViolations(page),
        [],
        `${name} (${scheme}, ${width} px)`
      );
      await page.screenshot({
        path: `${SHOTS}/${name}-${width}-${scheme}.png`,
        fullPage: true,
      });
    }
    await page.emulateMedia({colorScheme: 'light'});
  }

  const emailJob = (orderId: string) =>
    shop.query<EmailJob>(
      "SELECT id, attempts, done_at FROM outbox WHERE order_id = ? AND channel = 'email'",
      orderId
    )[0];

  async function waitFor<T>(
    what: string,
    read: () => T | undefined,
    ms = 60_000
  ): Promise<T> {
    const until = Date.now() + ms;
    for (;;) {
      const value = read();
      if (value) return value;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  it('sign in, find an order bought through the emulators, retry its failed email, export the month', async () => {
    const buyer = await openDemoShop(browser, shop, {currency: 'usd'});
    await addToCart(buyer, 'Black tee, size M');
    await fillEmail(buyer, 'merchant-e2e@example.com');
    const {orderId} = await payWithCard(buyer);
    await buyer.close();
    // The email fails once, then again at its first retry (5 s later): the next retry is 30 s
    // away, so what delivers it below is the button.
    await waitFor('two failed attempts', () => {
      const job = emailJob(orderId);
      return job && job.attempts >= 2 ? job : undefined;
    });

    for (const width of [1280, 320]) {
      const {page, violations} = await adminPage(width);
      await page.goto(`${shop.url}/admin`);
      await page.waitForURL(/\/admin\/login$/);
      await audit(page, 'login');
      await page.getByLabel('Admin token').fill(`${TOKEN}-wrong`);
      await page.getByRole('button', {name: 'Sign in'}).click();
      await page
        .getByRole('alert')
        .filter({hasText: 'not the admin token'})
        .waitFor();
      await page.getByLabel('Admin token').fill(TOKEN);
      await page.getByRole('button', {name: 'Sign in'}).click();
      await page.waitForURL(/\/admin\/orders$/);
      await audit(page, 'orders');
      if (width === 1280) {
        // The failed email is on the outbox page, with its buttons.
        await page.getByRole('link', {name: 'Outbox'}).click();
        await page
          .getByRole('button', {
            name: `Retry now: Buyer email: order.paid, ${orderId}`,
          })
          .waitFor();
        assert.match(
          await page.locator('main').innerText(),
          /Mailbox unavailable/
        );
        await audit(page, 'outbox-failed');
        await page.getByRole('link', {name: 'Orders'}).click();
      }

      await page
        .getByLabel('Order id, email or payment id')
        .fill('merchant-e2e@');
      await page.getByRole('button', {name: 'Search'}).click();
      await page.getByRole('link', {name: orderId}).click();
      await page.waitForURL(new RegExp(`/admin/orders/${orderId}$`));
      await page.getByRole('heading', {name: `Order ${orderId}`}).waitFor();
      const detail = await page.locator('main').innerText();
      assert.match(detail, /Black tee, size M/);
      assert.match(detail, /payment_intent\.succeeded/);
      assert.match(
        detail,
        width === 1280
          ? /failed, will retry\s+\d+\s.*Mailbox unavailable/
          : /Buyer email: order\.paid\s+sent/
      );
      const dashboard = await page
        .getByRole('link', {name: /stripe dashboard/})
        .getAttribute('href');
      assert.match(
        dashboard ?? '',
        /^https:\/\/dashboard\.stripe\.com\/test\/payments\/pi_/
      );
      await audit(page, 'order');

      if (width === 1280) {
        smtp.state.refusing = false;
        await page
          .getByRole('button', {name: /^Retry now: Buyer email/})
          .click();
        await page
          .getByRole('status')
          .filter({hasText: 'Tried again: delivered.'})
          .waitFor();
        assert.deepEqual(smtp.state.received, ['merchant-e2e@example.com']);
        assert.ok(emailJob(orderId)?.done_at, 'the job is done');
        assert.match(
          await page.locator('main').innerText(),
          /Buyer email: order\.paid\s+sent/
        );
        await audit(page, 'order-retried');
      }

      await page.getByRole('link', {name: 'Outbox'}).click();
      await page.getByRole('heading', {name: 'Outbox'}).waitFor();
      await audit(page, 'outbox');

      await page.getByRole('link', {name: 'Export'}).click();
      await page.getByRole('heading', {name: 'Export orders'}).waitFor();
      await audit(page, 'export');
      const today = new Date().toISOString().slice(0, 10);
      await page
        .getByLabel('From', {exact: true})
        .fill(`${today.slice(0, 8)}01`);
      await page.getByLabel('To', {exact: true}).fill(today);
      const download = page.waitForEvent('download');
      await page.getByRole('button', {name: 'Download CSV'}).click();
      const file = await (await download).path();
      const csv = readFileSync(file, 'utf8');
      assert.match(csv, /^id,created_at,paid_at,status,provider,/);
      assert.ok(csv.includes(`${orderId},`), 'the order is in the export');
      assert.ok(csv.includes(',merchant-e2e@example.com,USD,'));

      await page.getByRole('button', {name: 'Sign out'}).click();
      await page.waitForURL(/\/admin\/login$/);
      assert.deepEqual(violations, [], 'no CSP violation');
      await page.close();
    }

    const actions = shop
      .query<{action: string}>('SELECT action FROM audit_log ORDER BY at')
      .map((row) => row.action);
    for (const action of ['login_failed', 'login', 'retry', 'export', 'logout'])
      assert.ok(actions.includes(action), action);
  });
});
