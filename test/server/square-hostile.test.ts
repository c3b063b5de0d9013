/**
 * Hostile input around Square: bodies a browser should never send, webhooks an attacker might,
 * and answers a Square-compatible API should never give (injected through the SDK's `fetch`).
 * Never a 5xx the contract does not name, never a stack, never Square's own text.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {postJson, type TestServer} from './helpers.js';
import {assertQuietLog, collectingLogger} from './hostile-helpers.js';
import {cart} from './square-harness.js';
import {deliver, sign, squareServer} from './square-webhook-helpers.js';

const PROVIDER_TEXT = 'Authorization error: <script>secret-detail</script>';

const noLeak = (text: string) => {
  assert.doesNotMatch(text, /stack|secret-detail|<script>|EAAA|at .+:\d+:\d+/);
};

describe('Square and hostile input', () => {
  let server: TestServer;
  const {logger, lines} = collectingLogger();
  before(async () => {
    server = await squareServer({logger});
  });
  after(() => server.close());

  it('hostile pay bodies: 4xx in the contract’s shape, nothing written', async () => {
    const bodies: unknown[] = [
      '[]',
      'null',
      '"cnon:card-nonce-ok"',
      '{"__proto__": {"sourceId": "cnon:x"}, "items": [{"sku": "tee-black-m", "quantity": 1}]}',
      {...cart, sourceId: 'cnon:\u0000nul'},
      {...cart, sourceId: 'cnon:\u202Egnp'},
      {...cart, sourceId: ['cnon:card-nonce-ok']},
      {...cart, sourceId: 'cnon:ok', verificationToken: 'verf: x'},
      {
        ...cart,
        sourceId: 'cnon:ok',
        constructor: {prototype: {x: 1}},
        items: 'x',
      },
      {
        ...cart,
        sourceId: 'cnon:ok',
        items: [{sku: 'tee-black-m', quantity: 1e308}],
      },
      {...cart, sourceId: 'cnon:ok', currency: 'X'.repeat(10_000)},
      JSON.stringify({...cart, sourceId: 'cnon:ok'}).slice(0, -3),
      '{"a":'.repeat(5000) + '1' + '}'.repeat(5000),
    ];
    for (const body of bodies) {
      const res = await postJson(server.app, '/api/square/payments', body);
      const text = await res.text();
      assert.ok(res.status >= 400 && res.status < 500, `${res.status} ${text}`);
      assert.match(JSON.parse(text).error.code, /^[a-z_]+$/);
      noLeak(text);
    }
    const form = await server.app.request('/api/square/payments', {
      method: 'POST',
      headers: {'content-type': 'application/x-www-form-urlencoded'},
      body: 'sourceId=cnon:ok',
    });
    assert.equal(form.status, 400);
    assertQuietLog(lines);
  });

  it('hostile webhooks: oversized, prototype keys, deep nesting: 4xx or 200 ignored, never a 5xx', async () => {
    const huge = JSON.stringify({
      event_id: 'e',
      type: 'payment.updated',
      data: {x: 'y'.repeat(300_000)},
    });
    const big = await deliver(server, huge);
    assert.equal(big.status, 413);
    for (const body of [
      JSON.stringify({
        event_id: 'e-proto',
        type: '__proto__',
        data: {object: {}},
      }),
      JSON.stringify({
        event_id: 'e-hasown',
        type: 'hasOwnProperty',
        data: {object: {}},
      }),
      '{"event_id":"e-deep","type":"payment.updated","data":{"object":{"payment":' +
        '{"a":'.repeat(2000) +
        '1' +
        '}'.repeat(2000) +
        '}}}',
      JSON.stringify({
        event_id: 'e-arr',
        type: 'payment.updated',
        data: {object: {payment: []}},
      }),
      JSON.stringify({
        event_id: 'e-ref',
        type: 'refund.updated',
        data: {
          object: {refund: {id: {}, status: 'COMPLETED', payment_id: 'p'}},
        },
      }),
    ]) {
      const res = await deliver(server, body, {
        'x-square-hmacsha256-signature': sign(body),
      });
      assert.ok(res.status === 200 || res.status === 400, `${res.status}`);
      noLeak(await res.text());
    }
  });

  describe('a Square-compatible API that answers badly', () => {
    const answering = (respond: () => Response | Promise<Response>) =>
      squareServer({
        logger,
        squareSettings: {fetch: async () => respond()},
      });

    const attempt = async (server: TestServer) => {
      const res = await postJson(server.app, '/api/square/payments', {
        ...cart,
        sourceId: 'cnon:card-nonce-ok',
      });
      const text = await res.text();
      noLeak(text);
      return {status: res.status, code: JSON.parse(text).error?.code};
    };

    for (const [name, respond, expected] of [
      [
        'a decline with its own text',
        () =>
          Response.json(
            {
              errors: [
                {
                  category: 'PAYMENT_METHOD_ERROR',
                  code: 'GENERIC_DECLINE',
                  detail: PROVIDER_TEXT,
                },
              ],
              payment: {id: 'pay_failed', status: 'FAILED'},
            },
            {status: 400}
          ),
        [402, 'card_declined'],
      ],
      [
        'an unknown decline code',
        () =>
          Response.json(
            {
              errors: [
                {
                  category: 'PAYMENT_METHOD_ERROR',
                  code: 'SOMETHING_NEW',
                  detail: PROVIDER_TEXT,
                },
              ],
            },
            {status: 400}
          ),
        [402, 'card_declined'],
      ],
      [
        'a refused token (401)',
        () =>
          Response.json(
            {
              errors: [
                {
                  category: 'AUTHENTICATION_ERROR',
                  code: 'UNAUTHORIZED',
                  detail: PROVIDER_TEXT,
                },
              ],
            },
            {status: 401}
          ),
        [502, 'provider_error'],
      ],
      [
        'an HTML 502',
        () => new Response(`<html>${PROVIDER_TEXT}</html>`, {status: 502}),
        [503, 'provider_unavailable'],
      ],
      [
        'a 429',
        () =>
          Response.json(
            {errors: [{category: 'RATE_LIMIT_ERROR', code: 'RATE_LIMITED'}]},
            {status: 429}
          ),
        [503, 'provider_unavailable'],
      ],
      [
        'a 200 that is not JSON',
        () => new Response(PROVIDER_TEXT, {status: 200}),
        [502, 'provider_error'],
      ],
      [
        'a 200 without a payment',
        () => Response.json({}),
        [502, 'provider_error'],
      ],
      [
        'a 200 with a payment of the wrong shape',
        () => Response.json({payment: {id: {}, status: 7}}),
        [502, 'provider_error'],
      ],
      [
        'no answer at all',
        () => {
          throw new TypeError(`fetch failed: ${PROVIDER_TEXT}`);
        },
        [503, 'provider_unavailable'],
      ],
    ] as const) {
      it(`${name}: ${expected[0]} ${expected[1]}, nothing of Square's text`, async () => {
        const bad = await answering(respond);
        lines.length = 0;
        try {
          assert.deepEqual(Object.values(await attempt(bad)), expected);
          for (const line of lines) {
            assert.doesNotMatch(line, /secret-detail|"stack"/, line);
          }
        } finally {
          await bad.close();
        }
      });
    }
  });
});
