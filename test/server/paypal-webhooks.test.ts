/**
 * POST /api/webhooks/paypal: offline RSA verification with a test certificate served by the
 * fake PayPal, and the postback mode. What each event does to an order:
 * paypal-webhook-events.test.ts.
 */
import assert from 'node:assert/strict';
import {X509Certificate} from 'node:crypto';
import {crc32 as zlibCrc32} from 'node:zlib';
import {describe, it} from 'node:test';
import {makeServer} from './helpers.js';
import {createFakePaypal} from './paypal-fake.js';
import {makePaypalServer, seedPaypalOrder} from './paypal-fixtures.js';
import {
  captureResource,
  CERT_URL,
  deliverPaypal,
  OTHER_CERT,
  OTHER_KEY,
  PAYPAL_TEST_CERT,
  PAYPAL_WEBHOOK_ID,
  paypalEvent,
  signPaypalWebhook,
} from './paypal-webhook-fixtures.js';
import {
  certFetches,
  completed,
  PP_A,
  server,
  status,
  useSeededPaypalServer,
} from './paypal-webhook-helpers.js';

describe('POST /api/webhooks/paypal', () => {
  useSeededPaypalServer();

  describe('offline verification', () => {
    it('applies a correctly signed event and fulfils the order once', async () => {
      const res = await deliverPaypal(server.app, completed());
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), {received: true, outcome: 'applied'});
      assert.equal(await status(), 'paid');
      assert.deepEqual(
        (await server.settled()).map((o) => o.id),
        ['ord_A']
      );
    });

    it('verifies a body whose CRC-32 is 2^31 or more (unsigned decimal, not a negative int32)', async () => {
      let body = '';
      for (let n = 0; n < 1000; n++) {
        body = paypalEvent('PAYMENT.CAPTURE.COMPLETED', {
          ...captureResource('ord_A', PP_A),
          note: `n${n}`,
        });
        if (zlibCrc32(body) >= 2 ** 31) break;
      }
      assert.ok(
        zlibCrc32(body) >= 2 ** 31 && (zlibCrc32(body) | 0) < 0,
        'as a signed int32 it would be negative'
      );
      const res = await deliverPaypal(server.app, body);
      assert.equal(res.status, 200);
      assert.equal(await status(), 'paid');
    });

    it('verifies the exact bytes: escapes, odd spacing and non-ASCII still verify', async () => {
      const body = completed().replace(
        '"event_version":"1.0"',
        '"event_version" :  "1.0" ,"note":"caf\\u00e9 – ✓"'
      );
      assert.equal((await deliverPaypal(server.app, body)).status, 200);
      assert.equal(await status(), 'paid');
    });

    it('refuses a tampered body: one byte, or reformatted by a JSON round trip', async () => {
      const body = completed();
      const headers = signPaypalWebhook(body);
      for (const tampered of [
        body.replace('"50.00"', '"50.01"'),
        JSON.stringify(JSON.parse(body), null, 1),
      ]) {
        const res = await deliverPaypal(server.app, tampered, headers);
        assert.equal(res.status, 400);
        assert.equal((await res.json()).error.code, 'invalid_signature');
      }
      assert.equal(await status(), 'pending');
    });

    it('refuses a wrong webhook id, transmission id or time, another key, a truncated or non-base64 signature', async () => {
      const body = completed();
      const good = signPaypalWebhook(body);
      const variants: Record<string, string>[] = [
        signPaypalWebhook(body, {webhookId: 'WEBHOOK_ID'}),
        {
          ...good,
          'paypal-transmission-id': '00000000-0000-0000-0000-000000000000',
        },
        {...good, 'paypal-transmission-time': '2026-01-01T00:00:00Z'},
        signPaypalWebhook(body, {key: OTHER_KEY}),
        {
          ...good,
          'paypal-transmission-sig': good['paypal-transmission-sig'].slice(
            0,
            -4
          ),
        },
        {
          ...good,
          'paypal-transmission-sig': good['paypal-transmission-sig'].slice(
            0,
            40
          ),
        },
        {
          ...good,
          'paypal-transmission-sig': `!${good['paypal-transmission-sig'].slice(1)}`,
        },
        {...good, 'paypal-transmission-sig': 'not base64 at all'},
        {
          ...good,
          'paypal-transmission-sig': good['paypal-transmission-sig'].replace(
            /=*$/,
            '====='
          ),
        },
      ];
      for (const headers of variants) {
        const res = await deliverPaypal(server.app, body, headers);
        assert.equal(res.status, 400, JSON.stringify(headers));
        assert.equal((await res.json()).error.code, 'invalid_signature');
      }
      assert.equal(await status(), 'pending');
      assert.equal((await deliverPaypal(server.app, body, good)).status, 200);
    });

    it('refuses a delivery missing any of PayPal’s headers', async () => {
      const body = completed();
      const good = signPaypalWebhook(body);
      for (const name of Object.keys(good)) {
        const headers = {...good};
        delete headers[name];
        assert.equal(
          (await deliverPaypal(server.app, body, headers)).status,
          400,
          name
        );
        assert.equal(
          (await deliverPaypal(server.app, body, {...good, [name]: ''})).status,
          400,
          name
        );
      }
      assert.equal(certFetches(), 0);
    });

    it('refuses any auth algorithm but SHA256withRSA, before fetching anything', async () => {
      const body = completed();
      for (const authAlgo of [
        'SHA1withRSA',
        'sha256withrsa',
        'RSA-SHA256',
        'SHA256withECDSA',
        'none',
      ]) {
        const res = await deliverPaypal(
          server.app,
          body,
          signPaypalWebhook(body, {authAlgo})
        );
        assert.equal(res.status, 400, authAlgo);
      }
      assert.equal(server.fake.calls.length, 0);
    });

    it('refuses certificate URLs off PayPal’s hosts before fetching anything', async () => {
      const body = completed();
      const path = new URL(CERT_URL).pathname;
      for (const certUrl of [
        `http://api.sandbox.paypal.com${path}`,
        `https://evil.example${path}`,
        `https://api.sandbox.paypal.com.evil.example${path}`,
        `https://api.sandbox.paypal.com@evil.example${path}`,
        `https://api.sandbox.paypal.com/v1/oauth2/token`,
        `${CERT_URL}?x=1`,
      ]) {
        const res = await deliverPaypal(
          server.app,
          body,
          signPaypalWebhook(body, {certUrl})
        );
        assert.equal(res.status, 400, certUrl);
      }
      assert.equal(server.fake.calls.length, 0, 'no URL was fetched');
      assert.equal(await status(), 'pending');
    });

    it('refuses a certificate that is not PayPal’s (wrong CN), and an expired one', async () => {
      const otherUrl = CERT_URL.replace('CERT-', 'CERT-other-');
      server.fake.certs.set(new URL(otherUrl).pathname, OTHER_CERT);
      const body = completed();
      const wrongCn = await deliverPaypal(
        server.app,
        body,
        signPaypalWebhook(body, {certUrl: otherUrl, key: OTHER_KEY})
      );
      assert.equal(wrongCn.status, 400);

      const validTo = Date.parse(new X509Certificate(PAYPAL_TEST_CERT).validTo);
      const late = await makePaypalServer({
        settings: {now: () => new Date(validTo + 1000)},
      });
      await seedPaypalOrder(late, 'ord_A', PP_A);
      const expired = await deliverPaypal(late.app, body);
      assert.equal(expired.status, 400);
      assert.equal((await late.store.get('ord_A'))!.status, 'pending');
      await late.close();
    });

    it('downloads a certificate once for many deliveries, concurrent or not', async () => {
      await seedPaypalOrder(server, 'ord_B', 'PPB00000000000000');
      const events = [
        completed(),
        paypalEvent(
          'PAYMENT.CAPTURE.COMPLETED',
          captureResource('ord_B', 'PPB00000000000000')
        ),
        paypalEvent('CHECKOUT.ORDER.APPROVED', {id: PP_A}),
      ];
      const results = await Promise.all(
        events.map((body) => deliverPaypal(server.app, body))
      );
      assert.deepEqual(
        results.map((r) => r.status),
        [200, 200, 200]
      );
      assert.equal((await deliverPaypal(server.app, completed())).status, 200);
      assert.equal(certFetches(), 1);
    });

    it('answers 503 when the certificate cannot be downloaded, so PayPal retries; the retry verifies', async () => {
      const body = completed();
      server.fake.fault('GET', '/v1/notifications/certs/', 'hang');
      const hung = await deliverPaypal(server.app, body);
      assert.equal(hung.status, 503);
      server.fake.fault(
        'GET',
        '/v1/notifications/certs/',
        new Response('oops', {status: 502})
      );
      assert.equal((await deliverPaypal(server.app, body)).status, 503);
      assert.equal(await status(), 'pending');
      const retry = await deliverPaypal(server.app, body);
      assert.equal(retry.status, 200);
      assert.equal(await status(), 'paid');
      assert.equal(certFetches(), 3);
    });

    it('refuses a body over 256 KB with 413 before verifying anything', async () => {
      const body = paypalEvent('PAYMENT.CAPTURE.COMPLETED', {
        ...captureResource('ord_A', PP_A),
        pad: 'x'.repeat(300_000),
      });
      const res = await deliverPaypal(server.app, body);
      assert.equal(res.status, 413);
      assert.equal(server.fake.calls.length, 0);
    });

    it('answers 400, not 500, to a correctly signed body that is not a PayPal event', async () => {
      for (const body of [
        'this is not json',
        '{"id":"WH-1"}',
        '[1,2]',
        '{"id":"WH-1","event_type":"X","resource":null}',
      ]) {
        const res = await deliverPaypal(server.app, body);
        assert.equal(res.status, 400, body);
      }
      const empty = await deliverPaypal(server.app, '', signPaypalWebhook(''));
      assert.equal(empty.status, 400);
    });

    it('answers 503 when PayPal is not configured, and 404 to GET', async () => {
      const bare = await makeServer();
      assert.equal((await deliverPaypal(bare.app, completed())).status, 503);
      assert.equal(
        (await bare.app.request('/api/webhooks/paypal')).status,
        404
      );
      await bare.close();
    });
  });

  describe('postback verification', () => {
    it('asks PayPal, and treats an HTTP 200 with FAILURE as a forgery', async () => {
      const fake = createFakePaypal();
      const postback = await makePaypalServer({
        fake,
        settings: {webhookVerification: 'postback'},
      });
      await seedPaypalOrder(postback, 'ord_A', PP_A);
      const body = completed();
      fake.state.postbackStatus = 'FAILURE';
      const refused = await deliverPaypal(postback.app, body);
      assert.equal(refused.status, 400);
      assert.equal((await postback.store.get('ord_A'))!.status, 'pending');

      fake.state.postbackStatus = 'SUCCESS';
      const headers = signPaypalWebhook(body);
      const accepted = await deliverPaypal(postback.app, body, headers);
      assert.equal(accepted.status, 200);
      assert.equal((await postback.store.get('ord_A'))!.status, 'paid');
      const call = fake.calls
        .filter((c) => c.path === '/v1/notifications/verify-webhook-signature')
        .at(-1)!;
      assert.deepEqual(call.body, {
        auth_algo: 'SHA256withRSA',
        cert_url: CERT_URL,
        transmission_id: headers['paypal-transmission-id'],
        transmission_sig: headers['paypal-transmission-sig'],
        transmission_time: headers['paypal-transmission-time'],
        webhook_id: PAYPAL_WEBHOOK_ID,
        webhook_event: JSON.parse(body),
      });
      assert.equal(
        fake.count('GET', '/v1/notifications/certs/*'),
        0,
        'postback mode downloads no certificate'
      );

      fake.fault('POST', '/v1/notifications/verify-webhook-signature', 'hang');
      assert.equal(
        (await deliverPaypal(postback.app, completed())).status,
        503
      );
      await postback.close();
    });
  });
});
