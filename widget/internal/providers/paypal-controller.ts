/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * PayPal's Smart Payment Buttons. PayPal starts payments from its own buttons, so this
 * controller hands each click to the element's payment pipeline (`runPayment`): the same
 * cancelable `pay-submit`, busy state, order polling and `pay-success`/`pay-error`/`pay-cancel`
 * as Stripe's Pay button. One attempt spans PayPal's callbacks:
 *
 *   createOrder → pay-submit → POST /api/paypal/orders (the server reprices) → PayPal's window
 *   onShippingAddressChange / onShippingOptionsChange → POST /api/paypal/orders/:id/shipping
 *                 (the server reprices and PATCHes PayPal's order) → the element shows the quote
 *   onApprove   → POST /api/paypal/orders/:id/capture → the element polls the order → paid
 *   onCancel / onError → pay-cancel / pay-error, nothing charged
 *
 * PayPal fixes the currency when its SDK loads, so each currency gets its own SDK load under
 * its own `data-namespace` (`paypal_usd`, `paypal_eur`) and a currency change renders the
 * buttons again. This module and `@paypal/paypal-js` are lazily loaded chunks.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {
  OnApproveActions,
  OnApproveData,
  PayPalButtonStyle,
  PayPalButtonsComponent,
  PayPalNamespace,
} from '@paypal/paypal-js';
import type {
  Address,
  PaypalCaptureResponse,
  PaypalClientConfig,
  PaypalOrderRequest,
  PaypalOrderResponse,
  PaypalShippingRequest,
  PaypalShippingResponse,
  Quote,
} from '../../contract.js';
import type {ResolvedTheme} from '../theme.js';
import {paypalMessages} from './paypal-messages.js';
import {paypalStyle} from './paypal-style.js';
import {paypalLocale} from './provider-locales.js';
import type {
  PaymentOutcome,
  PaymentPipeline,
  ProviderContext,
  ProviderController,
  ProviderFactory,
} from './provider.js';
import {
  cspNonce,
  detailsOf,
  errorCode,
  providerError,
  refusal,
} from './shared.js';

/**
 * The capture's fate is unknown: no answer, or a 5xx that is not PayPal's refusal
 * (`provider_error`). PayPal may have taken the money anyway.
 */
function isUncertain(error: unknown): boolean {
  const status = (error as {status?: unknown} | null)?.status;
  if (typeof status !== 'number') return false;
  return (
    status === 0 || (status >= 500 && errorCode(error) !== 'provider_error')
  );
}

/** The SDK's global for one currency: `paypal_usd`. */
const namespaceFor = (currency: string) => `paypal_${currency.toLowerCase()}`;

/**
 * Loads the PayPal JS SDK for one currency with the official loader. `sdkBaseUrl` is passed
 * only when the server names one (the offline emulator's SDK); otherwise the loader picks
 * PayPal's host for the environment. Loading the same currency twice reuses the namespace.
 * The page's CSP nonce goes on the script (`nonce`) and to the SDK (`data-csp-nonce`), which
 * puts it on the `<style>` elements it adds.
 */
async function loadPaypalSdk(
  config: PaypalClientConfig,
  currency: string,
  nonce: string | undefined,
  locale: string
): Promise<PayPalNamespace> {
  const {loadScript} = await import('@paypal/paypal-js');
  const paypal = paypalLocale(locale);
  let sdk: PayPalNamespace | null;
  try {
    sdk = await loadScript({
      clientId: config.clientId,
      environment: config.environment,
      ...(config.sdkBaseUrl && {sdkBaseUrl: config.sdkBaseUrl}),
      // PayPal wants upper case; the order the server creates is in this currency too.
      currency: currency.toUpperCase(),
      intent: 'capture',
      components: 'buttons',
      dataNamespace: namespaceFor(currency),
      ...(nonce && {dataCspNonce: nonce}),
      // The buttons and window in the element's language (none: PayPal's choice by the buyer's country).
      ...(paypal && {locale: paypal}),
    });
  } catch {
    throw providerError('provider_unavailable', 'The PayPal SDK did not load.');
  }
  if (!sdk?.Buttons)
    throw providerError(
      'provider_unavailable',
      'The PayPal SDK has no buttons.'
    );
  return sdk;
}

type ButtonsOptions = NonNullable<
  Parameters<NonNullable<PayPalNamespace['Buttons']>>[0]
>;
type AddressChange = Parameters<
  NonNullable<ButtonsOptions['onShippingAddressChange']>
>;
type OptionsChange = Parameters<
  NonNullable<ButtonsOptions['onShippingOptionsChange']>
>;

/** PayPal's sentences for a refused change (`data.errors`, not in @paypal/paypal-js's types). */
type ShippingErrors = Partial<
  Record<'ADDRESS_ERROR' | 'COUNTRY_ERROR' | 'METHOD_UNAVAILABLE', string>
>;

/** `actions.reject(message)`: the SDK shows `message` in its window (the types omit it). */
const rejectWith = (
  actions: {reject: () => Promise<void>},
  message: string | undefined
) => (actions.reject as (message?: string) => Promise<void>)(message);

/** The part of the address PayPal's window tells the page, as the contract's Address. */
function addressOf(place: AddressChange[0]['shippingAddress']): Address {
  return {
    country: place.countryCode,
    ...(place.state && {region: place.state}),
    ...(place.city && {city: place.city}),
    ...(place.postalCode && {postalCode: place.postalCode}),
  };
}

/** One payment attempt, from `createOrder` until PayPal says how it ended. */
interface Attempt {
  /** The order on our server and at PayPal, once created. */
  order?: PaypalOrderResponse;
  /** Where it ships now: the element's address, then what PayPal's window chose. */
  address?: Address;
  /** Ends the attempt; the element's pipeline takes it from there. */
  settle?: (outcome: PaymentOutcome) => void;
  /** How it ended, if PayPal said so before the order existed (the window was closed early). */
  ended?: PaymentOutcome;
}

const errorsOf = (data: object): ShippingErrors =>
  (data as {errors?: ShippingErrors}).errors ?? {};

class PaypalController
  implements ReactiveController, ProviderController<'paypal'>
{
  readonly name = 'paypal';
  readonly slot = 'paypal-buttons';
  readonly usesPayButton = false;
  readonly messages = paypalMessages;

  private readonly _host: HTMLElement;
  private readonly _pipeline: PaymentPipeline;
  private _context?: ProviderContext<'paypal'>;
  private _style?: PayPalButtonStyle;
  /** The currency the buttons are (being) rendered for. */
  private _currency = '';
  private _buttons?: PayPalButtonsComponent;
  private _container?: HTMLElement;
  /** Bumped by every render: callbacks and loads of an older render are ignored. */
  private _generation = 0;
  private _attempt?: Attempt;
  /** A render was asked for during an attempt; it happens when the attempt ends. */
  private _renderLater = false;
  /** We rejected `createOrder`, so PayPal's `onError` for it is expected, not news. */
  private _refusedOrder = false;
  private _destroyed = false;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    pipeline: PaymentPipeline
  ) {
    this._host = host;
    this._pipeline = pipeline;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.destroy();
  }

  async load(context: ProviderContext<'paypal'>): Promise<void> {
    this._context = context;
    this._style = paypalStyle(context.theme);
    // Nothing to pay without a cart (PayPal has no redirect to come back from).
    if (context.quote) await this._render(context.quote.currency);
  }

  update(quote: Quote): void {
    // Amounts are the server's business (it reprices at createOrder); only the currency is
    // baked into the SDK.
    if (quote.currency.toUpperCase() !== this._currency)
      this._renderAgain(quote.currency);
  }

  setTheme(theme: ResolvedTheme): void {
    const style = paypalStyle(theme);
    if (JSON.stringify(style) === JSON.stringify(this._style)) return;
    this._style = style;
    // PayPal cannot restyle rendered buttons: render them again.
    if (this._currency) this._renderAgain(this._currency);
  }

  pay(): Promise<PaymentOutcome> {
    // PayPal's own buttons start payments (see _createOrder); there is no Pay button.
    return Promise.resolve({type: 'failed', code: 'provider_unavailable'});
  }

  resume(): Promise<PaymentOutcome | null> {
    // PayPal's window is a popup: the page never leaves, so there is nothing to resume.
    return Promise.resolve(null);
  }

  destroy(): void {
    this._destroyed = true;
    this._generation++;
    this._attempt = undefined;
    this._closeButtons();
  }

  // ---- Rendering ----------------------------------------------------------------------------

  private _renderAgain(currency: string): void {
    if (this._attempt) {
      // Re-rendering closes PayPal's window: wait until the buyer is done.
      this._currency = currency.toUpperCase();
      this._renderLater = true;
      return;
    }
    const rendering = this._render(currency);
    const generation = this._generation;
    rendering.catch((error: unknown) => {
      if (this._destroyed || generation !== this._generation) return;
      // Buttons for the old currency or style must not stay: they would refuse every click.
      this._closeButtons();
      this._context?.reportError(
        errorCode(error) ?? 'provider_unavailable',
        (error as Error).message
      );
    });
  }

  private async _render(currency: string): Promise<void> {
    const generation = ++this._generation;
    this._currency = currency.toUpperCase();
    const context = this._context!;
    const sdk = await loadPaypalSdk(
      context.config,
      currency,
      cspNonce(this._host),
      context.locale
    );
    if (generation !== this._generation) return;

    const buttons = sdk.Buttons!({
      style: this._style,
      // Before PayPal's window opens: an invalid email is shown in the element instead.
      onClick: (_data, actions) =>
        this._pipeline.validate() ? actions.resolve() : actions.reject(),
      createOrder: () => this._createOrder(generation),
      // PayPal calls these only for an order that ships (shipping_preference GET_FROM_FILE).
      onShippingAddressChange: (data, actions) =>
        this._onShippingChange(
          data.orderID,
          {shippingAddress: addressOf(data.shippingAddress)},
          actions,
          errorsOf(data)
        ),
      onShippingOptionsChange: (data, actions) =>
        this._onShippingChange(
          data.orderID,
          {shippingRate: data.selectedShippingOption?.id},
          actions,
          errorsOf(data)
        ),
      onApprove: (data, actions) => this._onApprove(data, actions),
      onCancel: () => this._end({type: 'canceled'}),
      onError: (error) => this._onError(error),
    });
    if (typeof buttons.isEligible === 'function' && !buttons.isEligible())
      throw providerError(
        'provider_unavailable',
        `PayPal is not available for ${this._currency}.`
      );
    // The old buttons go only once the new SDK is here, so the space does not collapse for
    // the whole load.
    this._closeButtons();
    // PayPal's iframes and popup misbehave inside shadow DOM: this container is a child of
    // the light-DOM mount node the element projects through <slot name="paypal-buttons">.
    const container = document.createElement('div');
    context.mountNode.append(container);
    this._buttons = buttons;
    this._container = container;
    await buttons.render(container);
  }

  private _closeButtons(): void {
    const buttons = this._buttons;
    this._buttons = undefined;
    // close() removes PayPal's iframes; it rejects if the buttons never finished rendering.
    if (buttons) void buttons.close().catch(() => {});
    this._container?.remove();
    this._container = undefined;
  }

  // ---- One payment --------------------------------------------------------------------------

  /**
   * PayPal's `createOrder`: runs the element's pipeline (which fires the cancelable
   * `pay-submit`) and resolves with PayPal's order id once the server has created the order.
   * Rejecting it closes PayPal's window before anything is charged.
   */
  private _createOrder(generation: number): Promise<string> {
    this._refusedOrder = false;
    return new Promise<string>((resolve, reject) => {
      const refuse = (error: unknown) => {
        this._refusedOrder = true;
        reject(error);
      };
      // Buttons of an older render (another currency) must not start a payment.
      if (generation !== this._generation || this._renderLater) {
        refuse(providerError('provider_unavailable', 'PayPal is reloading.'));
        return;
      }
      let started = false;
      void this._pipeline
        .runPayment(async (request) => {
          started = true;
          const attempt: Attempt = {address: request.shippingAddress};
          this._attempt = attempt;
          let order: PaypalOrderResponse;
          try {
            // The server reprices the cart; 409 price_changed means the buyer saw another total.
            const body: PaypalOrderRequest = {
              items: request.items,
              ...detailsOf(request),
              currency: request.currency,
              email: request.email,
              locale: request.locale,
              expectedTotal: request.expectedTotal,
            };
            order = await this._context!.api.create('/api/paypal/orders', body);
          } catch (error) {
            this._afterAttempt();
            refuse(error);
            return refusal(error);
          }
          if (attempt.ended || this._attempt !== attempt) {
            // PayPal's window was closed (or the element went away) while the order was created.
            refuse(providerError('canceled', 'The buyer left PayPal.'));
            if (this._attempt === attempt) this._afterAttempt();
            return attempt.ended ?? {type: 'canceled'};
          }
          attempt.order = order;
          return new Promise<PaymentOutcome>((settle) => {
            attempt.settle = settle;
            resolve(order.paypalOrderId);
          });
        })
        .then(() => {
          // The pipeline did not run the attempt: pay-submit was cancelled (the element fired
          // pay-cancel) or the checkout was busy. No order, no PayPal window.
          if (!started)
            refuse(
              providerError('payment_not_started', 'Payment not started.')
            );
        });
    });
  }

  /**
   * The buyer chose another address or shipping option in PayPal's window: the server reprices
   * the order and PATCHes PayPal's, then the element shows the new quote. Anything the server
   * refuses is refused in PayPal's window, with PayPal's own sentence.
   */
  private async _onShippingChange(
    orderID: string | undefined,
    change: {shippingAddress?: Address; shippingRate?: string | undefined},
    actions: AddressChange[1] | OptionsChange[1],
    errors: ShippingErrors
  ): Promise<void> {
    const attempt = this._attempt;
    const order = attempt?.order;
    const address = change.shippingAddress ?? attempt?.address;
    const fallback = change.shippingAddress
      ? errors.ADDRESS_ERROR
      : errors.METHOD_UNAVAILABLE;
    if (!order || orderID !== order.paypalOrderId || !address)
      return rejectWith(actions, fallback);
    const body: PaypalShippingRequest = {
      shippingAddress: address,
      ...(change.shippingRate && {shippingRate: change.shippingRate}),
    };
    try {
      const {quote} =
        await this._context!.api.authorized<PaypalShippingResponse>(
          'POST',
          `/api/paypal/orders/${encodeURIComponent(order.paypalOrderId)}/shipping`,
          order.orderToken,
          undefined,
          body
        );
      if (this._attempt !== attempt) return;
      attempt!.address = address;
      this._context!.requoted(quote);
    } catch (error) {
      const unserved = errorCode(error) === 'shipping_not_available';
      return rejectWith(
        actions,
        unserved && change.shippingAddress ? errors.COUNTRY_ERROR : fallback
      );
    }
  }

  /** The buyer approved in PayPal's window: capture on the server, which marks the order paid. */
  private async _onApprove(
    data: OnApproveData,
    actions: OnApproveActions
  ): Promise<void> {
    const order = this._attempt?.order;
    if (!order || data.orderID !== order.paypalOrderId) return;
    try {
      // The token proves the caller created the order.
      const captured =
        await this._context!.api.authorized<PaypalCaptureResponse>(
          'POST',
          `/api/paypal/orders/${encodeURIComponent(order.paypalOrderId)}/capture`,
          order.orderToken
        );
      this._end({
        type: 'confirmed',
        orderId: captured.orderId,
        orderToken: order.orderToken,
      });
    } catch (error) {
      const code = errorCode(error) ?? 'generic';
      if (code === 'instrument_declined') {
        // PayPal refused the funding source, not the order: the buyer picks another one in
        // the same window, for the same order. The attempt goes on.
        this._context!.notify(code);
        return actions.restart();
      }
      if (isUncertain(error)) {
        // We cannot tell whether the capture happened. The order says: poll it rather than
        // invite the buyer to pay twice.
        this._end({
          type: 'confirmed',
          orderId: order.orderId,
          orderToken: order.orderToken,
        });
        return;
      }
      this._end({type: 'failed', code, orderId: order.orderId});
    }
  }

  private _onError(error: Record<string, unknown>): void {
    if (this._attempt) {
      this._end({
        type: 'failed',
        code: 'paypal_error',
        orderId: this._attempt.order?.orderId,
      });
    } else if (this._refusedOrder) {
      // PayPal reports the createOrder we rejected; the element has already said why.
      this._refusedOrder = false;
    } else {
      this._context?.reportError(
        'paypal_error',
        typeof error?.message === 'string' ? error.message : undefined
      );
    }
  }

  /** Ends the current attempt (once), then renders again if that was put off. */
  private _end(outcome: PaymentOutcome): void {
    const attempt = this._attempt;
    if (!attempt) return;
    if (!attempt.settle) {
      // The order is still being created; _createOrder settles when it arrives.
      attempt.ended ??= outcome;
      return;
    }
    this._afterAttempt();
    attempt.settle(outcome);
  }

  private _afterAttempt(): void {
    this._attempt = undefined;
    if (this._renderLater && !this._destroyed) {
      this._renderLater = false;
      this._renderAgain(this._currency);
    }
  }
}

export const createPaypalProvider: ProviderFactory<'paypal'> = (
  host,
  pipeline
) => new PaypalController(host, pipeline);
