/**
 * The Node entry: environment → configuration → stores and providers → an HTTP server.
 * With no provider keys set it starts the offline emulators (`@pay-checkout/emulators`, when
 * installed) and points everything at them, so `npm start` is a working shop on any machine.
 * `server/bin.ts` is the command line around it.
 */
import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {serveStatic} from '@hono/node-server/serve-static';
import type {
  RunningPaypalEmulator,
  RunningStripeEmulator,
} from '@pay-checkout/emulators';
import {Hono, type MiddlewareHandler} from 'hono';
import {createCheckout} from './app.js';
import {CatalogError, loadCatalog} from './catalog.js';
import {ConfigError, parseConfig} from './config.js';
import {answerError, answerNotFound} from './errors.js';
import {createLogger} from './log.js';
// Node's and the adapter's own error answers in the contract's JSON shape (clientError…).
import {clientAddress, serve} from './node-http.js';
import {folderMailer, smtpMailer} from './notify/mailers.js';
import {createSqlStore} from './orders/sql-store.js';
import {createPaypalProvider, type PaypalSettings} from './providers/paypal.js';
import {createStripeProvider, type StripeSettings} from './providers/stripe.js';
import {devMailRoutes} from './routes/dev-mail.js';
import {DEMO_CATALOG, DEMO_DIR} from './demo-files.js';

/** Starts the server from environment variables; resolves once it listens. */
export async function startServer(env: NodeJS.ProcessEnv) {
  const config = parseConfig(env);
  const logger = createLogger(config.logLevel);
  const catalog = await loadCatalog(config.catalogPath ?? DEMO_CATALOG);
  const store = await createSqlStore({databaseUrl: config.databaseUrl});

  // The public URL is known before listening when PORT is fixed; with PORT=0 it is filled in after.
  let publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const notes: string[] = [];

  let stripeSettings: StripeSettings;
  const emulators =
    config.stripe && config.paypal ? undefined : await loadEmulators();
  let stripeEmulator: RunningStripeEmulator | undefined;
  if (config.stripe) {
    stripeSettings = config.stripe;
    notes.push(
      `Stripe: ${config.stripe.apiBase ?? 'api.stripe.com'} (${config.stripe.secretKey.slice(0, 8)}…)`
    );
  } else {
    stripeEmulator = await emulators!.startStripeEmulator();
    stripeSettings = {
      secretKey: stripeEmulator.secretKey,
      publishableKey: stripeEmulator.publishableKey,
      webhookSecret: stripeEmulator.webhookSecret,
      apiBase: stripeEmulator.url,
      jsUrl: `${stripeEmulator.url}/js/stripe.js`,
    };
    notes.push(
      `Stripe: no STRIPE_SECRET_KEY set, so the offline Stripe emulator runs at ${stripeEmulator.url}`,
      '        pay with 4242 4242 4242 4242 (any future date, any CVC); 4000 0000 0000 0002 is declined'
    );
  }

  let paypalSettings: PaypalSettings;
  let paypalEmulator: RunningPaypalEmulator | undefined;
  if (config.paypal) {
    paypalSettings = config.paypal;
    const {apiBase, environment, clientId, webhookVerification} = config.paypal;
    notes.push(
      `PayPal: ${apiBase ?? `PayPal ${environment}`} (${clientId.slice(0, 8)}…, ${webhookVerification} webhooks)`
    );
  } else {
    paypalEmulator = await emulators!.startPaypalEmulator();
    paypalSettings = {
      clientId: paypalEmulator.clientId,
      clientSecret: paypalEmulator.clientSecret,
      webhookId: paypalEmulator.webhookId,
      apiBase: paypalEmulator.url,
      sdkBaseUrl: `${paypalEmulator.url}/sdk/js`,
    };
    notes.push(
      `PayPal: no PAYPAL_CLIENT_ID set, so the offline PayPal emulator runs at ${paypalEmulator.url}`,
      '        its approval window offers Approve, Cancel and Decline card'
    );
  }

  // Emails: an SMTP server when configured, else a folder a developer can read at /dev/mail.
  const folder = config.smtpUrl
    ? undefined
    : folderMailer(config.mailDir, config.mailFrom);
  const mailer = config.smtpUrl
    ? smtpMailer(config.smtpUrl, config.mailFrom)
    : folder!;
  notes.push(
    config.smtpUrl ? `Email:  SMTP (${new URL(config.smtpUrl).host})` : ''
  );

  const checkout = createCheckout({
    catalog,
    store,
    stripe: createStripeProvider(stripeSettings),
    paypal: createPaypalProvider(paypalSettings),
    allowedOrigins: config.allowedOrigins,
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
    rateLimits: config.rateLimits,
    clientAddress: clientAddress(config.trustProxy),
  });
  // Side effects left over from a previous run (a crash, an SMTP outage) go out now and
  // then every few seconds; orders whose webhook never came are checked against the provider.
  checkout.outbox.start(5_000);
  await checkout.reconciler.runOnce(config.reconcileAfterMs);
  if (config.reconcileIntervalMs > 0) {
    checkout.reconciler.start(
      config.reconcileIntervalMs,
      config.reconcileAfterMs
    );
  }

  // Static files: the script-tag bundle of the installed `pay-checkout` at /pay-checkout.js,
  // and the demo shop, whose product grid reads the catalog the server was started with.
  const app = new Hono();
  // Errors and misses outside the API (static files, dev pages) answer in the contract's shape too.
  app.onError(answerError(logger));
  app.notFound(answerNotFound);
  app.route('/', checkout.app);
  if (folder) app.route('/dev/mail', devMailRoutes(folder.list));
  const bundleDir = widgetBundleDir();
  if (existsSync(join(bundleDir, 'pay-checkout.js'))) {
    // Module scripts load in CORS mode: a merchant's page on another origin needs this header.
    app.use('/pay-checkout.js', allowAnyOrigin);
    app.use('/chunks/*', allowAnyOrigin);
    app.use('/*', serveStatic({root: bundleDir}));
  } else {
    console.warn(
      `${bundleDir}/pay-checkout.js is missing: run \`npm run build\` to serve the widget bundle.`
    );
  }
  app.get('/catalog.json', (c) =>
    c.json({
      defaultCurrency: catalog.defaultCurrency,
      products: catalog.products,
    })
  );
  app.use('/*', serveStatic({root: DEMO_DIR}));

  const server = serve(
    {fetch: app.fetch, port: config.port, hostname: config.host, logger},
    (info) => {
      if (!config.publicUrl) publicUrl = `http://localhost:${info.port}`;
      stripeEmulator?.setWebhookUrl(
        `http://127.0.0.1:${info.port}/api/webhooks/stripe`
      );
      paypalEmulator?.setWebhookUrl(
        `http://127.0.0.1:${info.port}/api/webhooks/paypal`
      );
      for (const note of notes.filter(Boolean)) console.log(note);
      if (folder)
        console.log(
          `Email:  no SMTP_URL set, so emails are written to ${config.mailDir} (see ${publicUrl}/dev/mail)`
        );
      console.log(`Shop:   ${publicUrl}/  (Ctrl+C to stop)`);
    }
  );

  const shutdown = async () => {
    server.close();
    checkout.outbox.stop();
    checkout.reconciler.stop();
    await checkout.outbox.idle();
    await stripeEmulator?.close();
    await paypalEmulator?.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/** `pay-checkout/cdn/`: the script-tag bundle of the element package this server depends on. */
function widgetBundleDir(): string {
  const require = createRequire(import.meta.url);
  return join(
    dirname(require.resolve('pay-checkout/package.json')),
    'dist/cdn'
  );
}

/** The emulators are an optional dependency: development without keys needs them, nothing else. */
async function loadEmulators() {
  try {
    return await import('@pay-checkout/emulators');
  } catch (error) {
    if ((error as {code?: string}).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new ConfigError([
      'No keys are set for Stripe or PayPal, and @pay-checkout/emulators (the offline providers for development) is not installed. Install it, or set STRIPE_SECRET_KEY… / PAYPAL_CLIENT_ID… (see the README).',
    ]);
  }
}

const allowAnyOrigin: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', '*');
};

/** Start-up problems are the operator's to fix: say what is wrong, without a stack trace. */
export function startupFailure(error: unknown): string {
  return error instanceof ConfigError || error instanceof CatalogError
    ? error.message
    : `pay-checkout could not start: ${(error as Error).message}`;
}
