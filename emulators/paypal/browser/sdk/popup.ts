/**
 * The approval window (opened by ../../../shared/browser/popup.ts, synchronously on the buyer's
 * click), showing "Loading" until the order exists, then sent to `/checkoutnow?token=…` on the
 * emulator's origin. Its answer comes back by postMessage, checked for origin, source window and
 * channel; a window the buyer closes counts as a cancel.
 */
import {
  encodeWindowParams,
  envelope,
  isEnvelope,
  type CheckoutMessage,
  type ShippingResultMessage,
} from '../protocol.js';

type ShippingMessage = Extract<
  CheckoutMessage,
  {type: 'shipping-address' | 'shipping-option'}
>;
type CheckoutOutcome =
  Exclude<CheckoutMessage, ShippingMessage> | {type: 'closed'};

/** The merchant's verdict on a shipping change made in the window. */
export type ShippingHandler = (
  message: ShippingMessage
) => Promise<Omit<ShippingResultMessage, 'type'>>;

/**
 * The approval page for the order. After `actions.restart()` the window is already there; the
 * `attempt` parameter makes the URL differ, so the page loads afresh rather than only changing
 * its fragment.
 */
export function checkoutUrl(
  origin: string,
  orderId: string,
  channel: string,
  attempt: number,
  locale?: string
): string {
  const fragment = encodeWindowParams({channel, origin: location.origin});
  const again = attempt > 1 ? `&attempt=${attempt}` : '';
  // The SDK's locale, as PayPal's own window URL carries it.
  const language = locale ? `&locale.x=${encodeURIComponent(locale)}` : '';
  return `${origin}/checkoutnow?token=${encodeURIComponent(orderId)}${again}${language}#${fragment}`;
}

/**
 * Resolves with the approval page's answer, or `closed` when the window goes away first.
 * Shipping changes meanwhile go to `onShipping`, whose verdict goes back to the window.
 */
export function waitForOutcome(
  popup: Window,
  origin: string,
  channel: string,
  onShipping: ShippingHandler
): Promise<CheckoutOutcome> {
  return new Promise((resolve) => {
    function finish(outcome: CheckoutOutcome): void {
      window.removeEventListener('message', listener);
      clearInterval(timer);
      resolve(outcome);
    }
    function listener(event: MessageEvent): void {
      if (event.origin !== origin || event.source !== popup) return;
      if (!isEnvelope<CheckoutMessage>(event.data, channel)) return;
      const {protocol: _protocol, channel: _channel, ...message} = event.data;
      const received = message as CheckoutMessage;
      if (
        received.type === 'shipping-address' ||
        received.type === 'shipping-option'
      ) {
        void onShipping(received).then((verdict) => {
          if (popup.closed) return;
          const result: ShippingResultMessage = {
            type: 'shipping-result',
            ...verdict,
          };
          popup.postMessage(envelope(channel, result), origin);
        });
        return;
      }
      finish(received);
    }
    window.addEventListener('message', listener);
    // No event tells an opener that a cross-origin window closed: look.
    const timer = setInterval(() => {
      if (popup.closed) finish({type: 'closed'});
    }, 250);
  });
}
