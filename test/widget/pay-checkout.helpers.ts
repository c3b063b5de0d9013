/** What the <pay-checkout> suites share: the fakes of the running test, a two-tee cart, and paying. */
import {html, oneEvent} from '@open-wc/testing';
import type {PayCheckout} from '../../widget/index.js';
import type {FakePaypal} from './fake-paypal.js';
import type {FakeServer} from './fake-server.js';
import type {FakeStripe} from './fake-stripe.js';
import {installFakes, restoreFakes} from './fakes.js';
import {payButton} from './helpers.js';

export let server: FakeServer;
export let stripe: FakeStripe;
export let paypal: FakePaypal;

export const twoTees = () =>
  html`<pay-checkout email="ada@example.com"
    ><pay-item sku="tee" quantity="2"></pay-item
  ></pay-checkout>`;

/** Clicks Pay and resolves with the event that ends the attempt. */
export async function pay(
  el: PayCheckout,
  outcome: 'pay-success' | 'pay-error' | 'pay-cancel'
) {
  const ended = oneEvent(el, outcome);
  payButton(el).click();
  return ended;
}

/** Fresh fakes (server, Stripe.js, PayPal SDK) before each test, the real globals back after it. */
export function useFakes(): void {
  beforeEach(() => {
    ({server, stripe, paypal} = installFakes());
  });
  afterEach(restoreFakes);
}
