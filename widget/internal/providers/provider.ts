/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The small interface between <pay-checkout> and a payment provider, as types only. The
 * element owns the cart, the quote, the Pay button, the messages, the events and the order
 * polling; a provider owns its SDK: loading it, mounting its UI into a light-DOM node, and
 * turning "pay this cart" into an order on the companion server plus a confirmed payment.
 * The element never knows which SDK it talks to beyond choosing it (./registry.ts).
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {
  Address,
  CartItem,
  ConfigResponse,
  PaymentIntentRequest,
  Quote,
  QuoteRequest,
} from '../../contract.js';
import type {Api} from '../api.js';
import type {ProviderName} from '../events.js';
import type {ErrorTables} from '../messages.js';
import type {ResolvedTheme} from '../theme.js';

/** Each provider's entry of `/api/config` (`providers.stripe`, `providers.paypal`). */
type ClientConfigs = Required<ConfigResponse['providers']>;

/** What the buyer chose besides the cart: sent with every quote and every payment. */
export type CheckoutDetails = Pick<
  QuoteRequest,
  'shippingAddress' | 'shippingRate' | 'discountCode'
> &
  Pick<PaymentIntentRequest, 'billingAddress'>;

/** The details of a request, for a create call (undefined ones are left out of the JSON anyway). */
export function detailsOf(request: CheckoutDetails): CheckoutDetails {
  const {shippingAddress, shippingRate, discountCode, billingAddress} = request;
  return {shippingAddress, shippingRate, discountCode, billingAddress};
}

/** What the element asks the provider to pay. */
export interface PaymentRequest extends CheckoutDetails {
  items: CartItem[];
  currency: string;
  /** The buyer's email, for the confirmation the server sends. */
  email?: string;
  /** The element's resolved locale (BCP 47), the language of that confirmation. */
  locale?: string;
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
  | {
      type: 'failed';
      code: string;
      message?: string;
      orderId?: string;
      /** The payment may have gone through: do not offer to pay again. */
      final?: boolean;
    }
  /** The buyer walked away (closed the provider's window, or came back from its page). */
  | {type: 'canceled'}
  /** The browser is leaving for the provider's own page; the outcome comes with the return. */
  | {type: 'redirected'};

export interface ProviderContext<N extends ProviderName = ProviderName> {
  api: Api;
  /** This provider's entry of `/api/config`: the element loads only providers the server names. */
  config: ClientConfigs[N];
  /**
   * What the buyer sees. `null` on a page without a cart that a Stripe redirect returns to:
   * load only what `resume()` needs, and mount nothing.
   */
  quote: Quote | null;
  theme: ResolvedTheme;
  /**
   * The language the element speaks (BCP 47: the `locale` attribute, the server's, the page's,
   * the browser's): the provider's UI follows it where the provider has that language.
   */
  locale: string;
  /** A light-DOM child of the host, projected through the provider's named slot. */
  mountNode: HTMLElement;
  /** For a provider with an `addressSlot`: the light-DOM child projected through that slot. */
  addressNode: HTMLElement;
  /** The shipping address, for a provider that collects it in its own form. */
  shipping: ShippingBridge;
  /** For failures outside a payment attempt (the provider's UI failed to load): shows the message and fires `pay-error`. */
  reportError: (code: string, message?: string) => void;
  /**
   * Shows the buyer-facing message for `code` during an attempt that goes on: no event, the
   * attempt is not settled (PayPal: a declined card the buyer replaces in PayPal's window).
   */
  notify: (code: string, message?: string) => void;
  /**
   * The server repriced the order during an attempt, from the provider's own UI (PayPal's
   * window: another address or shipping option): the element shows this quote and fires
   * `pay-change`, as after a re-quote.
   */
  requoted: (quote: Quote) => void;
}

/**
 * How a provider whose own UI collects the shipping address (Stripe's Address Element) shares
 * it with the element, which sends it with every quote and shows the rates for it.
 */
export interface ShippingBridge {
  /** The address the buyer has given so far (in the element's form), to prefill the provider's. */
  address(): Address | undefined;
  /** The buyer changed the address in the provider's form (`undefined`: no country yet). */
  change(address: Address | undefined): void;
}

/** What the element offers a provider that starts payments from its own UI (PayPal's buttons). */
export interface PaymentPipeline {
  /**
   * Runs one payment through the element's pipeline: fires `pay-submit` (returns without
   * calling `attempt` if it is cancelled), disables the Pay button, then handles the outcome
   * (messages, polling, `pay-success`/`pay-error`/`pay-cancel`).
   */
  runPayment(
    attempt: (request: PaymentRequest) => Promise<PaymentOutcome>
  ): Promise<void>;
  /**
   * Checks the element's own fields (the email) and shows what is wrong. For a provider whose
   * window opens on click (PayPal's `onClick`), so that it does not open for nothing.
   */
  validate(): boolean;
}

/** One payment provider's SDK, driven by the element: a reactive controller of the element. */
export interface ProviderController<
  N extends ProviderName = ProviderName,
> extends ReactiveController {
  readonly name: N;
  /** The slot name of its mount node (`<div slot="…">` in light DOM). */
  readonly slot: string;
  /** True when the element's Pay button starts the payment (Stripe); false when the provider renders its own buttons. */
  readonly usesPayButton: boolean;
  /**
   * Set by a provider that collects the shipping address in its own UI (Stripe's Address
   * Element): the slot of `addressNode`, shown where the address goes. Without it the element
   * shows its own address form when the cart ships.
   */
  readonly addressSlot?: string;
  /** The sentences for the error codes only this provider reports, joined to the element's tables. */
  readonly messages?: ErrorTables;
  /** Loads the SDK and mounts the provider's UI. */
  load(context: ProviderContext<N>): Promise<void>;
  /** The quote changed (cart, currency or prices): update amounts (and, for PayPal, the currency) the provider shows. */
  update(quote: Quote): void;
  /** The resolved theme changed: re-apply it inside the provider's iframe. */
  setTheme(theme: ResolvedTheme): void;
  /** The element's language changed (BCP 47), for a provider that can follow it once loaded. */
  setLocale?(locale: string): void;
  /**
   * Pays (for `usesPayButton` providers). Must start the SDK's own submit step synchronously.
   * Providers with their own buttons start payments through `PaymentPipeline.runPayment` instead.
   */
  pay(request: PaymentRequest): Promise<PaymentOutcome>;
  /** On load: the outcome of a payment this page is returning from (a redirect), or null. */
  resume(): Promise<PaymentOutcome | null>;
  /** Unmounts and forgets the SDK objects. */
  destroy(): void;
}

/** Builds a provider as a reactive controller of `host`, with the element's payment pipeline. */
export type ProviderFactory<N extends ProviderName = ProviderName> = (
  host: ReactiveControllerHost & HTMLElement,
  pipeline: PaymentPipeline
) => ProviderController<N>;
