import {expect, oneEvent, waitUntil} from '@open-wc/testing';
import type {BraintreeTransactionRequest} from '../../widget/contract.js';
import {billingAddressFor} from '../../widget/internal/providers/braintree-controller.js';
import {cardPayment} from './fake-braintree.js';
import {error} from './fake-server.js';
import {alertRegion, payButton, ready, record, text} from './helpers.js';
import {pay} from './pay-checkout.helpers.js';
import {
  braintree,
  server,
  twoTees,
  useBraintreeFakes,
} from './braintree.helpers.js';

useBraintreeFakes();

const transactions = () =>
  server
    .requestsTo('/api/braintree/transactions')
    .map(({body}) => body as BraintreeTransactionRequest);

describe('<pay-checkout provider="braintree"> paying', () => {
  it('asks Drop-in for the card with 3-D Secure for the total, then has the server charge the nonce', async () => {
    const {el} = await ready(twoTees());
    const events = record(el);
    const success = await pay(el, 'pay-success');

    expect(braintree.current.requests).to.deep.equal([
      {threeDSecure: {amount: '30.00', email: 'ada@example.com'}},
    ]);
    const [sent] = transactions();
    expect(sent).to.include({
      currency: 'usd',
      email: 'ada@example.com',
      expectedTotal: 3000,
      paymentMethodNonce: 'tokencc_fake_1',
      deviceData: '{"device_session_id":"fake"}',
    });
    expect(sent!.items).to.deep.equal([{sku: 'tee', quantity: 2}]);
    expect(
      server
        .requestsTo('/api/braintree/transactions')[0]!
        .headers.get('Idempotency-Key')
    ).to.be.a('string');
    expect(success.detail.orderId).to.equal('ord_1');
    expect(events).to.deep.equal(['pay-submit', 'pay-success']);
  });

  it('sends the billing address to 3-D Secure in braintree-web’s names', () => {
    expect(
      billingAddressFor({
        name: 'Ada King Lovelace',
        line1: '1 Main St',
        line2: 'Flat 2',
        city: 'London',
        region: 'LND',
        postalCode: 'N1 9GU',
        country: 'GB',
      })
    ).to.deep.equal({
      givenName: 'Ada',
      surname: 'King Lovelace',
      streetAddress: '1 Main St',
      extendedAddress: 'Flat 2',
      locality: 'London',
      region: 'LND',
      postalCode: 'N1 9GU',
      countryCodeAlpha2: 'GB',
    });
    expect(billingAddressFor({country: 'DE'})).to.deep.equal({
      countryCodeAlpha2: 'DE',
    });
    expect(billingAddressFor(undefined)).to.equal(undefined);
  });

  it('says the card was declined in our words, clears Drop-in for another card, and pays with the next one', async () => {
    server.braintreeTransaction = () =>
      error(402, 'card_declined', 'Do Not Honor');
    const {el} = await ready(twoTees());
    const failed = await pay(el, 'pay-error');
    expect(failed.detail.code).to.equal('card_declined');
    expect(text(alertRegion(el))).to.equal(
      'Your card was declined. Please try another card.'
    );
    expect(braintree.current.clears).to.equal(1);

    server.braintreeTransaction = () => ({
      status: 201,
      body: {orderId: 'ord_2', orderToken: 'tok_secret', status: 'paid'},
    });
    braintree.nextPayment = cardPayment('tokencc_fake_2');
    const success = await pay(el, 'pay-success');
    expect(success.detail.orderId).to.equal('ord_2');
    expect(transactions().map((sent) => sent.paymentMethodNonce)).to.deep.equal(
      ['tokencc_fake_1', 'tokencc_fake_2']
    );
  });

  it('says a gateway rejection in Braintree’s words, not PayPal’s', async () => {
    server.braintreeTransaction = () =>
      error(402, 'payment_refused', 'Gateway rejected: fraud');
    const {el} = await ready(twoTees());
    const failed = await pay(el, 'pay-error');
    expect(failed.detail.code).to.equal('braintree_refused');
    expect(text(alertRegion(el))).to.equal(
      'The payment was refused. Nothing was charged; please use another card or another way to pay.'
    );
  });

  it('charges nothing when the bank did not confirm the buyer (3-D Secure failed)', async () => {
    braintree.nextPayment = cardPayment('tokencc_3ds', {
      shifted: false,
      possible: true,
    });
    const {el} = await ready(twoTees());
    const failed = await pay(el, 'pay-error');
    expect(failed.detail.code).to.equal('three_d_secure_failed');
    expect(transactions()).to.have.length(0);
    expect(braintree.current.clears).to.equal(1);
    expect(text(alertRegion(el))).to.contain('Your bank could not confirm');
  });

  it('charges a card outside 3-D Secure (no liability shift possible)', async () => {
    braintree.nextPayment = cardPayment('tokencc_plain', {
      shifted: false,
      possible: false,
    });
    const {el} = await ready(twoTees());
    await pay(el, 'pay-success');
    expect(transactions()[0]!.paymentMethodNonce).to.equal('tokencc_plain');
  });

  it('says to check the card details when Drop-in refuses the form', async () => {
    braintree.nextError = {
      name: 'DropinError',
      message: 'No payment method is available.',
    };
    const {el} = await ready(twoTees());
    const failed = await pay(el, 'pay-error');
    expect(failed.detail.code).to.equal('validation_error');
    expect(text(alertRegion(el))).to.equal(
      'Please check your payment details.'
    );
    expect(transactions()).to.have.length(0);
  });

  it('says 3-D Secure did not complete when the buyer closes the bank’s window', async () => {
    braintree.nextError = {
      name: 'DropinError',
      message:
        'Something went wrong during 3D Secure authentication. Please try again.',
      _braintreeWebError: {code: 'THREEDS_CARDINAL_SDK_CANCELED'},
    };
    const {el} = await ready(twoTees());
    const failed = await pay(el, 'pay-error');
    expect(failed.detail.code).to.equal('three_d_secure_failed');
  });

  it('shows the new total when the server repriced the cart, charging nothing', async () => {
    server.priceBumpAtPayment = 100;
    const {el} = await ready(twoTees());
    const changed = oneEvent(el, 'pay-change');
    payButton(el).click();
    await changed;
    await waitUntil(() => text(alertRegion(el)).includes('Prices changed'));
    expect(braintree.current.clears).to.equal(1);
  });

  it('speaks the decline in the element’s language', async () => {
    server.braintreeTransaction = () =>
      error(402, 'card_declined', 'Do Not Honor');
    const {el} = await ready(twoTees('braintree', 'de'));
    await waitUntil(() => text(payButton(el)).includes('bezahlen'));
    await pay(el, 'pay-error');
    expect(text(alertRegion(el))).to.equal(
      'Ihre Karte wurde abgelehnt. Bitte versuchen Sie es mit einer anderen Karte.'
    );
  });

  it('says the reason the server names (declineCode) in the buyer’s language, never its English', async () => {
    const declined = (declineCode: string) => {
      const answer = error(402, 'card_declined', 'Insufficient Funds (2001)');
      Object.assign((answer.body as {error: object}).error, {declineCode});
      return answer;
    };
    server.braintreeTransaction = () => declined('insufficient_funds');
    const {el} = await ready(twoTees('braintree', 'de'));
    await waitUntil(() => text(payButton(el)).includes('bezahlen'));
    const failed = (await pay(el, 'pay-error')) as CustomEvent<{code: string}>;
    expect(failed.detail.code).to.equal('insufficient_funds');
    expect(text(alertRegion(el))).to.equal(
      'Ihre Karte ist nicht ausreichend gedeckt. Bitte versuchen Sie es mit einer anderen Karte.'
    );
    expect(braintree.current.clears).to.equal(1);

    // A reason the element does not know is the plain decline, in German still.
    server.braintreeTransaction = () => declined('a_reason_from_later');
    await pay(el, 'pay-error');
    expect(text(alertRegion(el))).to.equal(
      'Ihre Karte wurde abgelehnt. Bitte versuchen Sie es mit einer anderen Karte.'
    );
  });
});
