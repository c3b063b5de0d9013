/**
 * What the emulator's Stripe.js suites share: a shop page that mounts the Payment Element (and
 * the Address Element) from the emulator, served from another site, Chromium on it, and the harness calls the tests make.
 */
import assert from 'node:assert/strict';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, beforeEach} from 'node:test';
import {
  type Browser,
  type Frame,
  type FrameLocator,
  type Page,
} from 'playwright-core';
import Stripe from 'stripe';
import {startStripeEmulator} from '../../stripe/index.js';
import {axeViolations, launchChromium} from '../chromium.js';

export type Emulator = Awaited<ReturnType<typeof startStripeEmulator>>;

export const FRAME = 'iframe[title="Secure payment input frame"]';
export const ADDRESS_FRAME = 'iframe[title="Secure address input frame"]';

/** The shop page: loads the fake Stripe.js cross-origin and exposes a tiny harness. */
export function shopPage(apiUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Shop</title>
<style>#payment-element, #address-element { margin: 16px 0; }</style>
<script src="${apiUrl}/js/stripe.js"></script>
</head>
<body>
<main>
  <h1>Checkout</h1>
  <button type="button" id="before">Edit cart</button>
  <form id="pay-form">
    <div id="address-element"></div>
    <div id="payment-element"></div>
    <button type="submit" id="pay">Pay</button>
  </form>
  <output id="result"></output>
</main>
<script>
  const summary = (result) =>
    result.error
      ? {error: {...result.error, payment_intent: result.error.payment_intent?.id}}
      : {paymentIntent: {id: result.paymentIntent.id, status: result.paymentIntent.status}};

  window.harness = {
    events: [],
    mount({appearance, clientSecret, pk, locale}) {
      const stripe = Stripe(pk);
      const elements = clientSecret
        ? stripe.elements({clientSecret, appearance, locale})
        : stripe.elements({mode: 'payment', amount: 1999, currency: 'usd', appearance, locale});
      const element = elements.create('payment', {layout: 'tabs'});
      for (const type of ['ready', 'change', 'focus', 'blur', 'loaderror']) {
        element.on(type, (event) => harness.events.push({type, ...event}));
      }
      Object.assign(harness, {stripe, elements, element});
      const ready = new Promise((resolve) => element.on('ready', resolve));
      element.mount('#payment-element');
      return ready;
    },
    // The Address Element (and, unless told not to, the Payment Element) of one Elements group.
    mountAddress({appearance, options = {mode: 'shipping'}, payment = true, pk, locale}) {
      const stripe = Stripe(pk);
      const elements = stripe.elements({mode: 'payment', amount: 1999, currency: 'usd', appearance, locale});
      const address = elements.create('address', options);
      for (const type of ['ready', 'change', 'focus', 'blur', 'loaderror']) {
        address.on(type, (event) => harness.events.push({type, ...event}));
      }
      Object.assign(harness, {stripe, elements, address});
      const ready = [new Promise((resolve) => address.on('ready', resolve))];
      address.mount('#address-element');
      if (payment) {
        const element = elements.create('payment');
        harness.element = element;
        ready.push(new Promise((resolve) => element.on('ready', resolve)));
        element.mount('#payment-element');
      }
      return Promise.all(ready);
    },
    async pay({clientSecret, redirect = 'if_required', submit = true}) {
      if (submit) {
        const submitted = await harness.elements.submit();
        if (submitted.error) return {submitError: submitted.error};
      }
      const result = await harness.stripe.confirmPayment({
        elements: harness.elements,
        clientSecret,
        confirmParams: {return_url: location.origin + '/return'},
        redirect,
      });
      return summary(result);
    },
  };

  // The keyboard flow: Enter on "Pay" submits the form, as a buyer would.
  document.getElementById('pay-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await harness.pay({clientSecret: harness.nextClientSecret});
    document.getElementById('result').value = JSON.stringify(result);
  });
</script>
</body>
</html>`;
}

export let emulator: Emulator;

export let apiUrl: string;

export let shop: Server;

export let shopUrl: string;

export let browser: Browser;

export let page: Page;

export let stripe: Stripe;

export async function createIntent(): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.create({amount: 1999, currency: 'usd'});
}

export function mount(
  options: {appearance?: object; clientSecret?: string; locale?: string} = {}
) {
  return page.evaluate(
    (args) =>
      (
        window as never as {harness: {mount(a: object): Promise<unknown>}}
      ).harness.mount(args),
    {...options, pk: emulator.publishableKey}
  );
}

export function mountAddress(
  options: {
    appearance?: object;
    options?: object;
    payment?: boolean;
    locale?: string;
  } = {}
) {
  return page.evaluate(
    (args) =>
      (
        window as never as {
          harness: {mountAddress(a: object): Promise<unknown>};
        }
      ).harness.mountAddress(args),
    {...options, pk: emulator.publishableKey}
  );
}

export const address = (): FrameLocator => page.frameLocator(ADDRESS_FRAME);

export function addressFrame(): Frame {
  const frame = page
    .frames()
    .find((f) => f.url().startsWith(`${apiUrl}/elements/address`));
  assert.ok(frame, 'the Address Element frame is loaded');
  return frame;
}

/** Fills the Address Element with a US address, as a buyer does. */
export async function fillAddress(
  value = {
    name: 'Ada Lovelace',
    line1: '1 Market St',
    city: 'San Francisco',
    state: 'CA',
    zip: '94105',
  }
) {
  await address().getByLabel('Full name').fill(value.name);
  await address().getByLabel('Country or region').selectOption('US');
  await address().getByLabel('Address line 1').fill(value.line1);
  await address().getByLabel('City').fill(value.city);
  await address().getByLabel('State').selectOption(value.state);
  await address().getByLabel('ZIP code').fill(value.zip);
}

/** The harness's recorded events of one type, as the page saw them. */
export function events(type: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (wanted) =>
      (
        window as never as {
          harness: {events: {type: string}[]};
        }
      ).harness.events.filter((event) => event.type === wanted),
    type
  ) as Promise<Record<string, unknown>[]>;
}

export function pay(options: {
  clientSecret: string;
  redirect?: string;
  submit?: boolean;
}) {
  return page.evaluate(
    (args) =>
      (
        window as never as {harness: {pay(a: object): Promise<PayResult>}}
      ).harness.pay(args),
    options
  );
}

export const card = (): FrameLocator => page.frameLocator(FRAME);

export async function fill(
  number: string,
  expiry = '12 / 34',
  cvc = '123',
  zip = '12345'
) {
  await card().getByLabel('Card number').fill(number);
  await card().getByLabel('Expiration date').fill(expiry);
  await card().getByLabel('Security code').fill(cvc);
  await card().getByLabel('ZIP').fill(zip);
}

export function paymentFrame(): Frame {
  const frame = page
    .frames()
    .find((f) => f.url().startsWith(`${apiUrl}/elements/payment`));
  assert.ok(frame, 'the Payment Element frame is loaded');
  return frame;
}

export async function challengeFrame(): Promise<Frame> {
  await page
    .frameLocator('iframe[title="3D Secure authentication"]')
    .getByRole('button', {name: 'Complete'})
    .waitFor();
  const frame = page
    .frames()
    .find((f) => f.url().startsWith(`${apiUrl}/elements/3ds/`));
  assert.ok(frame, 'the 3-D Secure frame is loaded');
  return frame;
}

/**
 * axe over the whole shop page, frames included, as the demo page will be audited: axe runs in
 * every frame and reports to the top one, so page-level rules apply to the shop page only.
 */
export const audit = () => axeViolations(page);

/**
 * Before the describe it is called in: the emulator, a shop page on another site (so Chromium
 * isolates the card frame as it would js.stripe.com) and Chromium; a fresh page on the shop
 * before each test; all closed after.
 */
export function useShopPage(): void {
  before(async () => {
    emulator = await startStripeEmulator({port: 0});
    apiUrl = emulator.url;
    stripe = new Stripe(emulator.secretKey, {
      host: '127.0.0.1',
      port: emulator.port,
      protocol: 'http',
    });

    // `localhost` vs `127.0.0.1`: the shop and the emulator are different sites, not just
    // different origins, so Chromium isolates the card frame as it would js.stripe.com.
    shop = createServer((request, response) => {
      const body = request.url?.startsWith('/return')
        ? '<!doctype html><html lang="en"><title>Return</title><h1>Thanks</h1></html>'
        : shopPage(apiUrl);
      response
        .writeHead(200, {'content-type': 'text/html; charset=utf-8'})
        .end(body);
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
    page = await browser.newPage({viewport: {width: 520, height: 760}});
    await page.goto(shopUrl);
  });
}

export interface PayResult {
  paymentIntent?: {id: string; status: string};
  error?: {
    type: string;
    code?: string;
    decline_code?: string;
    message?: string;
    payment_intent?: string;
  };
  submitError?: {type: string; message?: string};
}
