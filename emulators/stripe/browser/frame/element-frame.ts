/**
 * What the Payment and Address Elements' frames share: the notice when the page is opened
 * outside Stripe.js's frame, the channel to the parent (messages, height), and the form events
 * the parent hears about (focus, blur, Escape) or that must not reach the frame (submit).
 */
import {
  envelope,
  isEnvelope,
  type FrameMessage,
  type HostMessage,
} from '../protocol.js';

/** Hides the form and says the page only works inside the frame Stripe.js mounts. */
export function showOutsideFrameNotice(
  form: HTMLFormElement,
  elementName: string
): void {
  form.hidden = true;
  const notice = document.createElement('p');
  notice.className = 'Notice';
  notice.textContent = `This page is the Stripe emulator’s ${elementName}; it only works inside the frame Stripe.js mounts.`;
  document.querySelector('main')?.append(notice);
}

export interface ParentChannel {
  post(message: FrameMessage): void;
  /** Tells the parent the body's height when it changed. */
  reportHeight(): void;
}

/**
 * The channel to the parent page: `post` sends on it, `reportHeight` (also run by a
 * ResizeObserver) sends a `resize` when the height changed, and `onMessage` gets the parent's
 * messages on the channel, from the parent's origin only.
 */
export function connectToParent(
  channel: string,
  parentOrigin: string,
  onMessage: (message: HostMessage) => void
): ParentChannel {
  function post(message: FrameMessage): void {
    window.parent.postMessage(envelope(channel, message), parentOrigin);
  }

  let lastHeight = 0;
  function reportHeight(): void {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      post({type: 'resize', height});
    }
  }
  new ResizeObserver(reportHeight).observe(document.body);

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== parentOrigin) return;
    if (!isEnvelope<HostMessage>(event.data, channel)) return;
    onMessage(event.data);
  });

  return {post, reportHeight};
}

/**
 * Focus entering or leaving the form, and Escape in it, go to the parent; Enter inside the
 * frame must not navigate it (the form has no action).
 */
export function forwardFormEvents(
  form: HTMLFormElement,
  post: (message: FrameMessage) => void
): void {
  form.addEventListener('focusin', (event) => {
    if (!form.contains(event.relatedTarget as Node | null))
      post({type: 'focus'});
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null))
      post({type: 'blur'});
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') post({type: 'escape'});
  });
  form.addEventListener('submit', (event) => event.preventDefault());
}
