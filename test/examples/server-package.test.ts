/**
 * The packages as a site owner meets them: the three tarballs from `npm run pack` installed
 * into an empty folder, `pay-checkout-server --catalog ./catalog.json` run from there with
 * a catalog of the owner's own, and a purchase on the shop it serves, in Chromium. Nothing of
 * the repository is used but the tarballs.
 */
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {promisify} from 'node:util';
import type {Browser} from 'playwright-core';
import {expectText} from '../e2e/page.js';
import {launchChromium, type Shop, startShop} from '../e2e/shop.js';

const PACKAGES = resolve('dist/packages');
const CARD_FRAME = 'iframe[title="Secure payment input frame"]';

const CATALOG = {
  defaultCurrency: 'usd',
  products: [
    {
      sku: 'lamp-brass',
      name: 'Brass desk lamp',
      description: 'Not in the demo catalog.',
      maxQuantity: 3,
      prices: {usd: 8900, eur: 8200},
    },
  ],
};

describe('@pay-checkout/server installed from its tarball', () => {
  let folder: string;
  let shop: Shop;
  let browser: Browser;

  before(
    async () => {
      folder = mkdtempSync(join(tmpdir(), 'pay-checkout-site-'));
      writeFileSync(
        join(folder, 'package.json'),
        '{"name": "a-shop", "private": true}\n'
      );
      writeFileSync(join(folder, 'catalog.json'), JSON.stringify(CATALOG));
      const tarballs = readdirSync(PACKAGES)
        .filter((name) => name.endsWith('.tgz'))
        .map((name) => join(PACKAGES, name));
      assert.equal(tarballs.length, 3, 'npm run pack wrote three tarballs');
      // npm compiles better-sqlite3 from source here: minutes on a busy 2-core machine.
      [browser] = await Promise.all([
        launchChromium(),
        promisify(execFile)(
          'npm',
          ['install', '--no-audit', '--no-fund', '--silent', ...tarballs],
          {cwd: folder}
        ),
      ]);
      shop = await startShop(
        {},
        {
          // What `npx pay-checkout-server` runs, without npx's own process in between (it
          // would outlive a SIGTERM to npx and keep this test's pipes open).
          command: {
            file: join(folder, 'node_modules/.bin/pay-checkout-server'),
            args: ['--catalog', './catalog.json'],
            cwd: folder,
          },
        }
      );
    },
    {timeout: 600_000}
  );

  after(async () => {
    await browser?.close();
    await shop?.stop();
    if (folder) rmSync(folder, {recursive: true, force: true});
  });

  it('serves the shop for its catalog, and a buyer pays with 4242 4242 4242 4242', async () => {
    assert.match(shop.output(), /Stripe emulator runs at/);
    // The viewport of the other purchase tests: in a 720 px one, a click right after the
    // scroll to Pay is lost to a layout shift (see NOTES.md).
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    await page.goto(`${shop.url}/`);
    await page
      .getByRole('button', {name: 'Add to cart: Brass desk lamp'})
      .click();
    await expectText(page, 'pay-checkout [part~="total"]', '$89.00');
    await page
      .locator('pay-checkout')
      .getByLabel('Email')
      .fill('a@example.com');
    const frame = page.frameLocator(CARD_FRAME);
    await frame.locator('[name=number]').fill('4242424242424242');
    await frame.locator('[name=expiry]').fill('12 / 34');
    await frame.locator('[name=cvc]').fill('123');
    await frame.locator('[name=postalCode]').fill('94110');
    const success = page.evaluate(
      () =>
        new Promise<{orderId: string; total: number}>((resolve) =>
          document
            .querySelector('pay-checkout')!
            .addEventListener(
              'pay-success',
              (event) => resolve((event as CustomEvent).detail),
              {once: true}
            )
        )
    );
    await page
      .locator('pay-checkout')
      .getByRole('button', {name: /^Pay/})
      .click();
    let timer: NodeJS.Timeout | undefined;
    const detail = await Promise.race([
      success,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('no pay-success in 30 s')),
          30_000
        );
      }),
    ]).finally(() => clearTimeout(timer));
    assert.equal(detail.total, 8900);
    const [row] = shop.query<{status: string; total: number}>(
      'SELECT status, total FROM orders WHERE id = ?',
      detail.orderId
    );
    assert.deepEqual({...row}, {status: 'paid', total: 8900});
    await page.close();
  });
});
