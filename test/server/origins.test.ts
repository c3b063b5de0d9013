/**
 * The shop's own origin comes from its configured public URL (PUBLIC_URL), never from the
 * request: a spoofed Host or X-Forwarded-Host cannot make Stripe's page redirect a buyer to
 * another site, and a TLS proxy in front does not make the shop's https pages look foreign.
 */
import assert from 'node:assert/strict';
import type {AddressInfo} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {serve, type ServerType} from '@hono/node-server';
import {type Harness, startHarness} from './harness.js';
import {makeServer, postJson} from './helpers.js';
import {rawPost} from '../raw-post.js';

const cart = {items: [{sku: 'mug-enamel', quantity: 1}]};

describe('origins from configuration, never from the request', () => {
  let h: Harness;
  let listener: ServerType;
  let port: number;
  before(async () => {
    h = await startHarness({publicUrl: 'https://shop.example'});
    listener = serve({
      fetch: h.server.app.fetch,
      hostname: '127.0.0.1',
      port: 0,
    });
    await new Promise((resolve) => listener.once('listening', resolve));
    port = (listener.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise((resolve) => listener.close(resolve));
    await h.close();
  });

  const sessions = async () =>
    (await h.stripe.checkout.sessions.list({limit: 100})).data.length;

  it('refuses a redirect to a spoofed Host with 400, and creates nothing', async () => {
    const before = await sessions();
    const res = await postJson(
      h.server.app,
      'http://evil.example/api/stripe/checkout-sessions',
      {
        ...cart,
        successUrl: 'http://evil.example/paid',
        cancelUrl: 'http://evil.example/cancel',
      },
      {
        host: 'evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'http',
      }
    );
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.code, 'invalid_request');
    assert.equal(await sessions(), before);
  });

  it('refuses it over a real socket too, where the Host header builds the request URL', async () => {
    const before = await sessions();
    const {status, json} = await rawPost(
      port,
      '/api/stripe/checkout-sessions',
      {
        ...cart,
        successUrl: 'http://evil.example/paid',
        cancelUrl: 'http://evil.example/cancel',
      },
      {host: 'evil.example'}
    );
    assert.equal(status, 400);
    assert.equal(json.error?.code, 'invalid_request');
    assert.equal(await sessions(), before);
  });

  it('accepts the shop’s own https pages behind a TLS proxy (the request itself is plain http)', async () => {
    const {status} = await rawPost(
      port,
      '/api/stripe/checkout-sessions',
      {
        ...cart,
        successUrl:
          'https://shop.example/return.html?pay_checkout_return=success',
        cancelUrl:
          'https://shop.example/return.html?pay_checkout_return=cancel',
      },
      {host: 'shop.example', 'x-forwarded-proto': 'https'}
    );
    assert.equal(status, 201);
  });

  it('answers a request whose Host does not match, but trusts nothing more for it', async () => {
    const res = await h.server.app.request('http://evil.example/api/config', {
      headers: {host: 'evil.example'},
    });
    assert.equal(res.status, 200);
    // The page a buyer is on is what counts, and evil.example is not one of the shop's.
    const foreign = await postJson(
      h.server.app,
      'http://evil.example/api/quote',
      cart,
      {origin: 'http://evil.example', host: 'evil.example'}
    );
    assert.equal(foreign.status, 403);
    assert.equal((await foreign.json()).error.code, 'forbidden_origin');
    const own = await postJson(
      h.server.app,
      'http://127.0.0.1/api/quote',
      cart,
      {
        origin: 'https://shop.example',
      }
    );
    assert.equal(own.status, 200);
    assert.equal(
      own.headers.get('access-control-allow-origin'),
      'https://shop.example'
    );
  });

  it('lets the shop’s own pages send the headers the element sends, in a preflight', async () => {
    const res = await h.server.app.request(
      'http://127.0.0.1/api/stripe/payment-intents',
      {
        method: 'OPTIONS',
        headers: {
          origin: 'https://shop.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,idempotency-key',
        },
      }
    );
    assert.equal(res.status, 204);
    assert.equal(
      res.headers.get('access-control-allow-origin'),
      'https://shop.example'
    );
    assert.match(
      res.headers.get('access-control-allow-headers') ?? '',
      /Idempotency-Key/i
    );
  });

  it('never redirects to ALLOWED_ORIGINS=* (CORS from anywhere is not a redirect to anywhere)', async () => {
    const server = await makeServer({
      publicUrl: 'http://localhost',
      allowedOrigins: ['*'],
    });
    const res = await postJson(
      server.app,
      'http://localhost/api/stripe/checkout-sessions',
      {
        ...cart,
        successUrl: 'https://evil.example/paid',
        cancelUrl: 'http://localhost/cancel',
      }
    );
    assert.equal(res.status, 400);
    await server.close();
  });
});

describe('Strict-Transport-Security', () => {
  it('is sent only when the public URL is https, whatever the request says', async () => {
    for (const [publicUrl, expected] of [
      ['https://shop.example', 'max-age=15552000; includeSubDomains'],
      ['http://localhost:4242', null],
      [undefined, null],
    ] as const) {
      const server = await makeServer({publicUrl});
      for (const url of [
        'http://127.0.0.1/api/config',
        'https://x.example/healthz',
      ]) {
        const res = await server.app.request(url, {
          headers: {'x-forwarded-proto': 'https'},
        });
        assert.equal(
          res.headers.get('strict-transport-security'),
          expected,
          `${publicUrl} ${url}`
        );
      }
      await server.close();
    }
  });
});
