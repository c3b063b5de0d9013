/**
 * A Square decline carries the contract's `declineCode` where the buyer can act on it, so the
 * element can say it in the buyer's language: Square's codes map to ours, Square's text and
 * codes never reach the answer, and a decline without a reason the buyer can fix has none.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {squarePaymentError} from '../../server/providers/square/errors.js';
import {
  cart,
  pay,
  type SquareHarness,
  startSquareHarness,
} from './square-harness.js';

const failure = (...codes: string[]) => ({
  status: 402,
  codes,
  categories: ['PAYMENT_METHOD_ERROR'],
  unanswered: false,
});

describe('Square decline codes', () => {
  it("maps Square's decline codes to the contract's", () => {
    for (const [codes, declineCode] of [
      [['INSUFFICIENT_FUNDS'], 'insufficient_funds'],
      [['CVV_FAILURE'], 'incorrect_cvc'],
      [['VERIFY_CVV_FAILURE'], 'incorrect_cvc'],
      [['ADDRESS_VERIFICATION_FAILURE'], 'incorrect_postal_code'],
      [['INVALID_POSTAL_CODE'], 'incorrect_postal_code'],
      [['CARD_EXPIRED'], 'expired_card'],
      [['INVALID_EXPIRATION'], 'incorrect_expiry'],
      [['CARD_DECLINED_VERIFICATION_REQUIRED'], 'authentication_required'],
      [['CARD_NOT_SUPPORTED'], 'card_not_supported'],
      [['INVALID_CARD'], 'card_not_supported'],
    ] as const) {
      const error = squarePaymentError(failure(...codes));
      assert.deepEqual(
        [error.status, error.code, error.declineCode],
        [402, 'card_declined', declineCode],
        codes[0]
      );
      assert.equal(error.toBody().error.declineCode, declineCode);
    }
  });

  it('a decline the buyer cannot fix by a field has no declineCode (nor does any other error)', () => {
    for (const codes of [
      ['GENERIC_DECLINE'],
      ['CARD_DECLINED_CALL_ISSUER'],
      ['TRANSACTION_LIMIT'],
      ['CARD_TOKEN_USED'],
    ]) {
      const body = squarePaymentError(failure(...codes)).toBody();
      assert.equal(body.error.code, 'card_declined', codes[0]);
      assert.equal('declineCode' in body.error, false, codes[0]);
    }
    const unavailable = squarePaymentError({
      status: 503,
      codes: ['SERVICE_UNAVAILABLE'],
      categories: ['API_ERROR'],
      unanswered: false,
    }).toBody();
    assert.equal(unavailable.error.code, 'provider_unavailable');
    assert.equal('declineCode' in unavailable.error, false);
  });

  describe('POST /api/square/payments', () => {
    let h: SquareHarness;
    before(async () => {
      h = await startSquareHarness();
    });
    after(() => h.close());

    for (const [nonce, declineCode] of [
      ['cnon:card-nonce-rejected-cvv', 'incorrect_cvc'],
      ['cnon:card-nonce-rejected-postalcode', 'incorrect_postal_code'],
      ['cnon:card-nonce-rejected-expiration', 'incorrect_expiry'],
      ['cnon:card-nonce-declined', undefined],
    ] as const) {
      it(`${nonce}: 402 card_declined with declineCode ${declineCode ?? '(none)'}, no Square text`, async () => {
        const {status, json, text} = await pay(h, {...cart, sourceId: nonce});
        assert.equal(status, 402, text);
        const error = json.error as {code: string; declineCode?: string};
        assert.equal(error.code, 'card_declined');
        assert.equal(error.declineCode, declineCode);
        assert.deepEqual(
          Object.keys(error).sort(),
          declineCode ? ['code', 'declineCode', 'message'] : ['code', 'message']
        );
        assert.doesNotMatch(
          text,
          /CVV_FAILURE|ADDRESS_VERIFICATION|INVALID_EXPIRATION|GENERIC_DECLINE|detail/
        );
      });
    }
  });
});
