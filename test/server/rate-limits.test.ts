/**
 * Abuse limits: creates and quotes per client per minute, 429 rate_limited with Retry-After,
 * counted by the socket's address (never a header unless a proxy is trusted), shared by every
 * server on one database, and never on webhooks.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {serve} from '@hono/node-server';
import type {AddressInfo} from 'node:net';
import {createCheckoutServer} from '../../server/app.js';
import {
  clientBucket,
  forwardedAddress,
  socketAddress,
} from '../../server/middleware/rate-limit.js';
import {createSqlStore} from '../../server/orders/sql-store.js';
import {
  deliverStripe,
  demoCatalog,
  makeServer,
  postJson,
  stripeEvent,
  testDatabase,
} from './helpers.js';

const cart = {items: [{sku: 'tee-black-m', quantity: 1}]};
const from = (client: string) => ({'x-test-client': client});
const byHeader = (c: {req: {header(name: string): string | undefined}}) =>
  c.req.header('x-test-client');

describe('abuse limits', () => {
  it('answers the quote over its limit with 429 rate_limited and Retry-After, per client, until the minute is over', async () => {
    let clock = Date.parse('2026-12-01T10:00:00.000Z');
    const server = await makeServer({
      now: () => new Date(clock),
      rateLimits: {quotePerMinute: 5},
      clientAddress: byHeader,
    });
    for (let i = 0; i < 5; i++) {
      const res = await postJson(server.app, '/api/quote', cart, from('a'));
      assert.equal(res.status, 200, `quote ${i + 1}`);
    }
    clock += 20_000;
    const refused = await postJson(server.app, '/api/quote', cart, from('a'));
    assert.equal(refused.status, 429);
    assert.deepEqual(Object.keys(await refused.json()), ['error']);
    const again = await postJson(server.app, '/api/quote', cart, from('a'));
    const body = await again.json();
    assert.equal(body.error.code, 'rate_limited');
    assert.equal(typeof body.error.message, 'string');
    assert.equal(again.headers.get('retry-after'), '40');
    // Another client is not held up by the first.
    assert.equal(
      (await postJson(server.app, '/api/quote', cart, from('b'))).status,
      200
    );
    clock += 41_000;
    assert.equal(
      (await postJson(server.app, '/api/quote', cart, from('a'))).status,
      200,
      'a new minute, a new count'
    );
    await server.close();
  });

  it('counts every create endpoint against one limit, and refuses before anything is created', async () => {
    const server = await makeServer({
      rateLimits: {createPerMinute: 2},
      clientAddress: byHeader,
    });
    // Stripe is unreachable in this server (a 5xx), which still counts as an attempt.
    for (let i = 0; i < 2; i++) {
      const res = await postJson(
        server.app,
        '/api/stripe/payment-intents',
        cart,
        from('a')
      );
      assert.notEqual(res.status, 429);
    }
    const before = await server.store.openOrders(
      new Date(Date.now() + 60_000).toISOString(),
      100
    );
    for (const [path, body] of [
      ['/api/stripe/payment-intents', cart],
      [
        '/api/stripe/checkout-sessions',
        {
          ...cart,
          successUrl: 'http://localhost/a',
          cancelUrl: 'http://localhost/b',
        },
      ],
      ['/api/paypal/orders', cart],
      ['/api/paypal/orders/5O190127TN364715T/capture', {}],
    ] as const) {
      const res = await postJson(server.app, path, body, from('a'));
      assert.equal(res.status, 429, path);
      assert.equal((await res.json()).error.code, 'rate_limited');
      assert.ok(Number(res.headers.get('retry-after')) > 0);
    }
    assert.deepEqual(
      await server.store.openOrders(
        new Date(Date.now() + 60_000).toISOString(),
        100
      ),
      before,
      'no order was opened for a refused request'
    );
    // The quote has a limit of its own.
    assert.equal(
      (await postJson(server.app, '/api/quote', cart, from('a'))).status,
      200
    );
    await server.close();
  });

  it('never limits webhooks', async () => {
    const server = await makeServer({
      rateLimits: {createPerMinute: 1, quotePerMinute: 1},
      clientAddress: () => 'stripe',
    });
    for (let i = 0; i < 20; i++) {
      const res = await deliverStripe(
        server.app,
        stripeEvent('charge.succeeded', {id: `ch_${i}`, object: 'charge'})
      );
      assert.equal(res.status, 200);
    }
    await server.close();
  });

  it('is shared by every server on one database', async () => {
    const database = await testDatabase({shared: true});
    const stores = [
      await createSqlStore({databaseUrl: database.url}),
      await createSqlStore({databaseUrl: database.url}),
    ];
    const apps = stores.map(
      (store) =>
        createCheckoutServer({
          catalog: demoCatalog(),
          store,
          rateLimits: {quotePerMinute: 6},
          clientAddress: byHeader,
        }).app
    );
    const answers = await Promise.all(
      Array.from({length: 10}, (_, i) =>
        postJson(apps[i % 2], '/api/quote', cart, from('a'))
      )
    );
    assert.deepEqual(
      answers.map((r) => r.status).sort(),
      [200, 200, 200, 200, 200, 200, 429, 429, 429, 429],
      'six quotes in all, wherever they landed'
    );
    for (const store of stores) await store.close();
    await database.drop();
  });

  it('counts by the socket address, not a header a client sends, unless a proxy is trusted', async () => {
    const database = await testDatabase();
    const store = await createSqlStore({databaseUrl: database.url});
    const listen = async (trustProxy: boolean) => {
      const {app} = createCheckoutServer({
        catalog: demoCatalog(),
        store,
        rateLimits: {quotePerMinute: 3},
        clientAddress: trustProxy
          ? forwardedAddress(socketAddress)
          : socketAddress,
      });
      const server = serve({fetch: app.fetch, hostname: '127.0.0.1', port: 0});
      await new Promise((resolve) => server.once('listening', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      return {url, close: () => new Promise((r) => server.close(r))};
    };
    const quote = (url: string, forwardedFor: string) =>
      fetch(`${url}/api/quote`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': forwardedFor,
        },
        body: JSON.stringify(cart),
      }).then((r) => r.status);

    const direct = await listen(false);
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push(await quote(direct.url, `203.0.113.${i}`));
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    await direct.close();

    // Behind a trusted proxy: the address it appended last is the client's.
    await store.resetHits('quote:127.0.0.1');
    const proxied = await listen(true);
    const behindProxy = [];
    for (let i = 0; i < 5; i++)
      behindProxy.push(
        await quote(proxied.url, `198.51.100.7, 203.0.113.${i}`)
      );
    assert.deepEqual(behindProxy, [200, 200, 200, 200, 200]);
    await proxied.close();
    await store.close();
    await database.drop();
  });

  it('counts an IPv6 client by its /64, and an IPv4-mapped one by its IPv4 address', () => {
    assert.equal(clientBucket('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2::/64');
    assert.equal(clientBucket('2001:db8:1:2::9'), '2001:db8:1:2::/64');
    assert.equal(clientBucket('2001:DB8::1'), '2001:db8:0:0::/64');
    assert.equal(clientBucket('::1'), '0:0:0:0::/64');
    assert.equal(clientBucket('::ffff:192.0.2.1'), '192.0.2.1');
    assert.equal(clientBucket('192.0.2.1'), '192.0.2.1');
    assert.equal(clientBucket(undefined), 'unknown');
  });
});
