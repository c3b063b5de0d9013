/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * Stripe's hosted Checkout (`mode="hosted"`): no Payment Element in the page. Pay asks the
 * companion server for a Checkout Session (it reprices the cart into the session's line
 * items), remembers the order, and sends the browser to Stripe's page. Stripe sends the buyer
 * back to the success or cancel URL, where the element claims the return (../hosted.ts) and
 * polls the order, which `checkout.session.completed` marks paid on the server.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {
  CheckoutSessionRequest,
  CheckoutSessionResponse,
} from '../../contract.js';
import type {Api} from '../api.js';
import {hostedReturnUrls, rememberHostedOrder} from '../hosted.js';
import {navigation} from '../navigate.js';
import {randomKey} from '../random.js';
import type {
  PaymentOutcome,
  PaymentRequest,
  ProviderContext,
  ProviderController,
  ProviderFactory,
} from './provider.js';
import {detailsOf} from './shared.js';

class StripeHostedController
  implements ReactiveController, ProviderController<'stripe'>
{
  readonly name = 'stripe';
  /** Never mounted into: Stripe's form is on Stripe's page. */
  readonly slot = 'stripe-payment-element';
  readonly usesPayButton = true;

  private _api?: Api;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.destroy();
  }

  load(context: ProviderContext<'stripe'>): Promise<void> {
    // The server creates the session (the element offers Stripe only when the server is
    // configured for it); there is no SDK to load.
    this._api = context.api;
    return Promise.resolve();
  }

  update(): void {
    // The session is priced by the server when Pay is pressed; nothing on the page to update.
  }

  setTheme(): void {
    // Stripe's hosted page is themed in the Stripe Dashboard, not by the page.
  }

  async pay(request: PaymentRequest): Promise<PaymentOutcome> {
    const api = this._api;
    if (!api) return {type: 'failed', code: 'provider_unavailable'};
    // The key of this attempt's order in sessionStorage, carried by the return URLs.
    const attempt = randomKey(12);
    // Thrown ApiErrors become `failed` outcomes in the element. There is no expectedTotal:
    // Stripe's page shows the server's prices before the buyer pays.
    const body: CheckoutSessionRequest = {
      items: request.items,
      ...detailsOf(request),
      currency: request.currency,
      email: request.email,
      locale: request.locale,
      ...hostedReturnUrls(request.returnUrl, attempt),
    };
    // The session's `url` is where the buyer pays.
    const session = await api.create<CheckoutSessionResponse>(
      '/api/stripe/checkout-sessions',
      body
    );
    const url = new URL(session.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      return {type: 'failed', code: 'provider_error', orderId: session.orderId};
    // Remembered before leaving: the return page needs the token to read the order.
    rememberHostedOrder(attempt, {
      orderId: session.orderId,
      orderToken: session.orderToken,
      provider: 'stripe',
      mode: 'hosted',
    });
    navigation.assign(url.href);
    return {type: 'redirected'};
  }

  resume(): Promise<PaymentOutcome | null> {
    // Returns are claimed by the element (../hosted.ts), whatever its mode: the return page may
    // be a bare <pay-checkout> without `mode="hosted"` or a cart.
    return Promise.resolve(null);
  }

  destroy(): void {
    this._api = undefined;
  }
}

export const createStripeHostedProvider: ProviderFactory<'stripe'> = (host) =>
  new StripeHostedController(host);
