/**
 * A refund's row follows the provider's word, for every gateway: a refund the provider answered
 * `pending` becomes `succeeded` when its webhook says done, and `failed` (its amount free again)
 * when its webhook says it failed. Against the real store (SQLite, or PostgreSQL with
 * TEST_STORE=postgres), the provider's refund call answered by each test, and each gateway's own
 * translation of its event bodies (the emulators refund at once, so a pending refund and its
 * later word are written here as the provider documents them; the webhook's signature is
 * covered by each gateway's webhook suite).
 */
import assert from 'node:assert/strict';
import {afterEach, beforeEach, describe, it} from 'node:test';
import type Stripe from 'stripe';
import {silentLogger} from '../../server/log.js';
import type {Order} from '../../server/orders/order.js';
import {createSqlStore} from '../../server/orders/sql-store.js';
import type {OrderStore} from '../../server/orders/store.js';
import {createOutboxWorker} from '../../server/outbox/worker.js';
import type {OutboxWorker} from '../../server/outbox/worker.js';
import {createFulfiller} from '../../server/payments/fulfilment.js';
import {recordRefundReports} from '../../server/payments/refund-reports.js';
import {
  providerRefundKey,
  type Refund,
  type RefundDeps,
  type RefundOutcome,
  refundOrder,
} from '../../server/payments/refund.js';
import {braintreeRefundReports} from '../../server/providers/braintree/events.js';
import type {BraintreeNotification} from '../../server/providers/braintree/webhook.js';
import type {
  Gateway,
  ProviderRefund,
  RefundReport,
  WebhookEvent,
} from '../../server/providers/gateway.js';
import {
  paypalRefundReports,
  type PaypalWebhookEvent,
  translatePaypalEvent,
} from '../../server/providers/paypal/events.js';
import {squareRefundReports} from '../../server/providers/square/events.js';
import type {SquareWebhookEvent} from '../../server/providers/square/webhook.js';
import {stripeRefundReports} from '../../server/providers/stripe/events.js';
import {testDatabase, type TestDatabase} from './helpers.js';

type Provider = 'stripe' | 'paypal' | 'square' | 'braintree';

/** What the refund call answered and the key it was asked under, per provider refund id. */
interface Asked {
  refundId: string;
  key: string;
}

let database: TestDatabase;
let store: OrderStore;
let outbox: OutboxWorker;
let deps: RefundDeps;
let asked: Asked[];
/** Run inside the refund call, before it answers (a webhook that comes first). */
let duringCall: ((asked: Asked) => Promise<void>) | undefined;
let counter = 0;

const ORDER = 'ord_R';
const TOTAL = 5000;

/** Each gateway's refund call answers `pending`; its events are read by its own translation. */
function gatewayFor(name: Provider): Gateway {
  const reports: Record<Provider, (event: WebhookEvent) => RefundReport[]> = {
    stripe: (event) => stripeRefundReports(event.body as Stripe.Event),
    paypal: (event) => paypalRefundReports(event.body as PaypalWebhookEvent),
    square: (event) => squareRefundReports(event.body as SquareWebhookEvent),
    braintree: (event) =>
      braintreeRefundReports(event.body as BraintreeNotification),
  };
  return {
    name,
    refund: async (_order: Order, _amount: number, key: string) => {
      const call = {refundId: `${name}_refund_${++counter}`, key};
      asked.push(call);
      await duringCall?.(call);
      return {refundId: call.refundId, status: 'pending'} as ProviderRefund;
    },
    refundReports: reports[name],
  } as unknown as Gateway;
}

/** The provider's event saying its refund is done (`succeeded`) or failed, in its own shape. */
function providerEvent(
  name: Provider,
  call: Asked,
  word: 'succeeded' | 'failed' | 'pending',
  eventId = `evt_${++counter}`
): WebhookEvent {
  const bodies: Record<Provider, () => {type: string; body: unknown}> = {
    stripe: () => ({
      type: word === 'failed' ? 'refund.failed' : 'refund.updated',
      body: {
        id: eventId,
        type: word === 'failed' ? 'refund.failed' : 'refund.updated',
        data: {
          object: {
            id: call.refundId,
            object: 'refund',
            amount: 2000,
            payment_intent: `pi_${ORDER}`,
            status: word,
          },
        },
      },
    }),
    paypal: () => ({
      type: 'PAYMENT.CAPTURE.REFUNDED',
      body: {
        id: eventId,
        event_type: 'PAYMENT.CAPTURE.REFUNDED',
        resource: {
          id: call.refundId,
          status: {
            succeeded: 'COMPLETED',
            failed: 'FAILED',
            pending: 'PENDING',
          }[word],
          amount: {currency_code: 'USD', value: '20.00'},
          custom_id: ORDER,
        },
      },
    }),
    square: () => ({
      type: 'refund.updated',
      body: {
        type: 'refund.updated',
        event_id: eventId,
        data: {
          type: 'refund',
          id: call.refundId,
          object: {
            refund: {
              id: call.refundId,
              status: {
                succeeded: 'COMPLETED',
                failed: 'REJECTED',
                pending: 'PENDING',
              }[word],
              payment_id: `pi_${ORDER}`,
              amount_money: {amount: 2000, currency: 'USD'},
            },
          },
        },
      },
    }),
    braintree: () => ({
      type: word === 'failed' ? 'refund_failed' : 'transaction_settled',
      body: {
        kind:
          word === 'failed'
            ? 'refund_failed'
            : word === 'succeeded'
              ? 'transaction_settled'
              : 'transaction_settling',
        transaction: {
          id: call.refundId,
          type: 'credit',
          orderId: call.key,
          status: word === 'failed' ? 'processor_declined' : 'settled',
        },
      },
    }),
  };
  const {type, body} = bodies[name]();
  return {id: eventId, type, body};
}

beforeEach(async () => {
  database = await testDatabase();
  store = await createSqlStore({databaseUrl: database.url});
  asked = [];
  duringCall = undefined;
  const now = () => new Date();
  outbox = createOutboxWorker({
    store,
    handlers: {email: async () => {}},
    logger: silentLogger,
    now,
  });
  deps = {
    store,
    gateways: new Map(
      (['stripe', 'paypal', 'square', 'braintree'] as const).map((name) => [
        name,
        gatewayFor(name),
      ])
    ),
    fulfiller: createFulfiller(store, outbox, now),
    logger: silentLogger,
    now,
  };
});

afterEach(async () => {
  await outbox.idle();
  await store.close();
  await database.drop();
});

/** A paid order of TOTAL through `provider`, straight through the store. */
async function paidOrder(provider: Provider, id = ORDER) {
  await store.create(
    {
      id,
      provider,
      currency: 'usd',
      subtotal: TOTAL,
      discount: 0,
      shipping: 0,
      tax: 0,
      taxInclusive: false,
      total: TOTAL,
      lines: [
        {
          sku: 'tee-black-m',
          name: 'Black tee, size M',
          unitAmount: TOTAL / 2,
          quantity: 2,
          amount: TOTAL,
          discount: 0,
          tax: 0,
          shippable: true,
        },
      ],
      email: 'buyer@example.com',
    },
    'unused-token-hash'
  );
  await store.update(id, () => ({
    providerPaymentId: `pi_${id}`,
    status: 'paid',
    paidAt: new Date().toISOString(),
  }));
}

const refund = (amount: number, key = `key-${++counter}`, orderId = ORDER) =>
  refundOrder(deps, {orderId, amount, key, actor: 'test'});

function accepted(outcome: RefundOutcome): Refund {
  assert.ok(outcome.ok, `expected a refund, got ${JSON.stringify(outcome)}`);
  return outcome.refund;
}

/** Delivers a provider's event to the refund rows; answers how many rows moved. */
const deliver = (name: Provider, event: WebhookEvent) =>
  recordRefundReports(
    {store, logger: silentLogger},
    deps.gateways.get(name)!,
    event
  );

const row = async (id: string) =>
  (await store.refunds.forOrder(ORDER)).find((refund) => refund.id === id)!;

const order = async () => (await store.get(ORDER))!;

/** The refund emails owed for the order, by the refunded total they announce. */
const refundEmails = async () =>
  (await store.jobs(ORDER))
    .map((job) => job.kind)
    .filter((kind) => kind.startsWith('email:order.refunded'));

for (const name of ['stripe', 'paypal', 'square', 'braintree'] as const) {
  describe(`refund rows follow ${name}`, () => {
    beforeEach(() => paidOrder(name));

    it('a pending refund confirmed by its webhook is succeeded; the order is refunded once, one email', async () => {
      const pending = accepted(await refund(2000));
      assert.equal(pending.status, 'pending');
      const [call] = asked;

      const done = providerEvent(name, call, 'succeeded');
      assert.equal(await deliver(name, done), 1);
      assert.equal((await row(pending.id)).status, 'succeeded');
      assert.equal((await row(pending.id)).providerRefundId, call.refundId);

      // The order moves on its own path, the fulfiller's (here as the gateway's translation
      // would report it), once per event id.
      const orderReport = {
        type: 'refunded' as const,
        paymentId: `pi_${ORDER}`,
        amountRefunded: 2000,
      };
      const ledger = {provider: name, eventId: done.id, type: done.type};
      await deps.fulfiller.apply(ORDER, orderReport, ledger);
      await deps.fulfiller.apply(ORDER, orderReport, ledger);
      assert.equal((await order()).status, 'partially_refunded');
      assert.equal((await order()).amountRefunded, 2000);
      assert.deepEqual(await refundEmails(), ['email:order.refunded:2000']);

      // A duplicate delivery, and an older "pending" arriving late, change nothing.
      assert.equal(await deliver(name, done), 0);
      assert.equal(
        await deliver(name, providerEvent(name, call, 'pending')),
        0
      );
      assert.equal((await row(pending.id)).status, 'succeeded');
      // What is left is what the provider has not refunded.
      accepted(await refund(3000));
    });

    it('a pending refund failed by its webhook is failed, its amount refundable again; the order does not move', async () => {
      const pending = accepted(await refund(TOTAL, 'the-first-key'));
      const [call] = asked;
      // Reserved while pending: nothing more can be refunded.
      assert.equal((await refund(1)).ok, false);

      assert.equal(await deliver(name, providerEvent(name, call, 'failed')), 1);
      const failed = await row(pending.id);
      assert.equal(failed.status, 'failed');
      assert.equal(failed.failureCode, 'provider_error');
      assert.equal((await order()).status, 'paid');
      assert.equal((await order()).amountRefunded, 0);
      assert.deepEqual(await refundEmails(), []);

      // The same amount again, under a new key, is accepted and asked of the provider.
      const again = accepted(await refund(TOTAL));
      assert.equal(again.status, 'pending');
      assert.equal(asked.length, 2);
      // The first key answers its refusal, and asks nothing.
      const replay = await refund(TOTAL, 'the-first-key');
      assert.equal(replay.ok, false);
      assert.equal(asked.length, 2);
    });

    it('failed is final: a duplicate failure and a late "done" for it change nothing', async () => {
      const pending = accepted(await refund(2000));
      const [call] = asked;
      const failure = providerEvent(name, call, 'failed');
      assert.equal(await deliver(name, failure), 1);
      assert.equal(await deliver(name, failure), 0);
      assert.equal(
        await deliver(name, providerEvent(name, call, 'succeeded')),
        0
      );
      assert.equal((await row(pending.id)).status, 'failed');
    });

    it('a webhook that comes before the refund call answers has the last word', async () => {
      duringCall = async (call) => {
        assert.equal(
          await deliver(name, providerEvent(name, {...call}, 'succeeded')),
          // Only a provider that echoes our key can name the row before its id is stored.
          name === 'braintree' ? 1 : 0
        );
      };
      const answered = accepted(await refund(2000));
      const [call] = asked;
      if (name === 'braintree') assert.equal(answered.status, 'succeeded');
      else {
        assert.equal(answered.status, 'pending');
        // Its redelivery (providers retry until answered 200, and repeat on update) finds it.
        assert.equal(
          await deliver(name, providerEvent(name, call, 'succeeded')),
          1
        );
      }
      assert.equal((await row(answered.id)).status, 'succeeded');
      assert.equal((await row(answered.id)).providerRefundId, call.refundId);
    });
  });
}

describe('refund rows: matching', () => {
  it('a refund id of another gateway, or one we never asked for, moves nothing', async () => {
    await paidOrder('square');
    const pending = accepted(await refund(2000));
    const [call] = asked;
    // The same id from Stripe's events: not Square's refund.
    assert.equal(
      await deliver('stripe', providerEvent('stripe', call, 'succeeded')),
      0
    );
    assert.equal(
      await deliver(
        'square',
        providerEvent('square', {...call, refundId: 'unknown'}, 'succeeded')
      ),
      0
    );
    assert.equal((await row(pending.id)).status, 'pending');
  });

  it('Braintree: a key of another order, or not ours, names no row', async () => {
    await paidOrder('braintree');
    await paidOrder('braintree', 'ord_other');
    const pending = accepted(await refund(2000));
    const [call] = asked;
    const otherOrdersKey = providerRefundKey({
      ...pending,
      orderId: 'ord_other',
    });
    for (const key of [otherOrdersKey, 'not-our-key'])
      assert.equal(
        await deliver(
          'braintree',
          providerEvent(
            'braintree',
            {refundId: `bt_${++counter}`, key},
            'succeeded'
          )
        ),
        0
      );
    assert.equal((await row(pending.id)).status, 'pending');
    assert.equal(call.key, providerRefundKey(pending));
  });

  it('Braintree: a sale that settles is not a refund; refund_failed as the SDK samples it (no type) is', () => {
    const sale: BraintreeNotification = {
      kind: 'transaction_settled',
      transaction: {id: 'sale_1', type: 'sale', orderId: ORDER},
    };
    assert.deepEqual(braintreeRefundReports(sale), []);
    // webhook_testing_gateway.js subjectXmlForRefundFailed, as parsed.
    const sample: BraintreeNotification = {
      kind: 'refund_failed',
      transaction: {
        id: 'credit_1',
        status: 'processor_declined',
        refundedTransactionId: '1',
      },
    };
    assert.deepEqual(braintreeRefundReports(sample), [
      {refundId: 'credit_1', status: 'failed'},
    ]);
  });

  it('Stripe: charge.refunded reports each refund it lists; pending and requires_action say nothing', () => {
    const event = {
      id: 'evt_c',
      type: 'charge.refunded',
      data: {
        object: {
          id: 'ch_1',
          refunds: {
            data: [
              {id: 're_a', status: 'succeeded'},
              {id: 're_b', status: 'pending'},
              {id: 're_c', status: 'canceled'},
              {id: 're_d', status: 'requires_action'},
            ],
          },
        },
      },
    } as unknown as Stripe.Event;
    assert.deepEqual(stripeRefundReports(event), [
      {refundId: 're_a', status: 'succeeded'},
      {refundId: 're_c', status: 'failed'},
    ]);
  });

  it('Stripe: a refund that succeeded and then failed is failed, and stays counted until Stripe’s total says less', async () => {
    await paidOrder('stripe');
    const pending = accepted(await refund(2000));
    const [call] = asked;
    await deliver('stripe', providerEvent('stripe', call, 'succeeded'));
    await deps.fulfiller.apply(
      ORDER,
      {type: 'refunded', paymentId: `pi_${ORDER}`, amountRefunded: 2000},
      {provider: 'stripe', eventId: 'evt_charge', type: 'charge.refunded'}
    );
    assert.equal(
      await deliver('stripe', providerEvent('stripe', call, 'failed')),
      1
    );
    assert.equal((await row(pending.id)).status, 'failed');
    assert.equal((await order()).amountRefunded, 2000);
    // The order's refunded total is the provider's: 3000 is left, not 5000.
    assert.equal((await refund(3001)).ok, false);
    accepted(await refund(3000));
  });

  it('PayPal: a FAILED or CANCELLED refund does not move the order', async () => {
    await paidOrder('paypal');
    const ours = (await store.get(ORDER))!;
    for (const status of ['FAILED', 'CANCELLED']) {
      const report = translatePaypalEvent({
        id: 'WH-1',
        event_type: 'PAYMENT.CAPTURE.REFUNDED',
        resource: {
          id: 'RF1',
          status,
          amount: {currency_code: 'USD', value: '20.00'},
          custom_id: ORDER,
        },
      });
      assert.equal(report?.event(ours, `pi_${ORDER}`), null);
    }
  });
});
