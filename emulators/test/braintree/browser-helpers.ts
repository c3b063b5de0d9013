/**
 * What the Drop-in fake's browser suites share: the Braintree emulator on loopback, a client
 * token from it through the official `braintree` SDK (as the companion server gets one), a shop
 * page on another origin that loads the fake from the emulator, headless Chromium on it, and the
 * harness calls the tests make.
 */
import assert from 'node:assert/strict';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, beforeEach} from 'node:test';
import braintree from 'braintree';
import type {Browser, FrameLocator, Page} from 'playwright-core';
import {startBraintreeEmulator} from '../../braintree/index.js';
import {axeViolations, launchChromium} from '../chromium.js';

export type Emulator = Awaited<ReturnType<typeof startBraintreeEmulator>>;

export const CARD_FRAME = 'iframe[name^="braintree-hosted-field"]';
export const CHALLENGE_FRAME = '.braintree-three-d-secure iframe';

/** The shop page: Drop-in's script from the emulator, a container, and a harness. */
function shopPage(emulatorUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shop</title>
<style>body { margin: 0; padding: 16px; font: 16px system-ui; } main { max-width: 32rem; }</style>
<script src="${emulatorUrl}/web/dropin/fake/dropin.js"></script>
</head>
<body>
<main>
  <h1>Checkout</h1>
  <button type="button" id="before">Edit cart</button>
  <div id="dropin"></div>
  <button type="button" id="pay">Pay</button>
</main>
<script>
  window.harness = {
    events: [],
    async create(options) {
      const dropin = await braintree.dropin.create({container: '#dropin', ...options});
      for (const type of ['paymentMethodRequestable', 'noPaymentMethodRequestable',
        'card:focus', 'card:blur', 'card:empty', 'card:notEmpty', 'card:validityChange',
        'card:cardTypeChange', '3ds:authentication-modal-render', '3ds:authentication-modal-close',
        '3ds:customer-canceled', 'paymentOptionSelected']) {
        dropin.on(type, (payload) => harness.events.push({type, payload}));
      }
      harness.dropin = dropin;
      return true;
    },
    async request(options) {
      try {
        return {payload: await harness.dropin.requestPaymentMethod(options)};
      } catch (error) {
        return {error: {name: error.name, message: error.message,
          code: error._braintreeWebError && error._braintreeWebError.code}};
      }
    },
  };
</script>
</body>
</html>`;
}

export let emulator: Emulator;
export let gateway: braintree.BraintreeGateway;
export let shopUrl: string;
export let browser: Browser;
export let page: Page;
let shop: Server;

/** Starts the emulator, the shop and Chromium for the suite; a fresh page for each test. */
export function useShopPage(viewport = {width: 720, height: 900}): void {
  before(async () => {
    emulator = await startBraintreeEmulator({port: 0});
    const url = new URL(emulator.url);
    gateway = new braintree.BraintreeGateway({
      environment: new braintree.Environment(
        url.hostname,
        url.port as never,
        '',
        false,
        '' as never,
        '' as never
      ),
      merchantId: emulator.merchantId,
      publicKey: emulator.publicKey,
      privateKey: emulator.privateKey,
    });
    const html = shopPage(emulator.url);
    shop = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(html);
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    // Another origin than the emulator's (localhost, not 127.0.0.1): the card frame is cross-origin.
    shopUrl = `http://localhost:${(shop.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => shop?.close(resolve));
    await emulator?.close();
  });
  beforeEach(async () => {
    await page?.close();
    page = await browser.newPage({viewport});
    page.on('pageerror', (error) =>
      console.error('page error:', error.message)
    );
    await page.goto(shopUrl);
  });
}

/** A client token for the currency's merchant account, as the companion server gets one. */
export async function clientToken(currency = 'USD'): Promise<string> {
  const merchantAccountId = emulator.merchantAccounts[currency];
  const result = await gateway.clientToken.generate(
    merchantAccountId ? {merchantAccountId} : {}
  );
  assert.ok(result.success, 'the emulator made a client token');
  return result.clientToken;
}

/** `braintree.dropin.create` on the shop page with a fresh token; resolves once it is shown. */
export async function create(
  options: Record<string, unknown> = {}
): Promise<void> {
  const authorization = await clientToken();
  await page.evaluate(
    (options) =>
      (
        window as never as {harness: {create(o: object): Promise<boolean>}}
      ).harness.create(options),
    {authorization, ...options}
  );
  await card().locator('#number').waitFor();
}

export interface RequestResult {
  payload?: Record<string, unknown> & {nonce: string};
  error?: {name: string; message: string; code?: string};
}

/** Starts `requestPaymentMethod(options)`; await the promise for its result. */
export function request(options?: object): Promise<RequestResult> {
  return page.evaluate(
    (options) =>
      (
        window as never as {
          harness: {request(o?: object): Promise<RequestResult>};
        }
      ).harness.request(options),
    options
  );
}

export const card = (): FrameLocator => page.frameLocator(CARD_FRAME);
export const challenge = (): FrameLocator => page.frameLocator(CHALLENGE_FRAME);

/** Types a card into the frame's four fields. */
export async function fill(
  number: string,
  expiry = '12/30',
  cvv = '123',
  postalCode = '12345'
): Promise<void> {
  const frame = card();
  await frame.locator('#number').fill(number);
  await frame
    .locator('#expirationDate')
    .pressSequentially(expiry.replace('/', ''));
  await frame.locator('#cvv').fill(cvv);
  await frame.locator('#postalCode').fill(postalCode);
}

export const events = () =>
  page.evaluate(
    () =>
      (
        window as never as {
          harness: {events: {type: string; payload: unknown}[]};
        }
      ).harness.events
  );

export const audit = () => axeViolations(page);

/** A sale of the nonce through the SDK, as the companion server makes it. */
export function sale(nonce: string, amount = '10.00') {
  return gateway.transaction.sale({
    amount,
    paymentMethodNonce: nonce,
    options: {submitForSettlement: true},
  });
}
