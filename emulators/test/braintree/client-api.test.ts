/**
 * The client API the browser calls (the Drop-in fake, as braintree-web for the real Drop-in):
 * the configuration, card tokenising and its validation errors, single-use nonces charged
 * through the SDK, the test cards' outcomes, and 3-D Secure lookups (frictionless and challenge).
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {
  codesOn,
  decodeClientToken,
  futureExpiry,
  sale,
  start,
  tokenize,
  type Loose,
  type Setup,
} from './helpers.js';

let setup: Setup;
before(async () => {
  setup = await start();
});
after(() => setup.emulator.close());

const VISA = {
  number: '4111111111111111',
  expirationDate: futureExpiry(),
  cvv: '123',
};

async function post(
  path: string,
  body: Record<string, unknown>
): Promise<{status: number; json: Loose}> {
  const token = decodeClientToken(setup.emulator.clientToken());
  const response = await fetch(`${token.clientApiUrl}${path}`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({
      authorizationFingerprint: token.authorizationFingerprint,
      ...body,
    }),
  });
  return {status: response.status, json: await response.json()};
}

describe('Braintree emulator: client API', () => {
  it('serves the configuration for a fingerprint (configUrl), with CORS', async () => {
    const token = decodeClientToken(setup.emulator.clientToken());
    const url = new URL(token.configUrl);
    url.searchParams.set(
      'authorizationFingerprint',
      token.authorizationFingerprint
    );
    url.searchParams.set('configVersion', '3');
    const response = await fetch(url, {
      headers: {Origin: 'http://shop.example'},
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const config = await response.json();
    assert.equal(config.clientApiUrl, token.clientApiUrl);
    assert.equal(config.merchantId, setup.emulator.merchantId);
    assert.equal(config.threeDSecureEnabled, true);
    assert.ok(config.creditCards.supportedCardTypes.includes('Visa'));
  });

  it('answers a preflight for the JSON POST', async () => {
    const token = decodeClientToken(setup.emulator.clientToken());
    const response = await fetch(
      `${token.clientApiUrl}/v1/payment_methods/credit_cards`,
      {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://shop.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      }
    );
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
  });

  it('refuses a missing, forged or other merchant’s fingerprint with 401', async () => {
    const token = decodeClientToken(setup.emulator.clientToken());
    const forged = token.authorizationFingerprint.replace(/^./, (c: string) =>
      c === 'a' ? 'b' : 'a'
    );
    for (const fingerprint of ['', 'abc', forged]) {
      const answer = await tokenize(setup.emulator, VISA, fingerprint);
      assert.equal(answer.status, 401, fingerprint);
    }
    const other = await start();
    try {
      const answer = await tokenize(
        setup.emulator,
        VISA,
        decodeClientToken(other.emulator.clientToken()).authorizationFingerprint
      );
      assert.equal(answer.status, 401);
    } finally {
      await other.emulator.close();
    }
  });

  it('tokenises a card: {creditCards: [{nonce, details, description, type, binData}]}', async () => {
    const answer = await tokenize(setup.emulator, {
      ...VISA,
      billingAddress: {postalCode: '94107'},
    });
    assert.equal(answer.status, 201);
    const [card] = answer.json.creditCards;
    assert.match(card.nonce, /^[0-9a-f-]{36}$/);
    assert.equal(card.type, 'CreditCard');
    assert.equal(card.description, 'ending in 11');
    assert.deepEqual(
      {...card.details, expirationYear: undefined},
      {
        cardType: 'Visa',
        lastFour: '1111',
        lastTwo: '11',
        bin: '411111',
        expirationMonth: '12',
        expirationYear: undefined,
        cardholderName: '',
      }
    );
    assert.equal(card.binData.prepaid, 'Unknown');
  });

  it('takes expirationMonth/expirationYear too', async () => {
    const answer = await tokenize(setup.emulator, {
      number: '5555555555554444',
      expirationMonth: '1',
      expirationYear: String(new Date().getUTCFullYear() + 1),
    });
    assert.equal(answer.status, 201);
    assert.equal(answer.json.creditCards[0].details.cardType, 'MasterCard');
    assert.equal(answer.json.creditCards[0].details.expirationMonth, '01');
  });

  it('answers field errors as Braintree does: 81714, 81715, 81716, 81709/81710/81712, 81707', async () => {
    for (const [card, field, code] of [
      [{expirationDate: futureExpiry()}, 'number', '81714'],
      [{...VISA, number: '4111111111111112'}, 'number', '81715'],
      [{...VISA, number: '4111-abcd'}, 'number', '81715'],
      [{...VISA, number: '41111111111111111118'}, 'number', '81716'],
      [{...VISA, number: '411111111111'}, 'number', '81716'],
      [{number: VISA.number}, 'expirationDate', '81709'],
      [{...VISA, expirationDate: 'soon'}, 'expirationDate', '81710'],
      [
        {...VISA, expirationDate: `13/${new Date().getUTCFullYear() + 1}`},
        'expirationMonth',
        '81712',
      ],
      [{...VISA, cvv: '12'}, 'cvv', '81707'],
      [{...VISA, number: '378282246310005', cvv: '123'}, 'cvv', '81707'],
    ] as const) {
      const answer = await tokenize(setup.emulator, card);
      assert.equal(answer.status, 422, JSON.stringify(card));
      assert.equal(answer.json.error.message, 'Credit card is invalid');
      const [group] = answer.json.fieldErrors;
      assert.equal(group.field, 'creditCard');
      assert.deepEqual(
        group.fieldErrors.map((e: {field: string; code: string}) => [
          e.field,
          e.code,
        ]),
        [[field, code]],
        JSON.stringify(card)
      );
    }
  });
});

describe('Braintree emulator: tokenised nonces in sales', () => {
  it('a card nonce charges once; the second sale gets 91564', async () => {
    const {json} = await tokenize(setup.emulator, VISA);
    const nonce = json.creditCards[0].nonce;
    const first = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: nonce,
    });
    assert.equal(first.success, true);
    assert.equal(first.transaction.creditCard.last4, '1111');
    assert.equal(first.transaction.creditCard.bin, '411111');
    const second = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: nonce,
    });
    assert.deepEqual(codesOn(second, ['transaction'], 'paymentMethodNonce'), [
      '91564',
    ]);
  });

  it('a declined sale spends the nonce too', async () => {
    const {json} = await tokenize(setup.emulator, VISA);
    const nonce = json.creditCards[0].nonce;
    const declined = await sale(setup, {
      amount: '2001.00',
      paymentMethodNonce: nonce,
    });
    assert.equal(declined.transaction.status, 'processor_declined');
    const again = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: nonce,
    });
    assert.deepEqual(codesOn(again, ['transaction'], 'paymentMethodNonce'), [
      '91564',
    ]);
  });

  it('4000111111111115 is declined 2000, 4000111111111511 rejected for fraud', async () => {
    const declined = (
      await tokenize(setup.emulator, {...VISA, number: '4000111111111115'})
    ).json;
    const result = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: declined.creditCards[0].nonce,
    });
    assert.equal(result.transaction.status, 'processor_declined');
    assert.equal(result.transaction.processorResponseCode, '2000');
    const fraud = (
      await tokenize(setup.emulator, {...VISA, number: '4000111111111511'})
    ).json;
    const rejected = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: fraud.creditCards[0].nonce,
    });
    assert.equal(rejected.transaction.gatewayRejectionReason, 'fraud');
  });

  it('CVV 200 and postal code 20000 read N in the transaction’s response codes', async () => {
    const {json} = await tokenize(setup.emulator, {
      ...VISA,
      cvv: '200',
      billingAddress: {postalCode: '20000'},
    });
    const result = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: json.creditCards[0].nonce,
    });
    assert.equal(result.transaction.cvvResponseCode, 'N');
    assert.equal(result.transaction.avsPostalCodeResponseCode, 'N');
  });
});

describe('Braintree emulator: 3-D Secure lookup', () => {
  async function lookup(number: string) {
    const {json} = await tokenize(setup.emulator, {...VISA, number});
    const nonce = json.creditCards[0].nonce;
    return {
      nonce,
      answer: await post(`/v1/payment_methods/${nonce}/three_d_secure/lookup`, {
        amount: '10.00',
      }),
    };
  }

  it('frictionless success: no acsUrl, liability shifted, a new nonce the sale carries', async () => {
    const {nonce, answer} = await lookup('4000000000001000');
    assert.equal(answer.status, 201);
    assert.equal(answer.json.lookup.acsUrl, null);
    assert.deepEqual(answer.json.threeDSecureInfo, {
      liabilityShifted: true,
      liabilityShiftPossible: true,
    });
    const method = answer.json.paymentMethod;
    assert.notEqual(method.nonce, nonce);
    assert.equal(method.threeDSecureInfo.status, 'authenticate_successful');
    const result = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: method.nonce,
    });
    assert.equal(result.success, true);
    assert.equal(result.transaction.threeDSecureInfo.liabilityShifted, true);
    // The lookup spent the card's first nonce.
    const spent = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: nonce,
    });
    assert.deepEqual(codesOn(spent, ['transaction'], 'paymentMethodNonce'), [
      '91564',
    ]);
  });

  it('frictionless failure: liability shift possible, not shifted; the sale is rejected three_d_secure', async () => {
    const {answer} = await lookup('4000000000001018');
    assert.deepEqual(answer.json.threeDSecureInfo, {
      liabilityShifted: false,
      liabilityShiftPossible: true,
    });
    const result = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: answer.json.paymentMethod.nonce,
    });
    assert.equal(result.transaction.gatewayRejectionReason, 'three_d_secure');
  });

  it('a card not in the table is not enrolled', async () => {
    const {answer} = await lookup('4111111111111111');
    assert.equal(
      answer.json.paymentMethod.threeDSecureInfo.status,
      'lookup_not_enrolled'
    );
    assert.equal(answer.json.threeDSecureInfo.liabilityShiftPossible, false);
  });

  it('a challenge card gets an acsUrl; passing the challenge shifts liability', async () => {
    const {answer} = await lookup('4000000000001091');
    assert.ok(answer.json.lookup.acsUrl);
    const pending = answer.json.paymentMethod.nonce;
    const done = await post(
      `/v1/payment_methods/${pending}/three_d_secure/authenticate_from_jwt`,
      {
        jwt: 'emulator-challenge.pass',
        outcome: 'pass',
        paymentMethodNonce: pending,
      }
    );
    assert.equal(done.status, 201);
    assert.equal(done.json.threeDSecureInfo.liabilityShifted, true);
    assert.equal(
      done.json.paymentMethod.threeDSecureInfo.status,
      'authenticate_successful'
    );
    const result = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: done.json.paymentMethod.nonce,
    });
    assert.equal(result.success, true);
    const twice = await post(
      `/v1/payment_methods/${pending}/three_d_secure/authenticate_from_jwt`,
      {outcome: 'pass'}
    );
    assert.equal(twice.status, 422);
  });

  it('failing the challenge: authenticate_failed, and the sale is rejected', async () => {
    const {answer} = await lookup('4000000000002503');
    const pending = answer.json.paymentMethod.nonce;
    const done = await post(
      `/v1/payment_methods/${pending}/three_d_secure/authenticate_from_jwt`,
      {outcome: 'fail'}
    );
    assert.equal(
      done.json.paymentMethod.threeDSecureInfo.status,
      'authenticate_failed'
    );
    assert.equal(done.json.threeDSecureInfo.liabilityShifted, false);
    const result = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: done.json.paymentMethod.nonce,
    });
    assert.equal(result.transaction.gatewayRejectionReason, 'three_d_secure');
  });
});
