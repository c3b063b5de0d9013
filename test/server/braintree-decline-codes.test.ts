/**
 * A Braintree decline carries the contract's `declineCode` where the buyer can act on it:
 * processor response codes and the CVV/AVS/3-D Secure gateway rejections map to ours; other
 * declines, refusals and failures have none, and Braintree's text never reaches the answer.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {saleError} from '../../server/providers/braintree/declines.js';

const declined = (processorResponseCode: string) =>
  saleError({
    message: 'Insufficient Funds',
    transaction: {
      id: 'tx',
      status: 'processor_declined',
      processorResponseCode,
    },
  });
const rejected = (gatewayRejectionReason: string) =>
  saleError({
    message: 'Gateway Rejected: cvv',
    transaction: {id: 'tx', status: 'gateway_rejected', gatewayRejectionReason},
  });

describe('Braintree decline codes', () => {
  it("maps processor response codes to the contract's", () => {
    for (const [code, declineCode] of [
      ['2001', 'insufficient_funds'],
      ['2004', 'expired_card'],
      ['2005', 'card_not_supported'],
      ['2006', 'incorrect_expiry'],
      ['2008', 'card_not_supported'],
      ['2010', 'incorrect_cvc'],
      ['2024', 'card_not_supported'],
      ['2059', 'incorrect_postal_code'],
      ['2099', 'authentication_required'],
    ] as const) {
      const body = declined(code).toBody();
      assert.equal(body.error.code, 'card_declined', code);
      assert.equal(body.error.declineCode, declineCode, code);
      assert.doesNotMatch(JSON.stringify(body), /Insufficient Funds/);
    }
  });

  it('a decline without one reason the buyer can fix has no declineCode', () => {
    for (const code of [
      '2000',
      '2002',
      '2038',
      '2046',
      '2060',
      'constructor',
    ]) {
      const body = declined(code).toBody();
      assert.equal(body.error.code, 'card_declined', code);
      assert.equal('declineCode' in body.error, false, code);
    }
  });

  it('gateway rejections: cvv, avs and three_d_secure carry theirs; the others none', () => {
    assert.equal(rejected('cvv').declineCode, 'incorrect_cvc');
    assert.equal(rejected('avs').declineCode, 'incorrect_postal_code');
    assert.equal(
      rejected('three_d_secure').declineCode,
      'authentication_required'
    );
    for (const reason of [
      'avs_and_cvv',
      'fraud',
      'duplicate',
      'risk_threshold',
    ])
      assert.equal('declineCode' in rejected(reason).toBody().error, false);
  });
});
