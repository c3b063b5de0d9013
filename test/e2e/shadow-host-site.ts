/**
 * The shop's own site for the shadow-host tests (issue 14.4): a page on its own origin that
 * defines <my-shop>, a component the way Lit or Stencil renders one, whose open shadow root holds
 * <pay-checkout>; the element is loaded by its script tag from the companion server and its
 * events are recorded in `window.payEvents`. `hostSitePerSuite` serves that page on loopback
 * beside a shop (allowing the site's origin) and a browser, for the suite it is called in.
 */
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before} from 'node:test';
import type {Browser} from 'playwright-core';
import {
  launchChromium,
  productsOnlyCatalog,
  type Shop,
  startShop,
} from './shop.js';

export interface MyShopMarkup {
  /** Added to the page's head after the element's script tag. */
  head?: string;
  /** Before <my-shop> in the page's body. */
  header?: string;
  /** After <my-shop>: something tall, so that the page scrolls. */
  footer: string;
  /** <my-shop>'s shadow root, with the <pay-checkout> in it. */
  shadow: string;
}

export function myShopPage(
  shopUrl: string,
  {head = '', header = '', footer, shadow}: MyShopMarkup
): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>My shop</title>
<script type="module" src="${shopUrl}/pay-checkout.js"></script>
${head}
</head><body>
${header}
<my-shop></my-shop>
${footer}
<script>
  window.payEvents = [];
  for (const type of ['pay-ready', 'pay-submit', 'pay-success', 'pay-error', 'pay-cancel']) {
    document.addEventListener(type, (event) =>
      payEvents.push({type, detail: JSON.parse(JSON.stringify(event.detail))})
    );
  }
  // A framework component (Lit, Stencil) rendering the checkout in its own shadow DOM.
  customElements.define('my-shop', class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      this.attachShadow({mode: 'open'}).innerHTML = ${JSON.stringify(shadow)};
    }
  });
</script>
</body></html>`;
}

export interface HostSite {
  /** The site's origin, where the page is. */
  url: string;
  shop: Shop;
  browser: Browser;
}

/** The site serving `myShopPage(shop.url, markup)`, started before the suite's tests and closed after. */
export function hostSitePerSuite(markup: MyShopMarkup): HostSite {
  let site: (HostSite & {close(): Promise<void>}) | undefined;
  before(async () => {
    site = await startHostSite((shopUrl) => myShopPage(shopUrl, markup));
  });
  after(() => site?.close());
  return {
    get url() {
      return site!.url;
    },
    get shop() {
      return site!.shop;
    },
    get browser() {
      return site!.browser;
    },
  };
}

/** `page` is given the shop's URL once the shop is up (the page loads the element from it). */
async function startHostSite(
  page: (shopUrl: string) => string
): Promise<HostSite & {close(): Promise<void>}> {
  let html = '';
  const site = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(html);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  let shop: Shop, browser: Browser;
  try {
    [shop, browser] = await Promise.all([
      startShop({CATALOG: productsOnlyCatalog(), ALLOWED_ORIGINS: url}),
      launchChromium(),
    ]);
  } catch (error) {
    // An open server would keep the test process alive after the failure.
    site.close();
    throw error;
  }
  html = page(shop.url);
  return {
    url,
    shop,
    browser,
    async close() {
      await browser.close();
      await shop.stop();
      await new Promise((resolve) => site.close(resolve));
    },
  };
}
