/**
 * refundOrder, the use case behind the admin's refund form, its API and the `refund` command:
 * against the real store (SQLite, or PostgreSQL with TEST_STORE=postgres) and a gateway whose
 * answers each test chooses.
 */
import assert from 'node:assert/strict';
import {afterEach, beforeEach, describe, it} from 'node:test';
import {ApiError} from '../../server/errors.js';
import {silentLogger} from '../../server/log.js';
import type {Order} from '../../server/orders/order.js';
import {createSqlStore} from '../../server/orders/sql-store.js';
import type {OrderStore} from '../../server/orders/store.js';
import {
  createOutboxWorker,
  type OutboxWorker,
} from '../../server/outbox/worker.js';
import {createFulfiller} from '../../server/payments/fulfilment.js';
import {
  type RefundDeps,
  type RefundOutcome,
  refundOrder,
} from '../../server/payments/refund.js';
import type {Gateway, ProviderRefund} from '../../server/providers/gateway.js';
import {seedOrder, testDatabase, type TestDatabase} from './helpers.js';

interface Call {
  orderId: string;
  amount: number;
  key: string;
}

type Answer = (call: Call) => Promise<ProviderRefund>;

let database: TestDatabase;
let store: OrderStore;
let calls: Call[];
let answer: Answer;
let deps: RefundDeps;
let outbox: OutboxWorker;
let refunds = 0;

// The provider as each test wants it: it records every call and answers with `answer`.
const gateway = {
  name: 'stripe',
  refund: (order: Order, amount: number, key: string) => {
    const call = {orderId: order.id, amount, key};
    calls.push(call);
    return answer(call);
  },
} as unknown as Gateway;

const succeeded: Answer = async () => ({
  refundId: `re_${++refunds}`,
  status: 'succeeded',
});
const pending: Answer = async () => ({
  refundId: `re_${++refunds}`,
  status: 'pending',
});

beforeEach(async () => {
  database = await testDatabase();
  store = await createSqlStore({databaseUrl: database.url});
  calls = [];
  answer = succeeded;
  // The outbox's rows are what this suite reads (which emails are owed); its email channel
  // sends nothing.
  const now = () => new Date();
  outbox = createOutboxWorker({
    store,
    handlers: {email: async () => {}},
    logger: silentLogger,
    now,
  });
  deps = {
    store,
    gateways: new Map([['stripe', gateway]]),
    fulfiller: createFulfiller(store, outbox, now),
    logger: silentLogger,
    now,
  };
  await paidOrder('ord_A');
});

afterEach(async () => {
  await outbox.idle();
  await store.close();
  await database.drop();
});

async function paidOrder(id: string, status: Order['status'] = 'paid') {
  await seedOrder(store, id, `pi_${id}`, 5000);
  await store.update(id, () => ({status, paidAt: new Date().toISOString()}));
}

const refund = (
  fields: {amount?: number; key?: string; orderId?: string} = {}
): Promise<RefundOutcome> =>
  refundOrder(deps, {
    orderId: fields.orderId ?? 'ord_A',
    amount: fields.amount,
    key: fields.key ?? `key-${Math.random()}`,
    actor: 'test',
  });

function refusal(outcome: RefundOutcome): ApiError {
  assert.equal(outcome.ok, false, 'expected a refusal');
  return (outcome as {error: ApiError}).error;
}

function accepted(outcome: RefundOutcome) {
  assert.ok(outcome.ok, `expected a refund, got ${JSON.stringify(outcome)}`);
  return outcome;
}

const order = async () => (await store.get('ord_A'))!;

/** The refund emails owed for ord_A, by the refunded total they announce. */
const refundEmails = async () =>
  (await store.jobs('ord_A'))
    .map((job) => job.kind)
    .filter((kind) => kind.startsWith('email:order.refunded'))
    .sort();

/** A provider's webhook saying the payment has had `total` refunded in all. */
const webhookRefunded = (total: number, eventId: string) =>
  deps.fulfiller.apply(
    'ord_A',
    {type: 'refunded', paymentId: 'pi_ord_A', amountRefunded: total},
    {provider: 'stripe', eventId, type: 'charge.refunded'}
  );

describe('refundOrder', () => {
  it('refunds what is left by default; the provider’s “succeeded” moves the order, one email', async () => {
    const outcome = accepted(await refund({key: 'all'}));
    assert.equal(outcome.created, true);
    assert.equal(outcome.refund.amount, 5000);
    assert.equal(outcome.refund.status, 'succeeded');
    assert.equal(outcome.refund.providerRefundId, 're_1');
    assert.equal(outcome.refund.currency, 'usd');
    assert.deepEqual(
      calls.map(({orderId, amount}) => [orderId, amount]),
      [['ord_A', 5000]]
    );
    const after = await order();
    assert.equal(after.status, 'refunded');
    assert.equal(after.amountRefunded, 5000);
    // Its webhook, arriving after, changes nothing and owes nothing more.
    await webhookRefunded(5000, 'evt_late');
    assert.deepEqual(await refundEmails(), ['email:order.refunded:5000']);
  });

  it('refunds part, then the rest: partially_refunded, then refunded, an email for each', async () => {
    assert.equal(accepted(await refund({amount: 2000})).refund.amount, 2000);
    assert.equal((await order()).status, 'partially_refunded');
    const rest = accepted(await refund());
    assert.equal(rest.refund.amount, 3000);
    assert.equal((await order()).status, 'refunded');
    assert.deepEqual(await refundEmails(), [
      'email:order.refunded:2000',
      'email:order.refunded:5000',
    ]);
    // Nothing is left.
    const none = refusal(await refund());
    assert.equal(none.code, 'order_not_refundable');
    assert.equal(calls.length, 2);
  });

  it('moves the order only when the provider confirms: a pending refund waits for its webhook', async () => {
    answer = pending;
    const outcome = accepted(await refund({amount: 1500}));
    assert.equal(outcome.refund.status, 'pending');
    let after = await order();
    assert.equal(after.status, 'paid');
    assert.equal(after.amountRefunded, 0);
    assert.deepEqual(await refundEmails(), []);

    await webhookRefunded(1500, 'evt_refunded');
    after = await order();
    assert.equal(after.status, 'partially_refunded');
    assert.equal(after.amountRefunded, 1500);
    assert.deepEqual(await refundEmails(), ['email:order.refunded:1500']);
  });

  it('refuses more than is left, counting refunds still in flight, and asks the provider nothing', async () => {
    const tooMuch = refusal(await refund({amount: 5001}));
    assert.equal(tooMuch.status, 422);
    assert.equal(tooMuch.code, 'refund_amount_too_large');
    answer = pending;
    accepted(await refund({amount: 2000}));
    assert.equal(
      refusal(await refund({amount: 3001})).code,
      'refund_amount_too_large'
    );
    assert.equal(accepted(await refund()).refund.amount, 3000);
    assert.equal(
      refusal(await refund({amount: 1})).code,
      'order_not_refundable'
    );
    assert.equal(calls.length, 2);
  });

  it('refuses orders that are not paid, and unknown ones, without a provider call', async () => {
    for (const status of [
      'pending',
      'processing',
      'failed',
      'canceled',
      'refunded',
      'disputed',
      'needs_review',
    ] as const) {
      await paidOrder(`ord_${status}`, status);
      const error = refusal(await refund({orderId: `ord_${status}`}));
      assert.equal(error.status, 409, status);
      assert.equal(error.code, 'order_not_refundable', status);
    }
    const unknown = refusal(await refund({orderId: 'ord_nope'}));
    assert.equal(unknown.status, 404);
    assert.equal(refusal(await refund({amount: 0})).code, 'invalid_request');
    assert.equal(refusal(await refund({amount: 1.5})).code, 'invalid_request');
    assert.equal(calls.length, 0);
  });

  it('one key is one refund: a repeat answers the first, with no second provider call', async () => {
    const first = accepted(await refund({amount: 1000, key: 'k-1'}));
    const again = accepted(await refund({amount: 1000, key: 'k-1'}));
    const bare = accepted(await refund({key: 'k-1'}));
    assert.equal(again.created, false);
    assert.equal(again.refund.id, first.refund.id);
    assert.equal(bare.refund.id, first.refund.id);
    assert.equal(calls.length, 1);
    const other = refusal(await refund({amount: 999, key: 'k-1'}));
    assert.equal(other.code, 'idempotency_key_reused');
    assert.equal((await order()).amountRefunded, 1000);
  });

  it('the same key at once: one provider call, the other is told to wait', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    answer = async () => {
      await held;
      return succeeded({orderId: 'ord_A', amount: 0, key: ''});
    };
    const first = refund({amount: 1000, key: 'k-2'});
    // The first has reserved (and is waiting for the provider) once it has called it.
    while (calls.length === 0) await new Promise((r) => setTimeout(r, 5));
    const second = refusal(await refund({amount: 1000, key: 'k-2'}));
    assert.equal(second.code, 'idempotency_key_in_use');
    release();
    accepted(await first);
    assert.equal(calls.length, 1);
  });

  it('two keys at once never refund more than was paid between them', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    answer = async (call) => {
      await held;
      return pending(call);
    };
    const attempts = Array.from({length: 5}, (_, i) =>
      refund({amount: 2000, key: `concurrent-${i}`})
    );
    while (calls.length < 2) await new Promise((r) => setTimeout(r, 5));
    release();
    const outcomes = await Promise.all(attempts);
    const ok = outcomes.filter((o) => o.ok);
    assert.equal(ok.length, 2);
    for (const o of outcomes.filter((o) => !o.ok))
      assert.equal(refusal(o).code, 'refund_amount_too_large');
    assert.equal(calls.length, 2);
    assert.equal(
      calls.reduce((sum, call) => sum + call.amount, 0),
      4000
    );
  });

  it('a definite refusal frees the amount; no answer keeps it, and the same key asks again under the same provider key', async () => {
    answer = async () => {
      throw new ApiError(502, 'provider_error', 'refused');
    };
    const refused = refusal(await refund({key: 'r-1'}));
    assert.equal(refused.code, 'provider_error');
    // The same key answers the same refusal; a new key may have the whole amount.
    assert.equal(refusal(await refund({key: 'r-1'})).code, 'provider_error');
    assert.equal(calls.length, 1);

    answer = async () => {
      throw new ApiError(503, 'provider_unavailable', 'no answer');
    };
    const lost = refusal(await refund({key: 'r-2'}));
    assert.equal(lost.code, 'provider_unavailable');
    assert.equal(
      refusal(await refund({key: 'r-3', amount: 1})).code,
      'order_not_refundable',
      'the unanswered refund still holds the whole amount'
    );
    answer = succeeded;
    const retried = accepted(await refund({key: 'r-2'}));
    assert.equal(retried.refund.amount, 5000);
    assert.equal(calls.at(-1)!.key, calls.at(-2)!.key);
    assert.equal((await order()).status, 'refunded');
  });

  it('a refused refund’s mapped code comes back as the provider meant it', async () => {
    answer = async () => {
      throw new ApiError(
        422,
        'refund_amount_too_large',
        'less is left at the provider'
      );
    };
    const error = refusal(await refund({amount: 4000}));
    assert.equal(error.code, 'refund_amount_too_large');
    answer = succeeded;
    assert.equal(accepted(await refund({amount: 4000})).refund.amount, 4000);
  });
});
