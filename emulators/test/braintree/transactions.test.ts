/**
 * The Braintree emulator through the official `braintree` SDK: client tokens, sales and their
 * outcomes (nonces, amounts), find, statuses and status history. The SDK parsing the emulator's
 * XML into its own classes is the proof that the wire format is Braintree's.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {
  codesOn,
  type Loose,
  decodeClientToken,
  sale,
  start,
  type Setup,
} from './helpers.js';

let setup: Setup;
before(async () => {
  setup = await start();
});
after(() => setup.emulator.close());

describe('Braintree emulator: client tokens', () => {
  it('generates a base64 JSON client token pointing at the emulator, with no graphQL', async () => {
    const result = await setup.gateway.clientToken.generate({});
    assert.equal(result.success, true);
    const token = decodeClientToken(result.clientToken);
    const base = `${setup.emulator.url}/merchants/${setup.emulator.merchantId}/client_api`;
    assert.equal(token.version, 2);
    assert.equal(token.clientApiUrl, base);
    assert.equal(token.configUrl, `${base}/v1/configuration`);
    assert.equal(token.assetsUrl, setup.emulator.url);
    assert.equal(token.environment, 'sandbox');
    assert.equal(token.merchantAccountId, 'shop_usd');
    assert.match(token.authorizationFingerprint, /^[0-9a-f]{64}\|created_at=/);
    assert.equal(token.graphQL, undefined);
  });

  it('names the merchant account asked for, and refuses one the keys do not own (403)', async () => {
    const result = await setup.gateway.clientToken.generate({
      merchantAccountId: 'shop_eur',
    });
    assert.equal(
      decodeClientToken(result.clientToken).merchantAccountId,
      'shop_eur'
    );
    await assert.rejects(
      setup.gateway.clientToken.generate({merchantAccountId: 'nobody'}),
      (error: Error) => error.name === 'authorizationError'
    );
  });
});

describe('Braintree emulator: sale', () => {
  it('authorizes and submits for settlement a fake-valid-nonce sale, as the SDK reads it', async () => {
    const result = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: 'fake-valid-nonce',
      orderId: 'order-1',
      deviceData: '{"device_session_id":"abc"}',
      options: {submitForSettlement: true},
    });
    assert.equal(result.success, true);
    const t = result.transaction;
    assert.match(t.id, /^[a-z0-9]{8}$/);
    assert.equal(t.status, 'submitted_for_settlement');
    assert.equal(t.type, 'sale');
    assert.equal(t.amount, '10.00');
    assert.equal(t.currencyIsoCode, 'USD');
    assert.equal(t.merchantAccountId, 'shop_usd');
    assert.equal(t.orderId, 'order-1');
    assert.equal(t.processorResponseCode, '1000');
    assert.equal(t.processorResponseText, 'Approved');
    assert.equal(t.processorResponseType, 'approved');
    assert.equal(t.paymentInstrumentType, 'credit_card');
    assert.equal(t.creditCard.cardType, 'Visa');
    assert.equal(t.creditCard.last4, '1881');
    assert.equal(t.gatewayRejectionReason, null);
    assert.ok(t.createdAt);
    assert.deepEqual(
      t.statusHistory.map((e: {status: string}) => e.status),
      ['authorized', 'submitted_for_settlement']
    );
    assert.equal(t.statusHistory[0].amount, '10.00');
  });

  it('leaves a sale without submitForSettlement authorized; find reads it back', async () => {
    const {transaction} = await sale(setup, {
      amount: '5',
      paymentMethodNonce: 'fake-valid-mastercard-nonce',
    });
    assert.equal(transaction.status, 'authorized');
    assert.equal(transaction.amount, '5.00');
    const found: Loose = await setup.gateway.transaction.find(transaction.id);
    assert.equal(found.id, transaction.id);
    assert.equal(found.status, 'authorized');
    assert.equal(found.creditCard.cardType, 'MasterCard');
  });

  it('find of an unknown id rejects with notFoundError', async () => {
    await assert.rejects(
      setup.gateway.transaction.find('nothere1'),
      (error: Error) => error.name === 'notFoundError'
    );
  });

  it('uses the merchant account of the currency: JPY amounts have no decimals', async () => {
    const result = await sale(setup, {
      amount: '1500',
      paymentMethodNonce: 'fake-valid-nonce',
      merchantAccountId: 'shop_jpy',
    });
    assert.equal(result.transaction.currencyIsoCode, 'JPY');
    assert.equal(result.transaction.amount, '1500');
    const decimals = await sale(setup, {
      amount: '1500.50',
      paymentMethodNonce: 'fake-valid-nonce',
      merchantAccountId: 'shop_jpy',
    });
    assert.equal(decimals.success, false);
    assert.deepEqual(codesOn(decimals, ['transaction'], 'amount'), ['81503']);
  });

  it('refuses an unknown merchant account with authorizationError (braintree_node#47)', async () => {
    await assert.rejects(
      sale(setup, {
        amount: '10.00',
        paymentMethodNonce: 'fake-valid-nonce',
        merchantAccountId: 'not_mine',
      }),
      (error: Error) => error.name === 'authorizationError'
    );
  });
});

describe('Braintree emulator: validation errors', () => {
  it('amount required, invalid, zero and too large: 81502, 81503, 81531, 81528', async () => {
    for (const [amount, code] of [
      [undefined, '81502'],
      ['ten', '81503'],
      ['10.001', '81503'],
      ['0.00', '81531'],
      ['100000000000000.00', '81528'],
    ] as const) {
      const result = await sale(setup, {
        ...(amount !== undefined && {amount}),
        paymentMethodNonce: 'fake-valid-nonce',
      });
      assert.equal(result.success, false, String(amount));
      const errors = result.errors.deepErrors();
      assert.deepEqual(
        errors.map((e: {code: string}) => e.code),
        [code],
        String(amount)
      );
      assert.equal(
        result.errors.for('transaction').on('amount')[0].attribute,
        'amount'
      );
      assert.equal(result.transaction, undefined);
    }
  });

  it('echoes params (dashed on the wire, camelCased by the SDK) and joins messages', async () => {
    const result = await sale(setup, {
      amount: 'x',
      paymentMethodNonce: 'no-such-nonce',
      orderId: 'o-9',
    });
    assert.equal(result.success, false);
    assert.deepEqual(
      result.errors
        .deepErrors()
        .map((e: {code: string}) => e.code)
        .sort(),
      ['81503', '91565']
    );
    assert.equal(
      result.message,
      'Amount is an invalid format.\nUnknown payment_method_nonce.'
    );
    assert.equal(result.params.transaction.orderId, 'o-9');
    assert.equal(result.params.transaction.paymentMethodNonce, 'no-such-nonce');
  });

  it('fake-consumed-nonce → 91564; fake-luhn-invalid-nonce → 81715 on credit_card', async () => {
    const consumed = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: 'fake-consumed-nonce',
    });
    assert.deepEqual(codesOn(consumed, ['transaction'], 'paymentMethodNonce'), [
      '91564',
    ]);
    const luhn = await sale(setup, {
      amount: '10.00',
      paymentMethodNonce: 'fake-luhn-invalid-nonce',
    });
    assert.deepEqual(codesOn(luhn, ['transaction', 'creditCard'], 'number'), [
      '81715',
    ]);
  });

  it('no nonce → 91508 on base', async () => {
    const result = await sale(setup, {amount: '10.00'});
    assert.deepEqual(codesOn(result, ['transaction'], 'base'), ['91508']);
  });
});
