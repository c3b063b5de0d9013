import {expect} from '@open-wc/testing';
import {ready} from './helpers.js';
import {
  braintree,
  braintreeConfig,
  server,
  twoTees,
  useBraintreeFakes,
} from './braintree.helpers.js';

useBraintreeFakes();

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
});
