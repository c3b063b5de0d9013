/**
 * `pay-checkout-server refund <order> [amount] [--key <key>]`: refunds an order from a shell,
 * through the same use case as the admin's form and `POST /api/admin/orders/:id/refunds` (the
 * amount reserved first, never more than is left, the order moved only by the provider's
 * confirmation). `amount` is in minor units (1250 is 12.50 USD); without it, all that is left.
 * Without `--key`, each run is a new refund (a key from the arguments and a fresh nonce); give
 * the same `--key` to retry a run whose answer was lost. It needs the provider keys and the
 * DATABASE_URL the server uses.
 */
import {randomUUID} from 'node:crypto';
import {userInfo} from 'node:os';
import {createCheckoutServer} from './app.js';
import {loadCatalog} from './catalog/index.js';
import {parseConfig} from './config.js';
import {DEMO_CATALOG} from './demo-files.js';
import {createLogger} from './log.js';
import {folderMailer, smtpMailer} from './notify/mailers.js';
import {configuredProviders} from './node-providers.js';
import {createSqlStore} from './orders/sql-store.js';
import {definitionOf, GATEWAY_NAMES} from './providers/registry.js';

const USAGE =
  'usage: pay-checkout-server refund <order> [amount in minor units] [--key <key>]';

/** Who ran it, for the refund's record: the shell's user. */
function actor(): string {
  try {
    return `cli:${userInfo().username}`.slice(0, 128);
  } catch {
    return 'cli';
  }
}

/** Resolves to the process's exit code; `print` and `fail` are stdout and stderr. */
export async function refundFromShell(
  env: NodeJS.ProcessEnv,
  args: readonly string[],
  key?: string,
  print: (line: string) => void = console.log,
  fail: (line: string) => void = console.error
): Promise<number> {
  const [orderId, amountText, ...extra] = args;
  if (!orderId || extra.length > 0) {
    fail(USAGE);
    return 2;
  }
  if (amountText !== undefined && !/^[1-9]\d{0,15}$/.test(amountText)) {
    fail(
      `refund: the amount must be a whole number of minor units (1250 for 12.50), not ${JSON.stringify(amountText)}.\n${USAGE}`
    );
    return 2;
  }
  const config = parseConfig(env);
  if (!GATEWAY_NAMES.some((name) => config[name])) {
    const keys = GATEWAY_NAMES.map(
      (name) => `${definitionOf(name).env.credentials[0]}…`
    );
    fail(
      `refund: set the provider keys (${keys.join(', ')}) the server uses; see README.md.`
    );
    return 1;
  }
  const logger = createLogger(config.logLevel);
  const store = await createSqlStore({databaseUrl: config.databaseUrl, logger});
  try {
    const checkout = createCheckoutServer({
      catalog: await loadCatalog(config.catalogPath ?? DEMO_CATALOG),
      store,
      ...configuredProviders(config),
      logger,
      // As the server: the buyer's refund email goes out from here when the refund is done.
      mailer: config.smtpUrl
        ? smtpMailer(config.smtpUrl, config.mailFrom)
        : config.mode === 'development'
          ? folderMailer(config.mailDir, config.mailFrom)
          : undefined,
      shopName: config.shopName,
      orderWebhook: config.orderWebhook,
    });
    const amount = amountText === undefined ? undefined : Number(amountText);
    const outcome = await checkout.refund({
      orderId,
      amount,
      key: key ?? `cli:${orderId}:${amountText ?? 'rest'}:${randomUUID()}`,
      actor: actor(),
    });
    await checkout.outbox.run(orderId);
    await checkout.outbox.idle();
    if (!outcome.ok) {
      fail(`refund: refused (${outcome.error.code}): ${outcome.error.message}`);
      return 1;
    }
    const {refund} = outcome;
    const order = await store.get(orderId);
    const notes = [
      refund.providerRefundId && `(provider refund ${refund.providerRefundId})`,
      !outcome.created && '(answered again: this key was used before)',
    ].filter(Boolean);
    print(
      `refund ${refund.id} of ${refund.amount} ${refund.currency} for ${orderId}: ${[refund.status, ...notes].join(' ')}` +
        (order ? `; the order is ${order.status}` : '')
    );
    return 0;
  } finally {
    await store.close();
  }
}
