/**
 * The API's answers take @hono/node-server's fast path: the app reads the request through the
 * adapter's lightweight Request (headers, and the body straight from Node) without making it
 * build a full Request and a ReadableStream, and hands back a plain Response with a string
 * body, which the adapter writes at once rather than streaming it. What a test can see of that
 * is the adapter's own state on the two objects, found by the names of its private symbols:
 * `requestCache` is set when a full Request was built, and `cache` holds a Response's status,
 * body and headers as long as nothing made it a real one. Both are checked to exist first, so
 * a new version of the adapter that renames them fails here loudly rather than passing.
 */
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import type {AddressInfo} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {Hono} from 'hono';
import {bodyLimit as honoBodyLimit} from 'hono/body-limit';
import {responseHeaders} from '../../server/middleware/headers.js';
import {createHttpServer, nodeHeaders} from '../../server/node-http.js';
import {type Harness, startHarness} from './harness.js';

type Fetch = Parameters<typeof createHttpServer>[0]['fetch'];

const ownSymbol = (object: object, name: string): unknown => {
  const symbol = Object.getOwnPropertySymbols(object).find(
    (s) => s.description === name
  );
  return symbol === undefined
    ? undefined
    : (object as Record<symbol, unknown>)[symbol];
};

interface Seen {
  /** The adapter built a full Request (a ReadableStream of the body) for the app. */
  fullRequest: boolean;
  /** The app's answer is still the adapter's Response with a string or byte body. */
  plainAnswer: boolean;
}

/** `fetch` behind the real HTTP server of server/node-http.ts, watching what passes through. */
async function listen(fetch: Fetch) {
  const seen: Seen[] = [];
  const server = createHttpServer({
    fetch: async (request, bindings) => {
      const response = (await fetch(request, bindings)) as Response;
      assert.ok(
        ownSymbol(request, 'incomingKey') !== undefined,
        "not the adapter's lightweight Request: its internals changed, update this test"
      );
      const cache = ownSymbol(response, 'cache');
      const body = Array.isArray(cache) ? cache[1] : undefined;
      seen.push({
        fullRequest: ownSymbol(request, 'requestCache') !== undefined,
        plainAnswer:
          (typeof body === 'string' ||
            body instanceof Uint8Array ||
            body === null) &&
          ownSymbol(response, 'responseCache') === undefined,
      });
      return response;
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    /** The answer, and what the adapter saw of it. */
    async send(path: string, init: RequestInit = {}) {
      const response = await globalThis.fetch(`${base}${path}`, init);
      const text = await response.text();
      return {response, text, seen: seen.at(-1)!};
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const cart = JSON.stringify({items: [{sku: 'mug-enamel', quantity: 1}]});
const json = (body: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: {'content-type': 'application/json', ...headers},
  body,
});
const SHOP = 'https://shop.example';

describe('the API on @hono/node-server’s fast path', () => {
  const harnesses: Harness[] = [];
  const mounts: Record<string, Awaited<ReturnType<typeof listen>>> = {};
  before(async () => {
    // As an embedder serves it (README): the app sets every header itself.
    const app = await startHarness({publicUrl: SHOP});
    mounts['the checkout app'] = await listen(app.server.app.fetch);
    // As server/node.ts serves it: the fixed headers set on Node's response instead.
    const node = await startHarness({publicUrl: SHOP, headers: nodeHeaders});
    mounts['as server/node.ts serves it'] = await listen(node.server.app.fetch);
    harnesses.push(app, node);
  });
  after(async () => {
    for (const mount of Object.values(mounts)) await mount.close();
    for (const h of harnesses) await h.close();
  });

  for (const name of ['the checkout app', 'as server/node.ts serves it']) {
    describe(name, () => {
      const send = (path: string, init?: RequestInit) =>
        mounts[name]!.send(path, init);

      it('answers POST /api/quote without a full Request or a streamed answer, with every header', async () => {
        const {response, seen} = await send(
          '/api/quote',
          json(cart, {origin: SHOP})
        );
        assert.equal(response.status, 200);
        assert.deepEqual(seen, {fullRequest: false, plainAnswer: true});
        assert.equal(response.headers.get('access-control-allow-origin'), SHOP);
        assert.equal(response.headers.get('vary'), 'Origin');
        assert.equal(
          response.headers.get('content-security-policy'),
          "default-src 'none'; frame-ancestors 'none'"
        );
        assert.equal(
          response.headers.get('strict-transport-security'),
          'max-age=15552000; includeSubDomains'
        );
        assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
        assert.match(
          response.headers.get('content-type')!,
          /^application\/json/
        );
        assert.ok(Number(response.headers.get('content-length')) > 0);
      });

      it('answers its errors the same way: bad JSON, a foreign origin, a body over 64 KB by its Content-Length', async () => {
        const cases: [RequestInit, number, string][] = [
          [json('{'), 400, 'invalid_request'],
          [
            json(cart, {origin: 'https://evil.example'}),
            403,
            'forbidden_origin',
          ],
          [json('x'.repeat(70_000)), 413, 'payload_too_large'],
        ];
        for (const [init, status, code] of cases) {
          const {response, text, seen} = await send('/api/quote', init);
          assert.equal(response.status, status, code);
          assert.equal(JSON.parse(text).error.code, code);
          assert.deepEqual(seen, {fullRequest: false, plainAnswer: true}, code);
          assert.equal(response.headers.get('x-frame-options'), 'SAMEORIGIN');
        }
      });

      it('answers a preflight, GET /api/config and /healthz the same way', async () => {
        const preflight = await send('/api/quote', {
          method: 'OPTIONS',
          headers: {origin: SHOP, 'access-control-request-method': 'POST'},
        });
        assert.equal(preflight.response.status, 204);
        assert.equal(
          preflight.response.headers.get('access-control-allow-headers'),
          'Content-Type,Authorization,Idempotency-Key'
        );
        assert.equal(
          preflight.response.headers.get('vary'),
          'Origin, Access-Control-Request-Headers'
        );
        for (const {response, seen} of [
          preflight,
          await send('/api/config', {headers: {origin: SHOP}}),
          await send('/healthz'),
        ]) {
          assert.ok(response.status < 300, response.url);
          assert.deepEqual(seen, {fullRequest: false, plainAnswer: true});
        }
      });

      it('reads a chunked body as a stream, counted: 413 past 64 KB, and the same quote within', async () => {
        const chunked = (text: string) => ({
          ...json(''),
          body: new Blob([text]).stream(),
          duplex: 'half',
        });
        const big = await send(
          '/api/quote',
          chunked(JSON.stringify({items: [], padding: 'x'.repeat(70_000)}))
        );
        assert.equal(big.response.status, 413);
        assert.equal(JSON.parse(big.text).error.code, 'payload_too_large');
        const small = await send('/api/quote', chunked(cart));
        assert.equal(small.response.status, 200);
        assert.equal(small.text, (await send('/api/quote', json(cart))).text);
        // The one case that needs the adapter's full Request; the answer is still plain.
        assert.deepEqual(small.seen, {fullRequest: true, plainAnswer: true});
      });

      it('answers an idempotent create and its replay the same way, with the same headers', async () => {
        const init = json(cart, {
          origin: SHOP,
          'idempotency-key': randomUUID(),
        });
        const first = await send('/api/stripe/payment-intents', init);
        const replay = await send('/api/stripe/payment-intents', init);
        assert.equal(first.response.status, 201);
        // The first answer is read to be stored, and still written at once.
        assert.deepEqual(first.seen, {fullRequest: false, plainAnswer: true});
        assert.deepEqual(replay.seen, {fullRequest: false, plainAnswer: true});
        assert.equal(
          replay.response.headers.get('idempotent-replayed'),
          'true'
        );
        assert.equal(replay.text, first.text);
        const names = (response: Response) =>
          [...response.headers.keys()].filter(
            (k) => !['date', 'idempotent-replayed', 'ratelimit'].includes(k)
          );
        assert.deepEqual(names(replay.response), names(first.response));
        for (const header of [
          'content-security-policy',
          'x-frame-options',
          'access-control-allow-origin',
          'vary',
        ])
          assert.ok(first.response.headers.has(header), header);
      });
    });
  }
});

describe('the observation itself', () => {
  it('sees a full Request and a streamed answer where hono/body-limit and an after-next header make them', async () => {
    const app = new Hono()
      .use(async (c, next) => {
        await next();
        c.header('X-After', '1');
      })
      .use(honoBodyLimit({maxSize: 1024}))
      .post('/', (c) => c.json({ok: true}));
    const mount = await listen(app.fetch);
    try {
      const {response, seen} = await mount.send('/', json('{}'));
      assert.equal(response.status, 200);
      assert.deepEqual(seen, {fullRequest: true, plainAnswer: false});
    } finally {
      await mount.close();
    }
  });
});

describe("nodeHeaders on Node's response", () => {
  it("writes the fixed headers in the answer's head once each, the answer's own header of the same name winning", async () => {
    const app = new Hono()
      .use(
        responseHeaders(
          [
            ['X-Frame-Options', 'SAMEORIGIN'],
            ['Cache-Control', 'public'],
          ],
          nodeHeaders
        )
      )
      .use(responseHeaders([['Vary', 'Origin']], nodeHeaders))
      .post('/', (c) => c.json({ok: true}, 200, {'cache-control': 'no-store'}));
    const mount = await listen(app.fetch);
    try {
      const {response, seen} = await mount.send('/', json('{}'));
      assert.equal(response.status, 200);
      assert.deepEqual(seen, {fullRequest: false, plainAnswer: true});
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(response.headers.get('x-frame-options'), 'SAMEORIGIN');
      assert.equal(response.headers.get('vary'), 'Origin');
    } finally {
      await mount.close();
    }
  });
});
