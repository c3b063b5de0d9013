/**
 * `stripe.elements()`: one group per call, holding the options (deferred `mode` + amount, or a
 * `clientSecret`), the appearance, and at most one Payment Element. `confirmPayment` reaches the
 * group's internals through the registry, never through properties a page could see.
 */
import type {
  StripeElements,
  StripeElementsOptionsClientSecret,
  StripeElementsOptionsMode,
  StripeElementsUpdateOptions,
  StripeError,
  StripePaymentElement,
  StripePaymentElementOptions,
} from '@stripe/stripe-js';
import {IntegrationError, widen} from './integration.js';
import {
  createPaymentElement,
  type PaymentElementHandle,
} from './payment-element.js';

type ElementsSubset = Pick<
  StripeElements,
  'create' | 'submit' | 'update' | 'getElement'
>;

export type ElementsOptions =
  StripeElementsOptionsClientSecret | StripeElementsOptionsMode;

interface ElementsGroup {
  readonly clientSecret: string | undefined;
  /** Created with `mode` (no intent yet): Stripe requires `elements.submit()` before confirming. */
  readonly deferred: boolean;
  /** Whether `elements.submit()` has succeeded since the group was created. */
  readonly submitted: boolean;
  readonly paymentElement: PaymentElementHandle | null;
}

export type ElementsRegistry = WeakMap<object, ElementsGroup>;

export function createElements(options: {
  origin: string;
  publishableKey: string;
  elementsOptions: ElementsOptions | undefined;
  defaultLocale: string | undefined;
  registry: ElementsRegistry;
}): StripeElements {
  const initial = options.elementsOptions ?? {};
  const deferred = 'mode' in initial && initial.mode !== undefined;
  if (deferred && typeof initial.currency !== 'string') {
    throw new IntegrationError(
      'Missing value for elements(): currency should be a string when mode is set.'
    );
  }
  let settings: ElementsOptions & StripeElementsUpdateOptions = {...initial};
  let paymentElement: PaymentElementHandle | null = null;
  let submitted = false;

  // The Payment Element's options (layout, wallets, defaults) change nothing in a form that
  // only has card fields, so they are accepted and not kept.
  function create(
    elementType: 'payment',
    elementOptions?: StripePaymentElementOptions
  ): StripePaymentElement;
  function create(elementType: string): never;
  function create(elementType: string): StripePaymentElement {
    if (elementType !== 'payment') {
      throw new IntegrationError(
        `The Stripe emulator's Stripe.js only implements the Payment Element, not "${elementType}".`
      );
    }
    if (paymentElement) {
      throw new IntegrationError(
        'Can only create one Element of type payment.'
      );
    }
    paymentElement = createPaymentElement({
      origin: options.origin,
      publishableKey: options.publishableKey,
      settings: () => ({
        appearance: settings.appearance,
        locale: settings.locale ?? options.defaultLocale,
      }),
      onDestroy: () => (paymentElement = null),
    });
    return paymentElement.element;
  }

  function getElement(elementType: 'payment'): StripePaymentElement | null;
  function getElement(elementType: string, getOptions?: unknown): null;
  function getElement(elementType: string): StripePaymentElement | null {
    return elementType === 'payment' ? (paymentElement?.element ?? null) : null;
  }

  const subset: ElementsSubset = {
    create,
    getElement,
    async submit() {
      if (!paymentElement) {
        throw new IntegrationError(
          'elements.submit(): create and mount a Payment Element before submitting.'
        );
      }
      const error: StripeError | undefined = await paymentElement.submit();
      if (error) return {error};
      submitted = true;
      return {selectedPaymentMethod: 'card'};
    },
    async update(update) {
      settings = {...settings, ...update} as typeof settings;
      if (update.appearance !== undefined || update.locale !== undefined) {
        await paymentElement?.applyAppearance(
          settings.appearance,
          settings.locale ?? options.defaultLocale
        );
      }
    },
  };

  const elements = widen<StripeElements>(subset);
  options.registry.set(elements, {
    get clientSecret() {
      return 'clientSecret' in settings ? settings.clientSecret : undefined;
    },
    deferred,
    get submitted() {
      return submitted;
    },
    get paymentElement() {
      return paymentElement;
    },
  });
  return elements;
}
