/**
 * The postMessage protocol between the fake `square.js` (on the shop's page) and the two
 * documents it opens on the emulator's origin: the card frame and the verification challenge.
 * Every message carries `protocol` and a random `channel`; receivers check `event.origin` and
 * `event.source` before reading anything, and senders name the one origin they trust as the
 * target. The envelope is ../../shared/browser/protocol.ts (Stripe's and PayPal's too).
 */
import type {
  CardClassSelectors,
  CardFieldNamesValues,
  CardInputEvent,
  TokenResult,
} from '@square/web-payments-sdk-types';
import {envelopes} from '../../shared/browser/protocol.js';

const PROTOCOL = 'square-emulator/1';

/** Page → card frame. Requests carry an id the frame echoes in its reply. */
export type PageToCardMessage =
  | {type: 'configure'; style?: CardClassSelectors; postalCode?: string}
  | {type: 'locale'; locale: string}
  | {type: 'measure'}
  | {type: 'focus'; requestId: number; field: CardFieldNamesValues}
  | {type: 'clear'; requestId: number}
  | {type: 'set-error'; requestId: number; field: CardFieldNamesValues}
  | {type: 'tokenize'; requestId: number};

/** Card frame → page. */
export type CardToPageMessage =
  | {type: 'ready'; height: number}
  | {type: 'resize'; height: number}
  | {type: 'event'; event: CardInputEvent}
  | {type: 'reply'; requestId: number; ok?: boolean; result?: TokenResult};

/** Challenge frame → page, once the emulator has recorded the buyer's answer. */
export type ChallengeMessage =
  | {type: 'challenge-ready'}
  | {type: 'challenge-result'; outcome: 'pass' | 'fail'};

export const {envelope, isEnvelope} = envelopes(PROTOCOL);

/** What a frame learns from its URL fragment (never sent to the server). */
export interface FrameParams {
  channel: string;
  /** The shop page's origin: the only target and the only sender trusted. */
  origin: string;
  applicationId: string;
  locationId?: string;
  locale?: string;
  style?: CardClassSelectors;
  postalCode?: string;
  /** The challenge: which verification, and what it is for. */
  verification?: string;
  amount?: string;
  currencyCode?: string;
}

export function encodeFrameParams(params: FrameParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return search.toString();
}

/** Reads the fragment; null when a required part is missing (the page was opened by hand). */
export function decodeFrameParams(fragment: string): FrameParams | null {
  const search = new URLSearchParams(fragment.replace(/^#/, ''));
  const channel = search.get('channel');
  const origin = search.get('origin');
  const applicationId = search.get('applicationId');
  if (!channel || !origin || !applicationId) return null;
  const optional = (key: string) => search.get(key) ?? undefined;
  return {
    channel,
    origin,
    applicationId,
    locationId: optional('locationId'),
    locale: optional('locale'),
    style: parsed<CardClassSelectors>(search.get('style')),
    postalCode: optional('postalCode'),
    verification: optional('verification'),
    amount: optional('amount'),
    currencyCode: optional('currencyCode'),
  };
}

function parsed<T>(raw: string | null): T | undefined {
  try {
    const value: unknown = raw ? JSON.parse(raw) : undefined;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as T)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A channel id no other frame on the page can guess. */
export function randomChannel(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
