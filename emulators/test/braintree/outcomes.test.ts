/**
 * Sale outcomes driven by the sandbox's test amounts and nonces (reference/general/testing):
 * processor declines resolve with `success: false` and the transaction (no validation errors,
 * braintree_node#37/#130), failures, gateway rejections, 3-D Secure nonces.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {codesOn, sale, start, type Setup} from './helpers.js';

let setup: Setup;
before(async () => {
  setup = await start();
});
after(() => setup.emulator.close());

describe('Braintree emulator: test amounts', () => {
  it('2000.00 is processor declined Do Not Honor (soft), with the transaction stored', async () => {
    const result = await sale(setup, {
      amount: '2000.00',
      paymentMethodNonce: 'fake-valid-nonce',
    });
    assert.equal(result.success, false);
    assert.equal(result.message, 'Do Not Honor');
    assert.deepEqual(result.errors.deepErrors(), []);
    const t = result.transaction;
    assert.equal(t.status, 'processor_declined');
    assert.equal(t.processorResponseCode, '2000');
    assert.equal(t.processorResponseText, 'Do Not Honor');
    assert.equal(t.processorResponseType, 'soft_declined');
    assert.equal(t.additionalProcessorResponse, '2000 : Do Not Honor');
    assert.equal(t.amount, '2000.00');
    const found: {status: string} = await setup.gateway.transaction.find(t.id);
    assert.equal(found.status, 'processor_declined');
  });

  it('the response code is the amount: 2001 Insufficient Funds, 2004 Expired Card (hard), 2099', async () => {
    for (const [amount, text, type] of [
      ['2001.00', 'Insufficient Funds', 'soft_declined'],
      ['2004.00', 'Expired Card', 'hard_declined'],
      ['2015.00', 'Transaction Not Allowed', 'hard_declined'],
      ['2099.00', 'Cardholder Authentication Required', 'soft_declined'],
      ['2999.99', 'Processor Declined', 'soft_declined'],
    ]) {
      const {transaction: t} = await sale(setup, {
        amount,
        paymentMethodNonce: 'fake-valid-nonce',
      });
      assert.equal(t.processorResponseCode, amount!.slice(0, 4), amount);
      assert.equal(t.processorResponseText, text, amount);
      assert.equal(t.processorResponseType, type, amount);
    }
  });

  it('3000.00 fails with the 3000 processor response', async () => {
    const result = await sale(setup, {
      amount: '3000.50',
      paymentMethodNonce: 'fake-valid-nonce',
    });
    assert.equal(result.success, false);
    assert.equal(result.transaction.status, 'failed');
    assert.equal(result.transaction.processorResponseCode, '3000');
    assert.equal(
      result.transaction.processorResponseText,
      'Processor Network Unavailable - Try Again'
    );
  });

  it('5001.00 is gateway rejected application_incomplete; 1999.99 and 3001.00 authorize', async () => {
    const rejected = await sale(setup, {
      amount: '5001.00',
      paymentMethodNonce: 'fake-valid-nonce',
    });
    assert.equal(rejected.success, false);
    assert.equal(rejected.transaction.status, 'gateway_rejected');
    assert.equal(
      rejected.transaction.gatewayRejectionReason,
      'application_incomplete'
    );
    assert.equal(rejected.message, 'Gateway Rejected: application_incomplete');
    for (const amount of ['1999.99', '3001.00', '5002.00']) {
      const ok = await sale(setup, {
        amount,
        paymentMethodNonce: 'fake-valid-nonce',
      });
      assert.equal(ok.transaction.status, 'authorized', amount);
    }
  });

  it('reads the amounts in any currency: 2000 JPY is declined too', async () => {
    const result = await sale(setup, {
      amount: '2000',
      paymentMethodNonce: 'fake-valid-nonce',
      merchantAccountId: 'shop_jpy',
    });
    assert.equal(result.transaction.status, 'processor_declined');
  });
});

describe('Braintree emulator: test nonces', () => {
  it('processor-declined nonces decline 2000 with their brand; the JCB failure fails 3000', async () => {
    for (const [nonce, brand] of [
      ['fake-processor-declined-visa-nonce', 'Visa'],
      ['fake-processor-declined-mastercard-nonce', 'MasterCard'],
      ['fake-processor-declined-amex-nonce', 'American Express'],
      ['fake-processor-declined-discover-nonce', 'Discover'],
    ]) {
      const {transaction: t} = await sale(setup, {
        amount: '10.00',
        paymentMethodNonce: nonce,
      });
      assert.equal(t.status, 'processor_declined', nonce);
      assert.equal(t.processorResponseCode, '2000', nonce);
      assert.equal(t.creditCard.cardType, brand, nonce);
    }
    const failed = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: 'fake-processor-failure-jcb-nonce',
    });
    assert.equal(failed.transaction.status, 'failed');
  });

  it('gateway-rejected nonces: fraud and risk_threshold', async () => {
    for (const [nonce, reason] of [
      ['fake-gateway-rejected-fraud-nonce', 'fraud'],
      ['fake-gateway-rejected-risk-thresholds-nonce', 'risk_threshold'],
    ]) {
      const result = await sale(setup, {
        amount: '10.00',
        paymentMethodNonce: nonce,
      });
      assert.equal(result.success, false);
      assert.equal(result.transaction.status, 'gateway_rejected');
      assert.equal(result.transaction.gatewayRejectionReason, reason);
      assert.equal(result.message, `Gateway Rejected: ${reason}`);
    }
  });

  it('brand nonces carry their card; fake nonces may be used again', async () => {
    for (const [nonce, brand] of [
      ['fake-valid-visa-nonce', 'Visa'],
      ['fake-valid-amex-nonce', 'American Express'],
      ['fake-valid-discover-nonce', 'Discover'],
      ['fake-valid-jcb-nonce', 'JCB'],
      ['fake-valid-dinersclub-nonce', 'Diners Club'],
    ]) {
      for (let i = 0; i < 2; i++) {
        const {transaction: t} = await sale(setup, {
          amount: '1.00',
          paymentMethodNonce: nonce,
        });
        assert.equal(t.status, 'authorized', nonce);
        assert.equal(t.creditCard.cardType, brand, nonce);
      }
    }
    const prepaid = await sale(setup, {
      amount: '1.00',
      paymentMethodNonce: 'fake-valid-prepaid-nonce',
    });
    assert.equal(prepaid.transaction.creditCard.prepaid, 'Yes');
  });

  it('wallet nonces: PayPal, Apple Pay and Google Pay give their instrument types', async () => {
    const paypal = await sale(setup, {
      amount: '1.00',
      paymentMethodNonce: 'fake-paypal-one-time-nonce',
    });
    assert.equal(paypal.transaction.paymentInstrumentType, 'paypal_account');
    assert.equal(
      paypal.transaction.paypalAccount.payerEmail,
      'payer@example.com'
    );
    const apple = await sale(setup, {
      amount: '1.00',
      paymentMethodNonce: 'fake-apple-pay-visa-nonce',
    });
    assert.equal(apple.transaction.paymentInstrumentType, 'apple_pay_card');
    assert.equal(apple.transaction.applePayCard.cardType, 'Apple Pay - Visa');
    const google = await sale(setup, {
      amount: '1.00',
      paymentMethodNonce: 'fake-android-pay-nonce',
    });
    assert.equal(google.transaction.paymentInstrumentType, 'android_pay_card');
  });

  it('3-D Secure nonces carry threeDSecureInfo; failed authentication is rejected three_d_secure', async () => {
    const ok = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce:
        'fake-three-d-secure-two-visa-successful-frictionless-authentication-nonce',
    });
    assert.equal(ok.success, true);
    assert.equal(
      ok.transaction.threeDSecureInfo.status,
      'authenticate_successful'
    );
    assert.equal(ok.transaction.threeDSecureInfo.liabilityShifted, true);
    assert.equal(ok.transaction.threeDSecureInfo.liabilityShiftPossible, true);
    const failed = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce:
        'fake-three-d-secure-visa-failed-authentication-nonce',
    });
    assert.equal(failed.success, false);
    assert.equal(failed.transaction.gatewayRejectionReason, 'three_d_secure');
    assert.equal(failed.transaction.threeDSecureInfo.liabilityShifted, false);
  });

  it('options.threeDSecure.required rejects a sale without liability shift', async () => {
    const result = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: 'fake-valid-nonce',
      options: {threeDSecure: {required: true}},
    });
    assert.equal(result.success, false);
    assert.equal(result.transaction.gatewayRejectionReason, 'three_d_secure');
    const shifted = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: 'fake-three-d-secure-visa-full-authentication-nonce',
      options: {threeDSecure: {required: true}},
    });
    assert.equal(shifted.success, true);
  });
});

describe('Braintree emulator: card details in the sale', () => {
  it('charges creditCard {number, expirationDate} and checks it as the gateway does', async () => {
    const year = new Date().getUTCFullYear() + 2;
    const ok = await sale(setup, {
      amount: '10.00',
      creditCard: {
        number: '4111111111111111',
        expirationDate: `05/${year}`,
        cvv: '123',
      },
    });
    assert.equal(ok.success, true);
    assert.equal(ok.transaction.creditCard.last4, '1111');
    assert.equal(ok.transaction.creditCard.expirationMonth, '05');
    assert.equal(ok.params, undefined);
    const declined = await sale(setup, {
      amount: '10.00',
      creditCard: {number: '4000111111111115', expirationDate: `05/${year}`},
    });
    assert.equal(declined.transaction.status, 'processor_declined');
    const invalid = await sale(setup, {
      amount: '10.00',
      creditCard: {
        number: '4111111111111112',
        expirationDate: `05/${year}`,
        cvv: '123',
      },
    });
    assert.deepEqual(
      codesOn(invalid, ['transaction', 'creditCard'], 'number'),
      ['81715']
    );
    assert.equal(invalid.params.transaction.creditCard.number, undefined);
    assert.equal(invalid.params.transaction.creditCard.cvv, undefined);
    assert.equal(
      invalid.params.transaction.creditCard.expirationDate,
      `05/${year}`
    );
  });
});
