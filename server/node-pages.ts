/**
 * The files the Node server serves besides the API: the script-tag bundle of the installed
 * `pay-checkout` (always: merchants' pages load it), the demo shop (development, or
 * SERVE_DEMO=1), and /dev/mail (development without SMTP). Every page carries a strict Content
 * Security Policy: the demo's is exactly what `pay-checkout-server csp` prints for a checkout
 * page, with a fresh nonce in every answer, handed to `<pay-checkout nonce>`.
 */
import {randomBytes} from 'node:crypto';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {serveStatic} from '@hono/node-server/serve-static';
import type {Handler, Hono, MiddlewareHandler} from 'hono';
import type {Catalog} from './catalog/index.js';
import {checkoutPagePolicy, type PagePolicySources} from './csp.js';
import {DEMO_DIR} from './demo-files.js';
import type {StoredEmail} from './notify/mailers.js';
import {devMailRoutes} from './routes/dev-mail.js';

interface PagesOptions {
  catalog: Catalog;
  /** The demo shop at `/`, `/return.html` and `/catalog.json`. */
  demo: boolean;
  /** What the demo's element loads (the gateways on offer), for its page's policy. */
  providers: readonly PagePolicySources[];
  /** /dev/mail's listing (development without SMTP_URL). */
  devMail?: () => Promise<StoredEmail[]>;
}

/** Mounts the pages on `app`, after the API; answers whether the widget bundle was found. */
export function mountPages(app: Hono, options: PagesOptions): boolean {
  if (options.devMail) app.route('/dev/mail', devMailRoutes(options.devMail));

  const bundleDir = widgetBundleDir();
  const bundled = existsSync(join(bundleDir, 'pay-checkout.js'));
  if (bundled) {
    // Module scripts load in CORS mode: a merchant's page on another origin needs this header.
    app.use('/pay-checkout.js', allowAnyOrigin);
    app.use('/chunks/*', allowAnyOrigin);
    app.use('/*', serveStatic({root: bundleDir}));
  }

  if (options.demo) {
    app.get('/catalog.json', (c) =>
      c.json({
        defaultCurrency: options.catalog.defaultCurrency,
        products: options.catalog.products,
      })
    );
    const pages = demoPages();
    const page =
      (name: string): Handler =>
      (c) => {
        const nonce = randomBytes(16).toString('base64');
        c.header(
          'Content-Security-Policy',
          checkoutPagePolicy({
            server: ["'self'"],
            gateways: options.providers,
            nonce,
          })
        );
        c.header('Cache-Control', 'no-store');
        return c.html(
          pages
            .get(name)!
            .replace(
              /<pay-checkout(?=[\s>])/g,
              `<pay-checkout nonce="${nonce}"`
            )
        );
      };
    app.get('/', page('index.html'));
    for (const name of pages.keys()) app.get(`/${name}`, page(name));
    app.use('/*', serveStatic({root: DEMO_DIR}));
  }
  return bundled;
}

/** The demo's HTML pages by file name, read once. */
function demoPages(): Map<string, string> {
  return new Map(
    readdirSync(DEMO_DIR)
      .filter((file) => file.endsWith('.html'))
      .map((file) => [file, readFileSync(join(DEMO_DIR, file), 'utf8')])
  );
}

/** `pay-checkout/dist/cdn/`: the script-tag bundle of the element package this server depends on. */
export function widgetBundleDir(): string {
  const require = createRequire(import.meta.url);
  return join(
    dirname(require.resolve('pay-checkout/package.json')),
    'dist/cdn'
  );
}

const allowAnyOrigin: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', '*');
};
