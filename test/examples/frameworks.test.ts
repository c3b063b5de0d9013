/**
 * The React 19, Vue 3 and Svelte 5 example shops (demo/react, demo/vue, demo/svelte) as a
 * developer meets them: each is copied out of the repository, installed from the packed
 * tarball (`npm run pack` first) and the registry, type-checked strictly, built with Vite,
 * served on loopback, and bought from with 4242 in Chromium against the companion server.
 * The React shop is also rendered with react-dom/server and hydrated in the browser.
 *
 *   npm run pack && npm run test:examples
 */
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {extname, join, resolve} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {pathToFileURL} from 'node:url';
import type {Browser, Page} from 'playwright-core';
import {expectText} from '../e2e/page.js';
import {
  launchChromium,
  productsOnlyCatalog,
  type Shop,
  startShop,
} from '../e2e/shop.js';

const TARBALL = resolve('dist/packages/pay-checkout-0.1.0.tgz');
const EXAMPLES = ['react', 'vue', 'svelte'] as const;
type Name = (typeof EXAMPLES)[number];
const CARD_FRAME = 'iframe[title="Secure payment input frame"]';

/** Runs a command to the end; rejects with its output (the error's `output`) when it fails. */
function run(command: string, args: string[], cwd: string, env = {}) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: {...process.env, ...env},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(
            Object.assign(
              new Error(
                `${command} ${args.join(' ')} (in ${cwd}): ${code}\n${output}`
              ),
              {output}
            )
          )
    );
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** A static server for a built app (its dist/), on a free loopback port; `pages` answer first. */
async function serve(
  dir: () => string,
  pages: Record<string, () => Promise<string>> = {}
): Promise<{server: Server; origin: string}> {
  const server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    const page = pages[path];
    if (page) {
      page().then(
        (html) => {
          res.setHeader('content-type', TYPES['.html']);
          res.end(html);
        },
        (error: Error) => {
          res.statusCode = 500;
          res.end(String(error.stack));
        }
      );
      return;
    }
    const file = join(dir(), path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir()) || !existsSync(file)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', TYPES[extname(file)] ?? 'text/plain');
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {server, origin: `http://127.0.0.1:${port}`};
}

/** A TypeScript project that uses the raw elements in Preact's and Solid's JSX. */
function writeJsxProject(dir: string) {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({
      private: true,
      type: 'module',
      dependencies: {
        'pay-checkout': `file:${TARBALL}`,
        preact: '11.2.0',
        'solid-js': '1.9.20',
        typescript: '5.9.3',
      },
    }),
    'ok.tsx': `import 'pay-checkout';
import type {} from 'pay-checkout/jsx';

export const Checkout = (props: {onPaid: (orderId: string) => void}) => (
  <pay-checkout server="https://shop.example" no-email onpay-success={(event) => props.onPaid(event.detail.orderId)}>
    <pay-item sku="tee-black-m" quantity={2} />
  </pay-checkout>
);
`,
    'wrong.tsx': `import type {} from 'pay-checkout/jsx';

export const Wrong = () => (
  <pay-checkout server={42} onpay-success={(event) => event.detail.nope}>
    <pay-item sku="tee-black-m" price="1" />
  </pay-checkout>
);
`,
  };
  for (const [jsxImportSource, jsx] of [
    ['preact', 'react-jsx'],
    ['solid-js', 'preserve'],
  ])
    files[`tsconfig.${jsxImportSource}.json`] = JSON.stringify({
      compilerOptions: {
        strict: true,
        jsx,
        jsxImportSource,
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM'],
        types: [],
        skipLibCheck: false,
        noEmit: true,
      },
      files: ['ok.tsx', 'wrong.tsx'],
    });
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files))
    writeFileSync(join(dir, name), text);
}

interface OrderRow {
  status: string;
  total: number;
}

describe('the framework example shops, installed from the packed tarball', () => {
  const work = mkdtempSync(join(tmpdir(), 'pay-checkout-examples-'));
  const app = (name: Name) => join(work, name);
  let shop: Shop;
  let browser: Browser;
  const sites = {} as Record<Name, {server: Server; origin: string}>;
  /** Each example's install, then its type-check and build (started at once, awaited by the tests). */
  let jsxInstall: Promise<string>;
  const ready = {} as Record<
    Name,
    {
      install: Promise<string>;
      typecheck: Promise<string>;
      build: Promise<string>;
    }
  >;

  /** What react-dom/server renders for the hydration test, with the props it was given. */
  async function serverRendered(): Promise<string> {
    const entry = pathToFileURL(
      join(app('react'), 'dist-server/entry-server.js')
    );
    const {render} = (await import(entry.href)) as {
      render(props: unknown): string;
    };
    const props = {
      server: shop.url,
      initialCart: [{sku: 'tee-black-m', quantity: 2}],
    };
    const json = JSON.stringify(props).replaceAll('<', '\\u003c');
    return readFileSync(join(app('react'), 'dist/index.html'), 'utf8')
      .replace('<!--app-html-->', render(props))
      .replace(
        '</body>',
        `<script type="application/json" id="app-props">${json}</script></body>`
      );
  }

  before(async () => {
    assert.ok(
      existsSync(TARBALL),
      `${TARBALL} is missing: run \`npm run pack\``
    );
    // The demo's products without its shipping, tax and discount rules (the apps list them,
    // the shop sells them): these apps show how the element is embedded in each framework,
    // and their cart needs no address.
    cpSync(productsOnlyCatalog(), join(work, 'catalog.json'));
    for (const name of EXAMPLES) {
      cpSync(join('demo', name), app(name), {
        recursive: true,
        filter: (source) =>
          !/[/\\](node_modules|dist|dist-server)$/.test(source),
      });
      // The only change to the example: its pay-checkout is this build's tarball.
      const manifest = join(app(name), 'package.json');
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
        dependencies: Record<string, string>;
      };
      assert.match(
        pkg.dependencies['pay-checkout'],
        /^file:.*pay-checkout-0\.1\.0\.tgz$/
      );
      pkg.dependencies['pay-checkout'] = `file:${TARBALL}`;
      writeFileSync(manifest, JSON.stringify(pkg, null, 2));
    }
    for (const name of EXAMPLES)
      sites[name] = await serve(
        () => join(app(name), 'dist'),
        name === 'react' ? {'/ssr': serverRendered} : {}
      );

    writeJsxProject(join(work, 'jsx'));
    jsxInstall = run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline'],
      join(work, 'jsx')
    );
    jsxInstall.catch(() => {});
    const installs = EXAMPLES.map((name) =>
      run(
        'npm',
        ['install', '--no-audit', '--no-fund', '--prefer-offline'],
        app(name)
      )
    );
    [shop, browser] = await Promise.all([
      // The demo's products without its rules: these carts need no address.
      startShop({
        CATALOG: productsOnlyCatalog(),
        ALLOWED_ORIGINS: EXAMPLES.map((name) => sites[name].origin).join(','),
      }),
      launchChromium(),
    ]);
    EXAMPLES.forEach((name, i) => {
      const typecheck = installs[i].then(() =>
        run('npm', ['run', 'typecheck'], app(name))
      );
      const build = installs[i].then(() =>
        run('npm', ['run', 'build'], app(name), {VITE_PAY_SERVER: shop.url})
      );
      // Awaited by the tests; a failure is reported there, not as an unhandled rejection.
      for (const step of [installs[i], typecheck, build]) step.catch(() => {});
      ready[name] = {install: installs[i], typecheck, build};
    });
  });

  after(async () => {
    // Let the installs and builds end before their folder goes.
    await Promise.allSettled([
      jsxInstall,
      ...Object.values(ready).flatMap((steps) => Object.values(steps)),
    ]);
    await browser?.close();
    await shop?.stop();
    for (const {server} of Object.values(sites))
      await new Promise((resolve) => server.close(resolve));
    rmSync(work, {recursive: true, force: true});
  });

  /** Fills the email and the card, presses Pay, and returns the order id the app thanks for. */
  async function pay(page: Page, total: string): Promise<string> {
    await expectText(page, 'pay-checkout [part~="total"]', total);
    const card = page.frameLocator(CARD_FRAME);
    await card.locator('[name=number]').fill('4242424242424242');
    await card.locator('[name=expiry]').fill('12 / 34');
    await card.locator('[name=cvc]').fill('123');
    await card.locator('[name=postalCode]').fill('94110');
    await page
      .locator('pay-checkout')
      .getByLabel('Email')
      .fill('buyer@example.com');
    await page
      .locator('pay-checkout')
      .getByRole('button', {name: /^Pay/})
      .click();
    // The app's own pay-success handler replaces the shop with this.
    await page
      .getByRole('heading', {name: 'Thank you'})
      .waitFor({timeout: 20_000})
      .catch(async (error: Error) => {
        const shown = await page.evaluate(() =>
          [
            document.body.innerText,
            document.querySelector('pay-checkout')?.shadowRoot?.textContent,
          ]
            .join('\n')
            .replace(/\s*\n\s*/g, '\n')
        );
        throw new Error(`${error.message}\nThe page shows:\n${shown}`);
      });
    const orderId = (await page.locator('main output').textContent()) ?? '';
    assert.match(await page.locator('main').innerText(), /Order \S+ is paid/);
    return orderId;
  }

  function assertPaid(orderId: string, total: number) {
    const rows = shop.query<OrderRow>(
      'SELECT status, total FROM orders WHERE id = ?',
      orderId
    );
    assert.deepEqual(rows, [{status: 'paid', total}], `order ${orderId}`);
  }

  /** Opens the built app, puts a tee and a mug in the cart and buys them. */
  async function buyTeeAndMug(name: Name, query = '') {
    await ready[name].build;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${sites[name].origin}/${query}`);
    await page
      .getByRole('button', {name: 'Add to cart: Black tee, size M'})
      .click();
    await page
      .getByRole('button', {name: 'Add to cart: Enamel camp mug'})
      .click();
    const orderId = await pay(page, '$39.50');
    assertPaid(orderId, 3950);
    assert.deepEqual(errors, []);
    await page.close();
  }

  it('React: tsc --strict passes with pay-checkout/react and pay-checkout/jsx', async () => {
    await ready.react.typecheck;
  });
  it('Vue: vue-tsc with strictTemplates passes with pay-checkout/vue', async () => {
    await ready.vue.typecheck;
  });
  it('Svelte: svelte-check passes with pay-checkout/svelte, warnings included', async () => {
    const output = await ready.svelte.typecheck;
    assert.match(output, /found 0 errors and 0 warnings/);
  });

  for (const [framework, jsxImportSource] of [
    ['Preact', 'preact'],
    ['Solid', 'solid-js'],
  ]) {
    it(`pay-checkout/jsx types the elements in ${framework}'s JSX`, async () => {
      await jsxInstall;
      const tsc = await run(
        'npx',
        ['tsc', '-p', `tsconfig.${jsxImportSource}.json`],
        join(work, 'jsx')
      ).then(
        () => '',
        (error: {output?: string}) => error.output ?? String(error)
      );
      // ok.tsx is clean; each mistake in wrong.tsx is caught, and nothing else.
      const errors = tsc.split('\n').filter((line) => /error TS/.test(line));
      assert.equal(errors.length, 3, tsc);
      assert.ok(
        errors.every((line) => line.startsWith('wrong.tsx')),
        tsc
      );
      assert.match(tsc, /'number' is not assignable to type 'string'/);
      assert.match(tsc, /'nope' does not exist on type 'PaySuccessDetail'/);
      assert.match(tsc, /'price' does not exist/);
    });
  }

  it('the installed package has editor data for both elements (web-types, VS Code)', async () => {
    await ready.react.install;
    const installed = join(app('react'), 'node_modules/pay-checkout');
    const json = (path: string) =>
      JSON.parse(readFileSync(join(installed, path), 'utf8')) as unknown;
    const pkg = json('package.json') as {'web-types': string};
    const webTypes = json(pkg['web-types']) as {
      contributions: {
        html: {elements: {name: string; events: {name: string}[]}[]};
      };
    };
    const [checkout, item] = webTypes.contributions.html.elements;
    assert.deepEqual([checkout.name, item.name], ['pay-checkout', 'pay-item']);
    assert.ok(checkout.events.some((event) => event.name === 'pay-success'));
    const vscode = json('dist/vscode.html-custom-data.json') as {
      tags: {name: string; attributes: {name: string}[]}[];
    };
    assert.deepEqual(
      vscode.tags.map((tag) => tag.name),
      ['pay-checkout', 'pay-item']
    );
    assert.ok(vscode.tags[0].attributes.some((a) => a.name === 'server'));
  });

  it('React: buys with 4242 through <PayCheckout> (pay-checkout/react)', () =>
    buyTeeAndMug('react'));
  it('React: buys with 4242 through the raw <pay-checkout> element', () =>
    buyTeeAndMug('react', '?element'));
  it('Vue: buys with 4242', () => buyTeeAndMug('vue'));
  it('Svelte: buys with 4242', () => buyTeeAndMug('svelte'));

  it('React: rendered by react-dom/server and hydrated, pay-success still reaches the handler', async () => {
    await ready.react.build;
    const page = await browser.newPage();
    // The <pay-checkout> the server rendered, as parsed (before any script of the page runs).
    await page.addInitScript(() =>
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive')
          Object.assign(window, {
            serverRendered: document.querySelector('pay-checkout'),
          });
      })
    );
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const response = await page.goto(`${sites.react.origin}/ssr`);
    // The checkout was in the server's HTML, with its server as an attribute so that it starts
    // before hydration, and hydration (not a client render) made it work.
    assert.match(
      await response!.text(),
      /<main><h1>React shop<\/h1>.*<pay-checkout server="http:\/\/localhost:\d+"><\/pay-checkout>/s
    );
    await expectText(page, 'pay-checkout [part~="total"]', '$50.00');
    assert.ok(
      await page.evaluate(
        () =>
          document.querySelector('pay-checkout') ===
          (window as unknown as {serverRendered: Element}).serverRendered
      ),
      'hydration kept the server-rendered element'
    );
    // React is live after hydration: the cart grows, and the element re-quotes it.
    await page
      .getByRole('button', {name: 'Add to cart: Enamel camp mug'})
      .click();
    const orderId = await pay(page, '$64.50');
    assertPaid(orderId, 6450);
    assert.deepEqual(errors, [], 'no hydration error, nothing thrown');
    await page.close();
  });
});
