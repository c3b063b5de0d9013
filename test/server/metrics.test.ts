/**
 * GET /metrics: who may read it (a bearer token, or without one a loopback socket only; no
 * header ever grants it), the Prometheus text it answers, and the series moving with what the
 * server does: a quote, webhooks (applied, duplicate, refused), an outbox job that fails, a
 * provider call; unknown paths do not add series.
 */
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {
  deliverStripe,
  makeServer,
  postJson,
  seedOrder,
  stripeEvent,
  type TestServer,
} from './helpers.js';
import {succeeded} from './webhooks-stripe-helpers.js';

const TOKEN = 'metrics-token-0123456789abcdef';
const LOOPBACK = {incoming: {socket: {remoteAddress: '127.0.0.1'}}};
const socket = (remoteAddress: string) => ({
  incoming: {socket: {remoteAddress}},
});

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The exposition text's samples (comments skipped). */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    assert.ok(match, `a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(
      /(\w+)="((?:[^"\\]|\\.)*)"/g
    ))
      labels[key] = value;
    samples.push({name: match[1], labels, value: Number(match[3])});
  }
  return samples;
}

/** The value of the one sample named so whose labels include these (0 when there is none). */
function value(
  samples: Sample[],
  name: string,
  labels: Record<string, string> = {}
): number {
  const found = samples.filter(
    (s) =>
      s.name === name &&
      Object.entries(labels).every(([k, v]) => s.labels[k] === v)
  );
  assert.ok(found.length <= 1, `one ${name} ${JSON.stringify(labels)}`);
  return found[0]?.value ?? 0;
}

const servers: TestServer[] = [];
after(async () => {
  for (const server of servers) await server.close();
});

async function server(options: Parameters<typeof makeServer>[0] = {}) {
  const made = await makeServer(options);
  servers.push(made);
  return made;
}

async function scrape(s: TestServer): Promise<Sample[]> {
  const response = await s.app.request('/metrics', {}, LOOPBACK);
  assert.equal(response.status, 200);
  return parse(await response.text());
}

const quote = (s: TestServer) =>
  postJson(s.app, '/api/quote', {items: [{sku: 'tee-black-m', quantity: 1}]});

describe('GET /metrics', () => {
  describe('who may read it', () => {
    it('without a token: a loopback socket only, never through forwarding headers; everyone else the unknown path’s 404', async () => {
      const s = await server();
      const unknown = await s.app.request('/no-such-page');
      const unknownBody = await unknown.text();
      for (const remote of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
        const ok = await s.app.request('/metrics', {}, socket(remote));
        assert.equal(ok.status, 200, remote);
        assert.match(
          ok.headers.get('content-type')!,
          /^text\/plain; version=0\.0\.4/
        );
        assert.equal(ok.headers.get('cache-control'), 'no-store');
      }
      const refused = [
        await s.app.request('/metrics'), // no socket known: not trusted
        await s.app.request('/metrics', {}, socket('203.0.113.7')),
        await s.app.request('/metrics', {}, socket('10.0.0.2')),
        // A proxy on this machine forwards a stranger's request.
        await s.app.request(
          '/metrics',
          {headers: {'x-forwarded-for': '203.0.113.7'}},
          LOOPBACK
        ),
        await s.app.request(
          '/metrics',
          {headers: {forwarded: 'for=203.0.113.7'}},
          LOOPBACK
        ),
        // Headers that claim loopback grant nothing.
        await s.app.request(
          '/metrics',
          {headers: {'x-forwarded-for': '127.0.0.1', host: 'localhost'}},
          socket('203.0.113.7')
        ),
      ];
      for (const response of refused) {
        assert.equal(response.status, 404);
        assert.equal(await response.text(), unknownBody);
      }
    });

    it('with METRICS_TOKEN: only the bearer of that token, from anywhere; loopback is not enough', async () => {
      const s = await server({metricsToken: TOKEN});
      const bearer = (token: string) => ({
        headers: {authorization: `Bearer ${token}`},
      });
      assert.equal(
        (await s.app.request('/metrics', bearer(TOKEN), socket('203.0.113.7')))
          .status,
        200
      );
      for (const [init, env] of [
        [{}, LOOPBACK],
        [bearer(`${TOKEN}x`), LOOPBACK],
        [bearer(TOKEN.slice(0, -1)), LOOPBACK],
        [{headers: {authorization: TOKEN}}, LOOPBACK],
        [{headers: {authorization: `Basic ${btoa(`x:${TOKEN}`)}`}}, LOOPBACK],
      ] as const)
        assert.equal((await s.app.request('/metrics', init, env)).status, 404);
    });

    it('is not there with metrics off', async () => {
      const s = await server({metrics: false});
      assert.equal((await s.app.request('/metrics', {}, LOOPBACK)).status, 404);
    });
  });

  describe('the series', () => {
    it('counts requests by route pattern and status, and times them', async () => {
      const s = await server();
      const before = await scrape(s);
      const labels = {method: 'POST', route: '/api/quote', status: '200'};
      assert.equal(
        value(before, 'pay_checkout_http_requests_total', labels),
        0
      );
      assert.equal((await quote(s)).status, 200);
      assert.equal((await quote(s)).status, 200);
      const badQuote = await postJson(s.app, '/api/quote', {items: 'none'});
      assert.equal(badQuote.status, 400);
      const after = await scrape(s);
      assert.equal(value(after, 'pay_checkout_http_requests_total', labels), 2);
      assert.equal(
        value(after, 'pay_checkout_http_requests_total', {
          ...labels,
          status: '400',
        }),
        1
      );
      assert.equal(
        value(after, 'pay_checkout_http_request_duration_seconds_count', {
          method: 'POST',
          route: '/api/quote',
        }),
        3
      );
      const orders = await s.app.request('/api/orders/ord_nope', {
        headers: {authorization: 'Bearer x'},
      });
      assert.equal(
        value(await scrape(s), 'pay_checkout_http_requests_total', {
          route: '/api/orders/:id',
          status: String(orders.status),
        }),
        1
      );
      // The process's own series come along.
      assert.ok(value(after, 'process_cpu_user_seconds_total') > 0);
      assert.ok(value(after, 'nodejs_heap_size_used_bytes') > 0);
    });

    it('keeps unknown paths to a few route patterns', async () => {
      const s = await server();
      for (let i = 0; i < 30; i++) {
        await s.app.request(`/random-${i}/${Math.random()}`);
        await s.app.request(`/api/random-${i}`, {method: 'DELETE'});
        await s.app.request(`/api/orders/ord_${i}`);
      }
      const routes = new Set(
        (await scrape(s))
          .filter((x) => x.name === 'pay_checkout_http_requests_total')
          .map((x) => x.labels.route)
      );
      assert.ok(routes.size <= 4, [...routes].join(' '));
      for (const route of routes) assert.doesNotMatch(route, /random|ord_\d/);
    });

    it('counts webhook deliveries by outcome, and orders by status and provider', async () => {
      const s = await server();
      await seedOrder(s.store, 'ord_A', 'pi_A');
      let samples = await scrape(s);
      assert.equal(
        value(samples, 'pay_checkout_orders', {
          status: 'pending',
          provider: 'stripe',
        }),
        1
      );
      const event = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      assert.equal((await deliverStripe(s.app, event)).status, 200);
      assert.equal((await deliverStripe(s.app, event)).status, 200);
      assert.equal(
        (await deliverStripe(s.app, event, 't=1,v1=forged')).status,
        400
      );
      await s.settled();
      samples = await scrape(s);
      const outcome = (name: string) =>
        value(samples, 'pay_checkout_webhook_events_total', {
          provider: 'stripe',
          outcome: name,
        });
      assert.deepEqual(
        ['applied', 'duplicate', 'invalid_signature', 'ignored'].map(outcome),
        [1, 1, 1, 0]
      );
      assert.equal(
        value(samples, 'pay_checkout_orders', {
          status: 'paid',
          provider: 'stripe',
        }),
        1
      );
      assert.equal(
        value(samples, 'pay_checkout_orders', {
          status: 'pending',
          provider: 'stripe',
        }),
        0
      );
      // The verification is a gateway operation too.
      assert.equal(
        value(samples, 'pay_checkout_provider_call_duration_seconds_count', {
          provider: 'stripe',
          operation: 'verifyWebhook',
          outcome: 'ok',
        }),
        2
      );
    });

    it('counts outbox failures by channel and shows the jobs left to retry', async () => {
      const s = await server({
        mailer: {
          async send() {
            throw new Error('SMTP 421');
          },
        },
      });
      await seedOrder(s.store, 'ord_A', 'pi_A', 5000, 'usd', 'kim@example.com');
      await deliverStripe(
        s.app,
        stripeEvent('payment_intent.succeeded', succeeded('ord_A', 'pi_A'))
      );
      await s.settled();
      const samples = await scrape(s);
      assert.equal(
        value(samples, 'pay_checkout_outbox_job_failures_total', {
          channel: 'email',
        }),
        1
      );
      assert.equal(
        value(samples, 'pay_checkout_outbox_jobs', {
          channel: 'email',
          state: 'failed',
        }),
        1
      );
      assert.equal(
        value(samples, 'pay_checkout_outbox_jobs', {
          channel: 'email',
          state: 'pending',
        }),
        0
      );
      // The fulfilment hook went through.
      assert.equal(
        value(samples, 'pay_checkout_outbox_job_failures_total', {
          channel: 'hook',
        }),
        0
      );
    });

    it('times each provider call by provider, operation and outcome', async () => {
      // makeServer's Stripe points at a closed port: the call fails at once.
      const s = await server();
      const response = await postJson(s.app, '/api/stripe/payment-intents', {
        items: [{sku: 'tee-black-m', quantity: 1}],
      });
      assert.ok(response.status >= 500, String(response.status));
      const samples = await scrape(s);
      assert.equal(
        value(samples, 'pay_checkout_provider_call_duration_seconds_count', {
          provider: 'stripe',
          operation: 'createPayment',
          outcome: 'error',
        }),
        1
      );
      assert.equal(
        value(samples, 'pay_checkout_provider_call_duration_seconds_count', {
          provider: 'stripe',
          operation: 'createPayment',
          outcome: 'ok',
        }),
        0
      );
    });
  });
});
