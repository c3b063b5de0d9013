/**
 * The Node entry: environment → configuration → store → an HTTP server → providers → the app.
 * Development (no keys, the default) starts the offline emulators for every provider without
 * credentials, lists the outbox emails at /dev/mail and serves the demo shop, so `npm start`
 * is a working shop on any machine. Production (NODE_ENV=production or any live key) starts no
 * emulator and no development page, and offers only the providers it has credentials for.
 * The first lines printed say which, and what runs. `server/bin.ts` is the command line.
 */
import type {AddressInfo} from 'node:net';
import {createCheckoutServer} from './app.js';
import {CatalogError, loadCatalog} from './catalog/index.js';
import {ConfigError, parseConfig, type ServerConfig} from './config.js';
import {DEMO_CATALOG} from './demo-files.js';
import {ApiError} from './errors.js';
import {createLogger} from './log.js';
// Node's and the adapter's own error answers in the contract's JSON shape (clientError…).
import {clientAddress, createHttpServer, nodeHeaders} from './node-http.js';
import {mountPages, widgetBundleDir} from './node-pages.js';
import {startProviders} from './node-providers.js';
import {gracefulShutdown} from './node-shutdown.js';
import {folderMailer, smtpMailer} from './notify/mailers.js';
import {createSqlStore} from './orders/sql-store.js';

type Fetch = Parameters<typeof createHttpServer>[0]['fetch'];

/** Starts the server from environment variables; resolves once it serves. */
export async function startServer(env: NodeJS.ProcessEnv) {
  const config = parseConfig(env);
  console.log(modeLine(config));
  const logger = createLogger(config.logLevel);
  const catalog = await loadCatalog(config.catalogPath ?? DEMO_CATALOG);
  const store = await createSqlStore({
    databaseUrl: config.databaseUrl,
    sqliteSynchronous: config.sqliteSynchronous,
    logger,
  });

  // Listen first: with PORT=0 the port, and so the shop's own URL in development, is known
  // only now. Until the app is ready every request is answered 503 not_ready.
  const starting = new ApiError(503, 'not_ready', 'The server is starting.');
  let serveApp: Fetch = () => Response.json(starting.toBody(), {status: 503});
  const server = createHttpServer({
    fetch: (request, bindings) => serveApp(request, bindings),
    hostname: config.host,
    logger,
  });
  const port = await listen(server, config.port, config.host);

  // The shop's own origin: PUBLIC_URL's, or in development this machine's under both loopback
  // names. Never the Host header of a request.
  const publicUrl = config.publicUrl ?? `http://localhost:${port}`;
  const allowedOrigins = config.publicUrl
    ? config.allowedOrigins
    : [...config.allowedOrigins, `http://127.0.0.1:${port}`];

  const providers = await startProviders(config, port);
  const development = config.mode === 'development';
  // Emails: an SMTP server when configured. Else, in development, .eml files in a folder
  // listed at /dev/mail; in production none at all (buyers' addresses and orders are not
  // written to a folder nobody reads).
  const folder =
    config.smtpUrl || !development
      ? undefined
      : folderMailer(config.mailDir, config.mailFrom);
  const mailer = config.smtpUrl
    ? smtpMailer(config.smtpUrl, config.mailFrom)
    : folder;

  const checkout = createCheckoutServer({
    catalog,
    store,
    // One entry per gateway the registry knows and this server offers.
    ...providers.gateways,
    publicUrl,
    allowedOrigins,
    locale: config.locale,
    logger,
    onOrderPaid: (order) =>
      logger.info(
        {orderId: order.id, total: order.total, currency: order.currency},
        'order paid'
      ),
    mailer,
    shopName: config.shopName,
    orderWebhook: config.orderWebhook,
    // /admin, with its cookie Secure in production whatever PUBLIC_URL's scheme.
    admin: config.admin && {
      ...config.admin,
      ...(config.mode === 'production' && {secureCookie: true}),
    },
    merchantEmail: config.merchantEmail,
    metrics: config.metrics,
    metricsToken: config.metricsToken,
    // The fixed headers on Node's response: no answer builds a Fetch Headers for them.
    headers: nodeHeaders,
    // TRUST_PROXY: X-Forwarded-For names the client (limits, logs); X-Forwarded-Proto/Host are
    // only compared with PUBLIC_URL, to warn about a proxy that forwards for another origin.
    checkForwardedOrigin: config.trustProxy,
    rateLimits: config.rateLimits,
    clientAddress: clientAddress(config.trustProxy),
    reconcileIntervalMs: config.reconcileIntervalMs,
    reconcileAfterMs: config.reconcileAfterMs,
  });
  // Side effects left over from a previous run (a crash, an SMTP outage) go out now and
  // then every few seconds; orders whose webhook never came are checked against the provider.
  await checkout.start();

  // The pages go on the checkout app itself, whose error and not-found answers are the
  // contract's: an app around it would run each of its handlers in a compose of their own
  // (Hono's route() does for an app with an error handler), on every API request.
  const app = checkout.app;
  const bundled = mountPages(app, {
    catalog,
    demo: config.serveDemo,
    providers: providers.browser,
    devMail: development ? folder?.list : undefined,
  });
  serveApp = app.fetch;

  for (const line of providers.lines) console.log(line);
  console.log(
    config.smtpUrl
      ? `Email:  SMTP (${new URL(config.smtpUrl).host})`
      : development
        ? `Email:  no SMTP_URL set, so emails are written to ${config.mailDir} (see ${publicUrl}/dev/mail)`
        : 'Email:  off: no SMTP_URL set, so buyers get no emails'
  );
  console.log(
    config.serveDemo
      ? `Demo:   the demo shop is served at ${publicUrl}/${development ? '' : ' (SERVE_DEMO=1)'}`
      : 'Demo:   off (SERVE_DEMO=1 serves it); no development pages'
  );
  console.log(
    config.admin
      ? `Admin:  ${publicUrl}/admin (sign in with ${[config.admin.token && 'ADMIN_TOKEN', config.admin.passwordHash && 'the password'].filter(Boolean).join(' or ')})`
      : 'Admin:  off (ADMIN_TOKEN or ADMIN_PASSWORD_HASH turns /admin on)'
  );
  if (config.trustProxy)
    console.log(
      'Proxy:  TRUST_PROXY=1: the client address is the last X-Forwarded-For hop; X-Forwarded-Proto/Host are checked against PUBLIC_URL, never trusted'
    );
  if (!bundled)
    console.warn(
      `${widgetBundleDir()}/pay-checkout.js is missing: run \`npm run build\` to serve the widget bundle.`
    );
  if (config.publicUrl)
    console.log(`Listen: http://${hostForUrl(config.host)}:${port}`);
  console.log(`Shop:   ${publicUrl}/  (Ctrl+C to stop)`);

  const stop = gracefulShutdown({
    server,
    timeoutMs: config.shutdownTimeoutMs,
    logger,
    beginShutdown: checkout.beginShutdown,
    // Timers stop at once; after the last request (which may queue a job) stop() is asked
    // again, and resolves when nothing is under way.
    stopBackground() {
      void checkout.stop();
    },
    backgroundIdle: () => checkout.stop(),
    async close() {
      await providers.close();
      await store.close();
    },
  });
  const onSignal = () => {
    void stop().then((code) => process.exit(code));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

/** The first line: the mode, why, and what that means. */
function modeLine(config: ServerConfig): string {
  return config.mode === 'production'
    ? `pay-checkout: production mode (${config.modeReason}): no emulator, no development page, only the providers with credentials`
    : `pay-checkout: development mode (${config.modeReason}): emulators for providers without keys, /dev/mail, the demo shop`;
}

function listen(
  server: ReturnType<typeof createHttpServer>,
  port: number,
  host: string
): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

const hostForUrl = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** Start-up problems are the operator's to fix: say what is wrong, without a stack trace. */
export function startupFailure(error: unknown): string {
  return error instanceof ConfigError || error instanceof CatalogError
    ? error.message
    : `pay-checkout could not start: ${(error as Error).message}`;
}
