/**
 * The emulator's Stripe.js: `window.Stripe(publishableKey)` with the subset of the real API that
 * <pay-checkout> uses, typed against @stripe/stripe-js so the widget cannot lean on anything the
 * real Stripe.js lacks. The API it calls is the origin this script was loaded from.
 */
import type {
  PaymentIntentResult,
  Stripe,
  StripeConstructor,
  StripeConstructorOptions,
  StripeError,
} from '@stripe/stripe-js';
import {createApi} from '../api.js';
import {
  confirmPayment,
  retrievePaymentIntent,
  type ConfirmOptions,
} from './confirm-payment.js';
import {
  createElements,
  type ElementsOptions,
  type ElementsRegistry,
} from './elements.js';
import {IntegrationError, widen} from './integration.js';

type StripeSubset = Pick<
  Stripe,
  'elements' | 'confirmPayment' | 'retrievePaymentIntent'
>;

// `currentScript` is only set while this file first runs, so the origin is read now.
const scriptSrc =
  (document.currentScript as HTMLScriptElement | null)?.src ??
  document.querySelector<HTMLScriptElement>('script[src*="/js/stripe.js"]')
    ?.src ??
  location.href;
const origin = new URL(scriptSrc).origin;

function createStripe(
  publishableKey: string,
  options?: StripeConstructorOptions
): StripeSubset {
  if (typeof publishableKey !== 'string' || publishableKey === '') {
    throw new IntegrationError(
      `Invalid value for Stripe(): apiKey should be a string. You specified: ${String(publishableKey)}.`
    );
  }
  if (publishableKey.startsWith('sk_') || publishableKey.startsWith('rk_')) {
    throw new IntegrationError(
      'You should not use your secret key with Stripe.js.\nPlease pass a publishable key instead.'
    );
  }
  const api = createApi(origin, publishableKey);
  const registry: ElementsRegistry = new WeakMap();
  const context = {api, origin, publishableKey, registry};

  function confirm(
    options: ConfirmOptions & {redirect: 'if_required'}
  ): Promise<PaymentIntentResult>;
  function confirm(
    options: ConfirmOptions & {redirect?: 'always'}
  ): Promise<{error: StripeError}>;
  function confirm(options: ConfirmOptions): Promise<PaymentIntentResult> {
    return confirmPayment(context, options);
  }

  return {
    elements: (elementsOptions?: ElementsOptions) =>
      createElements({
        origin,
        publishableKey,
        elementsOptions,
        defaultLocale: options?.locale,
        registry,
      }),
    confirmPayment: confirm,
    retrievePaymentIntent: (clientSecret) =>
      retrievePaymentIntent(context, clientSecret),
  };
}

const StripeFactory: StripeConstructor = (publishableKey, options) =>
  widen<Stripe>(createStripe(publishableKey, options));
// @stripe/stripe-js's loadStripe compares this with the release train it was built for.
Object.assign(StripeFactory, {version: 'endive'});
window.Stripe = StripeFactory;
