/**
 * `stripe.elements()`: one group per call, holding the options (deferred `mode` + amount, or a
 * `clientSecret`), the appearance, at most one Payment Element and one Address Element per mode.
 * `elements.submit()` checks them all; `confirmPayment` reaches the group's internals through
 * the registry, never through properties a page could see.
 */
import type {
  StripeAddressElement,
  StripeAddressElementGetElementOptions,
  StripeAddressElementOptions,
  StripeElements,
  StripeElementsOptionsClientSecret,
  StripeElementsOptionsMode,
  StripeElementsUpdateOptions,
  StripeError,
  StripePaymentElement,
  StripePaymentElementOptions,
} from '@stripe/stripe-js';
import {
  createAddressElement,
  type AddressElementHandle,
} from './address-element.js';
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
  /** The Address Element in shipping mode, whose address confirmPayment sends as `shipping`. */
  readonly shippingAddress: AddressElementHandle | null;
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
  const addressElements = new Map<
    'shipping' | 'billing',
    AddressElementHandle
  >();
  let submitted = false;
  const settingsNow = () => ({
    appearance: settings.appearance,
    locale: settings.locale ?? options.defaultLocale,
  });

  function createAddress(
    elementOptions: StripeAddressElementOptions | undefined
  ): StripeAddressElement {
    const mode = elementOptions?.mode;
    if (mode && addressElements.has(mode)) {
      throw new IntegrationError(
        `Can only create one Element of type address with mode ${mode}.`
      );
    }
    const handle = createAddressElement({
      origin: options.origin,
      publishableKey: options.publishableKey,
      elementOptions: elementOptions ?? ({} as StripeAddressElementOptions),
      settings: settingsNow,
      onDestroy: () => addressElements.delete(handle.mode),
    });
    addressElements.set(handle.mode, handle);
    return handle.element;
  }

  // The Payment Element's options (layout, wallets, defaults) change nothing in a form that
  // only has card fields, so they are accepted and not kept.
  function create(
    elementType: 'payment',
    elementOptions?: StripePaymentElementOptions
  ): StripePaymentElement;
  function create(
    elementType: 'address',
    elementOptions: StripeAddressElementOptions
  ): StripeAddressElement;
  function create(elementType: string): never;
  function create(
    elementType: string,
    elementOptions?: unknown
  ): StripePaymentElement | StripeAddressElement {
    if (elementType === 'address')
      return createAddress(elementOptions as StripeAddressElementOptions);
    if (elementType !== 'payment') {
      throw new IntegrationError(
        `The Stripe emulator's Stripe.js only implements the Payment and Address Elements, not "${elementType}".`
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
      settings: settingsNow,
      onDestroy: () => (paymentElement = null),
    });
    return paymentElement.element;
  }

  function getElement(elementType: 'payment'): StripePaymentElement | null;
  function getElement(
    elementType: 'address',
    getOptions?: StripeAddressElementGetElementOptions
  ): StripeAddressElement | null;
  function getElement(elementType: string, getOptions?: unknown): null;
  function getElement(
    elementType: string,
    getOptions?: unknown
  ): StripePaymentElement | StripeAddressElement | null {
    if (elementType === 'payment') return paymentElement?.element ?? null;
    if (elementType !== 'address') return null;
    // Without a mode, the only Address Element (Stripe.js asks for the mode when there are two).
    const mode = (
      getOptions as StripeAddressElementGetElementOptions | undefined
    )?.mode;
    const handle = mode
      ? addressElements.get(mode)
      : [...addressElements.values()][0];
    return handle?.element ?? null;
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
      // Every element shows its errors at once; the first one (the card's first) is answered.
      const errors: (StripeError | undefined)[] = await Promise.all([
        paymentElement.submit(),
        ...[...addressElements.values()].map((address) => address.submit()),
      ]);
      const error = errors.find((e) => e !== undefined);
      if (error) return {error};
      submitted = true;
      return {selectedPaymentMethod: 'card'};
    },
    async update(update) {
      settings = {...settings, ...update} as typeof settings;
      if (update.appearance !== undefined || update.locale !== undefined) {
        const {appearance, locale} = settingsNow();
        await Promise.all(
          [paymentElement, ...addressElements.values()].map((element) =>
            element?.applyAppearance(appearance, locale)
          )
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
    get shippingAddress() {
      return addressElements.get('shipping') ?? null;
    },
  });
  return elements;
}
