/**
 * The Payment Element on the merchant's page: an iframe on the emulator's origin, mounted as a
 * plain child of the node the page chose (provider iframes cannot live in shadow DOM), sized to
 * its content, and relaying the frame's events as Stripe.js's element events.
 */
import type {
  Appearance,
  StripeError,
  StripePaymentElement,
  StripePaymentElementChangeEvent,
} from '@stripe/stripe-js';
import {encodeFrameParams, type FrameMessage} from '../protocol.js';
import {openFrameChannel, type FrameChannel} from './frame-channel.js';
import {IntegrationError, randomId, widen} from './integration.js';

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

type Handler = (event: never) => unknown;

/** Without `ready` this long after the frame's `load`, the element reports `loaderror`. */
const READY_GRACE_MS = 3000;

export function createPaymentElement(options: {
  origin: string;
  publishableKey: string;
  settings: () => {appearance?: Appearance; locale?: string};
  onDestroy(): void;
}): PaymentElementHandle {
  const listeners = new Map<string, Set<Handler>>();
  let channel: FrameChannel | null = null;
  let container: HTMLElement | null = null;
  let destroyed = false;
  let frameReady = false;

  function emit(type: string, event: object): void {
    for (const handler of listeners.get(type) ?? []) {
      (handler as (event: object) => unknown)(event);
    }
  }

  function setState(name: 'empty' | 'complete' | 'focus', on: boolean): void {
    container?.classList.toggle(`StripeElement--${name}`, on);
  }

  function onMessage(message: FrameMessage): void {
    switch (message.type) {
      case 'ready':
        frameReady = true;
        emit('ready', {elementType: 'payment'});
        return;
      case 'resize':
        if (channel) channel.iframe.style.height = `${message.height}px`;
        return;
      case 'change': {
        setState('empty', message.empty);
        setState('complete', message.complete);
        const event: StripePaymentElementChangeEvent = {
          elementType: 'payment',
          empty: message.empty,
          complete: message.complete,
          collapsed: false,
          value: {type: 'card'},
        };
        emit('change', event);
        return;
      }
      case 'focus':
      case 'blur':
        setState('focus', message.type === 'focus');
        emit(message.type, {elementType: 'payment'});
        return;
      case 'escape':
        emit('escape', {elementType: 'payment'});
        return;
    }
  }

  function assertAlive(): void {
    if (destroyed) {
      throw new IntegrationError(
        'This Element has already been destroyed. Please create a new one.'
      );
    }
  }

  function resolveContainer(target: string | HTMLElement): HTMLElement {
    if (typeof target === 'string') {
      const found = document.querySelector<HTMLElement>(target);
      if (!found) {
        throw new IntegrationError(
          `The selector you specified (${target}) applies to no DOM elements that are currently on the page.\nMake sure the element exists on the page before calling mount().`
        );
      }
      return found;
    }
    if (!(target instanceof HTMLElement)) {
      throw new IntegrationError(
        'Invalid DOM element. Make sure to call mount() with a valid DOM element or selector.'
      );
    }
    return target;
  }

  const subset: PaymentElementSubset = {
    mount(target) {
      assertAlive();
      if (channel) {
        throw new IntegrationError(
          'This Element is already mounted. Use `unmount()` to unmount the Element before re-mounting.'
        );
      }
      container = resolveContainer(target);
      const {appearance, locale} = options.settings();
      const id = randomId();
      const iframe = document.createElement('iframe');
      iframe.name = `__privateStripeFrame${id}`;
      iframe.title = 'Secure payment input frame';
      iframe.allow = 'payment';
      iframe.setAttribute('frameborder', '0');
      iframe.setAttribute('scrolling', 'no');
      iframe.style.cssText =
        'border: 0 !important; margin: 0; padding: 0; display: block; width: 100%; min-width: 100%; height: 220px; overflow: hidden; color-scheme: normal;';
      iframe.src = `${options.origin}/elements/payment#${encodeFrameParams({
        channel: id,
        origin: location.origin,
        key: options.publishableKey,
        appearance,
        locale,
      })}`;
      const opened = openFrameChannel({
        origin: options.origin,
        iframe,
        id,
        onMessage,
      });
      // An iframe has no error event for a failed page, so a missing `ready` stands for one.
      iframe.addEventListener('load', () => {
        setTimeout(() => {
          if (channel !== opened || frameReady) return;
          emit('loaderror', {
            elementType: 'payment',
            error: {
              type: 'api_connection_error',
              message: 'The Payment Element failed to load.',
            },
          });
        }, READY_GRACE_MS);
      });
      frameReady = false;
      channel = opened;
      container.classList.add('StripeElement', 'StripeElement--empty');
      container.append(iframe);
    },
    unmount() {
      assertAlive();
      if (!channel) return;
      channel.close();
      channel.iframe.remove();
      channel = null;
      container?.classList.remove(
        'StripeElement',
        'StripeElement--empty',
        'StripeElement--complete',
        'StripeElement--focus'
      );
      container = null;
    },
    destroy() {
      if (destroyed) return;
      subset.unmount();
      destroyed = true;
      listeners.clear();
      options.onDestroy();
    },
    on(eventType: string, handler: Handler) {
      assertAlive();
      const set = listeners.get(eventType) ?? new Set();
      set.add(handler);
      listeners.set(eventType, set);
      return element;
    },
    off(eventType: string, handler?: Handler) {
      if (handler) listeners.get(eventType)?.delete(handler);
      else listeners.delete(eventType);
      return element;
    },
    update() {
      assertAlive();
      // Only card fields exist here, so layout, wallets and defaults change nothing visible.
      return element;
    },
    focus() {
      channel?.post({type: 'focus'});
    },
  };
  const element = widen<StripePaymentElement>(subset);

  async function request(
    type: 'submit' | 'create-payment-method'
  ): Promise<{error?: StripeError; paymentMethod?: string}> {
    if (!channel) {
      throw new IntegrationError(
        'The Payment Element is not mounted. Call element.mount() before confirming.'
      );
    }
    return channel.request({type});
  }

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
      if (channel) await channel.request({type: 'update', appearance, locale});
    },
  };
}
