/**
 * The postMessage protocol between the Drop-in fake (on the merchant's page) and the documents
 * it opens on the emulator's origin: the card frame and the 3-D Secure challenge. Every message
 * carries `protocol` and the frame's `channel`; both sides check `event.origin` and
 * `event.source` before reading anything. The envelope is ../../shared/browser/protocol.ts; the
 * messages are Braintree's own. Runs in the browser.
 */
import {envelopes} from '../../shared/browser/protocol.js';

const PROTOCOL = 'braintree-emulator/1';

export type FieldKey = 'number' | 'expirationDate' | 'cvv' | 'postalCode';

/** Hosted Fields' per-field state, as `card:*` events carry it (`HostedFieldsHostedFieldsFieldData`). */
export interface FieldState {
  isEmpty: boolean;
  isValid: boolean;
  isPotentiallyValid: boolean;
  isFocused: boolean;
}

/** What `card:*` events carry: the fields, the card types the number may be, the field emitting. */
export interface CardState {
  fields: Record<FieldKey, FieldState>;
  cards: {type: string; niceType: string; code: {name: string; size: number}}[];
  emittedBy: FieldKey;
}

/** The tokenised card, as the client API answered it (`creditCards[0]`). */
export interface TokenizedCard {
  nonce: string;
  details: {
    bin: string;
    cardType: string;
    expirationMonth: string;
    expirationYear: string;
    cardholderName: string;
    lastFour: string;
    lastTwo: string;
  };
  description: string;
  type: 'CreditCard';
  binData: Record<string, string>;
}

/** Host → card frame. Requests carry an id the frame echoes in its reply. */
export type HostMessage =
  {type: 'tokenize'; requestId: number} | {type: 'clear'} | {type: 'focus'};

/** Card frame → host. */
export type FrameMessage =
  | {type: 'ready'}
  | {type: 'resize'; height: number}
  | {
      type: 'card';
      /** `card:focus`, `card:blur`, `card:empty`, `card:notEmpty`, `card:validityChange`, `card:cardTypeChange`. */
      event: string;
      state: CardState;
    }
  | {
      type: 'reply';
      requestId: number;
      card?: TokenizedCard;
      /** Why it did not tokenise: the fields are wrong (shown under them) or the request failed. */
      error?: {kind: 'invalid' | 'network' | 'refused'; message: string};
    };

/** 3-D Secure challenge → host, once the emulator has recorded the buyer's answer. */
export type ChallengeMessage =
  | {type: 'challenge-result'; response: unknown}
  | {type: 'challenge-cancel'}
  | {type: 'challenge-error'; message: string};

/**
 * The tokenised PayPal account as braintree-web's `tokenizePayment` gives it: the nonce, the type,
 * and the client API's `paypalAccounts[0].details.payerInfo` as `details`.
 */
export interface PaypalAccount {
  nonce: string;
  type: 'PayPalAccount';
  details: {email: string; [key: string]: unknown};
}

/** PayPal's approval window → host, once the emulator has recorded the buyer's answer. */
export type PaypalWindowMessage =
  | {type: 'paypal-approved'; paymentToken: string; payerId: string}
  | {type: 'paypal-cancel'};

export const {envelope, isEnvelope} = envelopes(PROTOCOL);

/** What a frame learns from its URL fragment (never sent to any server). */
export interface FrameParams {
  channel: string;
  /** The merchant page's origin: the only target and the only sender trusted. */
  origin: string;
  /** The client API base (`…/merchants/:id/client_api`) and the token's fingerprint. */
  clientApiUrl: string;
  authorizationFingerprint: string;
  locale?: string;
  /** The merchant's `translations` (single keys over the locale's table). */
  translations?: Record<string, string>;
  /** `card.overrides.styles`, already cut down to Hosted Fields' allow-list. */
  styles?: Record<string, Record<string, string>>;
  /**
   * The colour behind the frame on the merchant's page: the frame paints it, so that what it
   * draws is what shows (Hosted Fields' frames are transparent; a checker sees a white page).
   */
  background?: string;
  /** 3-D Secure only: the nonce being verified and the amount, to say it. */
  nonce?: string;
  amount?: string;
}

export function encodeFrameParams(params: FrameParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined)
      search.set(
        key,
        typeof value === 'string' ? value : JSON.stringify(value)
      );
  return search.toString();
}

/** Reads the fragment; null when a required part is missing (the page was opened by hand). */
export function decodeFrameParams(fragment: string): FrameParams | null {
  const search = new URLSearchParams(fragment.replace(/^#/, ''));
  const get = (key: string) => search.get(key) ?? undefined;
  const channel = get('channel');
  const origin = get('origin');
  const clientApiUrl = get('clientApiUrl');
  const authorizationFingerprint = get('authorizationFingerprint');
  if (!channel || !origin || !clientApiUrl || !authorizationFingerprint)
    return null;
  return {
    channel,
    origin,
    clientApiUrl,
    authorizationFingerprint,
    locale: get('locale'),
    translations: parsed(get('translations')),
    styles: parsed(get('styles')),
    background: get('background'),
    nonce: get('nonce'),
    amount: get('amount'),
  };
}

function parsed<T>(raw: string | undefined): T | undefined {
  try {
    const value: unknown = raw ? JSON.parse(raw) : undefined;
    return typeof value === 'object' && value !== null
      ? (value as T)
      : undefined;
  } catch {
    return undefined;
  }
}
