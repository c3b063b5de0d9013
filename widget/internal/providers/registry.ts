/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * Which code drives each payment provider, and how a redirect back from it is recognised.
 *
 * Adding a gateway on this side is its controller file in this folder (a `ProviderFactory`
 * implementing ./provider.ts, with its own error sentences like ./stripe-messages.ts) plus one
 * entry below. Its name joins the contract's `PaymentProvider` union, the server's side of the
 * same gateway; TypeScript then asks for its entry here and its label in ../messages.ts. A
 * controller may use what the initial bundle holds (its chunk imports it from there); the
 * helpers it shares with the other controllers come from ./shared.ts, their one chunk.
 *
 * Provider code is a separate chunk, fetched only when that provider is shown (for
 * `provider="stripe paypal"`: when the buyer first picks it), so `load` is a dynamic import.
 */
import type {ConfigResponse} from '../../contract.js';
import type {ProviderName} from '../events.js';
import type {ProviderFactory} from './provider.js';

/** Starts loading a provider's own script for `host` with its part of the config. */
type Warm<N extends ProviderName> = (
  host: HTMLElement,
  config: NonNullable<ConfigResponse['providers'][N]>
) => void;

export interface Entry<N extends ProviderName> {
  /** The provider's controller. */
  load: () => Promise<ProviderFactory<N>>;
  /** With `mode="hosted"`: the controller that sends the buyer to the provider's own page. */
  hosted?: () => Promise<ProviderFactory<N>>;
  /**
   * From the controller's chunk: starts loading the provider's script (embedded mode) as soon
   * as the config names it, while the checkout chunk is still on its way; `load` then finds
   * it there.
   */
  warm?: () => Promise<Warm<N>>;
  /**
   * The query parameters the provider adds to `return_url` when a redirect sends the buyer
   * back (never copied into the next return URL). The first one marks such a return: the
   * page then shows this provider, whose `resume()` finishes the payment.
   */
  returnParams?: readonly string[];
  /**
   * Whether the provider takes the cart's currency (uppercase ISO 4217), for a provider whose
   * config says (Braintree: a merchant account per currency). Without it, every currency.
   */
  offers?: (
    config: NonNullable<ConfigResponse['providers'][N]>,
    currency: string
  ) => boolean;
}

export const providers: {readonly [N in ProviderName]: Entry<N>} = {
  stripe: {
    load: () =>
      import('./stripe-controller.js').then(
        (module) => module.createStripeProvider
      ),
    warm: () =>
      import('./stripe-controller.js').then((module) => module.warmStripe),
    // Stripe's hosted Checkout loads no SDK (it is one request and a navigation): a small
    // chunk, requested with config and quote like the others (see preload()).
    hosted: () =>
      import('./stripe-hosted-controller.js').then(
        (module) => module.createStripeHostedProvider
      ),
    returnParams: [
      'redirect_status',
      'payment_intent',
      'payment_intent_client_secret',
    ],
  },
  // PayPal's window is a popup: the same in both modes, and no redirect to come back from.
  paypal: {
    load: () =>
      import('./paypal-controller.js').then(
        (module) => module.createPaypalProvider
      ),
  },
  // Square's card form and its strong customer authentication stay on the page, like PayPal's
  // window: the same in both modes, nothing to come back from.
  square: {
    load: () =>
      import('./square-controller.js').then(
        (module) => module.createSquareProvider
      ),
    warm: () =>
      import('./square-controller.js').then((module) => module.warmSquare),
  },
  // Drop-in's 3-D Secure challenge is a window over the page: no redirect either.
  braintree: {
    offers: (config, currency) => config.currencies.includes(currency),
    load: () =>
      import('./braintree-controller.js').then(
        (module) => module.createBraintreeProvider
      ),
  },
};

/** The providers this version can drive. */
export const providerNames = Object.keys(providers) as ProviderName[];

/**
 * Starts fetching the code of the provider most likely shown first (the first of `provider`,
 * space-separated, that this version drives) so that it arrives with config and quote rather
 * than after them, and always what the provider chunks and the checkout chunk share
 * (./shared.ts and ../hosted.ts, one chunk they import: otherwise the browser finds it only
 * once it has parsed theirs). With `warm`, also the provider's own script once that config is
 * in. Only a warm-up: the load that needs the code reports a failure.
 */
export function preloadProvider(
  provider: string,
  mode: 'embedded' | 'hosted',
  warm?: {host: HTMLElement; config: Promise<ConfigResponse>}
): void {
  const name = provider
    .split(/\s+/)
    .find((word): word is ProviderName =>
      providerNames.includes(word as ProviderName)
    );
  const entry = name && (providers[name] as Entry<ProviderName>);
  const hosted = mode === 'hosted' && entry?.hosted;
  const load = entry && (hosted || entry.load);
  // (`.then` naming an export spares the bundle a namespace object for the chunk.)
  for (const fetching of [
    load?.(),
    import('./shared.js').then((shared) => shared.providerError),
    !hosted &&
      warm &&
      entry?.warm &&
      Promise.all([entry.warm(), warm.config]).then(([start, config]) => {
        const settings = config.providers[name!];
        if (settings) (start as Warm<ProviderName>)(warm.host, settings);
      }),
  ])
    if (fetching) fetching.catch(() => {});
}
