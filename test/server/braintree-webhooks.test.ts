/**
 * POST /api/webhooks/braintree: form-encoded bt_signature and bt_payload, verified by the
 * official SDK's webhookNotification.parse, signed here by the same SDK's sampleNotification
 * with the server's keys (and with other keys for forgeries). Never fails open.
 */
import assert from 'node:assert/strict';
import {after, beforeEach, describe, it} from 'node:test';
import braintree from 'braintree';
import type {TestServer} from './helpers.js';
import {
  BT_KEYS,
  deliverBraintree,
  makeBraintreeServer,
  sampleNotification,
  seedBraintreeOrder,
} from './braintree-helpers.js';

let server: TestServer;
const status = async (id = 'ord_bt_A') => (await server.store.get(id))?.status;

describe('POST /api/webhooks/braintree', () => {
  beforeEach(async () => {
    await server?.close();
    server = await makeBraintreeServer();
    // The SDK's sample transaction_settled is 100 USD: a 100.00 order.
    await seedBraintreeOrder(server.store, 'ord_bt_A', 'bt_tx_A');
  });
  after(() => server.close());

  describe('verification', () => {
    it('applies a correctly signed transaction_settled once and fulfils the order once', async () => {
      const fields = sampleNotification('transaction_settled', 'bt_tx_A');
      const res = await deliverBraintree(server.app, fields);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), {received: true, outcome: 'applied'});
      assert.equal(await status(), 'paid');

      // Braintree's retry of the same notification is the same event: nothing happens again.
      const again = await deliverBraintree(server.app, fields);
      assert.equal(again.status, 200);
      assert.equal((await again.json()).outcome, 'duplicate');
      assert.deepEqual(
        (await server.settled()).map((o) => o.id),
        ['ord_bt_A']
      );
    });

    it('refuses a notification signed with another private key (400 invalid_signature), changing nothing', async () => {
      const forged = sampleNotification('transaction_settled', 'bt_tx_A', {
        publicKey: 'unit_public_key',
        privateKey: 'someone_elses_private_key',
      });
      const res = await deliverBraintree(server.app, forged);
      assert.equal(res.status, 400);
      assert.equal((await res.json()).error.code, 'invalid_signature');
      assert.equal(await status(), 'pending');
    });

    it('refuses a signature for another public key', async () => {
      const other = sampleNotification('transaction_settled', 'bt_tx_A', {
        publicKey: 'another_public_key',
        privateKey: 'unit_private_key_0123456789',
      });
      const res = await deliverBraintree(server.app, other);
      assert.equal(res.status, 400);
      assert.equal((await res.json()).error.code, 'invalid_signature');
    });

    it('refuses a tampered payload: another transaction id under the original signature', async () => {
      const signed = sampleNotification('transaction_settled', 'bt_tx_Z');
      const other = sampleNotification('transaction_settled', 'bt_tx_A');
      const res = await deliverBraintree(server.app, {
        bt_signature: signed.bt_signature,
        bt_payload: other.bt_payload,
      });
      assert.equal(res.status, 400);
      assert.equal(await status(), 'pending');
    });

    it('refuses a payload whose base64 was mangled in transit (a plus decoded to a space)', async () => {
      // A sample whose base64 has a "+" (the timestamp and id vary it).
      let fields = sampleNotification('transaction_settled', 'bt_tx_A');
      for (let n = 0; !fields.bt_payload.includes('+'); n++)
        fields = sampleNotification('transaction_settled', `bt_tx_A${n}`);
      // Sent unencoded: "+" arrives as a space, as a careless proxy would make it.
      const raw = `bt_signature=${fields.bt_signature.replace('|', '%7C')}&bt_payload=${fields.bt_payload.replace(/\n/g, '%0A')}`;
      const res = await deliverBraintree(server.app, raw);
      assert.equal(res.status, 400);
      assert.equal((await res.json()).error.code, 'invalid_signature');
      // The same fields encoded as a form are accepted.
      assert.equal((await deliverBraintree(server.app, fields)).status, 200);
    });

    for (const [name, body] of [
      ['an empty body', ''],
      ['a JSON body', '{"bt_signature":"a|b","bt_payload":"eA=="}'],
      ['only a payload', 'bt_payload=PG5vdGlmaWNhdGlvbi8%2B'],
      ['only a signature', 'bt_signature=unit_public_key%7Cabc'],
      [
        'two payloads',
        'bt_signature=a%7Cb&bt_payload=eA%3D%3D&bt_payload=eQ%3D%3D',
      ],
      ['a body of other fields', 'signature=a%7Cb&payload=eA%3D%3D'],
    ] as const) {
      it(`refuses ${name} with a 400`, async () => {
        const res = await deliverBraintree(server.app, body);
        assert.equal(res.status, 400);
        assert.equal((await res.json()).error.code, 'invalid_signature');
        assert.equal(await status(), 'pending');
      });
    }

    it('refuses a body over 256 KB unread (413), as every webhook endpoint does', async () => {
      const fields = sampleNotification('transaction_settled', 'bt_tx_A');
      const res = await deliverBraintree(server.app, {
        ...fields,
        padding: 'x'.repeat(300 * 1024),
      });
      assert.equal(res.status, 413);
      assert.equal(await status(), 'pending');
    });

    it('answers 503 provider_not_configured when Braintree is not configured (never fails open)', async () => {
      const {makeServer} = await import('./helpers.js');
      const bare = await makeServer();
      try {
        const res = await deliverBraintree(
          bare.app,
          sampleNotification('transaction_settled', 'bt_tx_A')
        );
        assert.equal(res.status, 503);
        assert.equal((await res.json()).error.code, 'provider_not_configured');
      } finally {
        await bare.close();
      }
    });
  });

  describe('the destination check (bt_challenge)', () => {
    it('answers the challenge as the SDK verifies it: our public key and the HMAC', async () => {
      const challenge = '0123456789abcdef0123';
      const res = await server.app.request(
        `/api/webhooks/braintree?bt_challenge=${challenge}`
      );
      assert.equal(res.status, 200);
      const gateway = new braintree.BraintreeGateway({
        environment: braintree.Environment.Sandbox,
        ...BT_KEYS,
      });
      const expected = (
        gateway.webhookNotification as unknown as {verify(c: string): string}
      ).verify(challenge);
      assert.equal(await res.text(), expected);
      assert.match(expected, /^unit_public_key\|[0-9a-f]{40}$/);
    });

    it('a missing or malformed challenge, or another gateway, is a 404 that says nothing', async () => {
      for (const query of [
        '',
        '?bt_challenge=',
        '?bt_challenge=XYZ',
        `?bt_challenge=${'a'.repeat(40)}`,
      ]) {
        const res = await server.app.request(`/api/webhooks/braintree${query}`);
        assert.equal(res.status, 404, query);
        assert.doesNotMatch(await res.text(), /unit_public_key/);
      }
      const stripe = await server.app.request(
        '/api/webhooks/stripe?bt_challenge=0123456789abcdef0123'
      );
      assert.equal(stripe.status, 404);
    });
  });

  describe('what each kind does', () => {
    it('ignores a notification about a transaction we did not make (200, nothing changes)', async () => {
      const res = await deliverBraintree(
        server.app,
        sampleNotification('transaction_settled', 'bt_tx_unknown')
      );
      assert.equal(res.status, 200);
      assert.equal(await status(), 'pending');
    });

    it('a kind we do not act on is answered 200 (subscription_charged_successfully, check)', async () => {
      for (const kind of ['subscription_charged_successfully', 'check']) {
        const res = await deliverBraintree(
          server.app,
          sampleNotification(kind, 'bt_tx_A')
        );
        assert.equal(res.status, 200, kind);
      }
      assert.equal(await status(), 'pending');
    });

    it('transaction_settled for another amount than the order: needs_review, never paid', async () => {
      await seedBraintreeOrder(server.store, 'ord_bt_B', 'bt_tx_B', 5000);
      await deliverBraintree(
        server.app,
        sampleNotification('transaction_settled', 'bt_tx_B')
      );
      const order = await server.store.get('ord_bt_B');
      assert.equal(order?.status, 'needs_review');
      assert.match(
        order?.reviewReason ?? '',
        /received 10000 usd, expected 5000 usd/
      );
    });

    it('transaction_settlement_declined fails an order not yet paid', async () => {
      await deliverBraintree(
        server.app,
        sampleNotification('transaction_settlement_declined', 'bt_tx_A')
      );
      assert.equal(await status(), 'failed');
    });

    it('transaction_settlement_declined on a paid order turns it disputed (the money did not arrive)', async () => {
      await deliverBraintree(
        server.app,
        sampleNotification('transaction_settled', 'bt_tx_A')
      );
      assert.equal(await status(), 'paid');
      await deliverBraintree(
        server.app,
        sampleNotification('transaction_settlement_declined', 'bt_tx_A')
      );
      const order = await server.store.get('ord_bt_A');
      assert.equal(order?.status, 'disputed');
      assert.equal(order?.disputeStatus, 'settlement_declined');
    });

    it('dispute_opened disputes a paid order; dispute_won gives it back; a replay changes nothing', async () => {
      await deliverBraintree(
        server.app,
        sampleNotification('transaction_settled', 'bt_tx_A')
      );
      const opened = sampleNotification('dispute_opened', 'bt_tx_A');
      await deliverBraintree(server.app, opened);
      let order = await server.store.get('ord_bt_A');
      assert.equal(order?.status, 'disputed');
      assert.equal(order?.disputeStatus, 'open');
      // The sample's dispute: 250.0 USD disputed, reason fraud, its id the transaction's.
      assert.deepEqual(order?.dispute, {
        id: 'bt_tx_A',
        amount: 25000,
        reason: 'fraud',
      });

      await deliverBraintree(
        server.app,
        sampleNotification('dispute_won', 'bt_tx_A')
      );
      order = await server.store.get('ord_bt_A');
      assert.equal(order?.status, 'paid');
      assert.equal(order?.disputeStatus, 'won');

      const replay = await deliverBraintree(server.app, opened);
      assert.equal((await replay.json()).outcome, 'duplicate');
      assert.equal(await status(), 'paid');
    });

    it('dispute_won delivered before its dispute_opened (a retry late): the order ends paid', async () => {
      await deliverBraintree(
        server.app,
        sampleNotification('transaction_settled', 'bt_tx_A')
      );
      await deliverBraintree(
        server.app,
        sampleNotification('dispute_won', 'bt_tx_A')
      );
      const late = await deliverBraintree(
        server.app,
        sampleNotification('dispute_opened', 'bt_tx_A')
      );
      assert.equal(late.status, 200);
      const order = await server.store.get('ord_bt_A');
      assert.equal(order?.status, 'paid');
      assert.equal(order?.disputeStatus, 'won');
    });

    it('dispute_lost delivered before its dispute_opened: the order is disputed, and stays lost', async () => {
      await deliverBraintree(
        server.app,
        sampleNotification('transaction_settled', 'bt_tx_A')
      );
      await deliverBraintree(
        server.app,
        sampleNotification('dispute_lost', 'bt_tx_A')
      );
      await deliverBraintree(
        server.app,
        sampleNotification('dispute_opened', 'bt_tx_A')
      );
      assert.equal(await status(), 'disputed');
      const order = await server.store.get('ord_bt_A');
      assert.equal(order?.disputeStatus, 'lost');
      assert.equal(order?.dispute?.id, 'bt_tx_A');
    });

    it('dispute_lost keeps a disputed order disputed', async () => {
      await deliverBraintree(
        server.app,
        sampleNotification('transaction_settled', 'bt_tx_A')
      );
      await deliverBraintree(
        server.app,
        sampleNotification('dispute_opened', 'bt_tx_A')
      );
      await deliverBraintree(
        server.app,
        sampleNotification('dispute_lost', 'bt_tx_A')
      );
      const order = await server.store.get('ord_bt_A');
      assert.equal(order?.status, 'disputed');
      assert.equal(order?.disputeStatus, 'lost');
    });

    it('a dispute that arrives before the payment is recorded, and holds once the payment lands', async () => {
      await deliverBraintree(
        server.app,
        sampleNotification('dispute_opened', 'bt_tx_A')
      );
      assert.equal(await status(), 'pending');
      await deliverBraintree(
        server.app,
        sampleNotification('transaction_settled', 'bt_tx_A')
      );
      assert.equal(await status(), 'disputed');
    });

    it('refund_failed is answered 200 and moves nothing (for the merchant to look at)', async () => {
      await deliverBraintree(
        server.app,
        sampleNotification('transaction_settled', 'bt_tx_A')
      );
      const res = await deliverBraintree(
        server.app,
        sampleNotification('refund_failed', 'bt_tx_A')
      );
      assert.equal(res.status, 200);
      assert.equal(await status(), 'paid');
    });
  });
});
