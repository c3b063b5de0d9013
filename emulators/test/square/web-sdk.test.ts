/**
 * The endpoints the Web Payments SDK fake calls (`/web-sdk/v1/…`), over raw HTTP from another
 * origin, as the shop's page and the card frame call them, and the files the emulator serves
 * for the fake (`/v1/square.js`, the card frame, the challenge). The fake itself is tested in
 * Chromium (browser-*.test.ts).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {RunningSquareEmulator} from '../../square/index.js';
import {closeAfterEach, key, money, setup, squareError} from './helpers.js';

closeAfterEach();

async function post(
  emulator: RunningSquareEmulator,
  path: string,
  body: unknown
) {
  const response = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: 'http://shop.example',
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    body: (await response.json()) as any,
    headers: response.headers,
  };
}

const card = (
  emulator: RunningSquareEmulator,
  extra: Record<string, unknown> = {}
) => ({
  applicationId: emulator.applicationId,
  locationId: emulator.locations.USD,
  cardNumber: '4111111111111111',
  expirationDate: '12/34',
  cvv: '111',
  postalCode: '94103',
  ...extra,
});

describe('Square emulator: POST /web-sdk/v1/card-nonces', () => {
  it('answers a single-use cnon: token and the card’s details, with CORS for any origin', async () => {
    const {emulator, client} = await setup();
    const answer = await post(
      emulator,
      '/web-sdk/v1/card-nonces',
      card(emulator)
    );
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('access-control-allow-origin'), '*');
    assert.match(answer.body.token, /^cnon:/);
    assert.deepEqual(answer.body.details, {
      method: 'Card',
      card: {
        brand: 'VISA',
        last4: '1111',
        expMonth: 12,
        expYear: 2034,
        cardType: 'CREDIT',
        prepaidType: 'NOT_PREPAID',
      },
      billing: {postalCode: '94103'},
    });
    const {payment} = await client.payments.create({
      sourceId: answer.body.token,
      idempotencyKey: key(),
      amountMoney: money(100),
    });
    assert.deepEqual(
      [
        payment?.cardDetails?.card?.expMonth,
        payment?.cardDetails?.card?.expYear,
      ],
      [12n, 2034n]
    );
  });

  it('answers the preflight', async () => {
    const {emulator} = await setup();
    const response = await fetch(`${emulator.url}/web-sdk/v1/card-nonces`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(
      response.headers.get('access-control-allow-headers') ?? '',
      /content-type/i
    );
  });

  it('names every refused field at once, 400 {errors: [{field, message}]}', async () => {
    const {emulator} = await setup();
    const answer = await post(
      emulator,
      '/web-sdk/v1/card-nonces',
      card(emulator, {
        cardNumber: '4111111111111112',
        expirationDate: '13/30',
        cvv: '12',
        postalCode: '',
      })
    );
    assert.equal(answer.status, 400);
    assert.deepEqual(
      answer.body.errors.map((e: {field: string}) => e.field),
      ['cardNumber', 'expirationDate', 'cvv', 'postalCode']
    );
    for (const error of answer.body.errors)
      assert.equal(typeof error.message, 'string');
  });

  it('refuses a real (Luhn-valid, not a test) card, an expired date, Amex with 3 digits', async () => {
    const {emulator} = await setup();
    const real = await post(
      emulator,
      '/web-sdk/v1/card-nonces',
      card(emulator, {cardNumber: '4242424242424242'})
    );
    assert.deepEqual(
      [real.status, real.body.errors[0].field],
      [400, 'cardNumber']
    );
    const expired = await post(
      emulator,
      '/web-sdk/v1/card-nonces',
      card(emulator, {expirationDate: '01/20'})
    );
    assert.equal(expired.body.errors[0].field, 'expirationDate');
    const amex = await post(
      emulator,
      '/web-sdk/v1/card-nonces',
      card(emulator, {cardNumber: '340000000000009', cvv: '111'})
    );
    assert.equal(amex.body.errors[0].field, 'cvv');
    const amexOk = await post(
      emulator,
      '/web-sdk/v1/card-nonces',
      card(emulator, {cardNumber: '340000000000009', cvv: '1111'})
    );
    assert.equal(amexOk.status, 200);
  });

  it('needs a postal code for USD, CAD and GBP locations only, in the country’s form', async () => {
    const {emulator} = await setup();
    const eur = await post(
      emulator,
      '/web-sdk/v1/card-nonces',
      card(emulator, {locationId: emulator.locations.EUR, postalCode: ''})
    );
    assert.equal(eur.status, 200);
    const gb = await post(
      emulator,
      '/web-sdk/v1/card-nonces',
      card(emulator, {
        locationId: emulator.locations.GBP,
        postalCode: 'SW1A 2AA',
      })
    );
    assert.equal(gb.status, 200);
    const usBad = await post(
      emulator,
      '/web-sdk/v1/card-nonces',
      card(emulator, {postalCode: 'ABCDE'})
    );
    assert.equal(usBad.body.errors[0].field, 'postalCode');
  });

  it('takes the error inputs (CVV 911, postal 99999, 01/40) as Square does: they fail at payment', async () => {
    const {emulator, client} = await setup();
    const answer = await post(
      emulator,
      '/web-sdk/v1/card-nonces',
      card(emulator, {expirationDate: '01/40'})
    );
    assert.equal(answer.status, 200);
    const error = await squareError(
      client.payments.create({
        sourceId: answer.body.token,
        idempotencyKey: key(),
        amountMoney: money(100),
      })
    );
    assert.equal(error.errors[0]?.code, 'INVALID_EXPIRATION');
  });

  it('refuses another application id (401) and an unknown location (404)', async () => {
    const {emulator} = await setup();
    const app = await post(
      emulator,
      '/web-sdk/v1/card-nonces',
      card(emulator, {applicationId: 'sandbox-sq0idb-other'})
    );
    assert.equal(app.status, 401);
    const location = await post(
      emulator,
      '/web-sdk/v1/card-nonces',
      card(emulator, {locationId: 'LNOPE'})
    );
    assert.equal(location.status, 404);
  });
});

describe('Square emulator: POST /web-sdk/v1/verifications', () => {
  const details = {
    amount: '12.50',
    currencyCode: 'GBP',
    intent: 'CHARGE',
    billingContact: {givenName: 'Ada', familyName: 'Lovelace'},
  };

  it('challenges an EU card until /complete says pass; then the payment goes through', async () => {
    const {emulator, client} = await setup();
    const nonce = await post(
      emulator,
      '/web-sdk/v1/card-nonces',
      card(emulator, {
        cardNumber: '4310000000201019',
        locationId: emulator.locations.GBP,
        postalCode: 'SW1A 2AA',
      })
    );
    const verification = await post(emulator, '/web-sdk/v1/verifications', {
      token: nonce.body.token,
      applicationId: emulator.applicationId,
      locationId: emulator.locations.GBP,
      details,
    });
    assert.equal(verification.status, 200);
    assert.match(verification.body.token, /^verf:/);
    assert.equal(verification.body.challenge, true);
    const done = await post(
      emulator,
      `/web-sdk/v1/verifications/${encodeURIComponent(verification.body.token)}/complete`,
      {outcome: 'pass'}
    );
    assert.equal(done.status, 200);
    assert.equal(done.headers.get('access-control-allow-origin'), '*');
    const twice = await post(
      emulator,
      `/web-sdk/v1/verifications/${encodeURIComponent(verification.body.token)}/complete`,
      {outcome: 'fail'}
    );
    assert.equal(twice.status, 400, 'an answered challenge stays answered');
    const {payment} = await client.payments.create({
      sourceId: nonce.body.token,
      verificationToken: verification.body.token,
      idempotencyKey: key(),
      amountMoney: money(1250, 'GBP'),
      locationId: emulator.locations.GBP,
    });
    assert.equal(payment?.status, 'COMPLETED');
  });

  it('passes a card that needs no verification at once (challenge false)', async () => {
    const {emulator} = await setup();
    const nonce = await post(
      emulator,
      '/web-sdk/v1/card-nonces',
      card(emulator)
    );
    const verification = await post(emulator, '/web-sdk/v1/verifications', {
      token: nonce.body.token,
      applicationId: emulator.applicationId,
      locationId: emulator.locations.USD,
      details: {...details, currencyCode: 'USD', amount: '1.00'},
    });
    assert.equal(verification.body.challenge, false);
  });

  it('refuses a wrong currency, a bad amount, an unknown token, a bad outcome', async () => {
    const {emulator} = await setup();
    const nonce = await post(
      emulator,
      '/web-sdk/v1/card-nonces',
      card(emulator)
    );
    const base = {
      token: nonce.body.token,
      applicationId: emulator.applicationId,
      locationId: emulator.locations.USD,
    };
    const currency = await post(emulator, '/web-sdk/v1/verifications', {
      ...base,
      details,
    });
    assert.deepEqual(
      [currency.status, currency.body.errors[0].field],
      [400, 'currencyCode']
    );
    const amount = await post(emulator, '/web-sdk/v1/verifications', {
      ...base,
      details: {...details, currencyCode: 'USD', amount: '1.005'},
    });
    assert.equal(amount.body.errors[0].field, 'amount');
    const unknown = await post(emulator, '/web-sdk/v1/verifications', {
      ...base,
      token: 'cnon:nope',
      details,
    });
    assert.equal(unknown.status, 404);
    const outcome = await post(
      emulator,
      '/web-sdk/v1/verifications/verf:nope/complete',
      {outcome: 'pass'}
    );
    assert.equal(outcome.status, 404);
  });
});

describe('Square emulator: the Web Payments SDK fake’s files', () => {
  it('serves /v1/square.js to any origin, and the frames’ documents under a strict policy', async () => {
    const {emulator} = await setup();
    const script = await fetch(`${emulator.url}/v1/square.js`);
    assert.equal(script.status, 200);
    assert.match(
      script.headers.get('content-type') ?? '',
      /^application\/javascript/
    );
    assert.equal(script.headers.get('access-control-allow-origin'), '*');
    assert.ok((await script.text()).length > 1000);
    for (const [page, src] of [
      ['/web-sdk/v1/card-frame.html', '/web-sdk/v1/card-frame.js'],
      ['/web-sdk/v1/challenge.html', '/web-sdk/v1/challenge.js'],
    ] as const) {
      const response = await fetch(`${emulator.url}${page}`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(
        response.headers.get('content-security-policy') ?? '',
        /script-src 'self'/
      );
      assert.ok((await response.text()).includes(`src="${src}"`));
      const frameScript = await fetch(`${emulator.url}${src}`);
      assert.equal(frameScript.status, 200);
    }
  });
});
