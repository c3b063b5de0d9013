import assert from 'node:assert/strict';
import {createHmac} from 'node:crypto';
import {describe, it} from 'node:test';
import {
  deliverStripe,
  stripeEvent,
  stripeSignature,
  WEBHOOK_SECRET,
} from './helpers.js';
import {
  now,
  server,
  status,
  succeeded,
  useSeededServer,
} from './webhooks-stripe-helpers.js';

describe('POST /api/webhooks/stripe', () => {
  useSeededServer();

  describe('verification', () => {
    it('applies a correctly signed event', async () => {
      const res = await deliverStripe(
        server.app,
        stripeEvent('payment_intent.succeeded', succeeded('ord_A', 'pi_A'))
      );
      assert.equal(res.status, 200);
      assert.equal(await status(), 'paid');
      assert.equal((await server.settled()).length, 1);
    });

    it('refuses a tampered body: one byte, reformatted whitespace, keys reordered by a JSON round trip', async () => {
      const payload = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      const signature = stripeSignature(payload);
      const tampered = [
        payload.replace('"amount_received":5000', '"amount_received":5001'),
        JSON.stringify(JSON.parse(payload), null, 2),
        JSON.stringify(
          Object.fromEntries(Object.entries(JSON.parse(payload)).reverse())
        ),
      ];
      for (const body of tampered) {
        const res = await deliverStripe(server.app, body, signature);
        assert.equal(res.status, 400);
        assert.equal((await res.json()).error.code, 'invalid_signature');
      }
      assert.equal(await status(), 'pending');
    });

    it('refuses a signature made with another secret, or with the secret plus a newline', async () => {
      const payload = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      for (const secret of ['whsec_someone_else', `${WEBHOOK_SECRET}\n`]) {
        const res = await deliverStripe(
          server.app,
          payload,
          stripeSignature(payload, {secret})
        );
        assert.equal(res.status, 400);
      }
      assert.equal(await status(), 'pending');
    });

    it('refuses a missing, empty or malformed Stripe-Signature header, and a v0-only one', async () => {
      const payload = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      const t = Math.floor(now / 1000);
      const v1 = createHmac('sha256', WEBHOOK_SECRET)
        .update(`${t}.${payload}`)
        .digest('hex');
      const noHeader = await server.app.request('/api/webhooks/stripe', {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: payload,
      });
      assert.equal(noHeader.status, 400);
      for (const header of [
        '',
        `v1=${v1}`,
        `t=${t}`,
        `t=${t},v0=${v1}`,
        'garbage',
        `t=abc,v1=${v1}`,
      ]) {
        const res = await deliverStripe(server.app, payload, header);
        assert.equal(res.status, 400, `header "${header}"`);
      }
      assert.equal(await status(), 'pending');
    });

    it('accepts a header with several v1 signatures when one is right (secret rolling)', async () => {
      const payload = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      const t = Math.floor(now / 1000);
      const good = createHmac('sha256', WEBHOOK_SECRET)
        .update(`${t}.${payload}`)
        .digest('hex');
      const bad = createHmac('sha256', 'whsec_old')
        .update(`${t}.${payload}`)
        .digest('hex');
      assert.equal(
        (
          await deliverStripe(
            server.app,
            payload,
            `t=${t},v1=${bad},v1=${bad.replace(/^./, '0')}`
          )
        ).status,
        400
      );
      assert.equal(
        (
          await deliverStripe(
            server.app,
            payload,
            `t=${t},v1=${bad},v1=${good}`
          )
        ).status,
        200
      );
      assert.equal(await status(), 'paid');
    });

    it('refuses a timestamp older than 300 s, and accepts one just inside', async () => {
      const payload = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      const t = Math.floor(now / 1000);
      const stale = await deliverStripe(
        server.app,
        payload,
        stripeSignature(payload, {timestamp: t - 301})
      );
      assert.equal(stale.status, 400);
      assert.equal(await status(), 'pending');
      const fresh = await deliverStripe(
        server.app,
        payload,
        stripeSignature(payload, {timestamp: t - 299})
      );
      assert.equal(fresh.status, 200);
      assert.equal(await status(), 'paid');
    });

    it('refuses a timestamp more than 300 s in the future (stripe-node would accept it), and accepts clock skew inside that', async () => {
      const payload = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      const ahead = await deliverStripe(
        server.app,
        payload,
        stripeSignature(payload, {timestamp: Math.floor(now / 1000) + 600})
      );
      assert.equal(ahead.status, 400);
      assert.equal(await status(), 'pending');
      const res = await deliverStripe(
        server.app,
        payload,
        stripeSignature(payload, {timestamp: Math.floor(now / 1000) + 60})
      );
      assert.equal(res.status, 200);
    });

    it('answers a replayed delivery 200 and applies it once', async () => {
      const payload = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      const signature = stripeSignature(payload);
      assert.equal(
        (await deliverStripe(server.app, payload, signature)).status,
        200
      );
      const replay = await deliverStripe(server.app, payload, signature);
      assert.equal(replay.status, 200);
      assert.equal((await replay.json()).outcome, 'duplicate');
      // Stripe's own retry: the same event id, a new timestamp and signature.
      const retry = await deliverStripe(
        server.app,
        payload,
        stripeSignature(payload, {timestamp: Math.floor(now / 1000) + 5})
      );
      assert.equal((await retry.json()).outcome, 'duplicate');
      assert.equal((await server.settled()).length, 1);
    });

    it('refuses a body over 256 KB with 413 before reading it, with or without Content-Length', async () => {
      const big = stripeEvent('payment_intent.succeeded', {
        ...succeeded('ord_A', 'pi_A'),
        padding: 'x'.repeat(300_000),
      });
      const res = await deliverStripe(server.app, big);
      assert.equal(res.status, 413);
      assert.equal((await res.json()).error.code, 'payload_too_large');
      const chunked = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      });
      const streamed = await server.app.request('/api/webhooks/stripe', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'stripe-signature': stripeSignature(big),
        },
        body: chunked,
        duplex: 'half',
      } as RequestInit);
      assert.equal(streamed.status, 413);
      assert.equal(await status(), 'pending');
    });

    it('answers 400, not 500, to a correctly signed body that is not JSON', async () => {
      const payload = 'this is not json';
      const res = await deliverStripe(server.app, payload);
      assert.equal(res.status, 400);
    });

    it('verifies the exact bytes: escapes and odd spacing still verify', async () => {
      const object = succeeded('ord_A', 'pi_A');
      const payload = stripeEvent('payment_intent.succeeded', object).replace(
        '"livemode":false',
        '"livemode" :  false ,"note":"caf\\u00e9"'
      );
      const res = await deliverStripe(server.app, payload);
      assert.equal(res.status, 200);
      assert.equal(await status(), 'paid');
    });

    it('verifies bytes whatever the Content-Type, and refuses GET', async () => {
      const payload = stripeEvent(
        'payment_intent.succeeded',
        succeeded('ord_A', 'pi_A')
      );
      const res = await server.app.request('/api/webhooks/stripe', {
        method: 'POST',
        headers: {
          'content-type': 'text/plain',
          'stripe-signature': stripeSignature(payload),
        },
        body: payload,
      });
      assert.equal(res.status, 200);
      const get = await server.app.request('/api/webhooks/stripe');
      assert.equal(get.status, 404);
    });
  });
});
