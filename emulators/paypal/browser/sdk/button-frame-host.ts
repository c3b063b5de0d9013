/**
 * The button's frame, seen from the shop's page: an iframe on the emulator's origin (as the
 * real button is on paypal.com) inside a wrapper with PayPal's class names. It reports `ready`,
 * its height and clicks; the page tells it whether it is enabled and how to look.
 *
 * Like the real SDK, it lays the wrapper out with a `<style>` element it adds to the page,
 * carrying the `data-csp-nonce` of its script: on a page whose Content Security Policy allows
 * styles by nonce only, a missing nonce is a `securitypolicyviolation` here too.
 */
import {
  encodeWindowParams,
  envelope,
  isEnvelope,
  type ButtonFrameMessage,
  type SdkToFrameMessage,
} from '../protocol.js';
import {frameHeight, type ButtonStyle} from '../style.js';

export interface ButtonFrame {
  wrapper: HTMLDivElement;
  /** Resolves when the frame has drawn the button. */
  ready: Promise<void>;
  post(message: SdkToFrameMessage): void;
  destroy(): void;
}

export function mountButtonFrame(options: {
  origin: string;
  container: HTMLElement;
  channel: string;
  style: ButtonStyle;
  query: Record<string, string>;
  cspNonce?: string;
  onClick(): void;
}): ButtonFrame {
  const {origin, channel, style} = options;
  const wrapper = document.createElement('div');
  wrapper.id = `paypal-emulator-buttons-${channel}`;
  wrapper.className = `paypal-buttons paypal-buttons-context-iframe paypal-buttons-label-${style.label} paypal-buttons-layout-${style.layout}`;
  const layout = document.createElement('style');
  if (options.cspNonce) layout.nonce = options.cspNonce;
  layout.textContent = `#${wrapper.id}{position:relative;display:block;width:100%;min-width:150px;${
    style.disableMaxWidth ? '' : 'max-width:750px;'
  }margin:0 auto}`;
  wrapper.append(layout);

  const iframe = document.createElement('iframe');
  iframe.title = 'PayPal';
  iframe.name = `paypal_emulator_buttons_${channel}`;
  iframe.setAttribute('scrolling', 'no');
  iframe.style.cssText = `display:block;width:100%;height:${frameHeight(style)}px;border:0;background:transparent;color-scheme:normal;`;
  const query = new URLSearchParams(options.query);
  iframe.src = `${origin}/smart/buttons?${query}#${encodeWindowParams({
    channel,
    origin: location.origin,
    style,
  })}`;
  wrapper.append(iframe);
  options.container.append(wrapper);

  let isReady = false;
  const queue: SdkToFrameMessage[] = [];
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  function post(message: SdkToFrameMessage): void {
    if (!isReady || !iframe.contentWindow) queue.push(message);
    else iframe.contentWindow.postMessage(envelope(channel, message), origin);
  }

  function listener(event: MessageEvent): void {
    if (event.origin !== origin || event.source !== iframe.contentWindow)
      return;
    if (!isEnvelope<ButtonFrameMessage>(event.data, channel)) return;
    const message = event.data;
    if (message.type === 'click') {
      options.onClick();
      return;
    }
    iframe.style.height = `${Math.ceil(message.height)}px`;
    if (message.type === 'ready' && !isReady) {
      isReady = true;
      for (const queued of queue.splice(0)) post(queued);
      markReady();
    }
  }
  window.addEventListener('message', listener);

  return {
    wrapper,
    ready,
    post,
    destroy() {
      window.removeEventListener('message', listener);
      wrapper.remove();
    },
  };
}
