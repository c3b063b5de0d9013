/**
 * The element in Chromium, against the Lit floor: gzip size of what a page downloads first,
 * time from navigation to `pay-ready` and to a card form the buyer can type into, and the
 * same for a hello element. Both pages are plain HTML on their own origin, loading the script
 * cross-origin as a merchant's page does; every round is a fresh context (a cold cache). The
 * checkout page comes twice: bare, and with the hints the README tells site owners to add
 * (preconnect to the companion server, preload of the provider's script).
 *
 * `benchElement()` is `npm run bench -- --only element`: this table alone.
 */
import {mkdtempSync, readFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {chromium, type Browser} from 'playwright-core';
import {build} from 'vite';
import {bundleSizes} from '../bundle-size.js';
import {fmt, fmtSpread, spread} from './http.js';
import {freePort} from './processes.js';

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
  helloFile: string,
  /** The Stripe.js the companion's config names (the emulator's), for the hinted page. */
  stripeJsUrl: () => string = () => ''
): Promise<{url: string; server: Server}> {
  const hello = readFileSync(helloFile);
  const checkout = (hints: string) =>
    `<!doctype html><html lang="en"><title>bench</title>${hints}
<script type="module" src="${companion}/pay-checkout.js"></script>
<pay-checkout provider="stripe" server="${companion}" no-email>
  <pay-item sku="tee-black-m" quantity="2"></pay-item>
</pay-checkout>`;
  const hints = () => {
    const script = stripeJsUrl();
    return `
<link rel="preconnect" href="${companion}" crossorigin>
<link rel="modulepreload" href="${companion}/pay-checkout.js">${
      script ? `\n<link rel="preload" as="script" href="${script}">` : ''
    }`;
  };
  const pages: Record<string, () => [string, string | Buffer]> = {
    '/checkout.html': () => ['text/html', checkout('')],
    '/checkout-hints.html': () => ['text/html', checkout(hints())],
    '/hello.html': () => [
      'text/html',
      `<!doctype html><html lang="en"><title>bench</title>
<script type="module" src="/hello.js"></script><hello-element></hello-element>`,
    ],
    '/hello.js': () => ['text/javascript', hello],
  };
  const server = createServer((request, response) => {
    const page = pages[request.url ?? '']?.();
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
  /**
   * Sequential round trips to the companion server before `pay-ready`, the bundle's included
   * (the element only): the longest chain of its requests each started after the previous
   * one's answer had come. 2 is the bundle, then everything else at once.
   */
  ourRoundTrips?: number;
}

/** One cold load of the checkout page: pay-ready and the card field's appearance. */
export async function timeCheckout(
  browser: Browser,
  url: string,
  path = '/checkout.html'
): Promise<PageTimes> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('pay-ready', () => {
        (window as unknown as {payReady: number}).payReady = performance.now();
      });
    });
    await page.goto(`${url}${path}`);
    const field = page.frameLocator(CARD_FRAME).locator('[name=number]');
    await field.waitFor({state: 'visible', timeout: 30_000});
    const usable = await page.evaluate(() => performance.now());
    await page.waitForFunction(() => 'payReady' in window);
    const [ready, requests] = await page.evaluate(() => {
      const readyAt = (window as unknown as {payReady: number}).payReady;
      const script = document.querySelector<HTMLScriptElement>(
        'script[src$="/pay-checkout.js"]'
      )!;
      const companion = new URL(script.src).origin;
      const ours = performance
        .getEntriesByType('resource')
        .filter(
          (entry): entry is PerformanceResourceTiming => 'responseEnd' in entry
        )
        .filter(
          (entry) =>
            new URL(entry.name).origin === companion &&
            entry.startTime < readyAt
        )
        .map(({startTime, responseEnd}) => ({startTime, responseEnd}));
      return [readyAt, ours] as const;
    });
    return {ready, usable, ourRoundTrips: roundTrips(requests)};
  } finally {
    await context.close();
  }
}

/** The longest chain of requests each started once the one before had answered. */
function roundTrips(
  requests: readonly {startTime: number; responseEnd: number}[]
): number {
  const sorted = [...requests].sort((a, b) => a.startTime - b.startTime);
  const depth: number[] = [];
  sorted.forEach((request, i) => {
    depth[i] =
      1 +
      Math.max(
        0,
        ...sorted
          .slice(0, i)
          .map((before, j) =>
            before.responseEnd <= request.startTime ? depth[j]! : 0
          )
      );
  });
  return Math.max(0, ...depth);
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

/** What `benchElement` needs from the bench: a companion server in development mode on `port`. */
export interface ElementBench {
  rounds: number;
  say: (line?: string) => void;
  startCompanion: (
    env: Record<string, string>,
    port: number
  ) => Promise<unknown>;
}

/**
 * `--only element`: the element's table alone, the hello element as its baseline, interleaved
 * round by round (hello, the bare page, the hinted page), so a busy moment hits all three.
 */
export async function benchElement({
  rounds,
  say,
  startCompanion,
}: ElementBench): Promise<void> {
  const helloFile = await buildHello();
  const port = await freePort();
  const companion = `http://127.0.0.1:${port}`;
  // The page's origin must be allowed before the server starts: serve it first, on a port of
  // its own, and hand the Stripe.js URL to the hinted page once the config has said it.
  let stripeJsUrl = '';
  const pages = await servePages(companion, helloFile, () => stripeJsUrl);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    await startCompanion(
      {NODE_ENV: 'development', ALLOWED_ORIGINS: pages.url},
      port
    );
    const config = (await (await fetch(`${companion}/api/config`)).json()) as {
      providers: {stripe?: {jsUrl?: string}};
    };
    stripeJsUrl = config.providers.stripe?.jsUrl ?? '';
    const times = {
      hello: [] as number[],
      bare: [] as PageTimes[],
      hints: [] as PageTimes[],
    };
    await timeCheckout(browser, pages.url); // warms the server's caches, not the browser's
    for (let round = 1; round <= rounds; round++) {
      console.error(`round ${round}/${rounds}…`);
      times.hello.push((await timeHello(browser, pages.url)).ready);
      times.bare.push(await timeCheckout(browser, pages.url));
      times.hints.push(
        await timeCheckout(browser, pages.url, '/checkout-hints.html')
      );
    }
    const bytes = sizes(helloFile);
    const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
    const ratio = (values: number[]) =>
      fmtSpread(spread(values.map((t, i) => t / times.hello[i]!)), 2);
    const row = (cells: string[]) => say(`| ${cells.join(' | ')} |`);
    say('## The element in Chromium');
    say();
    row(['', 'hello Lit element (baseline)', '`<pay-checkout>`', '×']);
    row(['---', '---', '---', '---']);
    row([
      'initial download, gzip',
      kb(bytes.hello),
      kb(bytes.element),
      fmt(bytes.element / bytes.hello, 2),
    ]);
    for (const [name, runs] of [
      ['bare page', times.bare],
      ['page with the README hints', times.hints],
    ] as const) {
      const ready = runs.map((run) => run.ready);
      const usable = runs.map((run) => run.usable!);
      row([
        `${name}: navigation → \`pay-ready\`, ms`,
        fmtSpread(spread(times.hello)),
        fmtSpread(spread(ready)),
        ratio(ready),
      ]);
      row([
        `${name}: navigation → card form usable, ms`,
        '',
        fmtSpread(spread(usable)),
        ratio(usable),
      ]);
      row([
        `${name}: sequential round trips to the companion server`,
        '1 (the bundle)',
        fmtSpread(spread(runs.map((run) => run.ourRoundTrips!))),
        '',
      ]);
    }
    say();
    say(
      `${rounds} rounds, interleaved; median (min–max). Goal: initial ≤ 12 KB, one round trip of ours after the bundle, \`pay-ready\` ≤ 1.5× the hello element.`
    );
  } finally {
    await browser.close();
    pages.server.close();
  }
}
