/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The small interface between <pay-checkout> and a payment provider. The element owns the
 * cart, the quote, the Pay button, the messages, the events and the order polling; a provider
 * owns its SDK: loading it, mounting its UI into a light-DOM node, and turning "pay this cart"
 * into an order on the companion server plus a confirmed payment. The element never knows
 * which SDK it talks to beyond choosing it.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {CartItem, ConfigResponse, Quote} from '../../server/contract.js';
import type {Api} from './api.js';
import type {ProviderName} from './events.js';
import type {ResolvedTheme} from './theme.js';

/** What the element asks the provider to pay. */
export interface PaymentRequest {
  items: CartItem[];
  currency: string;
  email?: string;
  /** The total the buyer saw; the server answers `price_changed` if it reprices differently. */
  expectedTotal: number;
  /** Where a redirect-based payment method comes back to. */
  returnUrl: string;
}

/** How a payment attempt ended, as far as the provider can tell. */
export type PaymentOutcome =
  /** The provider accepted the payment; the element polls the order until the server says `paid`. */
  | {type: 'confirmed'; orderId: string; orderToken: string}
  /** The server repriced the cart differently; nothing was charged. */
  | {type: 'price_changed'; quote: Quote}
  /** Declined, invalid, or unreachable. `message` is the provider's own buyer-facing text, if any. */
  | {type: 'failed'; code: string; message?: string; orderId?: string}
  /** The buyer walked away (closed the provider's window). */
  | {type: 'canceled'};

export interface ProviderContext {
  api: Api;
  config: ConfigResponse;
  quote: Quote;
  theme: ResolvedTheme;
  /** The element's `locale` attribute, or '' to let the provider choose. */
  locale: string;
  /** A light-DOM child of the host, projected through the provider's named slot. */
  mountNode: HTMLElement;
  /** For failures outside a payment attempt (the provider's UI failed to load). */
  reportError: (code: string, message?: string) => void;
}

/** What the element offers a provider that starts payments from its own UI (PayPal's buttons). */
export interface ProviderHost {
  /**
   * Runs one payment through the element's pipeline: fires `pay-submit` (returns without
   * calling `attempt` if it is cancelled), disables the Pay button, then handles the outcome
   * (messages, polling, `pay-success`/`pay-error`/`pay-cancel`).
   */
  runPayment(
    attempt: (request: PaymentRequest) => Promise<PaymentOutcome>
  ): Promise<void>;
}

export interface PaymentProvider extends ReactiveController {
  readonly name: ProviderName;
  /** The slot name of its mount node (`<div slot="…">` in light DOM). */
  readonly slot: string;
  /** True when the element's Pay button starts the payment (Stripe); false when the provider renders its own buttons. */
  readonly usesPayButton: boolean;
  /** Loads the SDK and mounts the provider's UI. */
  load(context: ProviderContext): Promise<void>;
  /** The quote changed (cart, currency or prices): update amounts shown by the provider. */
  update(quote: Quote): void;
  /** The resolved theme changed: re-apply it inside the provider's iframe. */
  setTheme(theme: ResolvedTheme): void;
  /** Pays (for `usesPayButton` providers). Must start the SDK's own submit step synchronously. */
  pay(request: PaymentRequest): Promise<PaymentOutcome>;
  /** On load: the outcome of a payment this page is returning from (a redirect), or null. */
  resume(): Promise<PaymentOutcome | null>;
  /** Unmounts and forgets the SDK objects. */
  destroy(): void;
}

/** Builds a provider as a reactive controller of `host`, with the element's payment pipeline. */
export type ProviderFactory = (
  host: ReactiveControllerHost & HTMLElement,
  pipeline: ProviderHost
) => PaymentProvider;

/**
 * Provider code is a separate chunk, fetched only when that provider is chosen. A PayPal
 * controller slots in here as `paypal: () => import('./paypal-controller.js')…`.
 */
export const providerLoaders: Partial<
  Record<ProviderName, () => Promise<ProviderFactory>>
> = {
  stripe: () =>
    import('./stripe-controller.js').then(
      (module) => module.createStripeProvider
    ),
};
