/**
 * `pay-checkout-server reconcile` (`npm run reconcile`): checks every open order once against
 * its provider, delivers what that calls for (emails, the merchant's webhook), and exits. For
 * a cron job, or after an outage. It needs the same provider keys and DATABASE_URL as the
 * server; the emulators keep their payments in the memory of a running server, so without
 * keys there is nothing to ask.
 */
import {createCheckoutServer} from './app.js';
import {loadCatalog} from './catalog.js';
import {parseConfig} from './config.js';
import {DEMO_CATALOG} from './demo-files.js';
import {createLogger} from './log.js';
import {folderMailer, smtpMailer} from './notify/mailers.js';
import {createSqlStore} from './orders/sql-store.js';
import {createPaypalProvider} from './providers/paypal/client.js';
import {createStripeProvider} from './providers/stripe/client.js';

/** Resolves to the process's exit code. */
export async function reconcileOnce(
  env: NodeJS.ProcessEnv,
  seconds?: string
): Promise<number> {
  const config = parseConfig(env);
  if (!config.stripe && !config.paypal) {
    console.error(
      'reconcile: set the provider keys (STRIPE_SECRET_KEY…, PAYPAL_CLIENT_ID…) the server uses; see README.md.'
    );
    return 1;
  }
  const olderThanSeconds = Number(seconds ?? config.reconcileAfterMs / 1000);
  if (!Number.isFinite(olderThanSeconds) || olderThanSeconds < 0) {
    console.error('reconcile: the age must be a number of seconds.');
    return 2;
  }
  const logger = createLogger(config.logLevel);
  const store = await createSqlStore({databaseUrl: config.databaseUrl});
  const checkout = createCheckoutServer({
    catalog: await loadCatalog(config.catalogPath ?? DEMO_CATALOG),
    store,
    stripe: config.stripe && createStripeProvider(config.stripe),
    paypal: config.paypal && createPaypalProvider(config.paypal),
    logger,
    mailer: config.smtpUrl
      ? smtpMailer(config.smtpUrl, config.mailFrom)
      : folderMailer(config.mailDir, config.mailFrom),
    shopName: config.shopName,
    orderWebhook: config.orderWebhook,
  });
  const report = await checkout.reconciler.runOnce(olderThanSeconds * 1000);
  await checkout.outbox.run();
  await checkout.outbox.idle();
  await store.close();
  console.log(
    `reconcile: checked ${report.checked} open order(s) older than ${olderThanSeconds} s, ${report.changed} changed`
  );
  return 0;
}
