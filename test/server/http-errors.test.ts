/**
 * Every error answer over a real socket has the contract's JSON shape, including the ones Node's
 * HTTP parser and @hono/node-server make outside the app: the real server (`server/bin.ts`)
 * in a child process, sent bytes no HTTP client would send.
 */
import assert from 'node:assert/strict';
import {connect} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {type Shop, startShop} from '../e2e/shop.js';

/** Keys that point nowhere: no emulator starts, nothing is called. */
const OFFLINE_KEYS = {
  STRIPE_SECRET_KEY: 'sk_test_offline',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_offline',
  STRIPE_WEBHOOK_SECRET: 'whsec_offline',
  STRIPE_API_BASE: 'http://127.0.0.1:9',
  PAYPAL_CLIENT_ID: 'offline-client',
  PAYPAL_CLIENT_SECRET: 'offline-secret',
  PAYPAL_WEBHOOK_ID: 'OFFLINEWEBHOOK',
  PAYPAL_API_BASE: 'http://127.0.0.1:9',
  RECONCILE_INTERVAL_SECONDS: '0',
};

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Writes bytes to the server and reads the one answer, as it arrives on the wire. */
function raw(port: number, request: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within 5 s; got ${JSON.stringify(data)}`));
    }, 5_000);
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      const end = data.indexOf('\r\n\r\n');
      if (end === -1) return;
      const length = /\r\ncontent-length: *(\d+)/i.exec(data.slice(0, end));
      if (length && data.length >= end + 4 + Number(length[1])) socket.end();
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const end = data.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = data.slice(0, end).split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => {
          const at = line.indexOf(':');
          return [line.slice(0, at).toLowerCase(), line.slice(at + 1).trim()];
        })
      );
      resolve({
        status: Number(statusLine?.split(' ')[1]),
        headers,
        body: data.slice(end + 4),
      });
    });
    socket.on('error', reject);
    socket.write(request, 'latin1');
  });
}

function assertContractError(answer: RawAnswer, status: number, code: string) {
  assert.equal(answer.status, status, JSON.stringify(answer));
  assert.match(answer.headers['content-type'] ?? '', /^application\/json/);
  const body = JSON.parse(answer.body);
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  assert.ok(body.error.message.length > 0);
  assert.deepEqual(Object.keys(body), ['error']);
}

describe('error answers over a real socket', () => {
  let shop: Shop;
  let port: number;
  before(async () => {
    shop = await startShop(OFFLINE_KEYS);
    port = Number(new URL(shop.url).port);
  });
  after(() => shop.stop());

  it('answers headers that are too large with 431 in JSON', async () => {
    const answer = await raw(
      port,
      `GET /api/config HTTP/1.1\r\nHost: shop.test\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`
    );
    assertContractError(answer, 431, 'invalid_request');
  });

  it('answers a malformed request line or header with 400 in JSON', async () => {
    for (const request of [
      'NOT A REQUEST\r\n\r\n',
      'GET /api/config HTTP/9.9\r\nHost: shop.test\r\n\r\n',
      'GET /api/config HTTP/1.1\r\nHost: shop.test\r\nBad Header: x\r\n\r\n',
      'GET /api/config HTTP/1.1\r\nHost: shop.test\r\nX: a\x01b\r\n\r\n',
      // Both lengths: a request smuggling attempt.
      'POST /api/quote HTTP/1.1\r\nHost: shop.test\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    ]) {
      assertContractError(await raw(port, request), 400, 'invalid_request');
    }
  });

  it('answers an HTTP/1.1 request without Host with 400 in JSON', async () => {
    assertContractError(
      await raw(port, 'GET /api/config HTTP/1.1\r\n\r\n'),
      400,
      'invalid_request'
    );
  });

  it('answers what the adapter cannot turn into a Request (bad Host, backslash path) with 400 in JSON', async () => {
    for (const request of [
      'GET /api/config HTTP/1.1\r\nHost: shop test\r\n\r\n',
      'GET /api\\config HTTP/1.1\r\nHost: shop.test\r\n\r\n',
    ]) {
      assertContractError(await raw(port, request), 400, 'invalid_request');
    }
  });

  it('answers an unsupported Expect with 417 in JSON', async () => {
    assertContractError(
      await raw(
        port,
        'POST /api/quote HTTP/1.1\r\nHost: shop.test\r\nExpect: teapot\r\nContent-Length: 2\r\n\r\n{}'
      ),
      417,
      'invalid_request'
    );
  });

  it('answers a path nothing serves with 404 in JSON, inside /api and outside', async () => {
    for (const path of ['/api/nope', '/nope.html']) {
      assertContractError(
        await raw(
          port,
          `GET ${path} HTTP/1.1\r\nHost: shop.test\r\nConnection: close\r\n\r\n`
        ),
        404,
        'not_found'
      );
    }
  });

  it('sends the security headers with every answer of the app (set on Node’s response), and the API’s policy on the API', async () => {
    const answers = {
      quote: await fetch(`${shop.url}/api/quote`, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({items: [{sku: 'mug-enamel', quantity: 1}]}),
      }),
      refused: await fetch(`${shop.url}/api/quote`, {method: 'POST'}),
      healthz: await fetch(`${shop.url}/healthz`),
      page: await fetch(`${shop.url}/`),
      missing: await fetch(`${shop.url}/nope.html`),
    };
    for (const [name, res] of Object.entries(answers)) {
      await res.arrayBuffer();
      for (const [header, value] of [
        ['x-content-type-options', 'nosniff'],
        ['x-frame-options', 'SAMEORIGIN'],
        ['cross-origin-opener-policy', 'same-origin-allow-popups'],
        ['cross-origin-resource-policy', 'cross-origin'],
        ['referrer-policy', 'no-referrer'],
      ])
        assert.equal(res.headers.get(header), value, `${name}: ${header}`);
      // Plain http here: no HSTS.
      assert.equal(res.headers.get('strict-transport-security'), null, name);
    }
    for (const res of [answers.quote, answers.refused]) {
      assert.equal(
        res.headers.get('content-security-policy'),
        "default-src 'none'; frame-ancestors 'none'"
      );
      assert.equal(res.headers.get('vary'), 'Origin');
    }
    assert.equal(answers.quote.status, 200);
    assert.equal(answers.refused.status, 400);
    // The demo page keeps its own policy, with its nonce.
    assert.match(
      answers.page.headers.get('content-security-policy') ?? '',
      /script-src 'self'/
    );
  });

  it('still serves a well-formed request on the same server', async () => {
    const answer = await raw(
      port,
      'GET /healthz HTTP/1.1\r\nHost: shop.test\r\nConnection: close\r\n\r\n'
    );
    assert.equal(answer.status, 200);
  });
});
