/**
 * The browser half of the emulator (../browser/), on the emulator's own origin (so the button and the
 * approval window are cross-origin to the shop, as paypal.com is):
 *
 * - `GET /sdk/js?client-id=…&currency=…`: the fake JS SDK (`browser/sdk/paypal-sdk.ts`)
 * - `GET /smart/buttons`: the button frame (`browser/frame/button-frame.ts`)
 * - `GET /checkoutnow?token=<order id>`: the approval page (`browser/frame/checkout-page.ts`)
 */
import {Hono} from 'hono';
import {createBundler} from '../../shared/bundle.js';
import type {Env} from '../api/context.js';
import type {Core} from '../core/state.js';
import {isApprovable} from '../orders/approval.js';
import {
  buttonFramePage,
  checkoutPage,
  checkoutUnavailablePage,
} from './pages.js';
import {checkSdkQuery} from './sdk-query.js';

// The scripts are TypeScript in ../browser/, bundled on first request (../../shared/bundle.ts).
const ENTRIES = {
  sdk: '../browser/sdk/paypal-sdk.ts',
  buttonFrame: '../browser/frame/button-frame.ts',
  checkout: '../browser/frame/checkout-page.ts',
} as const;

const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
];

export function browserRoutes(options: {core: Core; clientId: string}) {
  const {core} = options;
  const app = new Hono<Env>();
  const bundle = createBundler(ENTRIES, import.meta.url);

  async function script(entry: keyof typeof ENTRIES): Promise<Response> {
    return new Response(await bundle(entry), {
      headers: {
        'content-type': 'application/javascript; charset=utf-8',
        'cache-control': 'no-cache',
        'access-control-allow-origin': '*',
        'x-content-type-options': 'nosniff',
      },
    });
  }

  function page(html: string, frameAncestors: string, status = 200): Response {
    return new Response(html, {
      status,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': [
          ...PAGE_POLICY,
          `frame-ancestors ${frameAncestors}`,
        ].join('; '),
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
      },
    });
  }

  app.get('/sdk/js', (c) => {
    const check = checkSdkQuery(
      new URL(c.req.url).searchParams,
      options.clientId
    );
    if (!check.ok) {
      // PayPal answers 400 with the reason in a comment; the script tag's onerror fires.
      return c.body(
        `/* PayPal emulator: ${check.message.replaceAll('*/', '* /')} */\n`,
        400,
        {
          'content-type': 'application/javascript; charset=utf-8',
          'access-control-allow-origin': '*',
        }
      );
    }
    return script('sdk');
  });

  app.get('/smart/buttons', () =>
    page(buttonFramePage('/smart/buttons.js'), '*')
  );
  app.get('/smart/buttons.js', () => script('buttonFrame'));

  app.get('/checkoutnow', (c) => {
    const src = '/checkoutnow.js';
    const record = core.state.orders.get(c.req.query('token') ?? '');
    if (!record) {
      return page(
        checkoutUnavailablePage('We could not find this order.', src),
        "'none'",
        404
      );
    }
    if (!isApprovable(record)) {
      const message =
        record.order.status === 'COMPLETED'
          ? 'This order has already been paid.'
          : `This order is ${record.order.status} and can no longer be approved.`;
      return page(checkoutUnavailablePage(message, src), "'none'", 422);
    }
    return page(
      checkoutPage(record.order, core.buyer, src, c.req.query('locale.x')),
      "'none'"
    );
  });
  app.get('/checkoutnow.js', () => script('checkout'));

  return app;
}
