/**
 * The element in Chromium, against the Lit floor: gzip size of what a page downloads first,
 * time from navigation to `pay-ready` and to a card form the buyer can type into, and the
 * same for a hello element. Both pages are plain HTML on their own origin, loading the script
 * cross-origin as a merchant's page does; every round is a fresh context (a cold cache).
 */
import {mkdtempSync, readFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Browser} from 'playwright-core';
import {build} from 'vite';
import {bundleSizes} from '../bundle-size.js';

const CARD_FRAME = 'iframe[title="Secure payment input frame"]';

/** Builds the hello element with the widget's Vite settings; returns its file. */
export async function buildHello(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'pay-bench-hello-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      target: 'es2022',
      outDir,
      minify: true,
      lib: {
        entry: 'scripts/bench/hello/hello-element.ts',
        formats: ['es'],
        fileName: () => 'hello.js',
      },
      rolldownOptions: {
        output: {
          minify: true,
          comments: {legal: true, annotation: false, jsdoc: false},
        },
      },
    },
  });
  return join(outDir, 'hello.js');
}

export function sizes(helloFile: string) {
  return {
    element: bundleSizes('widget/dist/cdn/pay-checkout.js').initialSize,
    hello: bundleSizes(helloFile).initialSize,
  };
}

/** The merchant's page: static HTML on its own origin. */
export async function servePages(
  companion: string,
  helloFile: string
): Promise<{url: string; server: Server}> {
  const hello = readFileSync(helloFile);
  const pages: Record<string, [string, string | Buffer]> = {
    '/checkout.html': [
      'text/html',
      `<!doctype html><html lang="en"><title>bench</title>
<script type="module" src="${companion}/pay-checkout.js"></script>
<pay-checkout provider="stripe" server="${companion}" no-email>
  <pay-item sku="tee-black-m" quantity="2"></pay-item>
</pay-checkout>`,
    ],
    '/hello.html': [
      'text/html',
      `<!doctype html><html lang="en"><title>bench</title>
<script type="module" src="/hello.js"></script><hello-element></hello-element>`,
    ],
    '/hello.js': ['text/javascript', hello],
  };
  const server = createServer((request, response) => {
    const page = pages[request.url ?? ''];
    if (!page) return void response.writeHead(404).end();
    response.writeHead(200, {'content-type': page[0]}).end(page[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as {port: number};
  return {url: `http://127.0.0.1:${port}`, server};
}

export interface PageTimes {
  /** ms from navigation start to the element's ready event. */
  ready: number;
  /** ms to a card number field that can be typed into (the element only). */
  usable?: number;
}

/** One cold load of the checkout page: pay-ready and the card field's appearance. */
export async function timeCheckout(
  browser: Browser,
  url: string
): Promise<PageTimes> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('pay-ready', () => {
        (window as unknown as {payReady: number}).payReady = performance.now();
      });
    });
    await page.goto(`${url}/checkout.html`);
    const field = page.frameLocator(CARD_FRAME).locator('[name=number]');
    await field.waitFor({state: 'visible', timeout: 30_000});
    const usable = await page.evaluate(() => performance.now());
    await page.waitForFunction(() => 'payReady' in window);
    const ready = await page.evaluate(
      () => (window as unknown as {payReady: number}).payReady
    );
    return {ready, usable};
  } finally {
    await context.close();
  }
}

export async function timeHello(
  browser: Browser,
  url: string
): Promise<PageTimes> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('hello-ready', () => {
        (window as unknown as {helloReady: number}).helloReady =
          performance.now();
      });
    });
    await page.goto(`${url}/hello.html`);
    await page.waitForFunction(() => 'helloReady' in window);
    const ready = await page.evaluate(
      () => (window as unknown as {helloReady: number}).helloReady
    );
    return {ready};
  } finally {
    await context.close();
  }
}
