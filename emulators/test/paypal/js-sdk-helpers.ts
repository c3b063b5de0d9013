/**
 * What the emulator's PayPal JS SDK suites share: a shop page that loads the SDK with
 * @paypal/paypal-js, its server side, Chromium on it, and the harness calls the tests make.
 */
import {readFile} from 'node:fs/promises';
import {createServer, type IncomingMessage, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, beforeEach} from 'node:test';
import {fileURLToPath} from 'node:url';
import type {Browser, Page} from 'playwright-core';
import {
  startPaypalEmulator,
  type RunningPaypalEmulator,
} from '../../paypal/index.js';
import {axeViolations, launchChromium} from '../chromium.js';
import {serverCall} from './helpers.js';

export const NAMESPACE = 'paypal_usd';

export interface HarnessEvent {
  type: string;
  [key: string]: unknown;
}

/** The shop page: loads paypal-js as a module and exposes a tiny harness to the test. */
export function shopPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Shop</title>
<style>body { font-family: sans-serif; margin: 24px; } #paypal-button-container { max-width: 420px; }</style>
</head>
<body>
<main>
  <h1>Checkout</h1>
  <button type="button" id="before">Edit cart</button>
  <div id="paypal-button-container"></div>
</main>
<script type="module">
  import {loadScript} from '/paypal-js.js';

  const events = [];
  window.harness = {
    events,
    async load(options) {
      try {
        const paypal = await loadScript(options);
        window.harness.paypal = paypal;
        const script = document.querySelector('script[src*="/sdk/js"]');
        return {
          ok: true,
          src: script.src,
          namespaceDefined: window[options.dataNamespace ?? 'paypal'] === paypal,
          paypalDefined: 'paypal' in window,
          version: paypal.version,
          hasButtons: typeof paypal.Buttons === 'function',
        };
      } catch (error) {
        return {ok: false, message: error.message};
      }
    },
    async render({style, currency = 'USD', restartOnDecline = true, rejectClick = false, shipping = false} = {}) {
      // The shop reprices on its server (PATCH) and ships to the United States only.
      const reprice = (orderID, option) =>
        fetch('/api/orders/' + orderID + '/reprice', {
          method: 'POST',
          headers: {'content-type': 'application/json'},
          body: JSON.stringify({option}),
        });
      const shippingCallbacks = shipping ? {
        onShippingAddressChange: async (data, actions) => {
          events.push({type: 'address', data});
          if (data.shippingAddress.countryCode !== 'US')
            return actions.reject(data.errors.COUNTRY_ERROR);
          await reprice(data.orderID, 'standard');
        },
        onShippingOptionsChange: async (data, actions) => {
          events.push({type: 'option', data});
          if (data.selectedShippingOption.id === 'pickup')
            return actions.reject(data.errors.METHOD_UNAVAILABLE);
          await reprice(data.orderID, data.selectedShippingOption.id);
        },
      } : {};
      const buttons = window.harness.paypal.Buttons({
        style,
        ...shippingCallbacks,
        onInit: () => events.push({type: 'init'}),
        onClick: (data, actions) => {
          events.push({type: 'click', data});
          if (rejectClick) return actions.reject();
        },
        createOrder: async () => {
          const response = await fetch('/api/orders', {
            method: 'POST',
            headers: {'content-type': 'application/json'},
            body: JSON.stringify({currency, shipping}),
          });
          const order = await response.json();
          events.push({type: 'created', id: order.id});
          return order.id;
        },
        onApprove: async (data, actions) => {
          events.push({type: 'approved', data});
          const response = await fetch('/api/orders/' + data.orderID + '/capture', {method: 'POST'});
          const result = await response.json();
          if (result.issue === 'INSTRUMENT_DECLINED' && restartOnDecline) {
            events.push({type: 'declined'});
            return actions.restart();
          }
          const order = await actions.order.get();
          events.push({type: 'captured', status: result.status, orderStatus: order.status});
        },
        onCancel: (data) => events.push({type: 'cancelled', data}),
        onError: (error) => events.push({type: 'error', message: error.message}),
      });
      window.harness.buttons = buttons;
      await buttons.render('#paypal-button-container');
      return {eligible: buttons.isEligible()};
    },
  };
</script>
</body>
</html>`;
}

export async function readJson(
  request: IncomingMessage
): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** The shop's shipping options (USD): what `reprice` charges for each. */
const OPTIONS = {standard: '5.00', express: '15.00', pickup: '0.00'};

function shippingOptions(selected: string) {
  return Object.entries(OPTIONS).map(([id, value]) => ({
    id,
    label:
      id === 'pickup' ? 'Pick up in store' : id[0]!.toUpperCase() + id.slice(1),
    type: id === 'pickup' ? 'PICKUP' : 'SHIPPING',
    amount: {currency_code: 'USD', value},
    selected: id === selected,
  }));
}

/** 40.00 of items − 2.00 + the option's shipping, as the order's amount. */
export function amountFor(option: keyof typeof OPTIONS) {
  const money = (value: string) => ({currency_code: 'USD', value});
  const cents = 4000 - 200 + Math.round(Number(OPTIONS[option]) * 100);
  return {
    ...money((cents / 100).toFixed(2)),
    breakdown: {
      item_total: money('40.00'),
      shipping: money(OPTIONS[option]),
      discount: money('2.00'),
    },
  };
}

/** The PATCH a shop sends when the buyer changed something in PayPal's window. */
export function repricePatch(option: keyof typeof OPTIONS) {
  const unit = "/purchase_units/@reference_id=='default'";
  return [
    {op: 'replace', path: `${unit}/amount`, value: amountFor(option)},
    {
      op: 'replace',
      path: `${unit}/shipping/options`,
      value: shippingOptions(option),
    },
  ];
}

/**
 * The order a shop would send: two lines, shipping and a discount, summing exactly; with
 * `shipping`, a US address and three options to choose from in PayPal's window.
 */
export function orderBody(currency: string, shipping = false) {
  const money = (value: string) => ({currency_code: currency, value});
  const whole = currency === 'JPY';
  return {
    intent: 'CAPTURE',
    ...(shipping && {
      payment_source: {
        paypal: {experience_context: {shipping_preference: 'GET_FROM_FILE'}},
      },
    }),
    purchase_units: [
      {
        custom_id: 'order_e2e',
        ...(shipping && {
          shipping: {
            name: {full_name: 'Ada Buyer'},
            address: {
              address_line_1: '1 Main St',
              admin_area_2: 'Portland',
              admin_area_1: 'OR',
              postal_code: '97201',
              country_code: 'US',
            },
            options: shippingOptions('standard'),
          },
        }),
        amount: {
          ...money(whole ? '4300' : '43.00'),
          breakdown: {
            item_total: money(whole ? '4000' : '40.00'),
            shipping: money(whole ? '500' : '5.00'),
            discount: money(whole ? '200' : '2.00'),
          },
        },
        items: [
          {
            name: 'Black tee',
            quantity: '2',
            unit_amount: money(whole ? '1500' : '15.00'),
            sku: 'tee-black-m',
          },
          {
            name: 'Sticker pack',
            quantity: '1',
            unit_amount: money(whole ? '1000' : '10.00'),
            sku: 'stickers',
          },
        ],
      },
    ],
  };
}

export let emulator: RunningPaypalEmulator;

export let shop: Server;

export let shopUrl: string;

export let browser: Browser;

export let page: Page;

/** The shop's server side: client credentials, then Orders v2, as the companion server does. */
export async function paypal(
  path: string,
  body?: unknown
): Promise<{status: number; json: Record<string, unknown>}> {
  const answer = await serverCall(emulator, path, body ?? {}, {
    Prefer: 'return=representation',
  });
  return {
    status: answer.status,
    json: answer.body as Record<string, unknown>,
  };
}

export function load(options: Record<string, unknown> = {}) {
  return page.evaluate(
    (args) =>
      (
        window as never as {
          harness: {load(o: object): Promise<Record<string, unknown>>};
        }
      ).harness.load(args),
    {
      clientId: emulator.clientId,
      currency: 'USD',
      sdkBaseUrl: `${emulator.url}/sdk/js`,
      dataNamespace: NAMESPACE,
      ...options,
    }
  );
}

export function render(options: Record<string, unknown> = {}) {
  return page.evaluate(
    (args) =>
      (
        window as never as {
          harness: {render(o: object): Promise<{eligible: boolean}>};
        }
      ).harness.render(args),
    options
  );
}

export function events(): Promise<HarnessEvent[]> {
  return page.evaluate(
    () =>
      (window as never as {harness: {events: HarnessEvent[]}}).harness.events
  );
}

export async function waitForEvent(
  type: string,
  count = 1
): Promise<HarnessEvent> {
  await page.waitForFunction(
    ([t, n]) =>
      (
        window as never as {harness: {events: HarnessEvent[]}}
      ).harness.events.filter((e) => e.type === t).length >= (n as number),
    [type, count] as const
  );
  return (await events()).filter((e) => e.type === type)[count - 1]!;
}

export const button = () =>
  page
    .frameLocator('iframe[title="PayPal"]')
    .getByRole('button', {name: 'PayPal'});

/** axe over a page, its frames included (axe runs in every frame and reports to the top). */
export const audit = (target: Page) => axeViolations(target);

/**
 * Before the describe it is called in: the emulator, a shop (its page, @paypal/paypal-js, and
 * its server side creating and capturing orders) on another site, and Chromium; a fresh page on
 * the shop before each test; all closed after.
 */
export function useShopPage(): void {
  before(async () => {
    emulator = await startPaypalEmulator();
    // The package's own ESM build (its `import` export), served to the page as a module.
    const paypalJs = await readFile(
      fileURLToPath(import.meta.resolve('@paypal/paypal-js')),
      'utf8'
    );
    shop = createServer((request, response) => {
      void (async () => {
        const url = new URL(request.url ?? '/', 'http://shop');
        if (url.pathname === '/paypal-js.js') {
          response
            .writeHead(200, {'content-type': 'text/javascript'})
            .end(paypalJs);
        } else if (
          url.pathname === '/api/orders' &&
          request.method === 'POST'
        ) {
          const {currency, shipping} = await readJson(request);
          const created = await paypal(
            '/v2/checkout/orders',
            orderBody(String(currency), shipping === true)
          );
          response
            .writeHead(created.status, {'content-type': 'application/json'})
            .end(JSON.stringify(created.json));
        } else if (/^\/api\/orders\/[^/]+\/reprice$/.test(url.pathname)) {
          const id = url.pathname.split('/')[3]!;
          const {option} = await readJson(request);
          const answer = await serverCall(
            emulator,
            `/v2/checkout/orders/${id}`,
            repricePatch(option as 'standard'),
            {},
            'PATCH'
          );
          response.writeHead(answer.status).end();
        } else if (/^\/api\/orders\/[^/]+\/capture$/.test(url.pathname)) {
          const id = url.pathname.split('/')[3]!;
          const {status, json} = await paypal(
            `/v2/checkout/orders/${id}/capture`
          );
          const details = json.details as {issue: string}[] | undefined;
          response
            .writeHead(status < 300 ? 200 : 402, {
              'content-type': 'application/json',
            })
            .end(
              JSON.stringify({status: json.status, issue: details?.[0]?.issue})
            );
        } else {
          response
            .writeHead(200, {'content-type': 'text/html; charset=utf-8'})
            .end(shopPage());
        }
      })();
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    // `localhost` vs `127.0.0.1`: the shop and the emulator are different sites, not just
    // different origins, as a shop and paypal.com are.
    shopUrl = `http://localhost:${(shop.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    if (shop) await new Promise((resolve) => shop.close(resolve));
    await emulator?.close();
  });

  beforeEach(async () => {
    await page?.close();
    page = await browser.newPage({viewport: {width: 640, height: 720}});
    await page.goto(shopUrl);
  });
}
