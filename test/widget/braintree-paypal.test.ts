import {expect} from '@open-wc/testing';
import type {cardPaymentMethodPayload} from 'braintree-web-drop-in';
import type {BraintreeTransactionRequest} from '../../widget/contract.js';
import {error} from './fake-server.js';
import {alertRegion, ready, text} from './helpers.js';
import {pay} from './pay-checkout.helpers.js';
import {
  braintree,
  braintreeConfig,
  server,
  twoTees,
  useBraintreeFakes,
} from './braintree.helpers.js';

useBraintreeFakes();

/** The account Drop-in resolves once the buyer approved in PayPal's window. */
const paypalAccount = (nonce: string) =>
  ({
    nonce,
    type: 'PayPalAccount',
    details: {email: 'payer@example.com', payerId: 'PAYER1'},
    deviceData: '{"device_session_id":"fake"}',
  }) as unknown as cardPaymentMethodPayload;

describe('<pay-checkout provider="braintree"> with PayPal through Braintree', () => {
  it("passes paypal {flow: 'checkout', amount, currency} to dropin.create when the config says paypal: true", async () => {
    const config = braintreeConfig();
    config.providers.braintree!.paypal = true;
    server.config = config;
    await ready(twoTees());
    const paypal = braintree.current.options.paypal as {
      flow: string;
      amount: string;
      currency: string;
    };
    expect(paypal.flow).to.equal('checkout');
    expect(paypal.currency).to.equal('USD');
    // The quote's total (two tees at 15.00 in the fake server) as Braintree's decimal string.
    expect(paypal.amount).to.equal('30.00');
  });

  it('offers no PayPal when the config does not enable it', async () => {
    await ready(twoTees());
    expect(braintree.current.options.paypal).to.equal(undefined);
  });

  it('has the server charge the approved PayPal account’s nonce, with no 3-D Secure check of it', async () => {
    braintree.nextPayment = paypalAccount('fake-paypal-account-nonce');
    const {el} = await ready(twoTees());
    const success = await pay(el, 'pay-success');
    expect(success.detail.provider).to.equal('braintree');
    const sent = server
      .requestsTo('/api/braintree/transactions')
      .map(({body}) => body as BraintreeTransactionRequest);
    expect(sent.map((body) => body.paymentMethodNonce)).to.deep.equal([
      'fake-paypal-account-nonce',
    ]);
    expect(sent[0]!.deviceData).to.equal('{"device_session_id":"fake"}');
  });

  it('says a declined PayPal account in PayPal’s words, not a card’s', async () => {
    braintree.nextPayment = paypalAccount('fake-paypal-account-nonce');
    server.braintreeTransaction = () =>
      error(402, 'card_declined', 'Processor Declined');
    const {el} = await ready(twoTees());
    const failed = await pay(el, 'pay-error');
    expect(failed.detail.code).to.equal('payment_refused');
    expect(text(alertRegion(el))).to.equal(
      'PayPal refused this payment. Nothing was charged; please choose another way to pay.'
    );
    // The nonce is spent: Drop-in goes back to its list for another way.
    expect(braintree.current.clears).to.equal(1);
  });
});
