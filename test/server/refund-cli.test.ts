/**
 * `pay-checkout-server refund <order> [amount] [--key]`: the refund use case from a shell,
 * against the Stripe emulator and the database a server would use.
 */
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {
  type RunningStripeEmulator,
  startStripeEmulator,
} from '../../emulators/stripe/index.js';
import {createSqlStore} from '../../server/orders/sql-store.js';
import {refundFromShell} from '../../server/refund-cli.js';
import {emulatorClient} from './harness.js';
import {seedOrder, testDatabase, type TestDatabase} from './helpers.js';

describe('pay-checkout-server refund', () => {
  let emulator: RunningStripeEmulator;
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    emulator = await startStripeEmulator({retryDelaysMs: []});
    database = await testDatabase({shared: true});
    env = {
      DATABASE_URL: database.url,
      STRIPE_SECRET_KEY: emulator.secretKey,
      STRIPE_PUBLISHABLE_KEY: emulator.publishableKey,
      STRIPE_WEBHOOK_SECRET: emulator.webhookSecret,
      STRIPE_API_BASE: emulator.url,
      LOG_LEVEL: 'silent',
      MAIL_DIR: mkdtempSync(join(tmpdir(), 'refund-cli-mail-')),
    };
  });
  after(async () => {
    await emulator.close();
    await database.drop();
  });

  /** An order paid at the emulator (a confirmed PaymentIntent) and stored as paid. */
  async function paidOrder(id: string) {
    const stripe = emulatorClient(emulator);
    const intent = await stripe.paymentIntents.create({
      amount: 5000,
      currency: 'usd',
      metadata: {order_id: id},
    });
    await stripe.paymentIntents.confirm(intent.id, {
      payment_method: 'pm_card_visa',
      return_url: 'https://shop.example/return',
    });
    const store = await createSqlStore({databaseUrl: database.url});
    await seedOrder(store, id, intent.id, 5000);
    await store.update(id, () => ({status: 'paid'}));
    await store.close();
    return intent.id;
  }

  async function run(args: string[], key?: string) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await refundFromShell(
      env,
      args,
      key,
      (line) => out.push(line),
      (line) => err.push(line)
    );
    return {code, out: out.join('\n'), err: err.join('\n')};
  }

  const stored = async (id: string) => {
    const store = await createSqlStore({databaseUrl: database.url});
    try {
      return {
        order: (await store.get(id))!,
        refunds: await store.refunds.forOrder(id),
        audit: await store.admin.auditLog({orderId: id, limit: 10}),
      };
    } finally {
      await store.close();
    }
  };

  it('refunds part, then the rest, and prints each refund and the order’s status', async () => {
    const intent = await paidOrder('ord_cli_1');
    const part = await run(['ord_cli_1', '1250']);
    assert.equal(part.code, 0, part.err);
    assert.match(
      part.out,
      /^refund rf_\w+ of 1250 usd for ord_cli_1: succeeded \(provider refund re_\w+\); the order is partially_refunded$/
    );
    const rest = await run(['ord_cli_1']);
    assert.equal(rest.code, 0, rest.err);
    assert.match(rest.out, / of 3750 usd .*the order is refunded$/);
    const {order, refunds} = await stored('ord_cli_1');
    assert.equal(order.amountRefunded, 5000);
    assert.deepEqual(
      refunds.map((r) => [r.amount, r.status, r.actor.startsWith('cli')]),
      [
        [1250, 'succeeded', true],
        [3750, 'succeeded', true],
      ]
    );
    assert.deepEqual(
      (await stored('ord_cli_1')).audit.map((entry) => [
        entry.actor.startsWith('cli'),
        entry.detail,
      ]),
      [
        [true, 'full: succeeded, 3750'],
        [true, 'amount 1250: succeeded, 1250'],
      ]
    );
    const stripe = emulatorClient(emulator);
    const {latest_charge: charge} =
      await stripe.paymentIntents.retrieve(intent);
    const atStripe = await stripe.charges.retrieve(charge as string);
    assert.equal(atStripe.amount_refunded, 5000);
    assert.equal(atStripe.refunds?.data.length, 2);
  });

  it('--key makes a retry answer the first refund; nothing left is refused', async () => {
    await paidOrder('ord_cli_2');
    const first = await run(['ord_cli_2', '100'], 'ticket-42');
    const again = await run(['ord_cli_2', '100'], 'ticket-42');
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /answered again/);
    assert.equal(
      again.out.split(' ')[1],
      first.out.split(' ')[1],
      'the same refund'
    );
    assert.equal((await stored('ord_cli_2')).refunds.length, 1);
    const over = await run(['ord_cli_2', '4901']);
    assert.equal(over.code, 1);
    assert.match(over.err, /refused \(refund_amount_too_large\)/);
  });

  it('refuses bad arguments and unknown orders', async () => {
    assert.equal((await run([])).code, 2);
    const bad = await run(['ord_x', '12.50']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /minor units/);
    const unknown = await run(['ord_nope']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /refused \(not_found\)/);
  });
});
