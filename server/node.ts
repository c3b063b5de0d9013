/**
 * The Node entry: environment → configuration → stores and providers → an HTTP server.
 * The only file that knows it runs on Node. With no provider keys set it starts the offline
 * emulators and points everything at them, so `npm start` is a working shop on any machine.
 */
import {existsSync} from 'node:fs';
import {serve} from '@hono/node-server';
import {serveStatic} from '@hono/node-server/serve-static';
import {Hono, type MiddlewareHandler} from 'hono';
import {createCheckout} from './app.js';
import {CatalogError, loadCatalog} from './catalog.js';
import {ConfigError, parseConfig} from './config.js';
import {startPaypalEmulator} from './emulators/paypal/index.js';
import {startStripeEmulator} from './emulators/stripe/index.js';
import {createLogger} from './log.js';
import {folderMailer, smtpMailer} from './notify/mailers.js';
import {createSqlStore} from './orders/sql-store.js';
import {createPaypalProvider, type PaypalSettings} from './providers/paypal.js';
import {createStripeProvider, type StripeSettings} from './providers/stripe.js';
import {devMailRoutes} from './routes/dev-mail.js';

async function main() {
  const config = parseConfig(process.env);
  const logger = createLogger(config.logLevel);
  const catalog = await loadCatalog(config.catalogPath);
  const store = await createSqlStore({databaseUrl: config.databaseUrl});

  // The public URL is known before listening when PORT is fixed; with PORT=0 it is filled in after.
  let publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const notes: string[] = [];

  let stripeSettings: StripeSettings;
  let stripeEmulator:
    Awaited<ReturnType<typeof startStripeEmulator>> | undefined;
  if (config.stripe) {
    stripeSettings = config.stripe;
    notes.push(
      `Stripe: ${config.stripe.apiBase ?? 'api.stripe.com'} (${config.stripe.secretKey.slice(0, 8)}…)`
    );
  } else {
    stripeEmulator = await startStripeEmulator();
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
  let paypalEmulator:
    Awaited<ReturnType<typeof startPaypalEmulator>> | undefined;
  if (config.paypal) {
    paypalSettings = config.paypal;
    const {apiBase, environment, clientId, webhookVerification} = config.paypal;
    notes.push(
      `PayPal: ${apiBase ?? `PayPal ${environment}`} (${clientId.slice(0, 8)}…, ${webhookVerification} webhooks)`
    );
  } else {
    paypalEmulator = await startPaypalEmulator();
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

  // Static files: the built script-tag bundle at /pay-checkout.js, and the demo shop.
  const app = new Hono();
  app.route('/', checkout.app);
  if (folder) app.route('/dev/mail', devMailRoutes(folder.list));
  if (existsSync('dist/cdn/pay-checkout.js')) {
    // Module scripts load in CORS mode: a merchant's page on another origin needs this header.
    app.use('/pay-checkout.js', allowAnyOrigin);
    app.use('/chunks/*', allowAnyOrigin);
    app.use('/*', serveStatic({root: './dist/cdn'}));
  } else {
    console.warn(
      'dist/cdn/pay-checkout.js is missing: run `npm run build` to serve the widget bundle.'
    );
  }
  app.use('/*', serveStatic({root: './demo'}));

  const server = serve(
    {fetch: app.fetch, port: config.port, hostname: config.host},
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

const allowAnyOrigin: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', '*');
};

main().catch((error: unknown) => {
  // Start-up problems are the operator's to fix: say what is wrong, without a stack trace.
  if (error instanceof ConfigError || error instanceof CatalogError) {
    console.error(error.message);
  } else {
    console.error(`pay-checkout could not start: ${(error as Error).message}`);
  }
  process.exit(1);
});
