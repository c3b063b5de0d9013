/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * Stripe, embedded, with a deferred intent: the Payment Element is mounted with the quote's
 * amount and no PaymentIntent; the intent is created by the companion server only when the
 * buyer pays, which is where the cart is repriced. This module is a lazily loaded chunk.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {
  Appearance,
  PaymentIntent,
  Stripe,
  StripeAddressElement,
  StripeAddressElementChangeEvent,
  StripeElements,
  StripeError,
  StripePaymentElement,
  loadStripe as LoadStripe,
} from '@stripe/stripe-js';
import type {
  Address,
  PaymentIntentRequest,
  PaymentIntentResponse,
  Quote,
  StripeClientConfig,
} from '../../contract.js';
import type {Api} from '../api.js';
import type {ResolvedTheme} from '../theme.js';
import type {
  PaymentOutcome,
  PaymentRequest,
  ProviderContext,
  ProviderController,
  ProviderFactory,
} from './provider.js';
import {cspNonce, detailsOf, providerError, refusal} from './shared.js';
import {stripeMessages} from './stripe-messages.js';

import {stripeLocale} from './provider-locales.js';
/** The query parameters Stripe appends to `return_url` after a redirect-based payment. */
const RETURN_PARAMS = [
  'payment_intent',
  'payment_intent_client_secret',
  'redirect_status',
];

/** Decline reasons precise enough to deserve their own message (else: `card_declined`). */
const SPECIFIC_DECLINES = new Set([
  'insufficient_funds',
  'expired_card',
  'incorrect_cvc',
  'processing_error',
]);

const injected = new Map<string, Promise<void>>();

/**
 * Adds a classic `<script>` once per URL (the emulator's offline Stripe.js), with the page's
 * CSP nonce if it has one (a nonce-based policy allows nothing else).
 */
function injectScript(src: string, nonce?: string): Promise<void> {
  let loading = injected.get(src);
  if (!loading) {
    loading = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      if (nonce) script.nonce = nonce;
      script.src = src;
      script.async = true;
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => {
        injected.delete(src);
        script.remove();
        reject(providerError('provider_unavailable', `Could not load ${src}`));
      });
      document.head.append(script);
    });
    injected.set(src, loading);
  }
  return loading;
}

/**
 * With `jsUrl` (emulator mode) the offline Stripe.js is injected and `window.Stripe` used.
 * Otherwise the official loader injects https://js.stripe.com (it must not be bundled or
 * self-hosted), reusing a tag or `window.Stripe` the page already has.
 */
async function loadStripeJs(
  config: StripeClientConfig,
  nonce: string | undefined
): Promise<Stripe> {
  if (config.jsUrl) {
    await injectScript(config.jsUrl, nonce);
    if (!window.Stripe)
      throw providerError('provider_unavailable', 'Stripe.js did not load.');
    return window.Stripe(config.publishableKey);
  }
  // `/pure` injects nothing at import time. The package has no exports map and its
  // `pure/index.d.mts` re-exports without an extension (empty under NodeNext), hence the
  // explicit file and the root package's type.
  const {loadStripe} = (await import('@stripe/stripe-js/pure/index.mjs')) as {
    loadStripe: typeof LoadStripe;
  };
  const stripe = await loadStripe(config.publishableKey);
  if (!stripe)
    throw providerError('provider_unavailable', 'Stripe.js did not load.');
  return stripe;
}

/** Stripe.js on its way for an element, asked for by `warmStripe` before its load. */
const warming = new WeakMap<
  HTMLElement,
  {config: StripeClientConfig; stripe: Promise<Stripe>}
>();

/**
 * Starts loading Stripe.js for `host` as soon as the config is in (the registry's `warm`, at
 * connect), while the checkout chunk is still on its way: the controller's load then takes it.
 */
export function warmStripe(
  host: HTMLElement,
  config: StripeClientConfig
): void {
  const stripe = loadStripeJs(config, cspNonce(host));
  // A failure is the load's to report (it tries again).
  stripe.catch(() => {});
  warming.set(host, {config, stripe});
}

/** Stripe.js for `host`: the one `warmStripe` started for the same keys, else loaded now. */
function stripeFor(
  host: HTMLElement,
  config: StripeClientConfig
): Promise<Stripe> {
  const warmed = warming.get(host);
  warming.delete(host);
  return warmed &&
    warmed.config.publishableKey === config.publishableKey &&
    warmed.config.jsUrl === config.jsUrl
    ? warmed.stripe
    : loadStripeJs(config, cspNonce(host));
}

/** The resolved `--pay-*` tokens as Stripe's Appearance: same names, plain values. */
function toAppearance(theme: ResolvedTheme): Appearance {
  const {colorPrimary, colorDanger} = theme.tokens;
  return {
    theme: theme.scheme === 'dark' ? 'night' : 'stripe',
    disableAnimations: theme.reducedMotion,
    variables: {...theme.tokens},
    // Stripe's own focus ring is the primary colour at 25 %, about 1.4:1 against the field:
    // a solid ring in the colour itself is a focus indicator one can see (WCAG 1.4.11, 2.4.7).
    rules: {
      '.Input:focus': {boxShadow: `0 0 0 2px ${colorPrimary}`},
      '.Input--invalid:focus': {boxShadow: `0 0 0 2px ${colorDanger}`},
    },
  };
}

/** Maps a Stripe.js error to a stable code the element has a message for. */
export function stripeErrorCode(error: StripeError): string {
  if (
    error.type === 'validation_error' ||
    error.type === 'api_connection_error'
  )
    return error.type;
  if (error.decline_code && SPECIFIC_DECLINES.has(error.decline_code))
    return error.decline_code;
  return error.code ?? error.type;
}

function failure(error: StripeError, orderId?: string): PaymentOutcome {
  return {
    type: 'failed',
    code: stripeErrorCode(error),
    message: error.message,
    orderId,
  };
}

/** What the Address Element reports (`change`, `getValue()`), as the contract's Address. */
function fromStripeAddress({
  name,
  address,
}: StripeAddressElementChangeEvent['value']): Address | undefined {
  if (!address.country) return undefined;
  const parts: Address = {country: address.country};
  const fields: [keyof Address, string | null | undefined][] = [
    ['name', name],
    ['line1', address.line1],
    ['line2', address.line2],
    ['city', address.city],
    ['region', address.state],
    ['postalCode', address.postal_code],
  ];
  for (const [field, value] of fields) if (value) parts[field] = value;
  return parts;
}

/** The contract's Address in Stripe's shape (`state`, `postal_code`), for `defaultValues`. */
function toStripeAddress(address: Address) {
  return {
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    state: address.region,
    postal_code: address.postalCode,
    country: address.country,
  };
}

/** `pi_123_secret_456` → `pi_123`. */
function intentIdFromSecret(clientSecret: string): string {
  return clientSecret.split('_secret_')[0] ?? clientSecret;
}

interface StoredOrder {
  orderId: string;
  orderToken: string;
}

const storageKey = (intentId: string) => `pay-checkout:stripe:${intentId}`;

// sessionStorage can be unavailable (storage disabled, some private modes): the redirect
// return then cannot find its order, and says so, but paying still works.
function rememberOrder(intentId: string, order: StoredOrder): void {
  try {
    sessionStorage.setItem(storageKey(intentId), JSON.stringify(order));
  } catch {
    /* see above */
  }
}

function recallOrder(intentId: string): StoredOrder | undefined {
  try {
    const raw = sessionStorage.getItem(storageKey(intentId));
    return raw ? (JSON.parse(raw) as StoredOrder) : undefined;
  } catch {
    return undefined;
  }
}

function forgetOrder(intentId: string): void {
  try {
    sessionStorage.removeItem(storageKey(intentId));
  } catch {
    /* see above */
  }
}

function outcomeOf(intent: PaymentIntent, order: StoredOrder): PaymentOutcome {
  switch (intent.status) {
    case 'succeeded':
    case 'processing':
    case 'requires_capture':
      return {type: 'confirmed', ...order};
    default:
      // requires_payment_method (failed), canceled, or an action that never completed.
      return {
        type: 'failed',
        code: 'payment_failed',
        message: intent.last_payment_error?.message,
        orderId: order.orderId,
      };
  }
}

class StripeController
  implements ReactiveController, ProviderController<'stripe'>
{
  readonly name = 'stripe';
  readonly slot = 'stripe-payment-element';
  readonly usesPayButton = true;
  /** The Address Element collects the shipping address (in shipping mode, Stripe also offers "billing same as shipping"). */
  readonly addressSlot = 'stripe-address-element';
  readonly messages = stripeMessages;

  private _api?: Api;
  private _stripe?: Stripe;
  private _elements?: StripeElements;
  private _paymentElement?: StripePaymentElement;
  private _addressElement?: StripeAddressElement;
  private _context?: ProviderContext<'stripe'>;
  /** Set by destroy(): a load still in flight must not mount afterwards. */
  private _destroyed = false;

  private readonly _host: HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this._host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.destroy();
  }

  async load(context: ProviderContext<'stripe'>): Promise<void> {
    this._api = context.api;
    const stripe = await stripeFor(this._host, context.config);
    if (this._destroyed) return;
    this._stripe = stripe;
    // A return page without a cart only reads the PaymentIntent it returns from.
    if (!context.quote) return;
    this._elements = stripe.elements({
      mode: 'payment',
      amount: context.quote.total,
      currency: context.quote.currency.toLowerCase(),
      appearance: toAppearance(context.theme),
      // Stripe's form in the element's language, where Stripe has it (else the browser's).
      locale: stripeLocale(context.locale),
    });
    // A shipping address given before (in the element's form, with another provider) is
    // the billing address the card most likely has.
    const known = context.shipping.address();
    this._paymentElement = this._elements.create('payment', {
      layout: 'tabs',
      ...(known && {
        defaultValues: {
          billingDetails: {
            name: known.name,
            address: toStripeAddress(known),
          },
        },
      }),
    });
    // Loaded means usable (the element fires pay-ready then): Stripe's `ready` says the card
    // form takes input; `loaderror` fails the load, which the next cart change tries again.
    const paymentElement = this._paymentElement;
    const usable = new Promise<void>((resolve, reject) => {
      paymentElement.on('ready', () => resolve());
      paymentElement.on('loaderror', ({error}) =>
        reject(
          providerError(
            stripeErrorCode(error),
            error.message ?? 'The payment form did not load.'
          )
        )
      );
    });
    // Stripe refuses to mount inside a shadow root: the node is a light-DOM child of the
    // host, shown through <slot name="stripe-payment-element">.
    paymentElement.mount(context.mountNode);
    this._context = context;
    this._syncAddress(context.quote);
    await usable;
  }

  /**
   * The Address Element exists while the cart ships: created (prefilled with what the buyer
   * already gave) when it starts to, destroyed when it stops. Its changes are the element's
   * shipping address, which re-quotes when a priced part changes.
   */
  private _syncAddress(quote: Quote): void {
    const context = this._context;
    const elements = this._elements;
    if (!context || !elements) return;
    if (!quote.requiresShipping) {
      this._addressElement?.destroy();
      this._addressElement = undefined;
      return;
    }
    if (this._addressElement) return;
    const known = context.shipping.address();
    const address = elements.create('address', {
      mode: 'shipping',
      ...(known && {
        defaultValues: {name: known.name, address: toStripeAddress(known)},
      }),
    });
    address.on('change', (event) =>
      context.shipping.change(fromStripeAddress(event.value))
    );
    address.on('loaderror', ({error}) =>
      context.reportError(stripeErrorCode(error), error.message)
    );
    address.mount(context.addressNode);
    this._addressElement = address;
  }

  update(quote: Quote): void {
    this._syncAddress(quote);
    // Keeps wallet sheets and the payment methods on offer in step with the total.
    void this._elements?.update({
      amount: quote.total,
      currency: quote.currency.toLowerCase(),
    });
  }

  setTheme(theme: ResolvedTheme): void {
    void this._elements?.update({appearance: toAppearance(theme)});
  }

  setLocale(locale: string): void {
    void this._elements?.update({locale: stripeLocale(locale)});
  }

  async pay(request: PaymentRequest): Promise<PaymentOutcome> {
    const {_stripe: stripe, _elements: elements, _api: api} = this;
    if (!stripe || !elements || !api)
      return {type: 'failed', code: 'provider_unavailable'};

    // Stripe requires submit() first, before any other async work, so that it validates the
    // form (showing field errors) and collects wallet data while still inside the click.
    const submitted = await elements.submit();
    if (submitted.error) return failure(submitted.error);

    // submit() has validated the Address Element too; its value is the one sent (the last
    // `change` may not have reached the element's details yet).
    let shippingAddress = request.shippingAddress;
    if (this._addressElement) {
      const {complete, value} = await this._addressElement.getValue();
      if (!complete) return {type: 'failed', code: 'invalid_address'};
      shippingAddress = fromStripeAddress(value);
    }

    // The server reprices the cart and creates the PaymentIntent; the amount is its, not ours.
    let intent: PaymentIntentResponse;
    try {
      const body: PaymentIntentRequest = {
        items: request.items,
        ...detailsOf(request),
        shippingAddress,
        currency: request.currency,
        email: request.email,
        locale: request.locale,
        expectedTotal: request.expectedTotal,
      };
      intent = await api.create('/api/stripe/payment-intents', body);
    } catch (error) {
      // An ApiError from the server: price_changed carries the new quote.
      return refusal(error);
    }

    // Stored before confirming: a redirect-based method leaves the page inside
    // confirmPayment, and the return page needs the order token to poll the order.
    const intentId = intentIdFromSecret(intent.clientSecret);
    const order = {orderId: intent.orderId, orderToken: intent.orderToken};
    rememberOrder(intentId, order);

    const result = await stripe.confirmPayment({
      elements,
      clientSecret: intent.clientSecret,
      confirmParams: {return_url: request.returnUrl},
      redirect: 'if_required',
    });
    const outcome = result.error
      ? failure(result.error, intent.orderId)
      : outcomeOf(result.paymentIntent, order);
    if (outcome.type !== 'confirmed') forgetOrder(intentId);
    return outcome;
  }

  async resume(): Promise<PaymentOutcome | null> {
    const url = new URL(location.href);
    const clientSecret = url.searchParams.get('payment_intent_client_secret');
    const redirectStatus = url.searchParams.get('redirect_status');
    if (!clientSecret || !redirectStatus || !this._stripe) return null;
    try {
      const {paymentIntent, error} =
        await this._stripe.retrievePaymentIntent(clientSecret);
      if (error) return failure(error);
      const order = recallOrder(paymentIntent.id);
      if (!order) return {type: 'failed', code: 'order_not_found'};
      forgetOrder(paymentIntent.id);
      if (redirectStatus === 'failed') {
        return {
          type: 'failed',
          code: 'payment_failed',
          message: paymentIntent.last_payment_error?.message,
          orderId: order.orderId,
        };
      }
      return outcomeOf(paymentIntent, order);
    } finally {
      // Clean the address bar so a reload or a shared link does not replay the return.
      for (const name of RETURN_PARAMS) url.searchParams.delete(name);
      history.replaceState(history.state, '', url);
    }
  }

  destroy(): void {
    this._destroyed = true;
    this._paymentElement?.destroy();
    this._paymentElement = undefined;
    this._addressElement?.destroy();
    this._addressElement = undefined;
    this._context = undefined;
    this._elements = undefined;
    this._stripe = undefined;
  }
}

export const createStripeProvider: ProviderFactory<'stripe'> = (host) =>
  new StripeController(host);
