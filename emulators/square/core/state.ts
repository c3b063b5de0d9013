/**
 * Everything one emulator remembers, in memory and per instance (never at module level, so
 * tests can build as many emulators as they like), and what every route shares.
 */
import type {TestCard} from '../cards/test-cards.js';
import {iso, newVersionToken} from './ids.js';
import type {
  DisputeJson,
  PaymentJson,
  RefundJson,
  WebhookEvent,
} from './types.js';

export interface Location {
  id: string;
  currency: string;
  country: string;
}

/** A card token minted by the card form (`POST /web-sdk/v1/card-nonces`). */
export interface NonceRecord {
  token: string;
  card: TestCard;
  expMonth: number;
  expYear: number;
  cvv: string;
  postalCode: string;
  createdAt: number;
  /** The payment that spent it: a token is good for one payment. */
  usedBy: string | null;
  /**
   * The amount a passed verification of it was for (the new flow sends no verification token:
   * the card token carries the verification); null until one passes.
   */
  verified: {amount: number | null; currency: string | null} | null;
}

/** One buyer verification (`POST /web-sdk/v1/verifications`). */
export interface VerificationRecord {
  token: string;
  /** The card token it verifies. */
  source: string;
  amount: number | null;
  currency: string | null;
  intent: 'CHARGE' | 'STORE' | 'CHARGE_AND_STORE';
  status: 'challenged' | 'passed' | 'failed';
}

export interface PaymentRecord {
  payment: PaymentJson;
  idempotencyKey: string;
  /** Auto-cancel or -complete is due at this time (ms), for APPROVED payments. */
  delayedUntil: number;
}

export interface RefundRecord {
  refund: RefundJson;
}

export interface EventRecord {
  event: WebhookEvent;
  /** The exact bytes delivered (and signed). */
  body: string;
  /** `null` while undelivered (or with no endpoint), then whether delivery succeeded. */
  delivered: boolean | null;
}

export interface State {
  payments: Map<string, PaymentRecord>;
  refunds: Map<string, RefundRecord>;
  disputes: Map<string, DisputeJson>;
  nonces: Map<string, NonceRecord>;
  verifications: Map<string, VerificationRecord>;
  /** CreatePayment idempotency key → the payment it made (CancelPaymentByIdempotencyKey). */
  paymentKeys: Map<string, string>;
  /** Card number → its `fingerprint`: the same card gives the same one. */
  fingerprints: Map<string, string>;
  events: EventRecord[];
}

export interface Core {
  state: State;
  /** Milliseconds, from the emulator's clock. */
  now(): number;
  merchantId: string;
  applicationId: string;
  /** By id. */
  locations: Map<string, Location>;
  /** Card tokens minted by the form stay usable this long (24 hours at Square). */
  nonceTtlMs: number;
  /** How long a refund stays PENDING before it completes; null: until a control settles it. */
  refundSettleMs: number | null;
  /** Runs `task` after `ms` on a timer the emulator tracks (flush waits, close cancels). */
  schedule(ms: number, task: () => void): void;
  emit(
    type: string,
    object: {payment?: PaymentJson; refund?: RefundJson; dispute?: DisputeJson}
  ): WebhookEvent;
}

export function createState(): State {
  return {
    payments: new Map(),
    refunds: new Map(),
    disputes: new Map(),
    nonces: new Map(),
    verifications: new Map(),
    paymentKeys: new Map(),
    fingerprints: new Map(),
    events: [],
  };
}

export function timestamp(core: Pick<Core, 'now'>): string {
  return iso(core.now());
}

/** A change to a payment: a new `updated_at` and `version_token`. */
export function touchPayment(core: Core, payment: PaymentJson): void {
  payment.updated_at = timestamp(core);
  payment.version_token = newVersionToken();
}
