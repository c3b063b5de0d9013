/** What the PayPal widget suites share: the fakes of the running test (PayPal configured) and a two-tee cart. */
import {html} from '@open-wc/testing';
import type {FakePaypal} from './fake-paypal.js';
import {paypalConfig, type FakeServer} from './fake-server.js';
import type {FakeStripe} from './fake-stripe.js';
import {installFakes, restoreFakes} from './fakes.js';

export let server: FakeServer;
export let stripe: FakeStripe;
export let paypal: FakePaypal;

export const visible = (node: Element | undefined | null) =>
  !!node && node.checkVisibility();

export const twoTees = (provider = 'paypal') =>
  html`<pay-checkout provider=${provider} email="ada@example.com"
    ><pay-item sku="tee" quantity="2"></pay-item
  ></pay-checkout>`;

/** Fresh fakes before each test, the server's config offering PayPal; the real globals back after it. */
export function usePaypalFakes(): void {
  beforeEach(() => {
    ({server, stripe, paypal} = installFakes());
    server.config = paypalConfig();
  });
  afterEach(restoreFakes);
}
