/**
 * TRUST_PROXY's X-Forwarded-Proto/Host: compared with PUBLIC_URL to warn about a proxy that
 * forwards for another origin, and trusted for nothing.
 */
import assert from 'node:assert/strict';
import {Writable} from 'node:stream';
import {describe, it} from 'node:test';
import {Hono} from 'hono';
import pino from 'pino';
import {forwardedOriginCheck} from '../../server/middleware/forwarded.js';
import {makeServer, postJson} from './helpers.js';

function capture() {
  const lines: {msg: string; forwarded?: string}[] = [];
  const logger = pino(
    {level: 'warn'},
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    })
  );
  return {logger, lines};
}

describe('forwardedOriginCheck (TRUST_PROXY)', () => {
  it('warns once per other origin a proxy forwards for, and answers as before', async () => {
    const {logger, lines} = capture();
    const app = new Hono()
      .use(forwardedOriginCheck('https://shop.example', logger))
      .get('/x', (c) => c.text('ok'));
    const get = (headers: Record<string, string>) =>
      app.request('http://127.0.0.1/x', {headers});

    for (const headers of [
      {'x-forwarded-proto': 'https', 'x-forwarded-host': 'shop.example'},
      {'x-forwarded-proto': 'http', 'x-forwarded-host': 'shop.example'},
      {'x-forwarded-proto': 'http', 'x-forwarded-host': 'shop.example'},
      {
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'evil.example, shop.example',
      },
      {
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'shop.example, evil.example',
      },
    ]) {
      const res = await get(headers);
      assert.equal(res.status, 200);
      assert.equal(await res.text(), 'ok');
    }
    // The nearest proxy's value is the last one: "evil.example, shop.example" is shop.example.
    assert.deepEqual(
      lines.map((l) => l.forwarded),
      ['http://shop.example', 'https://evil.example']
    );
  });

  it('widens nothing: a forwarded host is not a redirect target', async () => {
    const {logger} = capture();
    const server = await makeServer({publicUrl: 'https://shop.example'});
    const app = new Hono()
      .use(forwardedOriginCheck('https://shop.example', logger))
      .route('/', server.app);
    const res = await postJson(
      app,
      'http://127.0.0.1/api/stripe/checkout-sessions',
      {
        items: [{sku: 'mug-enamel', quantity: 1}],
        successUrl: 'https://evil.example/paid',
        cancelUrl: 'https://evil.example/cancel',
      },
      {'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example'}
    );
    assert.equal(res.status, 400);
    await server.close();
  });
});
