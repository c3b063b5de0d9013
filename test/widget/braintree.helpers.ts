/** What the Braintree widget suites share: the fakes of the running test (Braintree configured) and a two-tee cart. */
import {html} from '@open-wc/testing';
import type {ConfigResponse} from '../../widget/contract.js';
import {FakeBraintree, FAKE_DROPIN_JS, clientToken} from './fake-braintree.js';
import type {FakeServer} from './fake-server.js';
import {installFakes, restoreFakes} from './fakes.js';

export let server: FakeServer;
export let braintree: FakeBraintree;

export const twoTees = (provider = 'braintree', extra = '') =>
  html`<pay-checkout
    provider=${provider}
    email="ada@example.com"
    locale=${extra || 'en'}
    ><pay-item sku="tee" quantity="2"></pay-item
  ></pay-checkout>`;

/** A config offering Braintree (USD and EUR accounts) through the fake Drop-in. */
export function braintreeConfig(
  currencies = ['USD', 'EUR'],
  others: ConfigResponse['providers'] = {}
): ConfigResponse {
  return {
    currency: 'usd',
    providers: {
      ...others,
      braintree: {currencies, environment: 'sandbox', sdkUrl: FAKE_DROPIN_JS},
    },
  };
}

/** Fresh fakes before each test, the server's config offering Braintree; the real globals back after it. */
export function useBraintreeFakes(): void {
  beforeEach(() => {
    ({server} = installFakes());
    braintree = new FakeBraintree().install();
    server.config = braintreeConfig();
    server.braintreeToken = ({currency}) => ({
      status: 200,
      body: {clientToken: `${clientToken()}`, currency},
    });
  });
  afterEach(() => {
    braintree.restore();
    restoreFakes();
  });
}
