/**
 * The 3-D Secure challenge, shown the way Stripe.js shows it: a full-viewport overlay in the
 * merchant's document holding an iframe on Stripe's (here the emulator's) origin. It resolves
 * once the frame says the emulator has recorded the buyer's answer.
 */
import type {StripeError} from '@stripe/stripe-js';
import {
  encodeFrameParams,
  isEnvelope,
  type ThreeDsMessage,
} from '../protocol.js';
import {randomId} from './integration.js';

type ChallengeResult = {outcome: 'complete' | 'fail'} | {error: StripeError};

export function openThreeDsChallenge(options: {
  origin: string;
  publishableKey: string;
  intentId: string;
  clientSecret: string;
}): Promise<ChallengeResult> {
  const channel = randomId();
  const previousFocus = document.activeElement as HTMLElement | null;

  const overlay = document.createElement('div');
  overlay.setAttribute('role', 'dialog');
  overlay.setAttribute('aria-modal', 'true');
  overlay.setAttribute('aria-label', '3D Secure authentication');
  overlay.style.cssText =
    'position: fixed; inset: 0; z-index: 2147483647; display: flex; align-items: center; justify-content: center; background: rgba(0, 0, 0, 0.5);';

  const iframe = document.createElement('iframe');
  iframe.title = '3D Secure authentication';
  iframe.style.cssText =
    'border: 0; border-radius: 8px; background: #ffffff; width: min(440px, calc(100vw - 32px)); height: min(400px, calc(100vh - 32px)); box-shadow: 0 12px 40px rgba(0, 0, 0, 0.3);';
  const query = new URLSearchParams({client_secret: options.clientSecret});
  iframe.src = `${options.origin}/elements/3ds/${encodeURIComponent(options.intentId)}?${query}#${encodeFrameParams(
    {channel, origin: location.origin, key: options.publishableKey}
  )}`;
  // Focus follows the buyer into the challenge; the frame has already focused "Complete".
  iframe.addEventListener('load', () => iframe.focus());
  overlay.append(iframe);
  document.body.append(overlay);

  return new Promise((resolve) => {
    function listener(event: MessageEvent): void {
      if (
        event.origin !== options.origin ||
        event.source !== iframe.contentWindow
      )
        return;
      if (!isEnvelope<ThreeDsMessage>(event.data, channel)) return;
      const message = event.data;
      window.removeEventListener('message', listener);
      overlay.remove();
      previousFocus?.focus?.();
      resolve(
        message.type === 'three-ds-result'
          ? {outcome: message.outcome}
          : {error: message.error}
      );
    }
    window.addEventListener('message', listener);
  });
}
