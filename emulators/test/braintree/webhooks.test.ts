/**
 * Webhook notifications: form-encoded `bt_signature`/`bt_payload`, verified and read by the
 * SDK's own `gateway.webhookNotification.parse`; settlement, disputes and refund failures; retries
 * and the shared faults (duplicates, reordering, drop, bad signatures); the `bt_challenge` check.
 */
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, afterEach, describe, it} from 'node:test';
import {startReceiver, type Receiver} from '../receiver.js';
import {control, sale, start, type Loose, type Setup} from './helpers.js';

type Form = {bt_signature: string; bt_payload: string};
const parseForm = (body: string): Form => {
  const form = new URLSearchParams(body);
  return {
    bt_signature: form.get('bt_signature') ?? '',
    bt_payload: form.get('bt_payload') ?? '',
  };
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
after(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setupWith(
  reply?: (n: number) => number
): Promise<Setup & {receiver: Receiver<Form>}> {
  const receiver = await startReceiver<Form>({
    parse: parseForm,
    ...(reply && {reply}),
  });
  const setup = await start({
    webhookUrl: receiver.url,
    retryDelaysMs: [20, 20],
  });
  cleanups.push(
    () => receiver.close(),
    () => setup.emulator.close()
  );
  return {...setup, receiver};
}

const parse = (setup: Setup, form: Form): Promise<Loose> =>
  setup.gateway.webhookNotification.parse(form.bt_signature, form.bt_payload);

async function settled(setup: Setup, amount = '25.00'): Promise<Loose> {
  const {transaction} = await sale(setup, {
    amount,
    paymentMethodNonce: 'fake-valid-nonce',
    orderId: 'order-w',
    options: {submitForSettlement: true},
  });
  await (setup.gateway.testing as Loose).settle(transaction.id);
  return transaction;
}

describe('Braintree emulator: notifications', () => {
  it('transaction_settled: form-encoded, signed as the SDK verifies, the transaction as subject', async () => {
    const s = await setupWith();
    const t = await settled(s);
    const [delivery] = await s.receiver.received(1);
    assert.equal(
      delivery!.headers['content-type'],
      'application/x-www-form-urlencoded'
    );
    assert.match(
      delivery!.event.bt_signature,
      new RegExp(`^${s.emulator.publicKey}\\|[0-9a-f]{40}$`)
    );
    const notification = await parse(s, delivery!.event);
    assert.equal(notification.kind, 'transaction_settled');
    assert.ok(notification.timestamp);
    assert.equal(notification.transaction.id, t.id);
    assert.equal(notification.transaction.status, 'settled');
    assert.equal(notification.transaction.amount, '25.00');
    assert.equal(notification.transaction.orderId, 'order-w');
  });

  it('transaction_settlement_declined for a 4001.00 sale', async () => {
    const s = await setupWith();
    await settled(s, '4001.00');
    const [delivery] = await s.receiver.received(1);
    const notification = await parse(s, delivery!.event);
    assert.equal(notification.kind, 'transaction_settlement_declined');
    assert.equal(notification.transaction.status, 'settlement_declined');
  });

  it('dispute_opened, then dispute_won; another dispute_lost (controls)', async () => {
    const s = await setupWith();
    const t = await settled(s);
    const opened = await control(s.emulator, `/transactions/${t.id}/disputes`, {
      amount: '10.00',
    });
    assert.equal(opened.status, 201);
    const won = await control(s.emulator, `/disputes/${opened.json.id}/win`);
    assert.equal(won.json.status, 'won');
    const second = s.emulator.openDispute(t.id);
    s.emulator.loseDispute(second.id);
    const deliveries = await s.receiver.received(5);
    const kinds = [];
    for (const d of deliveries) {
      const n = await parse(s, d.event);
      kinds.push(n.kind);
      if (n.kind.startsWith('dispute_')) {
        assert.equal(n.dispute.transactionDetails.id, t.id);
        assert.equal(n.dispute.kind, 'chargeback');
      }
      if (n.kind === 'dispute_opened' && n.dispute.id === opened.json.id) {
        assert.equal(n.dispute.amountDisputed, '10.00');
        assert.equal(n.dispute.status, 'open');
      }
    }
    assert.deepEqual(kinds.sort(), [
      'dispute_lost',
      'dispute_opened',
      'dispute_opened',
      'dispute_won',
      'transaction_settled',
    ]);
    assert.equal(
      (await control(s.emulator, `/disputes/${opened.json.id}/lose`)).status,
      422
    );
    // The transaction lists its disputes, as find returns them.
    const found: Loose = await s.gateway.transaction.find(t.id);
    assert.deepEqual(
      found.disputes.map((d: Loose) => [d.id, d.status]).sort(),
      [
        [opened.json.id, 'won'],
        [second.id, 'lost'],
      ].sort()
    );
  });

  it('refund_failed names the refund; the sale can be refunded again', async () => {
    const s = await setupWith();
    const t = await settled(s);
    const refund = await (s.gateway.transaction as Loose).refund(t.id);
    await control(
      s.emulator,
      `/transactions/${refund.transaction.id}/refund_failed`
    );
    const deliveries = await s.receiver.received(2);
    const notification = await parse(s, deliveries[1]!.event);
    assert.equal(notification.kind, 'refund_failed');
    assert.equal(notification.transaction.id, refund.transaction.id);
    assert.equal(notification.transaction.refundedTransactionId, t.id);
    const again = await (s.gateway.transaction as Loose).refund(t.id);
    assert.equal(again.success, true);
  });
});

describe('Braintree emulator: delivery and faults', () => {
  it('retries a failed delivery with the same signed body', async () => {
    const s = await setupWith((n) => (n === 1 ? 500 : 200));
    await settled(s);
    const [first, second] = await s.receiver.received(2);
    assert.equal(first!.body, second!.body);
    await s.emulator.flush();
    const attempts = s.emulator.deliveries();
    assert.deepEqual(
      attempts.map((a) => [a.attempt, a.status]),
      [
        [1, 500],
        [2, 200],
      ]
    );
    assert.equal(s.emulator.notifications()[0]!.delivered, true);
  });

  it('duplicates, drops, and releases held notifications in reverse order', async () => {
    const s = await setupWith();
    s.emulator.faults.duplicateNextEvents(1);
    await settled(s);
    await s.receiver.received(2);
    s.emulator.faults.dropNextEvents(1);
    await settled(s);
    s.emulator.faults.holdEvents();
    const a = await settled(s);
    const b = await settled(s);
    assert.equal(s.emulator.faults.releaseEvents('reverse'), 2);
    const deliveries = await s.receiver.received(4);
    const ids = [];
    for (const d of deliveries.slice(2))
      ids.push((await parse(s, d.event)).transaction.id);
    assert.deepEqual(ids, [b.id, a.id]);
    assert.equal(s.emulator.notifications('transaction_settled').length, 4);
  });

  it('a bad-signature fault sends a notification the SDK refuses', async () => {
    const s = await setupWith();
    const armed = await control(s.emulator, '/faults/bad-signature', {
      count: 1,
    });
    assert.equal(armed.status, 200);
    await settled(s);
    const [delivery] = await s.receiver.received(1);
    await assert.rejects(parse(s, delivery!.event), (error: Error) =>
      /signature does not match payload/.test(error.message)
    );
  });

  it('the payload is base64 only, with the trailing newline the SDK also produces', async () => {
    const s = await setupWith();
    await settled(s);
    const [delivery] = await s.receiver.received(1);
    assert.match(delivery!.event.bt_payload, /^[A-Za-z0-9+/=]+\n$/);
    const xml = Buffer.from(delivery!.event.bt_payload, 'base64').toString(
      'utf8'
    );
    assert.match(xml, /<notification>\s*<timestamp type="datetime">/);
  });

  it('fails injected API requests with 500 (the SDK’s serverError)', async () => {
    const s = await setupWith();
    s.emulator.faults.failNextRequests(1);
    await assert.rejects(
      sale(s, {amount: '1.00', paymentMethodNonce: 'fake-valid-nonce'}),
      (e: Error) => e.name === 'serverError'
    );
    const ok = await sale(s, {
      amount: '1.00',
      paymentMethodNonce: 'fake-valid-nonce',
    });
    assert.equal(ok.success, true);
  });
});

describe('Braintree emulator: bt_challenge', () => {
  it('verifies a destination that answers with webhookNotification.verify, and not one that does not', async () => {
    let good = true;
    const setup = await start();
    const server = createServer((request, response) => {
      const challenge =
        new URL(request.url!, 'http://x').searchParams.get('bt_challenge') ??
        '';
      response.end(
        good
          ? (setup.gateway.webhookNotification as Loose).verify(challenge)
          : 'nope'
      );
    });
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve)
    );
    cleanups.push(
      () => setup.emulator.close(),
      () => new Promise((resolve) => server.close(() => resolve()))
    );
    setup.emulator.setWebhookUrl(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
    );
    const result = await setup.emulator.verifyWebhookEndpoint();
    assert.match(result.challenge, /^[a-f0-9]{20,32}$/);
    assert.equal(result.verified, true);
    good = false;
    assert.equal(
      (await setup.emulator.verifyWebhookEndpoint()).verified,
      false
    );
  });
});
