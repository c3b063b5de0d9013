/**
 * The Address Element on the merchant's page: a frame element (./frame-element.ts) whose frame
 * holds the address form. `change` events carry the address as Stripe's do, `getValue()`
 * validates and reads it, and `elements.submit()` checks it with the Payment Element.
 */
import type {
  Appearance,
  StripeAddressElement,
  StripeAddressElementChangeEvent,
  StripeAddressElementOptions,
  StripeError,
} from '@stripe/stripe-js';
import type {AddressOptions} from '../protocol.js';
import {createFrameElement} from './frame-element.js';
import {IntegrationError, widen} from './integration.js';

type AddressElementSubset = Pick<
  StripeAddressElement,
  | 'mount'
  | 'unmount'
  | 'destroy'
  | 'on'
  | 'off'
  | 'update'
  | 'focus'
  | 'getValue'
>;

type AddressValue = Awaited<ReturnType<StripeAddressElement['getValue']>>;

/** What the Elements group needs from the element, beyond its public API. */
export interface AddressElementHandle {
  readonly element: StripeAddressElement;
  readonly mode: 'shipping' | 'billing';
  /** Shows every field's error and returns the first (for `elements.submit()`). */
  submit(): Promise<StripeError | undefined>;
  /** The address as typed, for `confirmPayment` (a shipping-mode one is the intent's `shipping`). */
  value(): Promise<AddressValue['value'] | undefined>;
  applyAppearance(
    appearance: Appearance | undefined,
    locale: string | undefined
  ): Promise<void>;
}

export function createAddressElement(options: {
  origin: string;
  publishableKey: string;
  elementOptions: StripeAddressElementOptions;
  settings: () => {appearance?: Appearance; locale?: string};
  onDestroy(): void;
}): AddressElementHandle {
  const {mode} = options.elementOptions;
  if (mode !== 'shipping' && mode !== 'billing') {
    throw new IntegrationError(
      `Invalid value for create('address'): mode should be one of the following strings: shipping, billing. You specified: ${String(mode)}.`
    );
  }
  // The options a form of card-free fields can honour; the rest (autocomplete, contacts,
  // fields, display) are accepted as Stripe.js accepts them, and change nothing here.
  let addressOptions: AddressOptions = {
    mode,
    allowedCountries: options.elementOptions.allowedCountries,
    defaultValues: options.elementOptions.defaultValues,
  };

  const frame = createFrameElement({
    elementType: 'address',
    path: '/elements/address',
    title: 'Secure address input frame',
    origin: options.origin,
    publishableKey: options.publishableKey,
    params: () => ({...options.settings(), options: addressOptions}),
    changeEvent: (message): StripeAddressElementChangeEvent => ({
      elementType: 'address',
      elementMode: mode,
      empty: message.empty,
      complete: message.complete,
      isNewAddress: true,
      value: message.value!,
    }),
    onDestroy: options.onDestroy,
  });
  const {methods} = frame;

  async function read(): Promise<AddressValue> {
    const reply = await frame
      .channel('getValue()')
      .request({type: 'get-value'});
    return {
      complete: reply.complete ?? false,
      isNewAddress: true,
      value: reply.value!,
    };
  }

  const subset: AddressElementSubset = {
    mount(target) {
      methods.mount(target);
    },
    unmount() {
      methods.unmount();
    },
    destroy() {
      methods.destroy();
    },
    on(eventType: string, handler: (event: never) => unknown) {
      methods.on(eventType, handler);
      return element;
    },
    off(eventType: string, handler?: (event: never) => unknown) {
      methods.off(eventType, handler);
      return element;
    },
    update(update) {
      frame.assertAlive();
      if (update.mode !== undefined && update.mode !== mode) {
        throw new IntegrationError(
          'The mode of an Address Element cannot be changed after it is created.'
        );
      }
      addressOptions = {
        ...addressOptions,
        ...(update.allowedCountries !== undefined && {
          allowedCountries: update.allowedCountries,
        }),
        ...(update.defaultValues !== undefined && {
          defaultValues: update.defaultValues,
        }),
      };
      void frame.mounted?.request({type: 'update', options: addressOptions});
      return element;
    },
    focus() {
      methods.focus();
    },
    getValue: read,
  };
  const element = widen<StripeAddressElement>(subset);

  return {
    element,
    mode,
    async submit() {
      return (await frame.channel('submitting').request({type: 'submit'}))
        .error;
    },
    async value() {
      return frame.mounted ? (await read()).value : undefined;
    },
    async applyAppearance(appearance, locale) {
      await frame.mounted?.request({type: 'update', appearance, locale});
    },
  };
}
