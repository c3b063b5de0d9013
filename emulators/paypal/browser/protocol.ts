/**
 * The postMessage protocol between the fake JS SDK (on the shop's page) and the two documents it
 * opens on the emulator's origin: the button frame and the approval popup. Every message carries
 * `protocol` and a random `channel`; receivers check `event.origin` and `event.source` before
 * reading anything, and senders name the one origin they trust as the target. The envelope is
 * ../../shared/browser/protocol.ts (the Stripe emulator's too); the messages are PayPal's own.
 */
import {envelopes} from '../../shared/browser/protocol.js';
import type {ButtonStyle} from './style.js';

const PROTOCOL = 'paypal-emulator/1';

/** Button frame → SDK. */
export type ButtonFrameMessage =
  | {type: 'ready'; height: number}
  | {type: 'resize'; height: number}
  | {type: 'click'};

/** SDK → button frame. */
export type SdkToFrameMessage =
  {type: 'enabled'; enabled: boolean} | {type: 'style'; style: ButtonStyle};

/** The part of an address PayPal tells the merchant (`onShippingAddressChange`). */
export interface ShippingPlace {
  city?: string;
  state?: string;
  postalCode?: string;
  countryCode: string;
}

/**
 * Approval popup → SDK (its opener): the buyer's answer, once the emulator has recorded it; or
 * a shipping change for the merchant's callbacks, which the SDK answers with `shipping-result`.
 */
export type CheckoutMessage =
  | {type: 'approved'; orderID: string; payerID: string}
  | {type: 'cancelled'; orderID: string}
  | {type: 'error'; message: string}
  | {type: 'shipping-address'; orderID: string; address: ShippingPlace}
  | {type: 'shipping-option'; orderID: string; optionId: string};

/** SDK → approval popup: whether the merchant accepted the change, and PayPal's sentence if not. */
export type ShippingResultMessage = {
  type: 'shipping-result';
  ok: boolean;
  message?: string;
};

export const {envelope, isEnvelope} = envelopes(PROTOCOL);

/** What a frame or popup learns from its URL fragment (never sent to the server). */
interface WindowParams {
  channel: string;
  /** The shop page's origin: the only target and the only sender trusted. */
  origin: string;
  style?: ButtonStyle;
}

export function encodeWindowParams(params: WindowParams): string {
  const search = new URLSearchParams({
    channel: params.channel,
    origin: params.origin,
  });
  if (params.style) search.set('style', JSON.stringify(params.style));
  return search.toString();
}

/** Reads the fragment; null when a required part is missing (the page was opened by hand). */
export function decodeWindowParams(fragment: string): WindowParams | null {
  const search = new URLSearchParams(fragment.replace(/^#/, ''));
  const channel = search.get('channel');
  const origin = search.get('origin');
  if (!channel || !origin) return null;
  let style: ButtonStyle | undefined;
  try {
    const raw = search.get('style');
    style = raw ? (JSON.parse(raw) as ButtonStyle) : undefined;
  } catch {
    style = undefined;
  }
  return {channel, origin, style};
}
