/**
 * Square's webhook signature: our verifier agrees with the SDK's WebhooksHelper.verifySignature
 * and the SDK's own test vector, and POST /api/webhooks/square refuses every delivery it cannot
 * verify (forged, tampered, signed for another URL or key, no header), never fails open, and
 * takes the notification URL from its configuration, never from the Host header.
 */
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {after, before, describe, it} from 'node:test';
import {WebhooksHelper} from 'square';
import {
  isSquareSignature,
  squareSignature,
} from '../../server/providers/square/webhook.js';
import {makeServer, type TestServer} from './helpers.js';
import {
  deliver,
  NOTIFICATION_URL,
  payment,
  seedSquareOrder,
  sign,
  squareEvent,
  squareServer,
} from './square-webhook-helpers.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the Square webhook signature', () => {
  it('matches the SDK’s test vector (tests/integration/webhooks.test.ts)', () => {
    const body = '{"data":{"type":"webhooks","id":"fake_id"}}';
    const expected = 'W3FlCNk5IA3ZQ2LHTWoajvzfaDu/OwY2tNHIHC3IUOA=';
    const url = 'https://webhook.site/webhooks';
    assert.equal(squareSignature('signature-key', url, bytes(body)), expected);
    assert.equal(
      isSquareSignature(expected, 'signature-key', url, bytes(body)),
      true
    );
  });

  it('agrees with WebhooksHelper.verifySignature, for good and bad signatures alike', async () => {
    const cases: Array<{
      body: string;
      header: string;
      key: string;
      url: string;
    }> = [];
    for (let i = 0; i < 20; i++) {
      const body = JSON.stringify({
        event_id: randomBytes(8).toString('hex'),
        text: 'é ü 日本 \u2028',
        n: i,
      });
      const key = randomBytes(12).toString('base64url');
      const url = `https://shop${i}.example/api/webhooks/square`;
      const good = squareSignature(key, url, bytes(body));
      cases.push(
        {body, header: good, key, url},
        {body: body + ' ', header: good, key, url},
        {body, header: good, key, url: `${url}/`},
        {body, header: good, key: `${key}x`, url},
        {body, header: good.slice(0, -2) + 'A=', key, url},
        {body, header: '', key, url},
        {body, header: good.toLowerCase(), key, url}
      );
    }
    for (const c of cases) {
      const sdk = await WebhooksHelper.verifySignature({
        requestBody: c.body,
        signatureHeader: c.header,
        signatureKey: c.key,
        notificationUrl: c.url,
      });
      assert.equal(
        isSquareSignature(c.header, c.key, c.url, bytes(c.body)),
        sdk,
        JSON.stringify(c)
      );
    }
    assert.ok(
      cases.some((c) =>
        isSquareSignature(c.header, c.key, c.url, bytes(c.body))
      )
    );
  });

  it('never verifies without a key or a URL', () => {
    const body = bytes('{}');
    assert.equal(isSquareSignature(sign('{}', '', ''), '', '', body), false);
    assert.equal(
      isSquareSignature(
        sign('{}', NOTIFICATION_URL, ''),
        '',
        NOTIFICATION_URL,
        body
      ),
      false
    );
  });
});

describe('POST /api/webhooks/square', () => {
  let server: TestServer;
  before(async () => {
    server = await squareServer();
  });
  after(() => server.close());

  const refused = async (
    res: Response,
    code: 'invalid_signature' | 'invalid_request' = 'invalid_signature'
  ) => {
    assert.equal(res.status, 400);
    const body = await res.json();
    assert.equal(body.error.code, code);
    assert.doesNotMatch(JSON.stringify(body), /stack|square-signature-key/);
  };

  it('applies a correctly signed event', async () => {
    await seedSquareOrder(server.store, 'ord_sig_ok', 'pay_sig_ok');
    const body = squareEvent(
      'payment.updated',
      payment('ord_sig_ok', 'pay_sig_ok')
    );
    const res = await deliver(server, body);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {received: true, outcome: 'applied'});
    assert.equal((await server.store.get('ord_sig_ok'))?.status, 'paid');
  });

  it('refuses a forged signature, a tampered body, another key, another URL and no header; nothing is applied', async () => {
    await seedSquareOrder(server.store, 'ord_sig_bad', 'pay_sig_bad');
    const body = squareEvent(
      'payment.updated',
      payment('ord_sig_bad', 'pay_sig_bad')
    );
    const header = (value: string) => ({
      'x-square-hmacsha256-signature': value,
    });
    await refused(
      await deliver(server, body, header(randomBytes(32).toString('base64')))
    );
    await refused(
      await deliver(
        server,
        body.replace('"COMPLETED"', '"COMPLETED" '),
        header(sign(body))
      )
    );
    await refused(
      await deliver(
        server,
        body,
        header(sign(body, NOTIFICATION_URL, 'another-key'))
      )
    );
    await refused(
      await deliver(
        server,
        body,
        header(sign(body, 'https://shop.example/api/webhooks/square/'))
      )
    );
    await refused(
      await deliver(
        server,
        body,
        header(sign(body, 'http://shop.example/api/webhooks/square'))
      )
    );
    await refused(await deliver(server, body, {}));
    await refused(await deliver(server, body, header('')));
    await refused(
      await deliver(server, body, {'x-square-signature': sign(body)})
    );
    await refused(await deliver(server, '', header(sign(''))));
    await refused(await deliver(server, body, header('A'.repeat(5000))));
    assert.equal((await server.store.get('ord_sig_bad'))?.status, 'pending');
    assert.deepEqual(await server.store.admin.ledger('ord_sig_bad'), []);
  });

  it('verifies against the configured notification URL, whatever Host the request names', async () => {
    await seedSquareOrder(server.store, 'ord_sig_host', 'pay_sig_host');
    const body = squareEvent(
      'payment.updated',
      payment('ord_sig_host', 'pay_sig_host')
    );
    const onHost = (host: string, signature: string) =>
      server.app.request(`http://${host}/api/webhooks/square`, {
        method: 'POST',
        headers: {
          host,
          'content-type': 'application/json',
          'x-forwarded-host': host,
          'x-square-hmacsha256-signature': signature,
        },
        body,
      });
    // Signed for the URL the Host header would make: refused.
    await refused(
      await onHost(
        'evil.example',
        sign(body, 'http://evil.example/api/webhooks/square')
      )
    );
    // Signed for the configured URL, delivered through another Host (a proxy): accepted.
    const res = await onHost('10.0.0.7:8080', sign(body));
    assert.equal(res.status, 200);
    assert.equal((await server.store.get('ord_sig_host'))?.status, 'paid');
  });

  it('a signed body that is not a Square event is invalid_request, not applied', async () => {
    for (const body of [
      'not json',
      '[]',
      'null',
      '{}',
      JSON.stringify({type: 'payment.updated', data: {}}),
      JSON.stringify({event_id: 7, type: 'payment.updated', data: {}}),
      JSON.stringify({event_id: 'e', type: 'payment.updated', data: []}),
      JSON.stringify({
        event_id: 'x'.repeat(256),
        type: 'payment.updated',
        data: {},
      }),
    ]) {
      await refused(await deliver(server, body), 'invalid_request');
    }
    // Bytes that are not UTF-8, correctly signed.
    const raw = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    const res = await server.app.request('/api/webhooks/square', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-square-hmacsha256-signature': squareSignature(
          'square-signature-key-for-tests',
          NOTIFICATION_URL,
          raw
        ),
      },
      body: raw,
    });
    await refused(res, 'invalid_request');
  });

  it('a replayed delivery is recorded once: the second is a duplicate, the order’s jobs are made once', async () => {
    await seedSquareOrder(server.store, 'ord_sig_replay', 'pay_sig_replay');
    const body = squareEvent(
      'payment.updated',
      payment('ord_sig_replay', 'pay_sig_replay')
    );
    const first = await deliver(server, body);
    assert.deepEqual(await first.json(), {received: true, outcome: 'applied'});
    await server.settled();
    const jobs = await server.store.admin.orderJobs('ord_sig_replay');
    for (let i = 0; i < 3; i++) {
      const again = await deliver(server, body);
      assert.equal(again.status, 200);
      assert.deepEqual(await again.json(), {
        received: true,
        outcome: 'duplicate',
      });
    }
    await server.settled();
    assert.equal((await server.store.admin.ledger('ord_sig_replay')).length, 1);
    assert.deepEqual(
      (await server.store.admin.orderJobs('ord_sig_replay')).map((j) => j.id),
      jobs.map((j) => j.id)
    );
    assert.equal(
      server.fulfilled.filter((o) => o.id === 'ord_sig_replay').length,
      1
    );
  });

  it('a server without Square refuses every delivery with 503, never applying one', async () => {
    const plain = await makeServer();
    try {
      const body = squareEvent('payment.updated', payment('ord_x', 'pay_x'));
      const res = await deliver(plain, body);
      assert.equal(res.status, 503);
      assert.equal((await res.json()).error.code, 'provider_not_configured');
    } finally {
      await plain.close();
    }
  });
});
