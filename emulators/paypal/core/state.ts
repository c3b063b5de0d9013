/**
 * Everything one emulator remembers, in memory and per instance (never at module level, so
 * tests can build as many emulators as they like), and the handful of things every route shares.
 */
import {isoSeconds} from './ids.js';
import type {DisputeResource, OrderJson, WebhookEvent} from './types.js';

/**
 * What the buyer chose on the approval page. `decline` approves with a card the bank will
 * refuse at capture; `pending` (not on the page: a test control) makes the capture PENDING.
 */
export type BuyerChoice = 'approve' | 'decline' | 'cancel' | 'pending';

type Funding = Exclude<BuyerChoice, 'cancel'>;

export interface OrderRecord {
  /** The order as GET returns it, minus `links` (views add them). */
  order: OrderJson;
  /** How the buyer funded the approval; null until approved. */
  funding: Funding | null;
  returnUrl: string | null;
  cancelUrl: string | null;
  /** `experience_context.shipping_preference` (GET_FROM_FILE when not given). */
  shippingPreference: 'GET_FROM_FILE' | 'NO_SHIPPING' | 'SET_PROVIDED_ADDRESS';
  /** Disputes opened on its captures (captures/capture-events.ts), oldest first. */
  disputes?: DisputeResource[];
}

export interface EventRecord {
  event: WebhookEvent;
  /** The exact bytes delivered (and signed): compact JSON. */
  body: string;
  /** `null` while undelivered (or with no endpoint), then whether delivery succeeded. */
  delivered: boolean | null;
}

/** The sandbox buyer who approves every order. */
export interface Buyer {
  payerId: string;
  email: string;
  givenName: string;
  surname: string;
  countryCode: string;
}

interface Merchant {
  merchantId: string;
  email: string;
}

export interface State {
  orders: Map<string, OrderRecord>;
  /** Capture id → the order holding it. */
  captures: Map<string, string>;
  events: EventRecord[];
}

export interface Core {
  state: State;
  /** Milliseconds, from the emulator's clock. */
  now(): number;
  /** The origin links, cert URLs and the approval page use. */
  baseUrl(): string;
  buyer: Buyer;
  merchant: Merchant;
  emit(
    eventType: string,
    resourceType: string,
    resource: WebhookEvent['resource'],
    summary: string
  ): WebhookEvent;
}

export function createState(): State {
  return {orders: new Map(), captures: new Map(), events: []};
}

/** `create_time`-style timestamps: RFC 3339 to the second. */
export function timestamp(core: Pick<Core, 'now'>): string {
  return isoSeconds(core.now());
}
