/**
 * Square's webhooks delivered twice, end to end: this test runs the Square emulator itself (so
 * it can arm its faults), and the shop talks to it as it would to Square, through the SQUARE_
 * variables (a sandbox application, the emulator as SQUARE_API_BASE, its signature key and the
 * notification URL it signs). The buyer pays on the demo in Chromium; every event reaches the
 * shop twice at once, and the order ends paid once, with one ledger entry per event and one
 * confirmation email (/dev/mail). Run `npm run build` first.
 *
 * Configured like this the shop sends the browser to Square's CDN for square.js; the test hands
 * the element the emulator's copy instead (its `/api/config` answer, rewritten in the browser),
 * and lets the page load it from loopback (`bypassCSP`: the page's policy names Square's CDN).
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {
  type RunningSquareEmulator,
  startSquareEmulator,
} from '../../emulators/square/index.js';
import type {ConfigResponse} from '../../widget/contract.js';
import {
  addToCart,
  clickPay,
  fillEmail,
  openDemoShop,
  waitForEvent,
} from './buyer.js';
import {emailsAbout, outbox} from './mail.js';
import {freePorts} from './ports.js';
import {
  launchChromium,
  productsOnlyCatalog,
  type Shop,
  startShop,
} from './shop.js';
import {chooseSquare, eventually, fillSquareCard} from './square-buyer.js';

describe('Square webhooks delivered twice', {timeout: 180_000}, () => {
  let emulator: RunningSquareEmulator;
  let shop: Shop;
  let browser: Browser;

  before(async () => {
    // The shop's port is known first: the notification URL Square signs is on it (and the
    // Stripe and PayPal emulators of development mode take the next two).
    const port = await freePorts(5);
    const webhookUrl = `http://127.0.0.1:${port}/api/webhooks/square`;
    emulator = await startSquareEmulator({
      webhookUrl,
      retryDelaysMs: [100, 200, 400, 800],
    });
    [shop, browser] = await Promise.all([
      startShop({
        PORT: String(port),
        CATALOG: productsOnlyCatalog(),
        SQUARE_ACCESS_TOKEN: emulator.accessToken,
        SQUARE_APPLICATION_ID: emulator.applicationId,
        SQUARE_LOCATION_IDS: Object.entries(emulator.locations)
          .map(([currency, location]) => `${currency}:${location}`)
          .join(','),
        SQUARE_WEBHOOK_SIGNATURE_KEY: emulator.signatureKey,
        SQUARE_WEBHOOK_URL: webhookUrl,
        SQUARE_ENVIRONMENT: 'sandbox',
        SQUARE_API_BASE: emulator.url,
      }),
      launchChromium(),
    ]);
  });

  after(async () => {
    await browser?.close();
    await shop?.stop();
    await emulator?.close();
  });

  /** The demo in a context that may load the emulator's square.js, handed to the element. */
  async function openShop(): Promise<Page> {
    const contextual = {
      newPage: async (options: Parameters<Browser['newPage']>[0]) =>
        (await browser.newContext({...options, bypassCSP: true})).newPage(),
    } as unknown as Browser;
    const page = await openDemoShop(contextual, shop);
    await page.route(
      (url) => url.pathname === '/api/config',
      async (route) => {
        const response = await route.fetch();
        const config = (await response.json()) as ConfigResponse;
        assert.ok(config.providers.square, 'the shop offers Square');
        assert.equal(config.providers.square.sdkUrl, undefined);
        config.providers.square.sdkUrl = `${emulator.url}/v1/square.js`;
        await route.fulfill({response, json: config});
      }
    );
    await page.reload();
    return page;
  }

  it('leaves the order paid once, with one ledger entry per event and one email', async () => {
    assert.doesNotMatch(
      shop.output(),
      /offline Square emulator/,
      'the shop uses the configured Square, not an emulator of its own'
    );
    const page = await openShop();
    await addToCart(page, 'Enamel camp mug');
    await fillEmail(page, 'twice@example.com');
    await chooseSquare(page);
    await fillSquareCard(page);
    emulator.faults.duplicateNextEvents(20);
    await clickPay(page);
    const {detail} = await waitForEvent(page, 'pay-success');
    const orderId = detail.orderId as string;
    await page.close();

    // Every event of the payment was delivered at least twice, and answered 2xx each time
    // (up to 30 s: under load, a busy CI machine, the deliveries take their time).
    await eventually(
      'the deliveries are done',
      () => {
        const events = emulator.events
          .list()
          .filter((event) => JSON.stringify(event).includes(orderId));
        return (
          events.length > 0 &&
          events.every((event) => {
            const attempts = emulator.events.deliveries(event.event_id);
            return (
              attempts.length >= 2 &&
              attempts.every((a) => a.status !== null && a.status < 300)
            );
          })
        );
      },
      30_000
    );
    const eventIds = emulator.events
      .list()
      .filter((event) => JSON.stringify(event).includes(orderId))
      .map((event) => event.event_id);

    const rows = shop.query<{status: string; provider: string}>(
      'SELECT status, provider FROM orders WHERE id = ?',
      orderId
    );
    assert.deepEqual(rows, [{status: 'paid', provider: 'square'}]);
    const ledger = shop.query<{event_id: string}>(
      'SELECT event_id FROM processed_events WHERE order_id = ?',
      orderId
    );
    const recorded = ledger.map((row) => row.event_id);
    assert.ok(recorded.length >= 1, 'the webhooks reached the ledger');
    for (const id of recorded)
      assert.ok(eventIds.includes(id), `${id} is one of Square's events`);

    // Give a late duplicate time to make a second email, then count.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const emails = await emailsAbout(shop.url, orderId);
    assert.equal(emails.length, 1, 'one confirmation');
    assert.equal(emails[0]!.to, 'twice@example.com');
    assert.ok((await outbox(shop.url)).length >= 1);
  });
});
