/**
 * The gateway API's wire format, without the SDK (what the SDK relies on): HTTP Basic with the
 * merchant's keys, the merchant id in the path, XML answers with `application/xml;
 * charset=utf-8`, dashed names and type attributes, gzip when asked, `<api-error-response>`.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {
  basic,
  decodeClientToken,
  sale,
  start,
  tokenize,
  type Setup,
} from './helpers.js';

let setup: Setup;
before(async () => {
  setup = await start();
});
after(() => setup.emulator.close());

async function send(
  path: string,
  init: {
    method?: string;
    body?: unknown;
    auth?: string;
    headers?: Record<string, string>;
  } = {}
) {
  const response = await fetch(`${setup.emulator.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      Authorization: init.auth ?? basic(setup.emulator),
      'X-ApiVersion': '6',
      Accept: 'application/xml',
      'Content-Type': 'application/json',
      ...init.headers,
    },
    ...(init.body !== undefined && {body: JSON.stringify(init.body)}),
  });
  return {
    status: response.status,
    headers: response.headers,
    text: await response.text(),
  };
}

const merchant = () => `/merchants/${setup.emulator.merchantId}`;

describe('Braintree emulator: gateway wire format', () => {
  it('401 for no credentials, a wrong private key, and another merchant id', async () => {
    const wrong = `Basic ${Buffer.from(`${setup.emulator.publicKey}:nope`).toString('base64')}`;
    assert.equal(
      (await send(`${merchant()}/transactions/abc`, {auth: ''})).status,
      401
    );
    assert.equal(
      (await send(`${merchant()}/transactions/abc`, {auth: wrong})).status,
      401
    );
    assert.equal(
      (await send('/merchants/someone_else/transactions/abc')).status,
      401
    );
    assert.equal((await send(`${merchant()}/transactions/abc`)).status, 404);
  });

  it('answers XML, dashed, with type attributes; decimals stay text', async () => {
    const answer = await send(`${merchant()}/transactions`, {
      body: {
        transaction: {
          type: 'sale',
          amount: '10',
          payment_method_nonce: 'fake-valid-nonce',
        },
      },
    });
    assert.equal(answer.status, 201);
    assert.equal(
      answer.headers.get('content-type'),
      'application/xml; charset=utf-8'
    );
    assert.match(
      answer.text,
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<transaction>/
    );
    assert.match(answer.text, /<amount>10\.00<\/amount>/);
    assert.match(answer.text, /<currency-iso-code>USD<\/currency-iso-code>/);
    assert.match(
      answer.text,
      /<created-at type="datetime">\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/created-at>/
    );
    assert.match(answer.text, /<status-history type="array">\s*<status-event>/);
    assert.match(answer.text, /<order-id nil="true"\/>/);
    assert.match(answer.text, /<recurring type="boolean">false<\/recurring>/);
    assert.match(answer.text, /<last-4>1881<\/last-4>/);
  });

  it('gzips when the client accepts gzip, as the SDK asks', async () => {
    const response = await fetch(
      `${setup.emulator.url}${merchant()}/client_token`,
      {
        method: 'POST',
        headers: {
          Authorization: basic(setup.emulator),
          'Content-Type': 'application/json',
          'Accept-Encoding': 'gzip',
        },
        body: JSON.stringify({client_token: {version: 2}}),
      }
    );
    // fetch gunzips on its own; the header says the body went gzipped.
    assert.equal(response.headers.get('content-encoding'), 'gzip');
    assert.match(
      await response.text(),
      /<client-token>\s*<value>[A-Za-z0-9+/=]+<\/value>/
    );
  });

  it('a validation failure is a 422 <api-error-response> with nested errors, params and message', async () => {
    const answer = await send(`${merchant()}/transactions`, {
      body: {
        transaction: {
          type: 'sale',
          payment_method_nonce: 'fake-valid-nonce',
          order_id: 'o1',
        },
      },
    });
    assert.equal(answer.status, 422);
    assert.match(answer.text, /<api-error-response>/);
    assert.match(
      answer.text,
      /<errors>\s*<errors type="array"\/>\s*<transaction>\s*<errors type="array">\s*<error>\s*<code>81502<\/code>\s*<attribute type="symbol">amount<\/attribute>\s*<message>Amount is required\.<\/message>/
    );
    assert.match(
      answer.text,
      /<params>\s*<transaction>[\s\S]*<order-id>o1<\/order-id>/
    );
    assert.match(
      answer.text,
      /<message>Amount is required\.<\/message>\s*<\/api-error-response>/
    );
  });

  it('a body that is not JSON is a 400', async () => {
    const response = await fetch(
      `${setup.emulator.url}${merchant()}/transactions`,
      {
        method: 'POST',
        headers: {
          Authorization: basic(setup.emulator),
          'Content-Type': 'application/json',
        },
        body: '{nope',
      }
    );
    assert.equal(response.status, 400);
  });
});

describe('Braintree emulator: time and hangs', () => {
  it('a client token’s fingerprint lapses after 24 hours', async () => {
    let clock = Date.parse('2026-12-01T10:00:00Z');
    const own = await start({now: () => clock});
    try {
      const card = {
        number: '4111111111111111',
        expirationDate: `12/${new Date().getUTCFullYear() + 2}`,
      };
      const token = own.emulator.clientToken();
      const fingerprint = decodeClientToken(token).authorizationFingerprint;
      clock += 23 * 3_600_000;
      assert.equal(
        (await tokenize(own.emulator, card, fingerprint)).status,
        201
      );
      clock += 2 * 3_600_000;
      assert.equal(
        (await tokenize(own.emulator, card, fingerprint)).status,
        401
      );
    } finally {
      await own.emulator.close();
    }
  });

  it('a hanging request runs late, or never answers and the SDK times out', async () => {
    setup.emulator.faults.hangNextRequests(1, 50);
    const started = Date.now();
    const late = await sale(setup, {
      amount: '1.00',
      paymentMethodNonce: 'fake-valid-nonce',
    });
    assert.equal(late.success, true);
    assert.ok(Date.now() - started >= 45);
    setup.emulator.faults.hangNextRequests(1);
    const config = (setup.gateway as unknown as {config: {timeout: number}})
      .config;
    config.timeout = 200;
    try {
      await assert.rejects(
        sale(setup, {amount: '1.00', paymentMethodNonce: 'fake-valid-nonce'}),
        (error: Error) => /timed out/i.test(error.message)
      );
    } finally {
      config.timeout = 60_000;
    }
  });
});
