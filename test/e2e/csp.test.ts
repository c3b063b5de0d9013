/**
 * A merchant's checkout page under a strict Content Security Policy: exactly the one
 * `pay-checkout-server csp` prints for this configuration (development: the companion server
 * and the emulators on PORT+1 … PORT+4), with a fresh nonce in every answer, handed to
 * `<pay-checkout nonce>`. The page is on its own origin, as a merchant's would be. A buyer pays
 * with Stripe and then with PayPal; every `securitypolicyviolation` in every document (the
 * page, the provider frames, PayPal's window) is recorded, and there must be none.
 */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, describe, it} from 'node:test';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {expectText} from './page.js';
import {freePorts} from './ports.js';
import {
  launchChromium,
  productsOnlyCatalog,
  type Shop,
  startShop,
} from './shop.js';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  document: string;
}

const CARD_FRAME = 'iframe[title="Secure payment input frame"]';

describe('a checkout page under the policy `pay-checkout-server csp` prints', () => {
  let shop: Shop;
  let browser: Browser;
  let site: Server;
  let siteUrl: string;
  let policy: string;
  /** The shop's port; the emulators are on the next three. */
  let port: number;
  /** Whether the page hands the element its nonce (the second test takes it away). */
  let withNonce = true;

  before(async () => {
    site = createServer((req, res) => {
      const nonce = randomBytes(16).toString('base64');
      res.setHeader(
        'content-security-policy',
        policy.replaceAll('{NONCE}', nonce)
      );
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout</title>
<link rel="icon" href="data:,">
<script type="module" src="${shop.url}/pay-checkout.js"></script></head>
<body><main><h1>Checkout</h1>
<pay-checkout provider="stripe paypal"${withNonce ? ` nonce="${nonce}"` : ''}><pay-item sku="mug-enamel" quantity="2"></pay-item></pay-checkout>
</main></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;

    // Development on a known port: the emulators then listen on the next three.
    port = await freePorts(5);
    const env = {
      PORT: String(port),
      ALLOWED_ORIGINS: siteUrl,
      // The demo's products without its rules: the page's mug ships nowhere.
      CATALOG: productsOnlyCatalog(),
    };
    policy = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'server/bin.ts', 'csp'],
      {
        env: {...process.env, ...env},
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }
    ).trim();
    [shop, browser] = await Promise.all([startShop(env), launchChromium()]);
  });

  after(async () => {
    await browser?.close();
    await shop?.stop();
    await new Promise((resolve) => site?.close(resolve));
  });

  /** A context whose every document reports its CSP violations to `violations`. */
  async function openCheckout(): Promise<{
    context: BrowserContext;
    page: Page;
    violations: Violation[];
  }> {
    const context = await browser.newContext({
      viewport: {width: 1100, height: 900},
    });
    const violations: Violation[] = [];
    // Bindings and init scripts come through the DevTools protocol: the policy does not
    // apply to them, so the listener is there before anything on the page runs.
    await context.exposeBinding(
      'reportViolation',
      (source, violation: Omit<Violation, 'document'>) =>
        violations.push({...violation, document: source.frame.url()})
    );
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        (
          window as unknown as {reportViolation(v: unknown): void}
        ).reportViolation({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          source: event.sourceFile,
        })
      );
    });
    const page = await context.newPage();
    page.on('pageerror', (error) =>
      console.error('page error:', error.message)
    );
    await page.goto(siteUrl);
    await expectText(page, 'pay-checkout [part~="total"]', '$29.00');
    await page
      .locator('pay-checkout')
      .getByLabel('Email')
      .fill('buyer@example.com');
    return {context, page, violations};
  }

  const nextEvent = (page: Page, type: string) =>
    page.evaluate(
      (type) =>
        new Promise<{orderId: string; status: string}>((resolve) =>
          document
            .querySelector('pay-checkout')!
            .addEventListener(type, (e) => resolve((e as CustomEvent).detail), {
              once: true,
            })
        ),
      type
    );

  const status = (orderId: string) =>
    shop.query<{status: string; provider: string}>(
      'SELECT status, provider FROM orders WHERE id = ?',
      orderId
    )[0];

  it('is the policy the shop needs: buying with Stripe, then PayPal, raises no violation', async () => {
    assert.doesNotMatch(policy, /unsafe-/);
    const {context, page, violations} = await openCheckout();

    // Stripe: the Payment Element in the emulator's frame.
    await page.getByRole('radio', {name: 'Card'}).check();
    const card = page.frameLocator(CARD_FRAME);
    await card.locator('[name=number]').fill('4242424242424242');
    await card.locator('[name=expiry]').fill('12 / 34');
    await card.locator('[name=cvc]').fill('123');
    await card.locator('[name=postalCode]').fill('94110');
    const paidByCard = nextEvent(page, 'pay-success');
    await page
      .locator('pay-checkout')
      .getByRole('button', {name: /^Pay/})
      .click();
    const cardOrder = await paidByCard;
    assert.deepEqual(status(cardOrder.orderId), {
      status: 'paid',
      provider: 'stripe',
    });

    // PayPal: its SDK, its button frame and its approval window. After a payment the element
    // shows the result; a new page is a new checkout.
    await page.goto(siteUrl);
    await expectText(page, 'pay-checkout [part~="total"]', '$29.00');
    await page
      .locator('pay-checkout')
      .getByLabel('Email')
      .fill('buyer@example.com');
    await page.getByRole('radio', {name: 'PayPal'}).check();
    const button = page
      .frameLocator(
        'pay-checkout [slot="paypal-buttons"] iframe[title="PayPal"]'
      )
      .getByRole('button', {name: 'Pay with PayPal'});
    const popup = page.waitForEvent('popup');
    await button.click();
    const approval = await popup;
    const paidByPaypal = nextEvent(page, 'pay-success');
    await approval.getByRole('button', {name: 'Approve'}).click();
    const paypalOrder = await paidByPaypal;
    assert.deepEqual(status(paypalOrder.orderId), {
      status: 'paid',
      provider: 'paypal',
    });

    assert.deepEqual([...violations], [], 'no violation anywhere');

    // The listener hears what the policy blocks: an inline style without the nonce.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'main { outline: 1px solid red; }';
      document.head.append(style);
    });
    await page.waitForTimeout(200);
    assert.deepEqual(
      violations.map((v) => v.directive),
      ['style-src-elem'],
      'the policy is enforced, and a violation would have been seen'
    );
    await context.close();
  });

  it('needs the nonce: without it on the element, PayPal’s styles are refused (as with the real SDK)', async () => {
    withNonce = false;
    try {
      const {context, page, violations} = await openCheckout();
      await page.getByRole('radio', {name: 'PayPal'}).check();
      await page
        .frameLocator(
          'pay-checkout [slot="paypal-buttons"] iframe[title="PayPal"]'
        )
        .getByRole('button', {name: 'Pay with PayPal'})
        .waitFor();
      await page.waitForTimeout(200);
      const paypalSdk = `http://127.0.0.1:${port + 2}/sdk/js`;
      assert.ok(
        violations.some(
          (v) =>
            v.directive === 'style-src-elem' &&
            v.source.startsWith(paypalSdk) &&
            v.document.startsWith(siteUrl)
        ),
        JSON.stringify(violations)
      );
      await context.close();
    } finally {
      withNonce = true;
    }
  });
});
