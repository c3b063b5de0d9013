/**
 * `pay-checkout-server reconcile` (`npm run reconcile`): checks every open order once against
 * its provider, delivers what that calls for (emails, the merchant's webhook), and exits. For
 * a cron job, or after an outage. It needs the same provider keys and DATABASE_URL as the
 * server; the emulators keep their payments in the memory of a running server, so without
 * keys there is nothing to ask.
 */
import {createCheckoutServer} from './app.js';
import {loadCatalog} from './catalog/index.js';
import {parseConfig} from './config.js';
import {DEMO_CATALOG} from './demo-files.js';
import {createLogger} from './log.js';
import {folderMailer, smtpMailer} from './notify/mailers.js';
import {configuredProviders} from './node-providers.js';
import {createSqlStore} from './orders/sql-store.js';
import {definitionOf, GATEWAY_NAMES} from './providers/registry.js';

/** Resolves to the process's exit code. */
export async function reconcileOnce(
  env: NodeJS.ProcessEnv,
  seconds?: string
): Promise<number> {
  const config = parseConfig(env);
  if (!GATEWAY_NAMES.some((name) => config[name])) {
    const keys = GATEWAY_NAMES.map(
      (name) => `${definitionOf(name).env.credentials[0]}…`
    );
    console.error(
      `reconcile: set the provider keys (${keys.join(', ')}) the server uses; see README.md.`
    );
    return 1;
  }
  const olderThanSeconds = Number(seconds ?? config.reconcileAfterMs / 1000);
  if (!Number.isFinite(olderThanSeconds) || olderThanSeconds < 0) {
    console.error('reconcile: the age must be a number of seconds.');
    return 2;
  }
  const logger = createLogger(config.logLevel);
  const store = await createSqlStore({
    databaseUrl: config.databaseUrl,
    sqliteSynchronous: config.sqliteSynchronous,
    logger,
  });
  const checkout = createCheckoutServer({
    catalog: await loadCatalog(config.catalogPath ?? DEMO_CATALOG),
    store,
    // Every gateway the configuration names; the emulators' payments are not here to ask.
    ...configuredProviders(config),
    logger,
    // As the server: SMTP, else the development folder; production writes no email to disk.
    mailer: config.smtpUrl
      ? smtpMailer(config.smtpUrl, config.mailFrom)
      : config.mode === 'development'
        ? folderMailer(config.mailDir, config.mailFrom)
        : undefined,
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
