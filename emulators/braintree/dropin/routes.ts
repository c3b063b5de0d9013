/**
 * The browser half of the Braintree emulator (../browser/), served from the emulator's own
 * origin, so that the card frame is cross-origin to the shop as Braintree's Hosted Fields are:
 *
 * - `GET /web/dropin/fake/dropin.js`: the Drop-in fake (`browser/dropin.ts`, bundled on first request)
 * - `GET /web/dropin/fake/dropin.css`: Drop-in's stylesheet, as the fake adds it to the page
 * - `GET /web/dropin/fake/card-frame.html` (+ `.js`): the card frame (`browser/card-frame.ts`)
 * - `GET /web/dropin/fake/three-d-secure.html` (+ `.js`): the challenge (`browser/three-d-secure-frame.ts`)
 * - `GET /web/dropin/fake/paypal.html` (+ `.js`): PayPal's approval window (`browser/paypal-window.ts`)
 *
 * Mount with `app.route('/', dropinBrowserRoutes())`.
 */
import {Hono} from 'hono';
import {createBundler} from '../../shared/bundle.js';
import {
  DROPIN_CSS,
  cardFramePage,
  paypalPage,
  threeDSecurePage,
} from './pages.js';

const ENTRIES = {
  dropin: '../browser/dropin.ts',
  card: '../browser/card-frame.ts',
  threeDSecure: '../browser/three-d-secure-frame.ts',
  paypal: '../browser/paypal-window.ts',
} as const;

// The frames load only our scripts and talk only to the emulator; any page may embed them.
const FRAME_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  'frame-ancestors *',
].join('; ');

const BASE = '/web/dropin/fake';

export function dropinBrowserRoutes(): Hono {
  const app = new Hono();
  const bundle = createBundler(ENTRIES, import.meta.url);

  async function serveScript(entry: keyof typeof ENTRIES): Promise<Response> {
    return new Response(await bundle(entry), {
      headers: {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'no-cache',
        'access-control-allow-origin': '*',
        'x-content-type-options': 'nosniff',
      },
    });
  }

  function servePage(html: string): Response {
    return new Response(html, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-security-policy': FRAME_POLICY,
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
      },
    });
  }

  app.get(`${BASE}/dropin.js`, () => serveScript('dropin'));
  app.get(
    `${BASE}/dropin.css`,
    () =>
      new Response(DROPIN_CSS, {
        headers: {
          'content-type': 'text/css; charset=utf-8',
          'cache-control': 'no-cache',
          'access-control-allow-origin': '*',
          'x-content-type-options': 'nosniff',
        },
      })
  );
  app.get(`${BASE}/card-frame.html`, () =>
    servePage(cardFramePage(`${BASE}/card-frame.js`))
  );
  app.get(`${BASE}/card-frame.js`, () => serveScript('card'));
  app.get(`${BASE}/three-d-secure.html`, () =>
    servePage(threeDSecurePage(`${BASE}/three-d-secure.js`))
  );
  app.get(`${BASE}/three-d-secure.js`, () => serveScript('threeDSecure'));
  app.get(`${BASE}/paypal.html`, () =>
    servePage(paypalPage(`${BASE}/paypal.js`))
  );
  app.get(`${BASE}/paypal.js`, () => serveScript('paypal'));
  return app;
}
