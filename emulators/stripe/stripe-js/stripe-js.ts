/**
 * The browser half of the Stripe emulator (../browser/), served from the emulator's own origin so that the
 * card form is cross-origin to the shop exactly as js.stripe.com is:
 *
 * - `GET /js/stripe.js`: the fake Stripe.js (`browser/host/stripe-js.ts`, bundled on first request)
 * - `GET /elements/payment`: the Payment Element's frame (`browser/frame/payment-frame.ts`)
 * - `GET /elements/address`: the Address Element's frame (`browser/frame/address-frame.ts`)
 * - `GET /elements/3ds/:intentId`: the 3-D Secure challenge (`browser/frame/three-ds-frame.ts`)
 * - `GET /checkout/pay.js`: the hosted Checkout page's script (`browser/checkout/pay.ts`;
 *   the page itself is served by ../checkout-sessions/hosted-page.ts, which knows the sessions)
 *
 * Mount with `app.route('/', stripeBrowserRoutes())`.
 */
import {Hono} from 'hono';
import {createBundler} from '../../shared/bundle.js';
import {addressPage, paymentPage, threeDsPage} from './pages.js';

const ENTRIES = {
  stripe: '../browser/host/stripe-js.ts',
  payment: '../browser/frame/payment-frame.ts',
  address: '../browser/frame/address-frame.ts',
  threeDs: '../browser/frame/three-ds-frame.ts',
  checkout: '../browser/checkout/pay.ts',
} as const;

// The frames load only our scripts and talk only to the emulator; any page may embed them.
const FRAME_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  'frame-ancestors *',
].join('; ');

export function stripeBrowserRoutes(): Hono {
  const app = new Hono();
  // One bundle per entry per instance; a failed build is not cached, so a fix is picked up.
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

  app.get('/js/stripe.js', () => serveScript('stripe'));
  app.get('/elements/payment', () =>
    servePage(paymentPage('/elements/payment.js'))
  );
  app.get('/elements/payment.js', () => serveScript('payment'));
  app.get('/elements/address', () =>
    servePage(addressPage('/elements/address.js'))
  );
  app.get('/elements/address.js', () => serveScript('address'));
  app.get('/elements/3ds.js', () => serveScript('threeDs'));
  app.get('/elements/3ds/:intentId', () =>
    servePage(threeDsPage('/elements/3ds.js'))
  );
  app.get('/checkout/pay.js', () => serveScript('checkout'));
  return app;
}
