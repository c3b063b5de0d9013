/**
 * createSquareEmulator(): one self-contained offline Square (Payments and Refunds APIs, the
 * Web Payments SDK's backend and its fake, signed webhooks, faults) built from options, with
 * all of its state inside the returned object.
 */
import type {Hono} from 'hono';
import {DEFAULT_RETRY_DELAYS_MS} from '../shared/delivery.js';
import type {EmulatorFaults, FaultSnapshot} from '../shared/faults.js';
import {createOutbox} from '../shared/outbox.js';
import type {Env} from './api/context.js';
import {createIdempotencyStore} from './api/idempotency.js';
import {createApp} from './app.js';
import {
  newAccessToken,
  newApplicationId,
  newMerchantId,
  newSignatureKey,
} from './core/ids.js';
import {buildLocations} from './core/locations.js';
import {createState, type Core} from './core/state.js';
import type {
  DisputeJson,
  PaymentJson,
  RefundJson,
  WebhookEvent,
} from './core/types.js';
import {moveDispute, openDispute} from './disputes/disputes.js';
import {settleRefund} from './refunds/refunds.js';
import {browserShortcuts, type TestCardInput} from './web-sdk/shortcuts.js';
import {squareDelivery, type DeliveryAttempt} from './webhooks/delivery.js';
import {createEventLog} from './webhooks/events.js';

export {DEFAULT_RETRY_DELAYS_MS};
export type {TestCardInput};

export interface SquareEmulatorOptions {
  /** The bearer token the REST API takes. Default `EAAA…` (random). */
  accessToken?: string;
  /** The Web Payments SDK's application id. Default `sandbox-sq0idb-…` (random). */
  applicationId?: string;
  merchantId?: string;
  /**
   * Currency (ISO, upper case) → location id, one location per currency (each location has its
   * country's currency). Default: USD, EUR, GBP, CAD, AUD and JPY, with random ids. The first is
   * the main location, used when a payment names none.
   */
  locations?: Readonly<Record<string, string>>;
  /** The webhook subscription's notification URL; may be set later with setWebhookUrl(). */
  webhookUrl?: string;
  /** The subscription's signature key. Default random. */
  signatureKey?: string;
  /** `square-environment` on deliveries. Default `Sandbox`. */
  environment?: 'Sandbox' | 'Production';
  /** Waits before each retry of a failed delivery; after the last, delivery gives up. */
  retryDelaysMs?: number[];
  /** A delivery not answered within this time has failed (`http_timeout`). Default 10 000, as Square's. */
  webhookTimeoutMs?: number;
  /** How long a minted card token stays usable. Default 24 hours, as Square's. */
  nonceTtlMs?: number;
  /** A refund completes this long after it is made. Default 0; `null` keeps it PENDING until a control settles it. */
  refundSettleMs?: number | null;
  /** The clock, in milliseconds: timestamps, token expiry, delayed capture. */
  now?: () => number;
  /** Adds routes to the app before it serves anything. */
  extend?: (app: Hono<Env>, emulator: SquareEmulator) => void;
}

/** The shared fault model (../shared/faults.ts), plus deliveries signed with the wrong key. */
export interface SquareEmulatorFaults extends EmulatorFaults {
  /** The next `count` delivery attempts carry a signature made with another key. */
  badSignatureNextDeliveries(count?: number): void;
}

export interface SquareEmulatorEvents {
  /** Every event so far, oldest first, optionally of one type. Snapshots. */
  list(type?: string): WebhookEvent[];
  get(eventId: string): WebhookEvent | undefined;
  /** Every delivery attempt so far (of one event, if given), in order. */
  deliveries(eventId?: string): DeliveryAttempt[];
}

export interface SquareEmulator {
  /** Usable without a socket: `await emulator.app.request('/v2/…', init)`. */
  app: Hono<Env>;
  accessToken: string;
  applicationId: string;
  merchantId: string;
  signatureKey: string;
  /** Currency → location id. */
  locations: Readonly<Record<string, string>>;
  readonly url: string | undefined;
  setUrl(url: string): void;
  /** The notification URL (deliveries go there and are signed with it). */
  webhookUrl(): string | undefined;
  setWebhookUrl(url: string | undefined): void;
  faults: SquareEmulatorFaults;
  events: SquareEmulatorEvents;
  payment(id: string): PaymentJson | undefined;
  refund(id: string): RefundJson | undefined;
  dispute(id: string): DisputeJson | undefined;
  /** What the card form's tokenize() gives: a single-use `cnon:` token. Throws on a refused card. */
  cardNonce(card?: TestCardInput): string;
  /** verifyBuyer: `{token: 'verf:…', challenge}`; a challenge then waits for completeVerification(). */
  verifyBuyer(
    source: string,
    details: {amount: string; currency?: string}
  ): {token: string; challenge: boolean};
  completeVerification(token: string, outcome: 'pass' | 'fail'): void;
  /** Opens a dispute on a completed payment (`dispute.created`). */
  openDispute(
    paymentId: string,
    options?: {reason?: string; amount?: number}
  ): DisputeJson;
  /** Moves a dispute to a state (`dispute.state.updated`). */
  moveDispute(disputeId: string, state: DisputeJson['state']): DisputeJson;
  completeRefund(refundId: string): RefundJson;
  failRefund(refundId: string, status?: 'FAILED' | 'REJECTED'): RefundJson;
  /** Resolves when every scheduled refund, delivery and retry under way has finished (held events excepted). */
  flush(): Promise<void>;
  /** Stops retries and timers and releases hanging requests; nothing is delivered afterwards. */
  close(): Promise<void>;
}

export function createSquareEmulator(
  options: SquareEmulatorOptions = {}
): SquareEmulator {
  const accessToken = options.accessToken ?? newAccessToken();
  const applicationId = options.applicationId ?? newApplicationId();
  const merchantId = options.merchantId ?? newMerchantId();
  const signatureKey = options.signatureKey ?? newSignatureKey();
  const now = options.now ?? Date.now;
  const locations = buildLocations(options.locations);
  let webhookUrl = options.webhookUrl;
  let url: string | undefined;
  let badSignatures = 0;
  const state = createState();

  const timers = new Set<ReturnType<typeof setTimeout>>();
  const scheduled = new Set<Promise<void>>();
  let closed = false;

  const outbox = createOutbox({
    ...squareDelivery({
      signatureKey: () => signatureKey,
      url: () => webhookUrl,
      environment: options.environment ?? 'Sandbox',
      now,
      corruptNext: () => (badSignatures > 0 ? (badSignatures--, true) : false),
    }),
    url: () => webhookUrl,
    retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
    onResult: (record, delivered) =>
      log.settle(record.event.event_id, delivered),
  });
  const log = createEventLog({
    state,
    now,
    merchantId,
    hasEndpoint: () => webhookUrl !== undefined,
    dispatch: outbox.dispatch,
  });
  const core: Core = {
    state,
    now,
    merchantId,
    applicationId,
    locations,
    nonceTtlMs: options.nonceTtlMs ?? 24 * 3600 * 1000,
    refundSettleMs:
      options.refundSettleMs === undefined ? 0 : options.refundSettleMs,
    schedule(ms, task) {
      if (closed) return;
      const done = new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          try {
            task();
          } catch {
            // A task's own checks (a refund settled meanwhile) are not the caller's failure.
          }
          resolve();
        }, ms);
        timers.add(timer);
      });
      scheduled.add(done);
      void done.then(() => scheduled.delete(done));
    },
    emit: log.emit,
  };
  const setWebhookUrl = (next: string | undefined) => {
    webhookUrl = next;
  };
  const faults: SquareEmulatorFaults = {
    ...outbox.faults.api,
    badSignatureNextDeliveries(count = 1) {
      if (!Number.isInteger(count) || count < 0)
        throw new RangeError(`count must be a whole number: ${count}`);
      badSignatures = count;
    },
    snapshot: (): FaultSnapshot => outbox.faults.api.snapshot(),
  };
  const app = createApp({
    core,
    accessToken,
    faults: outbox.faults,
    badSignatures: {
      arm: (count) => (badSignatures = count),
      remaining: () => badSignatures,
    },
    setWebhookUrl,
    deliveries: outbox.deliveries,
    idempotency: createIdempotencyStore(),
  });

  const emulator: SquareEmulator = {
    app,
    accessToken,
    applicationId,
    merchantId,
    signatureKey,
    locations: Object.fromEntries(
      [...locations.values()].map((l) => [l.currency, l.id])
    ),
    get url() {
      return url;
    },
    setUrl(next) {
      url = next.replace(/\/+$/, '');
    },
    webhookUrl: () => webhookUrl,
    setWebhookUrl,
    faults,
    events: {
      list: (type) =>
        state.events
          .filter((r) => type === undefined || r.event.type === type)
          .map((r) => structuredClone(r.event)),
      get: (eventId) => {
        const record = state.events.find((r) => r.event.event_id === eventId);
        return record && structuredClone(record.event);
      },
      deliveries: outbox.deliveries,
    },
    payment: (id) => structuredClone(state.payments.get(id)?.payment),
    refund: (id) => structuredClone(state.refunds.get(id)?.refund),
    dispute: (id) => structuredClone(state.disputes.get(id)),
    ...browserShortcuts(core),
    openDispute: (paymentId, disputeOptions) =>
      structuredClone(openDispute(core, paymentId, disputeOptions)),
    moveDispute: (disputeId, next) =>
      structuredClone(moveDispute(core, disputeId, next)),
    completeRefund: (refundId) =>
      structuredClone(settleRefund(core, refundId, 'COMPLETED')),
    failRefund: (refundId, status = 'FAILED') =>
      structuredClone(settleRefund(core, refundId, status)),
    async flush() {
      while (scheduled.size > 0) await Promise.all([...scheduled]);
      await outbox.flush();
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      scheduled.clear();
      await outbox.close();
    },
  };
  options.extend?.(app, emulator);
  return emulator;
}
