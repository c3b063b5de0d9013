/** What the Square widget suites share: the fakes of the running test (Square configured), a two-tee cart, and paying. */
import {html, oneEvent} from '@open-wc/testing';
import type {PayCheckout} from '../../widget/index.js';
import {squareConfig, type FakeServer} from './fake-server.js';
import type {FakeSquare} from './fake-square.js';
import type {FakeStripe} from './fake-stripe.js';
import {installFakes, restoreFakes} from './fakes.js';
import {payButton} from './helpers.js';

export let server: FakeServer;
export let square: FakeSquare;
export let stripe: FakeStripe;

export const twoTees = (provider = 'square') =>
  html`<pay-checkout provider=${provider} email="ada@example.com"
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

/** Fresh fakes before each test, the server's config offering Square; the real globals back after it. */
export function useSquareFakes(withStripe = false): void {
  beforeEach(() => {
    ({server, square, stripe} = installFakes());
    server.config = squareConfig(withStripe);
  });
  afterEach(restoreFakes);
}
