/**
 * What every Element of the fake is on the merchant's page (the Payment Element, the Address
 * Element): an iframe on the emulator's origin, mounted as a plain child of the node the page
 * chose (which must be in the document, not in a shadow tree, as Stripe.js requires), sized to its content, with Stripe.js's
 * `mount`/`unmount`/`destroy`/`on`/`off`/`focus` and its container classes
 * (`StripeElement--empty`, `--complete`, `--focus`). Each Element adds what its frame reports.
 */
import type {StripeError} from '@stripe/stripe-js';
import {encodeFrameParams, type FrameMessage} from '../protocol.js';
import {openFrameChannel, type FrameChannel} from './frame-channel.js';
import {IntegrationError, randomId} from './integration.js';

type Handler = (event: never) => unknown;

/** Without `ready` this long after the frame's `load`, the element reports `loaderror`. */
const READY_GRACE_MS = 3000;

type FrameParams = Omit<
  Parameters<typeof encodeFrameParams>[0],
  'channel' | 'origin' | 'key'
>;

export interface FrameElementOptions {
  elementType: 'payment' | 'address';
  /** The frame's page on the emulator's origin (`/elements/payment`). */
  path: string;
  /** The iframe's title, as Stripe's frames have one. */
  title: string;
  origin: string;
  publishableKey: string;
  /** What the frame is opened with (appearance, locale, options), read at each mount. */
  params: () => FrameParams;
  /** A frame's `change`, as the Element's own event (its state classes are set already). */
  changeEvent: (message: Extract<FrameMessage, {type: 'change'}>) => object;
  onDestroy(): void;
}

/** The Element's methods, its events, and its frame for the Element that builds on it. */
export interface FrameElement {
  readonly methods: {
    mount(target: string | HTMLElement): void;
    unmount(): void;
    destroy(): void;
    on(eventType: string, handler: Handler): void;
    off(eventType: string, handler?: Handler): void;
    focus(): void;
  };
  emit(type: string, event: object): void;
  /** The mounted frame's channel; throws (as Stripe.js does) when it is not mounted. */
  channel(action: string): FrameChannel;
  /** The mounted frame's channel, or null. */
  readonly mounted: FrameChannel | null;
  assertAlive(): void;
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

/**
 * Stripe.js's refusal of a node that is not in the document itself (in a shadow tree, or not
 * yet attached): with a test key an IntegrationError and nothing mounts; with a live key only
 * the console hears of it (stripe-js#662, vue-stripe-js#31, October 2024).
 */
function refuseOutsideDocument(container: HTMLElement, key: string): void {
  if (container.getRootNode() === document) return;
  const message =
    'Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.';
  if (key.startsWith('pk_live_')) console.error(`IntegrationError: ${message}`);
  else throw new IntegrationError(message);
}

export function createFrameElement(options: FrameElementOptions): FrameElement {
  const {elementType} = options;
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
        emit('ready', {elementType});
        return;
      case 'resize':
        if (channel) channel.iframe.style.height = `${message.height}px`;
        return;
      case 'change':
        setState('empty', message.empty);
        setState('complete', message.complete);
        emit('change', options.changeEvent(message));
        return;
      case 'focus':
      case 'blur':
        setState('focus', message.type === 'focus');
        emit(message.type, {elementType});
        return;
      case 'escape':
        emit('escape', {elementType});
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

  const methods: FrameElement['methods'] = {
    mount(target) {
      assertAlive();
      if (channel) {
        throw new IntegrationError(
          'This Element is already mounted. Use `unmount()` to unmount the Element before re-mounting.'
        );
      }
      const resolved = resolveContainer(target);
      refuseOutsideDocument(resolved, options.publishableKey);
      container = resolved;
      const id = randomId();
      const iframe = document.createElement('iframe');
      iframe.name = `__privateStripeFrame${id}`;
      iframe.title = options.title;
      iframe.allow = 'payment';
      iframe.setAttribute('frameborder', '0');
      iframe.setAttribute('scrolling', 'no');
      iframe.style.cssText =
        'border: 0 !important; margin: 0; padding: 0; display: block; width: 100%; min-width: 100%; height: 220px; overflow: hidden; color-scheme: normal;';
      iframe.src = `${options.origin}${options.path}#${encodeFrameParams({
        channel: id,
        origin: location.origin,
        key: options.publishableKey,
        ...options.params(),
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
          const error: StripeError = {
            type: 'api_connection_error',
            message: `The ${elementType === 'payment' ? 'Payment' : 'Address'} Element failed to load.`,
          };
          emit('loaderror', {elementType, error});
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
      methods.unmount();
      destroyed = true;
      listeners.clear();
      options.onDestroy();
    },
    on(eventType, handler) {
      assertAlive();
      const set = listeners.get(eventType) ?? new Set();
      set.add(handler);
      listeners.set(eventType, set);
    },
    off(eventType, handler) {
      if (handler) listeners.get(eventType)?.delete(handler);
      else listeners.delete(eventType);
    },
    focus() {
      channel?.post({type: 'focus'});
    },
  };

  return {
    methods,
    emit,
    assertAlive,
    get mounted() {
      return channel;
    },
    channel(action) {
      if (!channel) {
        throw new IntegrationError(
          `The ${elementType === 'payment' ? 'Payment' : 'Address'} Element is not mounted. Call element.mount() before ${action}.`
        );
      }
      return channel;
    },
  };
}
