/**
 * What Square's refusals of a refund become through refundOrder (the admin API): the contract's
 * codes, the amount freed after a definite refusal and kept reserved when the outcome is
 * unknown. Square's answers are injected through the SDK's `fetch`.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {seedSquareOrder, squareServer} from './square-webhook-helpers.js';

const ADMIN_TOKEN = 'admin-token-for-square-tests-0123456789';

const squareErrors = (
  status: number,
  code: string,
  category = 'REFUND_ERROR'
) =>
  Response.json(
    {errors: [{category, code, detail: 'Square’s own words'}]},
    {status}
  );

describe('Square refund refusals', () => {
  for (const [name, answer, status, code] of [
    [
      'more than is left',
      () => squareErrors(400, 'REFUND_AMOUNT_INVALID'),
      422,
      'refund_amount_too_large',
    ],
    [
      'a payment Square will not refund',
      () => squareErrors(400, 'PAYMENT_NOT_REFUNDABLE'),
      409,
      'order_not_refundable',
    ],
    [
      'a disputed payment',
      () => squareErrors(400, 'PAYMENT_NOT_REFUNDABLE_DUE_TO_DISPUTE'),
      409,
      'order_not_refundable',
    ],
    [
      'Square down',
      () => new Response('oops', {status: 503}),
      503,
      'provider_unavailable',
    ],
    [
      'an answer without a refund',
      () => Response.json({}),
      503,
      'provider_unavailable',
    ],
    [
      'a refused token',
      () => squareErrors(401, 'UNAUTHORIZED', 'AUTHENTICATION_ERROR'),
      502,
      'provider_error',
    ],
  ] as const) {
    it(`${name}: ${status} ${code}`, async () => {
      const requests: {url: string; body: unknown}[] = [];
      const server = await squareServer({
        admin: {token: ADMIN_TOKEN},
        squareSettings: {
          fetch: async (url, init) => {
            requests.push({
              url: String(url),
              body: JSON.parse(String(init?.body ?? 'null')),
            });
            return answer();
          },
        },
      });
      try {
        await seedSquareOrder(server.store, 'ord_refund_err', 'pay_refund_err');
        await server.store.update('ord_refund_err', () => ({
          status: 'paid',
        }));
        const res = await server.app.request(
          '/api/admin/orders/ord_refund_err/refunds',
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${ADMIN_TOKEN}`,
              'idempotency-key': 'refund-key-1',
              'content-type': 'application/json',
            },
            body: JSON.stringify({amount: 1200}),
          }
        );
        const text = await res.text();
        assert.equal(res.status, status, text);
        assert.equal(JSON.parse(text).error.code, code);
        assert.doesNotMatch(text, /Square’s own words/);
        // What was asked: the payment, the amount as a JSON integer, a key within 45 characters.
        const asked = requests.find((r) => r.url.endsWith('/v2/refunds'))!;
        assert.deepEqual((asked.body as {amount_money: unknown}).amount_money, {
          amount: 1200,
          currency: 'USD',
        });
        assert.equal(
          (asked.body as {payment_id: string}).payment_id,
          'pay_refund_err'
        );
        const key = (asked.body as {idempotency_key: string}).idempotency_key;
        assert.ok(key.length >= 1 && key.length <= 45, key);
        assert.equal(
          (await server.store.get('ord_refund_err'))?.amountRefunded,
          0
        );
      } finally {
        await server.close();
      }
    });
  }
});
