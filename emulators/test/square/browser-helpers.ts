/**
 * What the Web Payments SDK fake's suites share: the Square emulator, a shop page on another
 * site that loads square.js with `@square/web-sdk`'s `payments(appId, locationId, {scriptSrc})`
 * (as the element does), Chromium on it, and the harness calls the tests make.
 */
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, beforeEach} from 'node:test';
import {fileURLToPath} from 'node:url';
import type {Browser, Frame, FrameLocator, Page} from 'playwright-core';
import {axeViolations, launchChromium} from '../chromium.js';
import {
  startBrowserEmulator,
  type BrowserEmulator,
} from './browser-emulator.js';

export const CARD_FRAME = 'iframe.sq-card-component';

/** The shop page: the loader as a module, and a harness over Square's objects. */
function shopPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shop</title>
<style>body { font-family: sans-serif; margin: 20px; } #card-container { max-width: 480px; }</style>
</head>
<body>
<main>
  <h1>Checkout</h1>
  <button type="button" id="before">Edit cart</button>
  <div id="card-container"></div>
  <button type="button" id="pay">Pay</button>
  <p id="not-a-div-holder"><button type="button" id="not-a-div">x</button></p>
</main>
<script type="module">
  import {payments as load} from '/square-web-sdk.js';
  const summary = (error) => ({name: error.name, message: error.message, errors: error.errors});
  window.harness = {
    events: [],
    async start({appId, locationId, scriptSrc}) {
      try {
        harness.payments = await load(appId, locationId, {scriptSrc});
        return {ok: true, errors: Object.keys(window.Square.errors).sort()};
      } catch (error) {
        return {ok: false, ...summary(error)};
      }
    },
    async mount(options = {}, target = '#card-container') {
      try {
        if (options.locale) await harness.payments.setLocale(options.locale);
        const card = await harness.payments.card(options.card);
        harness.card = card;
        for (const type of ['focusClassAdded', 'focusClassRemoved', 'errorClassAdded', 'errorClassRemoved',
          'cardBrandChanged', 'postalCodeChanged', 'escape', 'submit']) {
          card.addEventListener(type, (event) => harness.events.push({type: event.type, detail: event.detail}));
        }
        await card.attach(target);
        return {ok: true};
      } catch (error) {
        return {ok: false, ...summary(error)};
      }
    },
    async call(method, ...args) {
      try {
        return {ok: true, value: await harness.card[method](...args)};
      } catch (error) {
        return {ok: false, ...summary(error)};
      }
    },
    async verify(token, details) {
      try {
        return {ok: true, value: await harness.payments.verifyBuyer(token, details)};
      } catch (error) {
        return {ok: false, ...summary(error), isVerifyBuyerError: error instanceof Square.errors.VerifyBuyerError};
      }
    },
    setLocale: (locale) => harness.payments.setLocale(locale),
  };
  document.getElementById('pay').addEventListener('click', async () => {
    harness.lastResult = await harness.card.tokenize();
  });
</script>
</body>
</html>`;
}

export let emulator: BrowserEmulator;
export let shopUrl: string;
export let browser: Browser;
export let page: Page;
let shop: Server;

export const APP_ID = 'sandbox-sq0idb-emulator-browser-tests';
export const LOCATION_ID = 'LEMULATORGB01';
export const USD_LOCATION_ID = 'LEMULATORUS01';

export interface Outcome<T = unknown> {
  ok: boolean;
  value?: T;
  name?: string;
  message?: string;
  errors?: unknown[];
  isVerifyBuyerError?: boolean;
}

type Harness = Record<string, (...args: unknown[]) => Promise<unknown>>;

function harness<T>(method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([name, rest]) =>
      (window as never as {harness: Harness}).harness[name as string]!(
        ...(rest as unknown[])
      ),
    [method, args] as const
  ) as Promise<T>;
}

export function start(
  options: {appId?: string; locationId?: string} = {}
): Promise<Outcome & {errors?: string[]}> {
  return harness('start', {
    appId: options.appId ?? APP_ID,
    locationId: options.locationId ?? LOCATION_ID,
    scriptSrc: `${emulator.url}/v1/square.js`,
  });
}

/** Starts the SDK and attaches a card; fails the test if either is refused. */
export async function mount(
  options: {card?: object; locale?: string} = {},
  target?: string
): Promise<Outcome> {
  assert.equal((await start()).ok, true);
  return harness('mount', options, target);
}

export function call<T = unknown>(
  method: string,
  ...args: unknown[]
): Promise<Outcome<T>> {
  return harness('call', method, ...args);
}

export function verify<T = unknown>(
  token: string,
  details: object
): Promise<Outcome<T>> {
  return harness('verify', token, details);
}

export function setLocale(
  locale: string
): Promise<{previousLocale: string; newLocale: string}> {
  return harness('setLocale', locale);
}

export const card = (): FrameLocator => page.frameLocator(CARD_FRAME);

export function cardFrame(): Frame {
  const frame = page
    .frames()
    .find((f) =>
      f.url().startsWith(`${emulator.url}/web-sdk/v1/card-frame.html`)
    );
  assert.ok(frame, 'the card frame is loaded');
  return frame;
}

/** Types a card as a buyer does, field by field. */
export async function fill(
  number: string,
  expiry = '12/34',
  cvv = '123',
  postal = 'SW1A 2AA'
) {
  await card().locator('#cardNumber').fill(number);
  await card().locator('#expirationDate').fill(expiry);
  await card().locator('#cvv').fill(cvv);
  await card().locator('#postalCode').fill(postal);
}

export function events(
  type: string
): Promise<Array<{type: string; detail: Record<string, unknown>}>> {
  return page.evaluate(
    (wanted) =>
      (
        window as never as {harness: {events: Array<{type: string}>}}
      ).harness.events.filter((event) => event.type === wanted),
    type
  ) as never;
}

export const audit = () => axeViolations(page);

/**
 * Charges a token from the card form through the Payments API, as the shop's server does:
 * the payment's status, or the error code Square answers with.
 */
export async function charge(
  sourceId: string,
  extra: {verificationToken?: string; currency?: string} = {}
): Promise<{status?: string; code?: string}> {
  const currency = extra.currency ?? 'GBP';
  try {
    const {payment} = await emulator.client.payments.create({
      sourceId,
      idempotencyKey: crypto.randomUUID(),
      amountMoney: {amount: 1250n, currency: currency as 'GBP'},
      locationId: currency === 'GBP' ? LOCATION_ID : USD_LOCATION_ID,
      autocomplete: true,
      ...(extra.verificationToken && {
        verificationToken: extra.verificationToken,
      }),
    });
    return {status: payment?.status};
  } catch (error) {
    const errors = (error as {errors?: Array<{code?: string}>}).errors;
    return {code: errors?.[0]?.code ?? String(error)};
  }
}

export const GB_BUYER = {
  givenName: 'Ada',
  familyName: 'Lovelace',
  email: 'ada@example.com',
  addressLines: ['10 Downing Street'],
  city: 'London',
  countryCode: 'GB',
  postalCode: 'SW1A 2AA',
};

/**
 * Before the describe it is called in: the emulator, a shop page on another site (`localhost`
 * against the emulator's `127.0.0.1`, so Chromium isolates the card frame as it would
 * squarecdn.com) and Chromium; a fresh page before each test; all closed after.
 */
export function useShopPage(viewport = {width: 560, height: 760}): void {
  before(async () => {
    emulator = await startBrowserEmulator({
      applicationId: APP_ID,
      locations: {GBP: LOCATION_ID, USD: USD_LOCATION_ID},
    });
    const loader = await readFile(
      fileURLToPath(import.meta.resolve('@square/web-sdk')),
      'utf8'
    );
    shop = createServer((request, response) => {
      if (request.url === '/square-web-sdk.js') {
        response
          .writeHead(200, {'content-type': 'text/javascript'})
          .end(loader);
        return;
      }
      response
        .writeHead(200, {'content-type': 'text/html; charset=utf-8'})
        .end(shopPage());
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    shopUrl = `http://localhost:${(shop.address() as AddressInfo).port}`;
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
    await page.goto(shopUrl);
  });
}
