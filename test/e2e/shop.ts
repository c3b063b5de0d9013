/**
 * The real shop for end-to-end tests: `server/bin.ts` in a child process on a free loopback
 * port, with its own SQLite file and the emulators it starts itself — what `npm start` runs.
 * The widget bundle must be built first (`npm run build`).
 */
import {type ChildProcess, spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before} from 'node:test';
import Database from 'better-sqlite3';
import type {Browser} from 'playwright-core';
import {launchChromium} from '../../emulators/test/chromium.js';

/** Headless Chromium, shared with the emulators' browser tests. */
export {launchChromium};

/**
 * A catalog file of the demo's products without its shipping, tax and discount rules (a shop
 * that charges the items' prices and asks for no address), for `CATALOG`: suites about
 * something else than those rules. Written once per process, into a temporary folder.
 */
export function productsOnlyCatalog(): string {
  if (productsOnly) return productsOnly;
  const data = JSON.parse(readFileSync('demo/catalog.json', 'utf8')) as Record<
    string,
    unknown
  >;
  delete data.shipping;
  delete data.tax;
  delete data.discounts;
  const dir = mkdtempSync(join(tmpdir(), 'pay-checkout-catalog-'));
  productsOnly = join(dir, 'catalog.json');
  writeFileSync(productsOnly, JSON.stringify(data));
  return productsOnly;
}
let productsOnly: string | undefined;

export interface Shop {
  url: string;
  /** The Stripe emulator the shop started, when it runs without keys. */
  stripeUrl?: string;
  databaseFile: string;
  /** Reads the shop's database (read-only) for assertions. */
  query<T>(sql: string, ...params: unknown[]): T[];
  output(): string;
  /** Kills the process at once, as a crash would: no shutdown, no cleanup. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface ShopOptions {
  databaseFile?: string;
  /** What to run instead of `server/bin.ts` from source, e.g. an installed package's bin. */
  command?: {file: string; args: string[]; cwd: string};
}

export async function startShop(
  env: Record<string, string> = {},
  options: ShopOptions = {}
): Promise<Shop> {
  const dir = mkdtempSync(join(tmpdir(), 'pay-checkout-e2e-'));
  const databaseFile = options.databaseFile ?? join(dir, 'orders.sqlite');
  const command = options.command ?? {
    file: process.execPath,
    args: ['--import', 'tsx', 'server/bin.ts'],
    cwd: process.cwd(),
  };
  const child: ChildProcess = spawn(command.file, command.args, {
    cwd: command.cwd,
    env: {
      ...process.env,
      PORT: '0',
      DATABASE_URL: `sqlite:${databaseFile}`,
      MAIL_DIR: join(dir, 'mail'),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<{url: string; stripeUrl?: string}>(
    (resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const shop = /Shop:\s+(http:\/\/\S+?)\/?\s/.exec(output);
        const stripe = /Stripe emulator runs at (http:\/\/\S+)/.exec(output);
        if (shop) resolve({url: shop[1], stripeUrl: stripe?.[1]});
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) =>
        reject(
          new Error(`the shop exited (${code}) before it was ready:\n${output}`)
        )
      );
      setTimeout(
        () =>
          reject(new Error(`the shop did not start within 30 s:\n${output}`)),
        30_000
      ).unref();
    }
  );
  const {url, stripeUrl} = await ready;
  let db: Database.Database | undefined;
  return {
    url,
    stripeUrl,
    databaseFile,
    query<T>(sql: string, ...params: unknown[]) {
      db ??= new Database(databaseFile, {readonly: true, fileMustExist: true});
      return db.prepare(sql).all(...params) as T[];
    },
    output: () => output,
    async kill() {
      db?.close();
      db = undefined;
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }
    },
    async stop() {
      db?.close();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.databaseFile) rmSync(dir, {recursive: true, force: true});
    },
  };
}

/** The shop and the browser a suite's tests share: read them inside the tests. */
export interface SuiteShop {
  readonly shop: Shop;
  readonly browser: Browser;
}

/**
 * Called in a `describe`: starts the shop (with `env`) and headless Chromium before the suite's
 * tests, closes the browser and stops the shop after them.
 */
export function shopAndBrowserPerSuite(
  env: Record<string, string> = {}
): SuiteShop {
  let shop: Shop | undefined;
  let browser: Browser | undefined;
  before(async () => {
    [shop, browser] = await Promise.all([startShop(env), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await shop?.stop();
  });
  return {
    get shop() {
      return shop!;
    },
    get browser() {
      return browser!;
    },
  };
}
