/**
 * What a sale Braintree did not make means in the contract's terms, and what each transaction
 * status means for an order: pure functions over the SDK's result shapes.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  braintreeCallError,
  saleError,
} from '../../server/providers/braintree/declines.js';
import {eventFromTransaction} from '../../server/providers/braintree/transactions.js';

const declined = (processorResponseCode: string) =>
  saleError({
    message: 'Do Not Honor',
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
const validation = (...codes: string[]) =>
  saleError({
    message: 'Cannot use a payment_method_nonce more than once.',
    errors: {deepErrors: () => codes.map((code) => ({code, attribute: 'x'}))},
  });

describe('Braintree sale refusals', () => {
  it('a processor decline is 402 card_declined, with the reason in our words when the buyer can act on it', () => {
    for (const [code, text] of [
      ['2000', /declined\. Please use another card/],
      ['2001', /insufficient funds/],
      ['2004', /expired/],
      ['2010', /security code \(CVV\)/],
      ['2099', /authentication/],
      ['2046', /declined\. Please use another card/],
    ] as const) {
      const error = declined(code);
      assert.equal(error.status, 402, code);
      assert.equal(error.code, 'card_declined', code);
      assert.match(error.message, text, code);
      assert.doesNotMatch(error.message, /Do Not Honor/);
    }
    assert.equal(declined('constructor').message, declined('2000').message);
  });

  it('a gateway rejection: CVV/AVS/3-D Secure are card_declined naming the field; fraud and duplicates payment_refused', () => {
    assert.match(rejected('cvv').message, /security code/);
    assert.match(rejected('avs').message, /postal code/);
    assert.match(
      rejected('avs_and_cvv').message,
      /postal code and the security code/
    );
    assert.match(rejected('three_d_secure').message, /authenticated/);
    for (const reason of ['cvv', 'avs', 'avs_and_cvv', 'three_d_secure'])
      assert.equal(rejected(reason).code, 'card_declined', reason);
    for (const reason of [
      'fraud',
      'risk_threshold',
      'duplicate',
      'token_issuance',
      'new_one',
    ]) {
      assert.equal(rejected(reason).status, 402, reason);
      assert.equal(rejected(reason).code, 'payment_refused', reason);
    }
    assert.equal(rejected('application_incomplete').code, 'provider_error');
    assert.doesNotMatch(rejected('cvv').message, /Gateway Rejected/);
  });

  it('a processor failure (3000) is 503 provider_unavailable: the buyer may try again', () => {
    const error = saleError({
      transaction: {id: 'tx', status: 'failed', processorResponseCode: '3000'},
    });
    assert.deepEqual([error.status, error.code], [503, 'provider_unavailable']);
  });

  it('a used or unknown nonce is 400 invalid_request; any other validation error is ours (502)', () => {
    for (const code of ['91564', '91565', '91508']) {
      assert.deepEqual(
        [validation(code).status, validation(code).code],
        [400, 'invalid_request']
      );
      assert.doesNotMatch(validation(code).message, /payment_method_nonce/);
    }
    assert.deepEqual(
      [validation('81503').status, validation('81503').code],
      [502, 'provider_error']
    );
    assert.equal(saleError({}).code, 'provider_error');
  });

  it('a rejected call: no answer or a 5xx is provider_unavailable (outcome unknown), a refusal provider_error', () => {
    for (const type of [
      'unexpectedError',
      'serverError',
      'serviceUnavailableError',
      'gatewayTimeoutError',
      'requestTimeoutError',
      'tooManyRequestsError',
    ])
      assert.equal(
        braintreeCallError({type}).code,
        'provider_unavailable',
        type
      );
    for (const type of [
      'authenticationError',
      'authorizationError',
      'notFoundError',
      undefined,
    ])
      assert.equal(
        braintreeCallError({type}).code,
        'provider_error',
        String(type)
      );
    assert.equal(braintreeCallError(null).code, 'provider_error');
  });
});

describe('Braintree transaction statuses', () => {
  const tx = (status: string, extra: object = {}) =>
    eventFromTransaction({
      id: 'tx_1',
      type: 'sale',
      status,
      amount: '12.34',
      currencyIsoCode: 'USD',
      ...extra,
    });

  it('submitted for settlement and after is the money received, for the transaction amount', () => {
    for (const status of [
      'submitted_for_settlement',
      'settling',
      'settlement_pending',
      'settled',
      'settlement_confirmed',
    ])
      assert.deepEqual(
        tx(status),
        {type: 'succeeded', paymentId: 'tx_1', amount: 1234, currency: 'usd'},
        status
      );
    assert.equal(
      (tx('settled', {amount: '12.345'}) as {amount: number}).amount,
      -1
    );
  });

  it('authorized is processing; refusals and settlement_declined failed; voided and expired canceled', () => {
    assert.equal(tx('authorized')?.type, 'processing');
    assert.equal(tx('authorizing')?.type, 'processing');
    for (const status of [
      'processor_declined',
      'gateway_rejected',
      'failed',
      'settlement_declined',
    ])
      assert.equal(tx(status)?.type, 'failed', status);
    assert.equal(tx('voided')?.type, 'canceled');
    assert.equal(tx('authorization_expired')?.type, 'canceled');
  });

  it('a credit (a refund) or an unknown status is not a report about the sale', () => {
    assert.equal(tx('settled', {type: 'credit'}), null);
    assert.equal(tx('something_new'), null);
    assert.equal(tx(undefined as unknown as string), null);
  });
});
