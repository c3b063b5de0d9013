/**
 * PayPal through Braintree: the client API's checkout flow (create_payment_resource, the
 * approval, paypal_accounts) gives a single-use PayPalAccount nonce, and a sale of it, through
 * the official SDK, is a `paypal_account` transaction with its payer, `settling` at once when
 * submitted for settlement, as the sandbox answers for fake-paypal-one-time-nonce.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {
  codesOn,
  decodeClientToken,
  sale,
  start,
  type Loose,
  type Setup,
} from './helpers.js';

let setup: Setup;
before(async () => {
  setup = await start();
});
after(() => setup.emulator.close());

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

async function openPayment(): Promise<{
  paymentToken: string;
  redirectUrl: string;
}> {
  const created = await post('/v1/paypal_hermes/create_payment_resource', {
    amount: '12.50',
    currencyIsoCode: 'USD',
    returnUrl: 'https://shop.example/return',
    cancelUrl: 'https://shop.example/cancel',
    offerPaypalCredit: false,
  });
  assert.equal(created.status, 201);
  return created.json.paymentResource;
}

describe('Braintree emulator: PayPal through Braintree', () => {
  it('says PayPal is enabled in the configuration', async () => {
    const token = decodeClientToken(setup.emulator.clientToken());
    assert.equal(token.paypalEnabled, true);
    const url = new URL(token.configUrl);
    url.searchParams.set(
      'authorizationFingerprint',
      token.authorizationFingerprint
    );
    const config = await (await fetch(url)).json();
    assert.equal(config.paypalEnabled, true);
    assert.equal(config.paypal.currencyIsoCode, 'USD');
  });

  it('approves, tokenises and sells a PayPal account once', async () => {
    const {paymentToken, redirectUrl} = await openPayment();
    assert.match(paymentToken, /^EC-[A-Z0-9]+$/);
    assert.equal(new URL(redirectUrl).searchParams.get('token'), paymentToken);
    assert.equal(new URL(redirectUrl).origin, setup.emulator.url);

    // Not approved yet: no nonce.
    const early = await post('/v1/payment_methods/paypal_accounts', {
      paypalAccount: {paymentToken, payerId: 'WHOEVER'},
    });
    assert.equal(early.status, 422);

    const approved = await post('/v1/paypal_hermes/emulator_approve', {
      paymentToken,
    });
    assert.equal(approved.status, 201);
    assert.equal(approved.json.amount, '12.50');
    const {payerId} = approved.json;

    const wrongPayer = await post('/v1/payment_methods/paypal_accounts', {
      paypalAccount: {paymentToken, payerId: 'SOMEONEELSE'},
    });
    assert.equal(wrongPayer.status, 422);

    const tokenised = await post('/v1/payment_methods/paypal_accounts', {
      paypalAccount: {paymentToken, payerId, options: {validate: false}},
    });
    assert.equal(tokenised.status, 201);
    const account = tokenised.json.paypalAccounts[0];
    assert.equal(account.type, 'PayPalAccount');
    assert.equal(account.details.email, 'payer@example.com');
    assert.equal(account.details.payerInfo.payerId, payerId);
    assert.equal(account.details.payerInfo.firstName, 'John');

    // The token is spent: no second nonce from it.
    const again = await post('/v1/payment_methods/paypal_accounts', {
      paypalAccount: {paymentToken, payerId},
    });
    assert.equal(again.status, 422);

    const result = await sale(setup, {
      amount: '12.50',
      paymentMethodNonce: account.nonce,
      orderId: 'order-paypal-1',
      options: {submitForSettlement: true},
    });
    assert.equal(result.success, true);
    const t = result.transaction;
    assert.equal(t.paymentInstrumentType, 'paypal_account');
    assert.equal(t.status, 'settling');
    assert.equal(t.paypalAccount.payerId, payerId);
    assert.equal(t.paypalAccount.payerEmail, 'payer@example.com');
    assert.equal(t.paypalAccount.payerFirstName, 'John');

    const reused = await sale(setup, {
      amount: '12.50',
      paymentMethodNonce: account.nonce,
      options: {submitForSettlement: true},
    });
    assert.equal(reused.success, false);
    assert.deepEqual(codesOn(reused, ['transaction'], 'paymentMethodNonce'), [
      '91564',
    ]);

    // Settling → settled by the testing API, and the settled sale refunds.
    const settled = await setup.gateway.testing.settle(t.id);
    assert.equal((settled as Loose).transaction.status, 'settled');
  });

  it("sells the sandbox's fake-paypal-one-time-nonce: settling when submitted, authorized when not", async () => {
    const submitted = await sale(setup, {
      amount: '3.00',
      paymentMethodNonce: 'fake-paypal-one-time-nonce',
      options: {submitForSettlement: true},
    });
    assert.equal(submitted.transaction.status, 'settling');
    assert.equal(submitted.transaction.paymentInstrumentType, 'paypal_account');
    const authorized = await sale(setup, {
      amount: '3.00',
      paymentMethodNonce: 'fake-paypal-one-time-nonce',
    });
    assert.equal(authorized.transaction.status, 'authorized');
  });

  it('refuses a payment resource without a valid amount or currency', async () => {
    const noAmount = await post('/v1/paypal_hermes/create_payment_resource', {
      currencyIsoCode: 'USD',
    });
    assert.equal(noAmount.status, 422);
    const noCurrency = await post('/v1/paypal_hermes/create_payment_resource', {
      amount: '1.00',
    });
    assert.equal(noCurrency.status, 422);
  });
});
