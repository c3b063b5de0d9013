/**
 * The postMessage protocol between the fake Stripe.js (on the merchant's page) and the frames it
 * opens on the emulator's origin. Every message carries `protocol` and the frame's `channel`,
 * and both sides check `event.origin` and `event.source` before reading anything: a page with
 * several elements, or a hostile frame, must not be able to answer for ours. The envelope is
 * ../../shared/browser/protocol.ts (the PayPal emulator's too); the messages are Stripe's own.
 */
import type {
  Appearance,
  StripeAddressElementChangeEvent,
  StripeAddressElementOptions,
  StripeError,
} from '@stripe/stripe-js';
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
  /** The Address Element's options (mode, defaultValues, allowedCountries…). */
  options?: AddressOptions;
}

/** The Address Element's options a frame understands (the rest are accepted and ignored). */
export type AddressOptions = Pick<
  StripeAddressElementOptions,
  'mode' | 'allowedCountries' | 'defaultValues'
>;

/** What the Address Element reports: the shape of Stripe's `change` event's `value`. */
export type AddressValue = StripeAddressElementChangeEvent['value'];

/** Parent → an element's frame. Requests carry an id the frame echoes in its reply. */
export type HostMessage =
  | {
      type: 'update';
      requestId: number;
      appearance?: Appearance;
      locale?: string;
      options?: Partial<AddressOptions>;
    }
  | {type: 'focus'}
  | {type: 'submit'; requestId: number}
  | {type: 'create-payment-method'; requestId: number}
  | {type: 'get-value'; requestId: number};

/** An element's frame → parent. */
export type FrameMessage =
  | {type: 'ready'}
  | {type: 'resize'; height: number}
  | {
      type: 'change';
      complete: boolean;
      empty: boolean;
      /** The Address Element's value. */
      value?: AddressValue;
    }
  | {type: 'focus'}
  | {type: 'blur'}
  | {type: 'escape'}
  | {
      type: 'reply';
      requestId: number;
      error?: StripeError;
      paymentMethod?: string;
      /** Answers `get-value`. */
      value?: AddressValue;
      complete?: boolean;
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
  if (params.options) search.set('options', JSON.stringify(params.options));
  return search.toString();
}

/** Reads the fragment; null when a required part is missing (the page was opened by hand). */
export function decodeFrameParams(fragment: string): FrameParams | null {
  const search = new URLSearchParams(fragment.replace(/^#/, ''));
  const channel = search.get('channel');
  const origin = search.get('origin');
  const key = search.get('key');
  if (!channel || !origin || !key) return null;
  return {
    channel,
    origin,
    key,
    appearance: parsed<Appearance>(search.get('appearance')),
    locale: search.get('locale') ?? undefined,
    options: parsed<AddressOptions>(search.get('options')),
  };
}

/** A JSON object from the fragment, or nothing when it is absent or not one. */
function parsed<T>(raw: string | null): T | undefined {
  try {
    const value: unknown = raw ? JSON.parse(raw) : undefined;
    return typeof value === 'object' && value !== null
      ? (value as T)
      : undefined;
  } catch {
    return undefined;
  }
}
