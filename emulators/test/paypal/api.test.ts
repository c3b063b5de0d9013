/**
 * The PayPal emulator's REST API through `app.request()` (no sockets): OAuth, faults on API
 * requests, and the SDK script's query checks. Orders: orders.test.ts and capture.test.ts.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  accessToken,
  basic,
  createOrder,
  emulator,
  order,
  send,
  tokenRequest,
} from './api-helpers.js';

describe('PayPal emulator: OAuth', () => {
  it('grants a Bearer token for the client id and secret, in PayPal’s shape', async () => {
    const e = emulator();
    const answer = await tokenRequest(e, basic(e));
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.body).sort(), [
      'access_token',
      'app_id',
      'expires_in',
      'nonce',
      'scope',
      'token_type',
    ]);
    assert.equal(answer.body.token_type, 'Bearer');
    assert.equal(answer.body.expires_in, 32400);
    assert.match(answer.body.app_id, /^APP-[A-Z0-9]{17}$/);
    assert.match(answer.body.scope, /verify-webhook-signature/);
    assert.match(answer.body.nonce, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/);
    assert.equal(e.stats().tokenRequests, 1);
  });

  it('answers 401 invalid_client to a wrong secret, an unknown client and no credentials', async () => {
    const e = emulator();
    for (const authorization of [
      basic(e, 'wrong'),
      `Basic ${btoa('someone:else')}`,
      undefined,
      'Bearer x',
    ]) {
      const answer = await tokenRequest(e, authorization);
      assert.equal(answer.status, 401);
      assert.deepEqual(answer.body, {
        error: 'invalid_client',
        error_description: 'Client Authentication failed',
      });
    }
    assert.deepEqual(e.stats(), {
      tokenRequests: 0,
      rejectedTokenRequests: 4,
      browserTokenRequests: 0,
      authenticationFailures: 0,
    });
  });

  it('refuses other grants', async () => {
    const e = emulator();
    const missing = await tokenRequest(e, basic(e), '');
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body, {
      error: 'unsupported_grant_type',
      error_description: 'Grant Type is NULL',
    });
    const other = await tokenRequest(e, basic(e), 'grant_type=password');
    assert.equal(other.body.error, 'unsupported_grant_type');
  });

  it('reuses a live token (with less time left), and issues a new one when asked or expired', async () => {
    let clock = Date.parse('2026-03-01T12:00:00Z');
    const e = emulator({now: () => clock, tokenTtlSeconds: 3600});
    const first = await tokenRequest(e, basic(e));
    assert.equal(first.body.expires_in, 3600);
    clock += 600_000;
    const again = await tokenRequest(e, basic(e));
    assert.equal(again.body.access_token, first.body.access_token);
    assert.equal(again.body.expires_in, 3000);
    const fresh = await tokenRequest(
      e,
      basic(e),
      'grant_type=client_credentials&ignoreCache=true'
    );
    assert.notEqual(fresh.body.access_token, first.body.access_token);
    assert.equal(e.stats().tokenRequests, 3);
  });

  it('answers AUTHENTICATION_FAILURE to a missing, unknown or expired token', async () => {
    let clock = Date.parse('2026-03-01T12:00:00Z');
    const e = emulator({now: () => clock, tokenTtlSeconds: 60});
    const token = (await tokenRequest(e, basic(e))).body.access_token as string;
    const get = (authorization?: string) =>
      send(e, '/v2/checkout/orders/5O190127TN364715T', {
        headers: authorization ? {Authorization: authorization} : {},
      });
    assert.equal(
      (await get(`Bearer ${token}`)).status,
      404,
      'a live token gets through'
    );
    clock += 60_000;
    for (const answer of [
      await get(`Bearer ${token}`),
      await get(),
      await get('Bearer A21AAunknown'),
      await get(basic(e)),
    ]) {
      assert.equal(answer.status, 401);
      assert.deepEqual(answer.body, {
        name: 'AUTHENTICATION_FAILURE',
        message:
          'Authentication failed due to invalid authentication credentials or a missing Authorization header.',
        links: [
          {
            href: 'https://developer.paypal.com/docs/api/overview/#error',
            rel: 'information_link',
          },
        ],
      });
      assert.match(
        answer.headers.get('Paypal-Debug-Id') ?? '',
        /^[0-9a-f]{13}$/
      );
    }
    assert.equal(e.stats().authenticationFailures, 4);
  });

  it('gives the JS SDK (client id only) a token for orders and nothing else', async () => {
    const e = emulator();
    const answer = await tokenRequest(e, `Basic ${btoa(`${e.clientId}:`)}`);
    assert.equal(answer.status, 200);
    assert.equal(e.stats().browserTokenRequests, 1);
    const headers = {
      Authorization: `Bearer ${answer.body.access_token}`,
      'Content-Type': 'application/json',
    };
    const created = await send(e, '/v2/checkout/orders', {
      headers,
      body: order(),
    });
    assert.equal(created.status, 201);
    const verify = await send(e, '/v1/notifications/verify-webhook-signature', {
      headers,
      body: {},
    });
    assert.equal(verify.status, 403);
    assert.equal(verify.body.name, 'NOT_AUTHORIZED');
  });
});

describe('PayPal emulator: faults on API requests', () => {
  it('fails the next requests with 500 INTERNAL_SERVER_ERROR; a retry with the same PayPal-Request-Id runs', async () => {
    const e = emulator();
    await accessToken(e);
    const headers = {'PayPal-Request-Id': 'create-retry'};
    e.faults.failNextRequests(1);
    const failed = await createOrder(e, order(), headers);
    assert.equal(failed.status, 500);
    assert.equal(failed.body.name, 'INTERNAL_SERVER_ERROR');
    const retried = await createOrder(e, order(), headers);
    assert.equal(retried.status, 201);
  });

  it('fails token requests too, so a server’s token retry can be tested', async () => {
    const e = emulator();
    e.faults.failNextRequests(1);
    assert.equal((await tokenRequest(e, basic(e))).status, 500);
    assert.equal((await tokenRequest(e, basic(e))).status, 200);
  });

  it('hangs a request until close(), which ends it with a 500', async () => {
    const e = emulator();
    const token = await accessToken(e);
    e.faults.hangNextRequests(1);
    const hanging = send(e, '/v2/checkout/orders', {
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: order(),
    });
    await e.faults.whenHanging();
    assert.equal(e.faults.snapshot().hanging, 1);
    await e.close();
    assert.equal((await hanging).status, 500);
  });

  it('is armed over HTTP under /_emulator/faults, with the app’s credentials only', async () => {
    const e = emulator();
    const denied = await send(e, '/_emulator/faults/fail-requests', {
      headers: {'Content-Type': 'application/json'},
      body: {count: 2},
    });
    assert.equal(denied.status, 403);
    const armed = await send(e, '/_emulator/faults/fail-requests', {
      headers: {Authorization: basic(e), 'Content-Type': 'application/json'},
      body: {count: 2},
    });
    assert.equal(armed.status, 200);
    assert.equal(armed.body.failRequests, 2);
    // A server access token works too; the controls themselves are never faulted.
    e.faults.reset();
    const token = await accessToken(e);
    e.faults.failNextRequests(2);
    const snapshot = await send(e, '/_emulator/faults', {
      headers: {Authorization: `Bearer ${token}`},
    });
    assert.equal(snapshot.status, 200);
    assert.equal(snapshot.body.failRequests, 2);
    const reset = await send(e, '/_emulator/reset', {
      method: 'POST',
      headers: {Authorization: basic(e)},
    });
    assert.equal(reset.body.failRequests, 0);
  });
});

describe('PayPal emulator: the JS SDK script', () => {
  it('serves /sdk/js for the app’s client id, and 400 otherwise, as PayPal does', async () => {
    const e = emulator();
    const ok = await e.app.request(
      `/sdk/js?client-id=${e.clientId}&currency=EUR&components=buttons`
    );
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('content-type') ?? '', /javascript/);
    for (const query of [
      '',
      'client-id=someone-else',
      `client-id=${e.clientId}&currency=XYZ`,
      `client-id=${e.clientId}&components=buttons,sparkles`,
      `client-id=${e.clientId}&intent=authorize`,
      `client-id=${e.clientId}&colour=blue`,
    ]) {
      const answer = await e.app.request(`/sdk/js?${query}`);
      assert.equal(answer.status, 400, query);
    }
  });
});
