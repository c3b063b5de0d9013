/**
 * POST /api/admin/orders/:id/refunds as a hostile stranger calls it (odd keys, amounts, bodies
 * and ids: the contract's error, nothing written), and the provider dashboard link (none for
 * PayPal, whose activity page takes a transaction id the order does not keep).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {dashboardUrl} from '../../server/admin/format.js';
import {AdminClient, TOKEN, adminServer, orderAt} from './admin-helpers.js';
import {
  assertQuietLog,
  hostileOrder,
  hostileServer,
} from './hostile-helpers.js';

describe('the provider dashboard link', () => {
  const modes = {stripeLive: false, paypalLive: true};
  it('links a Stripe PaymentIntent; a PayPal order id (not a transaction id) is shown unlinked', async () => {
    assert.equal(
      dashboardUrl('stripe', 'pi_1', modes),
      'https://dashboard.stripe.com/test/payments/pi_1'
    );
    assert.equal(dashboardUrl('stripe', 'cs_test_1', modes), undefined);
    assert.equal(dashboardUrl('paypal', '5O190127TN364715T', modes), undefined);
    const {server} = await hostileServer();
    try {
      await orderAt(server, 'ord_pp', '2026-11-02T10:00:00.000Z', {
        status: 'paid',
      });
      await server.store.update('ord_pp', () => ({
        provider: 'paypal',
        providerPaymentId: '5O190127TN364715T',
      }));
      const client = new AdminClient(server.app);
      await client.signIn();
      const page = (await client.page('/admin/orders/ord_pp')).text;
      assert.match(page, /<span class="id">5O190127TN364715T<\/span>/);
      assert.doesNotMatch(page, /paypal\.com\/activity/);
    } finally {
      await server.close();
    }
  });
});

describe('POST /api/admin/orders/:id/refunds against hostile input', () => {
  const post = (
    server: Awaited<ReturnType<typeof adminServer>>,
    id: string,
    {
      key = 'k'.repeat(24),
      body,
      type = 'application/json',
    }: {key?: string | null; body?: string; type?: string} = {}
  ) =>
    server.app.request(`/api/admin/orders/${id}/refunds`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(key !== null && {'idempotency-key': key}),
        ...(body !== undefined && {'content-type': type}),
      },
      body,
    });

  async function assertRefusal(res: Response, status: number, what: string) {
    assert.equal(res.status, status, what);
    const json = (await res.json()) as {
      error?: {code?: unknown; message?: unknown};
    };
    assert.equal(typeof json.error?.code, 'string', what);
    assert.equal(typeof json.error?.message, 'string', what);
    assert.doesNotMatch(JSON.stringify(json), /\bat .+:\d+:\d+|stack/i, what);
  }

  it('bad keys, amounts, bodies and ids: the contract’s error, nothing written', async () => {
    const {server, lines} = await hostileServer();
    try {
      await hostileOrder(server);
      await assertRefusal(
        await post(server, 'ord_evil', {key: null}),
        400,
        'no key'
      );
      await assertRefusal(
        await post(server, 'ord_evil', {key: 'k'.repeat(300)}),
        400,
        '300-character key'
      );
      // A key outside ASCII (as Node reads a header's bytes: Latin-1) is a key like another;
      // with a bad amount it is still refused, with nothing written.
      await assertRefusal(
        await post(server, 'ord_evil', {
          key: 'clé-ü-ñ-\u00ff'.repeat(4),
          body: '{"amount":0}',
        }),
        400,
        'Latin-1 key'
      );
      // …and with a good amount it reaches the provider (nothing listens here): our 503.
      await assertRefusal(
        await post(server, 'ord_evil', {
          key: 'clé-ü-ñ-\u00ff'.repeat(4),
          body: '{"amount":100}',
        }),
        503,
        'Latin-1 key, Stripe unreachable'
      );
      for (const amount of [
        '0',
        '-1',
        '1.5',
        '"100"',
        '1e308',
        'null',
        '[]',
        '{}',
        'true',
      ])
        await assertRefusal(
          await post(server, 'ord_evil', {body: `{"amount":${amount}}`}),
          400,
          `amount ${amount}`
        );
      for (const body of [
        '{',
        '[]',
        '"x"',
        '{"amount":1,"extra":1}',
        `{"amount":${'9'.repeat(5000)}}`,
      ])
        await assertRefusal(
          await post(server, 'ord_evil', {body}),
          400,
          body.slice(0, 40)
        );
      const wrongType = await post(server, 'ord_evil', {
        body: 'amount=100',
        type: 'application/x-www-form-urlencoded',
      });
      assert.ok(wrongType.status >= 400 && wrongType.status < 500);
      for (const id of [
        '..%2F..%2Fetc',
        '%2e%2e',
        '..',
        'x'.repeat(10 * 1024),
        '%3Cscript%3E',
        'ord_evil%00',
        '%01',
      ]) {
        const res = await post(server, id, {body: '{"amount":100}'});
        assert.ok(
          res.status === 404 || res.status === 400,
          `${id.slice(0, 30)}: ${res.status}`
        );
        if (
          res.status !== 404 ||
          res.headers.get('content-type')?.includes('json')
        )
          await assertRefusal(res, res.status, id.slice(0, 30));
      }
      // Only the one that reached the provider is recorded, and as not refunded.
      const refunds = await server.store.refunds.forOrder('ord_evil');
      assert.deepEqual(
        refunds.map((refund) => [refund.amount, refund.status]),
        [[100, refunds[0]?.status]]
      );
      assert.notEqual(refunds[0]?.status, 'succeeded');
      assert.equal((await server.store.get('ord_evil'))?.amountRefunded, 0);
      assert.equal((await server.store.get('ord_evil'))?.status, 'paid');
      assertQuietLog(lines);
    } finally {
      await server.close();
    }
  });
});
