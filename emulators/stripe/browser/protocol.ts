/**
 * The postMessage protocol between the fake Stripe.js (on the merchant's page) and the frames it
 * opens on the emulator's origin. Every message carries `protocol` and the frame's `channel`,
 * and both sides check `event.origin` and `event.source` before reading anything: a page with
 * several elements, or a hostile frame, must not be able to answer for ours. The envelope is
 * ../../shared/browser/protocol.ts (the PayPal emulator's too); the messages are Stripe's own.
 */
import type {Appearance, StripeError} from '@stripe/stripe-js';
import {envelopes} from '../../shared/browser/protocol.js';

const PROTOCOL = 'stripe-emulator/1';

/** What a frame learns from its URL fragment (never sent to the server). */
interface FrameParams {
  channel: string;
  /** The parent page's origin: the only target and the only sender the frame trusts. */
  origin: string;
  key: string;
  appearance?: Appearance;
  locale?: string;
}

/** Parent → Payment Element frame. Requests carry an id the frame echoes in its reply. */
export type HostMessage =
  | {
      type: 'update';
      requestId: number;
      appearance?: Appearance;
      locale?: string;
    }
  | {type: 'focus'}
  | {type: 'submit'; requestId: number}
  | {type: 'create-payment-method'; requestId: number};

/** Payment Element frame → parent. */
export type FrameMessage =
  | {type: 'ready'}
  | {type: 'resize'; height: number}
  | {type: 'change'; complete: boolean; empty: boolean}
  | {type: 'focus'}
  | {type: 'blur'}
  | {type: 'escape'}
  | {
      type: 'reply';
      requestId: number;
      error?: StripeError;
      paymentMethod?: string;
    };

/** 3-D Secure frame → parent, once the emulator has recorded the buyer's answer. */
export type ThreeDsMessage =
  | {type: 'three-ds-result'; outcome: 'complete' | 'fail'}
  | {type: 'three-ds-error'; error: StripeError};

export const {envelope, isEnvelope} = envelopes(PROTOCOL);

export function encodeFrameParams(params: FrameParams): string {
  const search = new URLSearchParams({
    channel: params.channel,
    origin: params.origin,
    key: params.key,
  });
  if (params.appearance)
    search.set('appearance', JSON.stringify(params.appearance));
  if (params.locale) search.set('locale', params.locale);
  return search.toString();
}

/** Reads the fragment; null when a required part is missing (the page was opened by hand). */
export function decodeFrameParams(fragment: string): FrameParams | null {
  const search = new URLSearchParams(fragment.replace(/^#/, ''));
  const channel = search.get('channel');
  const origin = search.get('origin');
  const key = search.get('key');
  if (!channel || !origin || !key) return null;
  let appearance: Appearance | undefined;
  try {
    const raw = search.get('appearance');
    appearance = raw ? (JSON.parse(raw) as Appearance) : undefined;
  } catch {
    appearance = undefined;
  }
  return {
    channel,
    origin,
    key,
    appearance,
    locale: search.get('locale') ?? undefined,
  };
}
