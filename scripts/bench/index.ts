/**
 * `npm run bench`: the figures of BENCHMARKS.md, each against a baseline measured in the same
 * run, interleaved round by round so that a slow moment of the machine hits both:
 *
 * - POST /api/quote against a bare Hono JSON route and an Express 5 one (requests/s, p99);
 * - POST /api/stripe/payment-intents against the Stripe emulator's own create call, the
 *   emulator in its own process;
 * - webhook ingest (distinct events, then the same events again) on SQLite and PostgreSQL,
 *   against the bare Hono route;
 * - the server's resident memory idle and after the load;
 * - the element's initial download and its time to `pay-ready` and to a usable card form in
 *   Chromium, against a hello Lit element built by the same Vite.
 *
 * Settings: BENCH_ROUNDS (5), BENCH_SECONDS per HTTP measurement (3), BENCH_EVENTS per round
 * (1000), BENCH_DATABASE_URL or TEST_DATABASE_URL for PostgreSQL (skipped without). Everything
 * listens on 127.0.0.1 and stops when the run ends. Needs `npm run build` (the script runs it).
 *
 * While working on one figure: `tsx scripts/bench/index.ts --only quote --source` measures the
 * quote table alone (bare Hono, Express, the quote), with the server run from source (tsx), no
 * build; it prints the table and leaves BENCHMARKS.md as it is. `--only webhooks` does the same
 * for the webhook table (bare Hono as its baseline, SQLite, and PostgreSQL when configured).
 * `--only element` measures the element's table alone (browser.ts `benchElement`): needs
 * `npm run build:widget`, and the server's build unless `--source`.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {cpus, tmpdir, totalmem} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {chromium} from 'playwright-core';
import {
  benchElement,
  buildHello,
  servePages,
  sizes,
  timeCheckout,
  timeHello,
} from './browser.js';
import {BENCH_KEYS} from './emulator.js';
import {
  CART,
  CREATE,
  createOrders,
  freshPostgres,
  signedEvents,
} from './workload.js';
import {fmt, fmtSpread, load, type LoadResult, spread} from './http.js';
import {type Child, freePort, startChild} from './processes.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1000);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const {values: flags} = parseArgs({
  options: {
    // `quote`, `webhooks` or `element`: that table alone, and BENCHMARKS.md is not written.
    only: {type: 'string'},
    // The companion server from source (tsx) rather than from its build.
    source: {type: 'boolean', default: false},
  },
});
if (
  flags.only !== undefined &&
  !['quote', 'webhooks', 'element'].includes(flags.only)
)
  throw new Error(
    `--only ${flags.only}: \`--only quote\`, \`--only webhooks\` and \`--only element\` exist`
  );
const ALL = flags.only === undefined;
const WEBHOOKS = ALL || flags.only === 'webhooks';
const SERVER = flags.source
  ? ['--import', 'tsx', 'server/bin.ts']
  : ['server/dist/bin.js'];
const children: Child[] = [];
const cleanups: (() => unknown)[] = [];
const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

async function child(
  args: string[],
  options?: Parameters<typeof startChild>[1]
) {
  const started = await startChild(args, options);
  children.push(started);
  return started;
}

/** The companion server from its build, on a store of its own. */
async function companion(
  databaseUrl: string,
  env: Record<string, string>,
  port?: number
) {
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'pay-bench-'));
  cleanups.push(() => rmSync(dir, {recursive: true, force: true}));
  return child(SERVER, {
    port,
    ready: /Shop:|listening|pay-checkout server/i,
    env: {
      PORT: String(port),
      CATALOG: 'demo/catalog.json',
      DATABASE_URL: databaseUrl,
      MAIL_DIR: join(dir, 'mail'),
      RECONCILE_INTERVAL_SECONDS: '0',
      // The abuse limits (0: none) would stop a load test from one address; the bench measures the path.
      RATE_LIMIT_CREATE_PER_MINUTE: '0',
      RATE_LIMIT_QUOTE_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
}

/** Production, with the bench's Stripe keys against the emulator in its own process. */
const production = (port: number, emulatorPort: number) => ({
  NODE_ENV: 'production',
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  STRIPE_SECRET_KEY: BENCH_KEYS.secretKey,
  STRIPE_PUBLISHABLE_KEY: BENCH_KEYS.publishableKey,
  STRIPE_WEBHOOK_SECRET: BENCH_KEYS.webhookSecret,
  STRIPE_API_BASE: `http://127.0.0.1:${emulatorPort}`,
});

function check(name: string, result: LoadResult) {
  if (result.non2xx || result.errors)
    throw new Error(
      `${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors of ${result.count}`
    );
  return result;
}

type Rounds = Record<'hono' | 'express' | 'quote', LoadResult[]>;

/** One round of the quote table: bare Hono, Express, then the quote, each for SECONDS. */
async function quoteRound(
  rounds: Rounds,
  servers: Record<keyof Rounds, Child>
) {
  const body = JSON.stringify(CART);
  for (const name of ['hono', 'express', 'quote'] as const) {
    const server = servers[name];
    const url = `http://127.0.0.1:${server.port}/api/quote`;
    const cpuBefore = server.cpuMs();
    const result = check(name, await load({url, body, seconds: SECONDS}));
    // The server's own CPU time per answer: what the load generator and a busy machine
    // disturb least.
    result.cpuUsPerRequest =
      ((server.cpuMs() - cpuBefore) * 1000) / result.count;
    rounds[name].push(result);
  }
}

const rps = (r: LoadResult) => r.requestsPerSecond;
const p99 = (r: LoadResult) => r.p99Ms;
const cpu = (r: LoadResult) => r.cpuUsPerRequest ?? NaN;
/** `pick(a) / pick(b)` round by round: each ratio against the baseline measured next to it. */
const perRound = (
  a: LoadResult[],
  b: LoadResult[],
  pick: (r: LoadResult) => number
) => spread(a.map((r, i) => pick(r) / pick(b[i]!)));
const row = (cells: string[]) => say(`| ${cells.join(' | ')} |`);

function quoteTable(rounds: Rounds) {
  say('## HTTP: `POST /api/quote`');
  say();
  row([
    'route',
    'requests/s',
    'p99 ms',
    'server CPU µs/request',
    '× bare Hono (requests/s)',
    '× bare Hono (p99)',
    '× bare Hono (CPU)',
  ]);
  row(['---', '---', '---', '---', '---', '---', '---']);
  const cells = (name: keyof Rounds) => [
    fmtSpread(spread(rounds[name].map(rps))),
    fmtSpread(spread(rounds[name].map(p99))),
    fmtSpread(spread(rounds[name].map(cpu)), 1),
  ];
  row(['bare Hono JSON route (baseline)', ...cells('hono'), '1', '1', '1']);
  for (const [name, label] of [
    ['express', 'Express 5 JSON route'],
    ['quote', '`POST /api/quote`'],
  ] as const) {
    row([
      label,
      ...cells(name),
      fmtSpread(perRound(rounds[name], rounds.hono, rps), 2),
      fmtSpread(perRound(rounds[name], rounds.hono, p99), 2),
      fmtSpread(perRound(rounds[name], rounds.hono, cpu), 2),
    ]);
  }
  say();
  say(
    `32 connections, ${SECONDS} s each; the server's CPU time (user + system) per answer from /proc. Goal: quote ≥ 0.7× bare Hono, p99 ≤ 2×.`
  );
  say();
}

async function main() {
  if (flags.only === 'element') {
    const dir = mkdtempSync(join(tmpdir(), 'pay-bench-db-'));
    cleanups.push(() => rmSync(dir, {recursive: true, force: true}));
    return benchElement({
      rounds: ROUNDS,
      say,
      startCompanion: (env, port) =>
        companion(`sqlite:${join(dir, 'browser.sqlite')}`, env, port),
    });
  }
  const started = new Date();
  const helloFile = ALL ? await buildHello() : '';
  const [hono, express, emulator] = await Promise.all([
    child(['--import', 'tsx', 'scripts/bench/targets.ts', 'hono']),
    child(['--import', 'tsx', 'scripts/bench/targets.ts', 'express']),
    child(['--import', 'tsx', 'scripts/bench/emulator.ts']),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'pay-bench-db-'));
  cleanups.push(() => rmSync(dir, {recursive: true, force: true}));
  const sqlitePort = await freePort();
  const sqlite = await companion(
    `sqlite:${join(dir, 'orders.sqlite')}`,
    production(sqlitePort, emulator.port),
    sqlitePort
  );
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const idleRss = sqlite.rssMb();
  const pgPort = await freePort();
  const postgres =
    WEBHOOKS && PG_URL
      ? await companion(
          await freshPostgres(PG_URL),
          production(pgPort, emulator.port),
          pgPort
        )
      : undefined;

  const url = (server: Child, path: string) =>
    `http://127.0.0.1:${server.port}${path}`;
  const cart = JSON.stringify(CART);
  const rounds = {
    hono: [] as LoadResult[],
    express: [] as LoadResult[],
    quote: [] as LoadResult[],
    emulatorCreate: [] as LoadResult[],
    paymentIntents: [] as LoadResult[],
    webhooks: {} as Record<
      string,
      {distinct: LoadResult[]; duplicate: LoadResult[]}
    >,
  };
  const stores = [
    ['SQLite', sqlite],
    ...(postgres ? [['PostgreSQL', postgres] as const] : []),
  ] as const;
  for (const [name] of stores)
    rounds.webhooks[name] = {distinct: [], duplicate: []};

  /** The webhook table: each store's distinct events and duplicates against bare Hono. */
  function webhookTable() {
    say('## Webhook ingest: `POST /api/webhooks/stripe`');
    say();
    row([
      'store',
      'events',
      'acknowledged/s',
      'p99 ms',
      'server CPU µs/event',
      '× bare Hono (requests/s)',
    ]);
    row(['---', '---', '---', '---', '---', '---']);
    for (const [name] of stores) {
      const {distinct, duplicate} = rounds.webhooks[name]!;
      row([
        name,
        'distinct (each pays an order)',
        fmtSpread(spread(distinct.map(rps))),
        fmtSpread(spread(distinct.map(p99))),
        fmtSpread(spread(distinct.map(cpu))),
        fmtSpread(perRound(distinct, rounds.hono, rps), 2),
      ]);
      row([
        name,
        'duplicates (the same again)',
        fmtSpread(spread(duplicate.map(rps))),
        fmtSpread(spread(duplicate.map(p99))),
        fmtSpread(spread(duplicate.map(cpu))),
        fmtSpread(perRound(duplicate, rounds.hono, rps), 2),
      ]);
    }
    if (!postgres)
      say('| PostgreSQL | — | not measured: set BENCH_DATABASE_URL | | | |');
    say();
    say(
      `${fmt(EVENTS)} signed \`payment_intent.succeeded\` events per round over 32 connections, for orders created just before. Goal: ≥ 5,000/s on SQLite and ≥ 2,000/s on PostgreSQL, p99 < 20 ms.`
    );
    say();
  }

  for (let round = 1; round <= ROUNDS; round++) {
    console.error(`round ${round}/${ROUNDS}…`);
    if (flags.only === 'webhooks')
      rounds.hono.push(
        check(
          'hono',
          await load({
            url: url(hono, '/api/quote'),
            body: cart,
            seconds: SECONDS,
          })
        )
      );
    else await quoteRound(rounds, {hono, express, quote: sqlite});
    if (!WEBHOOKS) continue;
    if (ALL) {
      rounds.emulatorCreate.push(
        check(
          'emulator create',
          await load({
            url: url(emulator, '/v1/payment_intents'),
            headers: {
              authorization: `Bearer ${BENCH_KEYS.secretKey}`,
              'content-type': 'application/x-www-form-urlencoded',
            },
            body: 'amount=6450&currency=usd&automatic_payment_methods[enabled]=true&metadata[order_id]=ord_bench',
            connections: 8,
            seconds: SECONDS,
          })
        )
      );
      rounds.paymentIntents.push(
        check(
          'payment-intents',
          await load({
            url: url(sqlite, '/api/stripe/payment-intents'),
            body: JSON.stringify(CREATE),
            connections: 8,
            seconds: SECONDS,
          })
        )
      );
    }
    for (const [name, server] of stores) {
      const events = signedEvents(
        await createOrders(`http://127.0.0.1:${server.port}`, EVENTS)
      );
      const webhookUrl = url(server, '/api/webhooks/stripe');
      // The server's CPU per event, the outbox's work after the answers included (it has
      // 200 ms to finish it before the reading).
      const perEvent = async (label: string) => {
        const cpuBefore = server.cpuMs();
        const result = check(
          label,
          await load({url: webhookUrl, sequence: events})
        );
        await new Promise((resolve) => setTimeout(resolve, 200));
        result.cpuUsPerRequest =
          ((server.cpuMs() - cpuBefore) * 1000) / result.count;
        return result;
      };
      rounds.webhooks[name]!.distinct.push(await perEvent(`${name} webhooks`));
      rounds.webhooks[name]!.duplicate.push(
        await perEvent(`${name} duplicates`)
      );
    }
  }
  if (flags.only === 'quote') {
    quoteTable(rounds);
    return;
  }
  if (flags.only === 'webhooks') {
    webhookTable();
    return;
  }
  // Right after the last round (the figure the goal is about), and again after 10 s without
  // requests: what the process still holds once nothing is under way. No GC is asked for.
  const loadedRss = sqlite.rssMb();
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const settledRss = sqlite.rssMb();

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
  cleanups.push(() => browser.close());
  // In the browser the card form must load, so this server runs as `npm start` does, its
  // emulators serving the Stripe.js fake; the merchant's page and it know each other's origin.
  const browserPort = await freePort();
  const pages = await servePages(`http://127.0.0.1:${browserPort}`, helloFile);
  cleanups.push(() => pages.server.close());
  await companion(
    `sqlite:${join(dir, 'browser.sqlite')}`,
    // (Vite's build has set NODE_ENV=production in this process.)
    {NODE_ENV: 'development', ALLOWED_ORIGINS: pages.url},
    browserPort
  );
  const times = {
    hello: [] as number[],
    ready: [] as number[],
    usable: [] as number[],
  };
  await timeCheckout(browser, pages.url); // warms the server's caches, not the browser's
  for (let round = 0; round < ROUNDS; round++) {
    times.hello.push((await timeHello(browser, pages.url)).ready);
    const checkout = await timeCheckout(browser, pages.url);
    times.ready.push(checkout.ready);
    times.usable.push(checkout.usable!);
  }
  const bytes = sizes(helloFile);

  // ---- the report -------------------------------------------------------------------------
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;

  say('# Benchmarks');
  say();
  say(
    `Written by \`npm run bench\` on ${started.toISOString().slice(0, 10)}: ${machine}.`
  );
  say(
    `${ROUNDS} rounds, interleaved; each figure is the median (min–max) over the rounds, and`
  );
  say(
    'each ratio is taken round by round against the baseline measured next to it.'
  );
  say();
  quoteTable(rounds);
  say('## Creating a payment: `POST /api/stripe/payment-intents`');
  say();
  row(['call', 'requests/s', 'p99 ms', '× the emulator alone']);
  row(['---', '---', '---', '---']);
  row([
    "the Stripe emulator's `POST /v1/payment_intents` (baseline)",
    fmtSpread(spread(rounds.emulatorCreate.map(rps))),
    fmtSpread(spread(rounds.emulatorCreate.map(p99))),
    '1',
  ]);
  row([
    '`POST /api/stripe/payment-intents` (reprice, order row, the same emulator call)',
    fmtSpread(spread(rounds.paymentIntents.map(rps))),
    fmtSpread(spread(rounds.paymentIntents.map(p99))),
    fmtSpread(perRound(rounds.paymentIntents, rounds.emulatorCreate, rps), 2),
  ]);
  say();
  say(
    `8 connections, ${SECONDS} s each; the emulator runs in its own process.`
  );
  say();
  webhookTable();
  say('## Memory');
  say();
  row(['server (production mode, SQLite)', 'RSS MB']);
  row(['---', '---']);
  row(['idle, 2 s after start', fmt(idleRss)]);
  row(['right after the load above', fmt(loadedRss)]);
  row(['10 s later, no requests', fmt(settledRss)]);
  say();
  say(
    "Resident set size from /proc, of the server that took every load above (SQLite). Idle is 2 s after it printed it listens, before any request; after the load is the moment the last webhook round ends, and then 10 s later; nothing asks the process to collect garbage first. What grows is V8's heap: on a host with much memory V8 lets the old generation fill with the load's garbage before its first full collection (~30 MB of it is live), so the after-load figure is the heap's high water, not a leak; server/README.md (\"Memory\") has the V8 settings that trade CPU for it."
  );
  say('Goal: ≤ 120 MB idle, ≤ 200 MB after load.');
  say();
  say('## The element in Chromium');
  say();
  row(['', 'hello Lit element (baseline)', '`<pay-checkout>`', '×']);
  row(['---', '---', '---', '---']);
  row([
    'initial download, gzip',
    `${(bytes.hello / 1024).toFixed(2)} KB`,
    `${(bytes.element / 1024).toFixed(2)} KB`,
    fmt(bytes.element / bytes.hello, 2),
  ]);
  row([
    'navigation → ready event, ms',
    fmtSpread(spread(times.hello)),
    fmtSpread(spread(times.ready)),
    fmtSpread(spread(times.ready.map((t, i) => t / times.hello[i]!)), 2),
  ]);
  row([
    'navigation → card form usable, ms',
    '',
    fmtSpread(spread(times.usable)),
    fmtSpread(spread(times.usable.map((t, i) => t / times.hello[i]!)), 2),
  ]);
  say();
  say(
    'Cold loads (a new browser context each), the page on its own origin loading the script'
  );
  say(
    "cross-origin from the companion server, the card form the Stripe emulator's. Goal: initial"
  );
  say('≤ 12 KB, `pay-ready` ≤ 1.5× the hello element.');

  writeFileSync('BENCHMARKS.md', `${lines.join('\n')}\n`);
  console.error('BENCHMARKS.md written');
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await Promise.all(children.map((c) => c.stop()));
  });
