/**
 * The Payment Element on the merchant's page: a frame element (./frame-element.ts) whose frame
 * holds the card form, relaying its events as Stripe.js's Payment Element events.
 */
import type {
  Appearance,
  StripeError,
  StripePaymentElement,
  StripePaymentElementChangeEvent,
} from '@stripe/stripe-js';
import {createFrameElement} from './frame-element.js';
import {widen} from './integration.js';

type PaymentElementSubset = Pick<
  StripePaymentElement,
  'mount' | 'unmount' | 'destroy' | 'on' | 'off' | 'update' | 'focus'
>;

/** What the Elements group and confirmPayment need from the element, beyond its public API. */
export interface PaymentElementHandle {
  readonly element: StripePaymentElement;
  submit(): Promise<StripeError | undefined>;
  createPaymentMethod(): Promise<
    {paymentMethod: string} | {error: StripeError}
  >;
  applyAppearance(
    appearance: Appearance | undefined,
    locale: string | undefined
  ): Promise<void>;
}

export function createPaymentElement(options: {
  origin: string;
  publishableKey: string;
  settings: () => {appearance?: Appearance; locale?: string};
  onDestroy(): void;
}): PaymentElementHandle {
  const frame = createFrameElement({
    elementType: 'payment',
    path: '/elements/payment',
    title: 'Secure payment input frame',
    origin: options.origin,
    publishableKey: options.publishableKey,
    params: options.settings,
    changeEvent: (message): StripePaymentElementChangeEvent => ({
      elementType: 'payment',
      empty: message.empty,
      complete: message.complete,
      collapsed: false,
      value: {type: 'card'},
    }),
    onDestroy: options.onDestroy,
  });
  const {methods} = frame;

  const subset: PaymentElementSubset = {
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
    update() {
      frame.assertAlive();
      // Only card fields exist here, so layout, wallets and defaults change nothing visible.
      return element;
    },
    focus() {
      methods.focus();
    },
  };
  const element = widen<StripePaymentElement>(subset);

  const request = (type: 'submit' | 'create-payment-method') =>
    frame.channel('confirming').request({type});

  return {
    element,
    async submit() {
      return (await request('submit')).error;
    },
    async createPaymentMethod() {
      const reply = await request('create-payment-method');
      if (reply.error || !reply.paymentMethod) {
        return {
          error: reply.error ?? {
            type: 'api_error',
            message: 'No PaymentMethod was created.',
          },
        };
      }
      return {paymentMethod: reply.paymentMethod};
    },
    async applyAppearance(appearance, locale) {
      await frame.mounted?.request({type: 'update', appearance, locale});
    },
  };
}
