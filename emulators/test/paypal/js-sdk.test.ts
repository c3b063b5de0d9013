/**
 * The emulator's PayPal JS SDK, the way a buyer meets it: a shop page on one origin loads the SDK
 * with @paypal/paypal-js's own `loadScript({sdkBaseUrl, dataNamespace})`, renders the button
 * (an iframe on the emulator's origin), and pays through the approval popup in headless
 * Chromium, while the shop's server creates and captures the order with client credentials.
 */
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {createServer, type IncomingMessage, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, beforeEach, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import type {Browser, Frame, Page} from 'playwright-core';
import {
  startPaypalEmulator,
  type RunningPaypalEmulator,
} from '../../paypal/index.js';
import {axeViolations, launchChromium, saveScreenshot} from '../chromium.js';
import {serverCall} from './helpers.js';

const NAMESPACE = 'paypal_usd';

interface HarnessEvent {
  type: string;
  [key: string]: unknown;
}

/** The shop page: loads paypal-js as a module and exposes a tiny harness to the test. */
function shopPage(): string {
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
    async render({style, currency = 'USD', restartOnDecline = true, rejectClick = false} = {}) {
      const buttons = window.harness.paypal.Buttons({
        style,
        onInit: () => events.push({type: 'init'}),
        onClick: (data, actions) => {
          events.push({type: 'click', data});
          if (rejectClick) return actions.reject();
        },
        createOrder: async () => {
          const response = await fetch('/api/orders', {
            method: 'POST',
            headers: {'content-type': 'application/json'},
            body: JSON.stringify({currency}),
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

async function readJson(
  request: IncomingMessage
): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** The order a shop would send: two lines, shipping and a discount, summing exactly. */
function orderBody(currency: string) {
  const money = (value: string) => ({currency_code: currency, value});
  const whole = currency === 'JPY';
  return {
    intent: 'CAPTURE',
    purchase_units: [
      {
        custom_id: 'order_e2e',
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

describe('the emulator’s PayPal JS SDK', {timeout: 180_000}, () => {
  let emulator: RunningPaypalEmulator;
  let shop: Server;
  let shopUrl: string;
  let browser: Browser;
  let page: Page;

  /** The shop's server side: client credentials, then Orders v2, as the companion server does. */
  async function paypal(
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
          const {currency} = await readJson(request);
          const created = await paypal(
            '/v2/checkout/orders',
            orderBody(String(currency))
          );
          response
            .writeHead(created.status, {'content-type': 'application/json'})
            .end(JSON.stringify(created.json));
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

  function load(options: Record<string, unknown> = {}) {
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

  function render(options: Record<string, unknown> = {}) {
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

  function events(): Promise<HarnessEvent[]> {
    return page.evaluate(
      () =>
        (window as never as {harness: {events: HarnessEvent[]}}).harness.events
    );
  }

  async function waitForEvent(type: string, count = 1): Promise<HarnessEvent> {
    await page.waitForFunction(
      ([t, n]) =>
        (
          window as never as {harness: {events: HarnessEvent[]}}
        ).harness.events.filter((e) => e.type === t).length >= (n as number),
      [type, count] as const
    );
    return (await events()).filter((e) => e.type === type)[count - 1]!;
  }

  const button = () =>
    page
      .frameLocator('iframe[title="PayPal"]')
      .getByRole('button', {name: 'PayPal'});

  function buttonFrame(): Frame {
    const frame = page
      .frames()
      .find((f) => f.url().startsWith(`${emulator.url}/smart/buttons`));
    assert.ok(frame, 'the button frame is loaded');
    return frame;
  }

  /** Clicks the button and returns the approval window once it shows the order. */
  async function openApproval(
    click: () => Promise<void> = () => button().click()
  ): Promise<Page> {
    const popupOpened = page.waitForEvent('popup');
    await click();
    const popup = await popupOpened;
    await popup.waitForURL(/\/checkoutnow\?token=/);
    await popup.getByRole('button', {name: 'Approve'}).waitFor();
    return popup;
  }

  /** axe over a page, its frames included (axe runs in every frame and reports to the top). */
  const audit = (target: Page) => axeViolations(target);

  describe('loading with @paypal/paypal-js', () => {
    it('loads from sdkBaseUrl and defines window[dataNamespace] instead of window.paypal', async () => {
      const loaded = await load();
      assert.equal(loaded.ok, true, String(loaded.message));
      const src = new URL(String(loaded.src));
      assert.equal(src.origin, emulator.url);
      assert.equal(src.pathname, '/sdk/js');
      assert.equal(src.searchParams.get('client-id'), emulator.clientId);
      assert.equal(src.searchParams.get('currency'), 'USD');
      assert.equal(loaded.namespaceDefined, true);
      assert.equal(loaded.paypalDefined, false);
      assert.equal(loaded.hasButtons, true);
      assert.equal(typeof loaded.version, 'string');
    });

    it('fails to load for a client id the emulator does not know, as PayPal’s 400 does', async () => {
      const loaded = await load({clientId: 'AnotherClientId'});
      assert.equal(loaded.ok, false);
      assert.match(String(loaded.message), /failed to load/);
    });

    it('defines no Buttons when components leaves them out', async () => {
      const loaded = await load({components: 'funding-eligibility'});
      assert.equal(loaded.ok, true);
      assert.equal(loaded.hasButtons, false);
    });
  });

  describe('the button', () => {
    it('renders a titled iframe on the emulator origin with a button named "PayPal"', async () => {
      await load();
      assert.deepEqual(await render(), {eligible: true});
      await waitForEvent('init');
      const iframe = await page.evaluate(() => {
        const frame = document.querySelector(
          '#paypal-button-container iframe'
        ) as HTMLIFrameElement;
        return {
          origin: new URL(frame.src).origin,
          title: frame.title,
          wrapper: [...frame.parentElement!.classList],
          height: frame.getBoundingClientRect().height,
        };
      });
      assert.equal(iframe.origin, emulator.url);
      assert.equal(iframe.title, 'PayPal');
      assert.ok(iframe.wrapper.includes('paypal-buttons'));
      assert.ok(iframe.height >= 45);
      await button().waitFor();
      await saveScreenshot(
        page.locator('#paypal-button-container'),
        'paypal-button'
      );
    });

    it('applies style: color, shape, label, height, layout', async () => {
      await load();
      await render({
        style: {
          color: 'blue',
          shape: 'pill',
          label: 'pay',
          height: 40,
          layout: 'horizontal',
        },
      });
      const styled = page
        .frameLocator('iframe[title="PayPal"]')
        .getByRole('button', {name: 'Pay with PayPal'});
      await styled.waitFor();
      const look = await styled.evaluate((el) => {
        const css = getComputedStyle(el);
        return {
          background: css.backgroundColor,
          radius: css.borderTopLeftRadius,
          height: el.getBoundingClientRect().height,
          text: el.textContent,
          caption: document.querySelector('.Caption')?.textContent,
        };
      });
      assert.deepEqual(look, {
        background: 'rgb(0, 112, 186)',
        radius: '20px',
        height: 40,
        text: 'Pay with',
        caption: 'The safer, easier way to pay',
      });
      await saveScreenshot(
        page.locator('#paypal-button-container'),
        'paypal-button-styled'
      );
    });

    it('takes borderRadius over shape, and a silver rect', async () => {
      await load();
      await render({
        style: {color: 'silver', shape: 'rect', borderRadius: 10, height: 55},
      });
      await button().waitFor();
      const look = await button().evaluate((el) => {
        const css = getComputedStyle(el);
        return [
          css.backgroundColor,
          css.borderTopLeftRadius,
          el.getBoundingClientRect().height,
        ];
      });
      assert.deepEqual(look, ['rgb(238, 238, 238)', '10px', 55]);
    });

    it('close() removes the button', async () => {
      await load();
      await render();
      await button().waitFor();
      await page.evaluate(() =>
        (
          window as never as {harness: {buttons: {close(): Promise<void>}}}
        ).harness.buttons.close()
      );
      assert.equal(
        await page.locator('#paypal-button-container iframe').count(),
        0
      );
    });

    it('rejects a style PayPal does not know', async () => {
      await load();
      await assert.rejects(
        render({style: {color: 'red'}}),
        /Invalid style\.color: red/
      );
    });

    it('has no axe violations, frame included', async () => {
      await load();
      await render();
      await button().waitFor();
      assert.deepEqual(await audit(page), []);
    });
  });

  describe('paying', () => {
    it('Approve → onApprove with PayPal’s data → the server captures → COMPLETED', async () => {
      await load();
      await render();
      const popup = await openApproval();
      const created = await waitForEvent('created');
      const closed = popup.waitForEvent('close');
      await popup.getByRole('button', {name: 'Approve'}).click();
      const approved = await waitForEvent('approved');
      const data = approved.data as Record<string, unknown>;
      assert.equal(data.orderID, created.id);
      assert.equal(typeof data.payerID, 'string');
      assert.equal(data.paymentID, null);
      assert.match(String(data.facilitatorAccessToken), /^A21AA/);
      const captured = await waitForEvent('captured');
      assert.deepEqual(captured, {
        type: 'captured',
        status: 'COMPLETED',
        orderStatus: 'COMPLETED',
      });
      await closed;
      assert.equal(emulator.order(String(created.id))?.status, 'COMPLETED');
      assert.deepEqual(
        (await events()).map((e) => e.type),
        ['init', 'click', 'created', 'approved', 'captured']
      );
    });

    it('Cancel → onCancel({orderID}) and the window closes; the order stays CREATED', async () => {
      await load();
      await render();
      const popup = await openApproval();
      const created = await waitForEvent('created');
      const closed = popup.waitForEvent('close');
      await popup.getByRole('button', {name: 'Cancel'}).click();
      const cancelled = await waitForEvent('cancelled');
      assert.deepEqual(cancelled.data, {orderID: created.id});
      await closed;
      assert.equal(emulator.order(String(created.id))?.status, 'CREATED');
    });

    it('closing the window is a cancel too', async () => {
      await load();
      await render();
      const popup = await openApproval();
      const created = await waitForEvent('created');
      await popup.close();
      const cancelled = await waitForEvent('cancelled');
      assert.deepEqual(cancelled.data, {orderID: created.id});
    });

    it('Decline card → INSTRUMENT_DECLINED → actions.restart() → Approve → COMPLETED', async () => {
      await load();
      await render();
      const popup = await openApproval();
      const created = await waitForEvent('created');
      await popup.getByRole('button', {name: 'Decline card'}).click();
      await waitForEvent('declined');
      // The same window goes back to the approval page for the same order.
      await popup.waitForURL(new RegExp(`/checkoutnow\\?token=${created.id}`));
      await popup.getByRole('button', {name: 'Approve'}).waitFor();
      assert.equal(emulator.order(String(created.id))?.status, 'CREATED');
      const closed = popup.waitForEvent('close');
      await popup.getByRole('button', {name: 'Approve'}).click();
      const captured = await waitForEvent('captured');
      assert.equal(captured.status, 'COMPLETED');
      await closed;
      assert.deepEqual(
        (await events()).map((e) => e.type),
        [
          'init',
          'click',
          'created',
          'approved',
          'declined',
          'approved',
          'captured',
        ]
      );
    });

    it('an order in another currency than the script’s → onError, as PayPal says', async () => {
      await load();
      await render({currency: 'EUR'});
      const popupOpened = page.waitForEvent('popup');
      await button().click();
      const popup = await popupOpened;
      const closed = popup.waitForEvent('close');
      const error = await waitForEvent('error');
      assert.match(
        String(error.message),
        /Expected currency from order api call to be USD, got EUR/
      );
      await closed;
    });

    it('onClick can stop the checkout with actions.reject()', async () => {
      await load();
      await render({rejectClick: true});
      const popupOpened = page.waitForEvent('popup');
      await button().click();
      const popup = await popupOpened;
      if (!popup.isClosed()) await popup.waitForEvent('close');
      await waitForEvent('click');
      assert.equal(
        (await events()).some((e) => e.type === 'created'),
        false
      );
    });

    it('works with the keyboard alone', async () => {
      await load();
      await render();
      await button().waitFor();
      await page.focus('#before');
      await page.keyboard.press('Tab');
      assert.equal(
        await buttonFrame().evaluate(() =>
          document.activeElement?.getAttribute('aria-label')
        ),
        'PayPal'
      );
      const popup = await openApproval(() => page.keyboard.press('Enter'));
      await popup.waitForFunction(
        () => document.activeElement?.id === 'approve'
      );
      const closed = popup.waitForEvent('close');
      await popup.keyboard.press('Enter');
      const captured = await waitForEvent('captured');
      assert.equal(captured.status, 'COMPLETED');
      await closed;
    });
  });

  describe('the approval page', () => {
    it('shows the items and total, and has no axe violations', async () => {
      const created = await paypal('/v2/checkout/orders', orderBody('USD'));
      const approval = await browser.newPage({
        viewport: {width: 450, height: 640},
      });
      await approval.goto(
        `${emulator.url}/checkoutnow?token=${created.json.id}`
      );
      const rows = await approval.locator('tbody tr').allInnerTexts();
      assert.deepEqual(
        rows.map((r) => r.split('\t').map((cell) => cell.trim())),
        [
          ['Black tee', '2', '$30.00'],
          ['Sticker pack', '1', '$10.00'],
        ]
      );
      assert.equal(
        await approval.locator('#total-0').innerText(),
        '$43.00 USD'
      );
      assert.deepEqual(await approval.getByRole('button').allInnerTexts(), [
        'Approve',
        'Decline card',
        'Cancel',
      ]);
      assert.deepEqual(await audit(approval), []);
      await saveScreenshot(approval, 'paypal-approval-page');
      await approval.close();
    });

    it('shows whole yen for JPY', async () => {
      const created = await paypal('/v2/checkout/orders', orderBody('JPY'));
      const approval = await browser.newPage();
      await approval.goto(
        `${emulator.url}/checkoutnow?token=${created.json.id}`
      );
      assert.equal(
        await approval.locator('#total-0').innerText(),
        '¥4,300 JPY'
      );
      await approval.close();
    });

    it('without an opener, goes back to the order’s return_url with token and PayerID', async () => {
      const body = {
        ...orderBody('USD'),
        payment_source: {
          paypal: {
            experience_context: {
              return_url: `${shopUrl}/return`,
              cancel_url: `${shopUrl}/cancel`,
            },
          },
        },
      };
      const created = await paypal('/v2/checkout/orders', body);
      const approval = await browser.newPage();
      await approval.goto(
        `${emulator.url}/checkoutnow?token=${created.json.id}`
      );
      await approval.getByRole('button', {name: 'Approve'}).click();
      await approval.waitForURL(/\/return\?/);
      const url = new URL(approval.url());
      assert.equal(url.searchParams.get('token'), created.json.id);
      assert.equal(
        url.searchParams.get('PayerID'),
        emulator.order(String(created.json.id))?.payer?.payer_id
      );
      await approval.close();
    });
  });
});
