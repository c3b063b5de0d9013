/**
 * POST /api/webhooks/paypal: offline RSA verification with a test certificate served by the
 * fake PayPal, the postback mode, and what each event does to an order.
 */
import assert from 'node:assert/strict';
import {X509Certificate} from 'node:crypto';
import {crc32 as zlibCrc32} from 'node:zlib';
import {after, beforeEach, describe, it} from 'node:test';
import {crc32} from '../../server/crc32.js';
import {PAYPAL_EVENT_HANDLERS} from '../../server/providers/paypal/events.js';
import {checkCertUrl} from '../../server/providers/paypal/signature.js';
import {makeServer} from './helpers.js';
import {
  captureResource,
  CERT_URL,
  createFakePaypal,
  deliverPaypal,
  makePaypalServer,
  OTHER_CERT,
  OTHER_KEY,
  PAYPAL_TEST_CERT,
  PAYPAL_WEBHOOK_ID,
  type PaypalTestServer,
  paypalEvent,
  refundResource,
  seedPaypalOrder,
  signPaypalWebhook,
} from './paypal-fixtures.js';

const PP_A = '5O190127TN364715T';

const completed = (
  fields: Parameters<typeof captureResource>[2] = {},
  id?: string
) =>
  paypalEvent(
    'PAYMENT.CAPTURE.COMPLETED',
    captureResource('ord_A', PP_A, fields),
    id
  );

describe('PayPal webhook signatures', () => {
  it('use the unsigned CRC-32 of the raw bytes, as zlib computes it', () => {
    for (const text of [
      '',
      'hello',
      '{"id":"WH-1"}',
      'café ✓',
      'x'.repeat(10_000),
    ]) {
      const bytes = new TextEncoder().encode(text);
      assert.equal(crc32(bytes), zlibCrc32(bytes), text.slice(0, 20));
    }
    assert.equal(crc32(new TextEncoder().encode('hello')), 907060870);
    assert.equal(
      crc32(new TextEncoder().encode('a')),
      3904355907,
      'above 2^31, still positive'
    );
  });

  describe('certificate URLs', () => {
    const path = '/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77';
    it('accepts PayPal’s API hosts for the environment, on the certificate path only', () => {
      for (const host of [
        'api.sandbox.paypal.com',
        'api-m.sandbox.paypal.com',
      ]) {
        assert.equal(
          checkCertUrl(`https://${host}${path}`, 'sandbox').hostname,
          host
        );
      }
      for (const host of ['api.paypal.com', 'api-m.paypal.com']) {
        assert.equal(
          checkCertUrl(`https://${host}${path}`, 'live').hostname,
          host
        );
      }
      assert.ok(
        checkCertUrl(
          `http://127.0.0.1:8123${path}`,
          'sandbox',
          'http://127.0.0.1:8123'
        )
      );
    });

    it('refuses every other URL', () => {
      for (const url of [
        `http://api.sandbox.paypal.com${path}`,
        `https://evil.example${path}`,
        `https://api.sandbox.paypal.com.evil.example${path}`,
        `https://api.sandbox.paypal.com@evil.example${path}`,
        `https://evil.example@api.sandbox.paypal.com${path}`,
        `https://user:pass@api.sandbox.paypal.com${path}`,
        `https://api.sandbox.paypal.com\\@evil.example${path}`,
        `https://api.sandbox.paypal.com.${path}`,
        `https://api.sandbox.paypal.com:8443${path}`,
        `https://api.sandbox.paypal.com:443${path}`,
        `https://API.SANDBOX.PAYPAL.COM${path}`,
        `https://api.paypal.com${path}`, // a live host for a sandbox server
        `https://api.sandbox.paypal.com/v1/oauth2/token`,
        `https://api.sandbox.paypal.com/v1/notifications/certs/`,
        `https://api.sandbox.paypal.com/v1/notifications/certs/../../oauth2/token`,
        `https://api.sandbox.paypal.com/v1/notifications/certs/%2e%2e/x`,
        `https://api.sandbox.paypal.com/v1/notifications/certs/a/b`,
        `https://api.sandbox.paypal.com${path}?x=1`,
        `https://api.sandbox.paypal.com${path}?`,
        `https://api.sandbox.paypal.com${path}#x`,
        `http://127.0.0.1:8123${path}`, // loopback, but not the configured emulator
        `http://127.0.0.1:8124${path}`,
        'not a url',
        `file:///etc/passwd`,
      ]) {
        const allowed = url.startsWith('http://127.0.0.1:8124')
          ? 'http://127.0.0.1:8123'
          : undefined;
        assert.throws(
          () => checkCertUrl(url, 'sandbox', allowed),
          {code: 'invalid_signature'},
          url
        );
      }
    });
  });
});

describe('POST /api/webhooks/paypal', () => {
  let server: PaypalTestServer;
  beforeEach(async () => {
    server = await makePaypalServer();
    await seedPaypalOrder(server, 'ord_A', PP_A);
  });
  after(() => server.close());

  const status = async (id = 'ord_A') => (await server.store.get(id))!.status;
  const certFetches = () =>
    server.fake.count('GET', '/v1/notifications/certs/*');

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

  describe('event semantics', () => {
    it('applies a duplicate delivery once, and concurrent duplicates once', async () => {
      const body = completed();
      assert.equal(
        (await (await deliverPaypal(server.app, body)).json()).outcome,
        'applied'
      );
      // PayPal's retry: the same event id, re-signed.
      assert.equal(
        (await (await deliverPaypal(server.app, body)).json()).outcome,
        'duplicate'
      );
      await seedPaypalOrder(server, 'ord_B', 'PPB00000000000000');
      const twin = paypalEvent(
        'PAYMENT.CAPTURE.COMPLETED',
        captureResource('ord_B', 'PPB00000000000000')
      );
      const results = await Promise.all([
        deliverPaypal(server.app, twin),
        deliverPaypal(server.app, twin),
      ]);
      const outcomes = await Promise.all(
        results.map(async (r) => (await r.json()).outcome)
      );
      assert.deepEqual(outcomes.sort(), ['applied', 'duplicate']);
      assert.deepEqual((await server.settled()).map((o) => o.id).sort(), [
        'ord_A',
        'ord_B',
      ]);
    });

    it('fulfils once when two different events both report the capture concurrently', async () => {
      await Promise.all([
        deliverPaypal(server.app, completed()),
        deliverPaypal(server.app, completed()),
      ]);
      assert.equal((await server.settled()).length, 1);
    });

    it('keeps a PENDING capture unpaid, then pays on COMPLETED; a late PENDING leaves it paid', async () => {
      await deliverPaypal(
        server.app,
        paypalEvent(
          'PAYMENT.CAPTURE.PENDING',
          captureResource('ord_A', PP_A, {status: 'PENDING'})
        )
      );
      assert.equal(await status(), 'processing');
      assert.equal((await server.settled()).length, 0);
      await deliverPaypal(server.app, completed());
      assert.equal(await status(), 'paid');
      await deliverPaypal(
        server.app,
        paypalEvent(
          'PAYMENT.CAPTURE.PENDING',
          captureResource('ord_A', PP_A, {status: 'PENDING'})
        )
      );
      await deliverPaypal(
        server.app,
        paypalEvent(
          'PAYMENT.CAPTURE.DENIED',
          captureResource('ord_A', PP_A, {status: 'DECLINED'})
        )
      );
      assert.equal(await status(), 'paid');
      assert.equal((await server.settled()).length, 1);
    });

    it('marks a DENIED capture failed', async () => {
      await deliverPaypal(
        server.app,
        paypalEvent(
          'PAYMENT.CAPTURE.PENDING',
          captureResource('ord_A', PP_A, {status: 'PENDING'})
        )
      );
      await deliverPaypal(
        server.app,
        paypalEvent(
          'PAYMENT.CAPTURE.DENIED',
          captureResource('ord_A', PP_A, {status: 'DECLINED'})
        )
      );
      assert.equal(await status(), 'failed');
      assert.equal((await server.settled()).length, 0);
    });

    it('sends a capture for another amount, currency or order to review, without fulfilment', async () => {
      const cases: [string, Parameters<typeof captureResource>[2]][] = [
        ['ord_1', {value: '49.99'}],
        ['ord_2', {currency: 'EUR'}],
        ['ord_3', {customId: 'ord_someone_else'}],
        ['ord_4', {customId: null}],
        ['ord_5', {value: '50'}], // the same amount, written differently, is still 50.00
        ['ord_6', {value: 'fifty'}],
      ];
      for (const [id, fields] of cases) {
        const paypalOrderId = `PP${id.toUpperCase().replace('_', '')}0000000000`;
        await seedPaypalOrder(server, id, paypalOrderId);
        const capture = {...captureResource(id, paypalOrderId, fields)};
        await deliverPaypal(
          server.app,
          paypalEvent('PAYMENT.CAPTURE.COMPLETED', capture)
        );
      }
      const statuses = await Promise.all(
        cases.map(async ([id]) => (await server.store.get(id))!.status)
      );
      assert.deepEqual(statuses, [
        'needs_review',
        'needs_review',
        'needs_review',
        'needs_review',
        'paid',
        'needs_review',
      ]);
      assert.deepEqual(
        (await server.settled()).map((o) => o.id),
        ['ord_5']
      );
    });

    it('does not apply a capture of another PayPal order to an order that names itself in custom_id', async () => {
      const res = await deliverPaypal(
        server.app,
        paypalEvent(
          'PAYMENT.CAPTURE.COMPLETED',
          captureResource('ord_A', 'PPOTHER0000000000')
        )
      );
      assert.equal(res.status, 200);
      assert.equal(await status(), 'pending');
    });

    it('finds an order by custom_id when its PayPal order id was never stored', async () => {
      await server.store.create(
        {
          id: 'ord_C',
          provider: 'paypal',
          currency: 'usd',
          subtotal: 5000,
          total: 5000,
          lines: [],
        },
        'unused-token-hash'
      );
      await deliverPaypal(
        server.app,
        paypalEvent(
          'PAYMENT.CAPTURE.COMPLETED',
          captureResource('ord_C', 'PPC00000000000000')
        )
      );
      const order = (await server.store.get('ord_C'))!;
      assert.deepEqual(
        [order.status, order.providerPaymentId],
        ['paid', 'PPC00000000000000']
      );
    });

    it('ignores, with 200, events about orders we did not create and types we do not handle', async () => {
      for (const body of [
        paypalEvent(
          'PAYMENT.CAPTURE.COMPLETED',
          captureResource('ord_nobody', 'PPNOBODY000000000')
        ),
        paypalEvent('PAYMENT.CAPTURE.COMPLETED', {
          id: 'CAP1',
          status: 'COMPLETED',
        }),
        paypalEvent('CHECKOUT.ORDER.APPROVED', {id: PP_A, status: 'APPROVED'}),
        paypalEvent('BILLING.SUBSCRIPTION.CREATED', {id: 'I-1'}),
      ]) {
        const res = await deliverPaypal(server.app, body);
        assert.equal(res.status, 200);
        assert.equal((await res.json()).outcome, 'ignored');
      }
      assert.equal(await status(), 'pending');
    });

    it('records refunds by PayPal’s cumulative total: partial, then full, each event once', async () => {
      await deliverPaypal(server.app, completed());
      const partial = paypalEvent(
        'PAYMENT.CAPTURE.REFUNDED',
        refundResource('ord_A', '10.00', '10.00')
      );
      await deliverPaypal(server.app, partial);
      await deliverPaypal(server.app, partial);
      let order = (await server.store.get('ord_A'))!;
      assert.deepEqual(
        [order.status, order.amountRefunded],
        ['partially_refunded', 1000]
      );
      await deliverPaypal(
        server.app,
        paypalEvent(
          'PAYMENT.CAPTURE.REFUNDED',
          refundResource('ord_A', '40.00', '50.00')
        )
      );
      order = (await server.store.get('ord_A'))!;
      assert.deepEqual(
        [order.status, order.amountRefunded],
        ['refunded', 5000]
      );
    });

    it('adds up refunds that carry no cumulative total, each event once', async () => {
      await deliverPaypal(server.app, completed());
      const first = paypalEvent(
        'PAYMENT.CAPTURE.REFUNDED',
        refundResource('ord_A', '15.00')
      );
      await deliverPaypal(server.app, first);
      await deliverPaypal(server.app, first);
      await deliverPaypal(
        server.app,
        paypalEvent('PAYMENT.CAPTURE.REFUNDED', refundResource('ord_A', '5.00'))
      );
      const order = (await server.store.get('ord_A'))!;
      assert.deepEqual(
        [order.status, order.amountRefunded],
        ['partially_refunded', 2000]
      );
    });

    it('treats a reversal as money taken back: refunded by its amount, or in full', async () => {
      await deliverPaypal(server.app, completed());
      await deliverPaypal(
        server.app,
        paypalEvent(
          'PAYMENT.CAPTURE.REVERSED',
          refundResource('ord_A', '20.00')
        )
      );
      assert.deepEqual(
        [await status(), (await server.store.get('ord_A'))!.amountRefunded],
        ['partially_refunded', 2000]
      );
      const whole = {...refundResource('ord_A', '0'), amount: undefined};
      await deliverPaypal(
        server.app,
        paypalEvent('PAYMENT.CAPTURE.REVERSED', whole)
      );
      assert.deepEqual(
        [await status(), (await server.store.get('ord_A'))!.amountRefunded],
        ['refunded', 5000]
      );
    });

    it('marks a dispute, idempotently, found by the disputed transaction’s invoice number; a won one is paid again', async () => {
      await deliverPaypal(server.app, completed());
      const dispute = {
        dispute_id: 'PP-D-27803',
        reason: 'MERCHANDISE_OR_SERVICE_NOT_RECEIVED',
        status: 'WAITING_FOR_SELLER_RESPONSE',
        disputed_transactions: [
          {seller_transaction_id: 'CAP1', invoice_number: 'ord_A'},
        ],
        dispute_amount: {currency_code: 'USD', value: '50.00'},
      };
      const created = paypalEvent('CUSTOMER.DISPUTE.CREATED', dispute);
      assert.equal(
        (await (await deliverPaypal(server.app, created)).json()).outcome,
        'applied'
      );
      assert.equal(
        (await (await deliverPaypal(server.app, created)).json()).outcome,
        'duplicate'
      );
      let order = (await server.store.get('ord_A'))!;
      assert.deepEqual(
        [order.status, order.disputeStatus],
        ['disputed', 'waiting_for_seller_response']
      );
      await deliverPaypal(
        server.app,
        paypalEvent('CUSTOMER.DISPUTE.RESOLVED', {
          ...dispute,
          status: 'RESOLVED',
          dispute_outcome: {outcome_code: 'RESOLVED_SELLER_FAVOUR'},
        })
      );
      order = (await server.store.get('ord_A'))!;
      assert.deepEqual([order.status, order.disputeStatus], ['paid', 'won']);
      assert.equal((await server.settled()).length, 1);
    });

    it('handles exactly the event types it lists (a table, tested as data)', () => {
      assert.deepEqual(Object.keys(PAYPAL_EVENT_HANDLERS).sort(), [
        'CUSTOMER.DISPUTE.CREATED',
        'CUSTOMER.DISPUTE.RESOLVED',
        'PAYMENT.CAPTURE.COMPLETED',
        'PAYMENT.CAPTURE.DECLINED',
        'PAYMENT.CAPTURE.DENIED',
        'PAYMENT.CAPTURE.PENDING',
        'PAYMENT.CAPTURE.REFUNDED',
        'PAYMENT.CAPTURE.REVERSED',
      ]);
    });
  });
});

describe('capture response and webhook', () => {
  let server: PaypalTestServer;
  beforeEach(async () => {
    server = await makePaypalServer();
  });
  after(() => server.close());

  async function approved() {
    const res = await server.app.request('/api/paypal/orders', {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({items: [{sku: 'tee-black-m', quantity: 2}]}),
    });
    const json = (await res.json()) as {
      orderId: string;
      orderToken: string;
      paypalOrderId: string;
    };
    server.fake.approve(json.paypalOrderId);
    const capture = () =>
      server.app.request(`/api/paypal/orders/${json.paypalOrderId}/capture`, {
        method: 'POST',
        headers: {authorization: `Bearer ${json.orderToken}`},
      });
    const webhook = () =>
      deliverPaypal(
        server.app,
        paypalEvent(
          'PAYMENT.CAPTURE.COMPLETED',
          captureResource(json.orderId, json.paypalOrderId)
        )
      );
    return {...json, capture, webhook};
  }

  it('finds a disputed order through its capture when the dispute names only the capture', async () => {
    const {orderId, paypalOrderId, capture} = await approved();
    await capture();
    const captureId = server.fake.orders.get(paypalOrderId)!.capture!
      .id as string;
    const dispute = (id: string) => ({
      dispute_id: 'PP-D-1',
      status: 'OPEN',
      disputed_transactions: [{seller_transaction_id: id}],
    });
    const res = await deliverPaypal(
      server.app,
      paypalEvent('CUSTOMER.DISPUTE.CREATED', dispute(captureId))
    );
    assert.equal((await res.json()).outcome, 'applied');
    assert.equal((await server.store.get(orderId))!.status, 'disputed');

    const unknown = await deliverPaypal(
      server.app,
      paypalEvent('CUSTOMER.DISPUTE.CREATED', dispute('NOTACAPTURE'))
    );
    assert.equal((await unknown.json()).outcome, 'ignored');
    server.fake.fault(
      'GET',
      '/v2/payments/captures/',
      new Response('down', {status: 503})
    );
    const down = await deliverPaypal(
      server.app,
      paypalEvent('CUSTOMER.DISPUTE.CREATED', dispute(captureId))
    );
    assert.equal(down.status, 503, 'PayPal will retry');
  });

  it('fulfils once when the capture answer comes first', async () => {
    const {orderId, capture, webhook} = await approved();
    assert.equal((await (await capture()).json()).status, 'paid');
    assert.equal((await (await webhook()).json()).outcome, 'unchanged');
    assert.deepEqual(
      (await server.settled()).map((o) => o.id),
      [orderId]
    );
  });

  it('fulfils once when the webhook comes first', async () => {
    const {orderId, capture, webhook} = await approved();
    assert.equal((await (await webhook()).json()).outcome, 'applied');
    assert.deepEqual(await (await capture()).json(), {orderId, status: 'paid'});
    assert.deepEqual(
      (await server.settled()).map((o) => o.id),
      [orderId]
    );
  });

  it('fulfils once when both arrive at the same moment', async () => {
    for (let i = 0; i < 5; i++) {
      const {capture, webhook} = await approved();
      await Promise.all([capture(), webhook(), webhook(), capture()]);
    }
    const fulfilled = await server.settled();
    assert.equal(fulfilled.length, 5);
    assert.equal(new Set(fulfilled.map((o) => o.id)).size, 5);
  });
});
