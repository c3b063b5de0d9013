/**
 * The sandbox's test values (developer.squareup.com/docs/devtools/sandbox/payments,
 * /docs/testing/test-values) through the SDK: the payment tokens, the card numbers by brand, the
 * error inputs, single-use card tokens, and buyer verification (SCA) in both flows.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {SquareClient} from 'square';
import {closeAfterEach, key, money, setup, squareError} from './helpers.js';

type CreatePayment = Parameters<SquareClient['payments']['create']>[0];

closeAfterEach();

const charge = (
  sourceId: string,
  extra: Partial<CreatePayment> = {}
): CreatePayment => ({
  sourceId,
  idempotencyKey: key(),
  amountMoney: money(1000),
  ...extra,
});

describe('Square emulator: sandbox payment tokens', () => {
  for (const [nonce, code] of [
    ['cnon:card-nonce-declined', 'GENERIC_DECLINE'],
    ['cnon:card-nonce-rejected-cvv', 'CVV_FAILURE'],
    ['cnon:card-nonce-rejected-postalcode', 'ADDRESS_VERIFICATION_FAILURE'],
    ['cnon:card-nonce-rejected-expiration', 'INVALID_EXPIRATION'],
  ] as const) {
    it(`${nonce} → 400 ${code} with the FAILED payment`, async () => {
      const {emulator, client} = await setup();
      const error = await squareError(client.payments.create(charge(nonce)));
      assert.equal(error.statusCode, 400);
      assert.deepEqual(error.errors, [
        {
          category: 'PAYMENT_METHOD_ERROR',
          code,
          detail: `Authorization error: '${code}'`,
        },
      ]);
      // SquareError.body is the raw snake_case JSON.
      const payment = (
        error.body as {
          payment: {id: string; status: string; card_details: {status: string}};
        }
      ).payment;
      assert.equal(payment.status, 'FAILED');
      assert.equal(payment.card_details.status, 'FAILED');
      assert.equal(emulator.payment(payment.id)?.status, 'FAILED');
    });
  }

  it('marks the failed check: CVV_REJECTED, AVS_REJECTED', async () => {
    const {client} = await setup();
    const cvv = await squareError(
      client.payments.create(charge('cnon:card-nonce-rejected-cvv'))
    );
    const avs = await squareError(
      client.payments.create(charge('cnon:card-nonce-rejected-postalcode'))
    );
    type Body = {
      payment: {card_details: {cvv_status: string; avs_status: string}};
    };
    assert.equal(
      (cvv.body as Body).payment.card_details.cvv_status,
      'CVV_REJECTED'
    );
    assert.equal(
      (avs.body as Body).payment.card_details.avs_status,
      'AVS_REJECTED'
    );
  });

  it('cnon:card-nonce-already-used → CARD_TOKEN_USED, no payment', async () => {
    const {emulator, client} = await setup();
    const error = await squareError(
      client.payments.create(charge('cnon:card-nonce-already-used'))
    );
    assert.equal(error.errors[0]?.code, 'CARD_TOKEN_USED');
    assert.equal((error.body as {payment?: unknown}).payment, undefined);
    assert.equal(emulator.events.list().length, 0);
  });

  it('the sandbox tokens can be charged again and again', async () => {
    const {client} = await setup();
    for (let i = 0; i < 3; i++)
      assert.equal(
        (await client.payments.create(charge('cnon:card-nonce-ok'))).payment
          ?.status,
        'COMPLETED'
      );
  });

  it('an unknown card token is NOT_FOUND; another kind of source is refused', async () => {
    const {client} = await setup();
    const unknown = await squareError(
      client.payments.create(charge('cnon:CBASEnotminted'))
    );
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.errors[0]?.code, 'NOT_FOUND');
    const other = await squareError(
      client.payments.create(charge('not-a-token'))
    );
    assert.equal(other.statusCode, 400);
  });
});

describe('Square emulator: test cards through the card form’s tokens', () => {
  for (const [number, brand] of [
    ['4111111111111111', 'VISA'],
    ['5105105105105100', 'MASTERCARD'],
    ['6011000000000004', 'DISCOVER'],
    ['30000000000004', 'DISCOVER_DINERS'],
    ['3569990010095841', 'JCB'],
    ['340000000000009', 'AMERICAN_EXPRESS'],
    ['6222988812340000', 'CHINA_UNIONPAY'],
  ] as const) {
    it(`charges ${brand} ${number}`, async () => {
      const {emulator, client} = await setup();
      const {payment} = await client.payments.create(
        charge(emulator.cardNonce({number}))
      );
      assert.equal(payment?.cardDetails?.card?.cardBrand, brand);
      assert.equal(payment?.cardDetails?.card?.last4, number.slice(-4));
      assert.equal(payment?.cardDetails?.card?.bin, number.slice(0, 6));
    });
  }

  for (const [input, code] of [
    [{cvv: '911'}, 'CVV_FAILURE'],
    [{postalCode: '99999'}, 'ADDRESS_VERIFICATION_FAILURE'],
    [{expirationDate: '01/40'}, 'INVALID_EXPIRATION'],
    [{number: '4000000000000002'}, 'GENERIC_DECLINE'],
  ] as const) {
    it(`${JSON.stringify(input)} tokenizes, and the payment fails ${code}`, async () => {
      const {emulator, client} = await setup();
      const error = await squareError(
        client.payments.create(charge(emulator.cardNonce(input)))
      );
      assert.equal(error.errors[0]?.code, code);
    });
  }

  it('a card token is good for one payment: CARD_TOKEN_USED the second time, even after a decline', async () => {
    const {emulator, client} = await setup();
    const nonce = emulator.cardNonce();
    await client.payments.create(charge(nonce));
    assert.equal(
      (await squareError(client.payments.create(charge(nonce)))).errors[0]
        ?.code,
      'CARD_TOKEN_USED'
    );
    const declined = emulator.cardNonce({cvv: '911'});
    await squareError(client.payments.create(charge(declined)));
    assert.equal(
      (await squareError(client.payments.create(charge(declined)))).errors[0]
        ?.code,
      'CARD_TOKEN_USED'
    );
  });

  it('a card token expires after 24 hours: CARD_TOKEN_EXPIRED', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const {emulator, client} = await setup({now: () => now});
    const nonce = emulator.cardNonce();
    now += 24 * 3600 * 1000 + 1;
    const error = await squareError(client.payments.create(charge(nonce)));
    assert.equal(error.errors[0]?.code, 'CARD_TOKEN_EXPIRED');
  });
});

describe('Square emulator: buyer verification (SCA)', () => {
  const gbp = (
    emulator: {locations: Record<string, string>},
    sourceId: string,
    extra = {}
  ) =>
    charge(sourceId, {
      amountMoney: money(1250, 'GBP'),
      locationId: emulator.locations.GBP,
      ...extra,
    });

  for (const number of [
    '4310000000201019',
    '5500000000201016',
    '6011000000201016',
    '370000000201014',
  ]) {
    it(`EU card ${number} without verification → CARD_DECLINED_VERIFICATION_REQUIRED`, async () => {
      const {emulator, client} = await setup();
      const nonce = emulator.cardNonce({number, currency: 'GBP'});
      const error = await squareError(
        client.payments.create(gbp(emulator, nonce))
      );
      assert.equal(
        error.errors[0]?.code,
        'CARD_DECLINED_VERIFICATION_REQUIRED'
      );
      assert.equal(error.errors[0]?.category, 'PAYMENT_METHOD_ERROR');
    });
  }

  it('legacy flow: a passed challenge’s verf: token as verification_token charges the card', async () => {
    const {emulator, client} = await setup();
    const nonce = emulator.cardNonce({
      number: '4310000000201019',
      currency: 'GBP',
    });
    const verification = emulator.verifyBuyer(nonce, {
      amount: '12.50',
      currency: 'GBP',
    });
    assert.equal(verification.challenge, true);
    assert.match(verification.token, /^verf:/);
    const pending = await squareError(
      client.payments.create(
        gbp(emulator, nonce, {verificationToken: verification.token})
      )
    );
    assert.equal(
      pending.errors[0]?.code,
      'CARD_DECLINED_VERIFICATION_REQUIRED',
      'not before the challenge is passed'
    );
    const retry = emulator.cardNonce({
      number: '4310000000201019',
      currency: 'GBP',
    });
    const second = emulator.verifyBuyer(retry, {
      amount: '12.50',
      currency: 'GBP',
    });
    emulator.completeVerification(second.token, 'pass');
    const {payment} = await client.payments.create(
      gbp(emulator, retry, {verificationToken: second.token})
    );
    assert.equal(payment?.status, 'COMPLETED');
  });

  it('new flow: once verified, the card token alone is charged', async () => {
    const {emulator, client} = await setup();
    const nonce = emulator.cardNonce({
      number: '5500000000201016',
      currency: 'GBP',
    });
    emulator.completeVerification(
      emulator.verifyBuyer(nonce, {amount: '12.50', currency: 'GBP'}).token,
      'pass'
    );
    assert.equal(
      (await client.payments.create(gbp(emulator, nonce))).payment?.status,
      'COMPLETED'
    );
  });

  it('a failed challenge, or a verification of another amount, does not verify', async () => {
    const {emulator, client} = await setup();
    const failed = emulator.cardNonce({
      number: '4310000000201019',
      currency: 'GBP',
    });
    const v1 = emulator.verifyBuyer(failed, {amount: '12.50', currency: 'GBP'});
    emulator.completeVerification(v1.token, 'fail');
    assert.equal(
      (
        await squareError(
          client.payments.create(
            gbp(emulator, failed, {verificationToken: v1.token})
          )
        )
      ).errors[0]?.code,
      'CARD_DECLINED_VERIFICATION_REQUIRED'
    );
    const other = emulator.cardNonce({
      number: '4800000000000004',
      currency: 'GBP',
    });
    const v2 = emulator.verifyBuyer(other, {amount: '1.00', currency: 'GBP'});
    assert.equal(
      v2.challenge,
      false,
      '4800 0000 0000 0004 verifies without a challenge'
    );
    const {payment} = await client.payments.create(
      gbp(emulator, other, {amountMoney: money(100, 'GBP')})
    );
    assert.equal(payment?.status, 'COMPLETED');
    const third = emulator.cardNonce({
      number: '4310000000201019',
      currency: 'GBP',
    });
    const v3 = emulator.verifyBuyer(third, {amount: '1.00', currency: 'GBP'});
    emulator.completeVerification(v3.token, 'pass');
    assert.equal(
      (
        await squareError(
          client.payments.create(
            gbp(emulator, third, {verificationToken: v3.token})
          )
        )
      ).errors[0]?.code,
      'CARD_DECLINED_VERIFICATION_REQUIRED'
    );
  });

  it('cnon:card-nonce-requires-verification is challenged, and needs its verification token', async () => {
    const {emulator, client} = await setup();
    const source = 'cnon:card-nonce-requires-verification';
    assert.equal(
      (await squareError(client.payments.create(charge(source)))).errors[0]
        ?.code,
      'CARD_DECLINED_VERIFICATION_REQUIRED'
    );
    const verification = emulator.verifyBuyer(source, {amount: '10.00'});
    assert.equal(verification.challenge, true);
    emulator.completeVerification(verification.token, 'pass');
    assert.equal(
      (
        await client.payments.create(
          charge(source, {verificationToken: verification.token})
        )
      ).payment?.status,
      'COMPLETED'
    );
  });

  it('refuses an unknown verification token', async () => {
    const {client} = await setup();
    const error = await squareError(
      client.payments.create(
        charge('cnon:card-nonce-ok', {verificationToken: 'verf:bogus'})
      )
    );
    assert.equal(error.errors[0]?.field, 'verification_token');
  });
});
