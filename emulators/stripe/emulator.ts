/**
 * createStripeEmulator(): one self-contained offline Stripe — API, events, webhook delivery
 * and faults — built from options, with all of its state inside the returned object.
 */
import type {Hono} from 'hono';
import {DEFAULT_RETRY_DELAYS_MS} from '../shared/delivery.js';
import type {EmulatorFaults} from '../shared/faults.js';
import {createOutbox} from '../shared/outbox.js';
import type {Env} from './api/context.js';
import {createIdempotencyStore} from './api/idempotency.js';
import {createApp} from './app.js';
import {randomString} from './core/ids.js';
import {createState, type Core} from './core/state.js';
import type {EventJson} from './core/types.js';
import {createEventLog} from './events/events.js';
import {stripeBrowserRoutes} from './stripe-js/stripe-js.js';
import {stripeDelivery, type DeliveryAttempt} from './webhooks/delivery.js';

export {DEFAULT_RETRY_DELAYS_MS};

/** The API version stripe@23 pins; events are stamped with it, as an account's default. */
export const DEFAULT_API_VERSION = '2026-10-28.endive';

export interface StripeEmulatorOptions {
  /** Default `sk_test_emulator_…` (random). Required on every server call. */
  secretKey?: string;
  /** Default `pk_test_emulator_…` (random). */
  publishableKey?: string;
  /** Default `whsec_…` (random). Signs every webhook delivery. */
  webhookSecret?: string;
  /** Where signed events are POSTed; may be set later with setWebhookUrl(). */
  webhookUrl?: string;
  /** Waits before each retry of a failed delivery; after the last, delivery gives up. */
  retryDelaysMs?: number[];
  /** A delivery that gets no answer within this time has failed. Default 10 000. */
  webhookTimeoutMs?: number;
  /** The clock, in milliseconds, for `created` fields and signature timestamps. */
  now?: () => number;
  /** `api_version` stamped on events. */
  apiVersion?: string;
  /**
   * Adds routes to the app before it serves anything — for the Stripe.js fake and its pages
   * (`/elements/3ds/:id` and friends), which live on the emulator's origin.
   */
  extend?: (app: Hono<Env>, emulator: StripeEmulator) => void;
}

/**
 * Fault injection (../shared/faults.ts, the model both emulators share). A failed request
 * answers 500 with Stripe's `api_error` shape; dropped events are still listed by `/v1/events`.
 */
export type StripeEmulatorFaults = EmulatorFaults;

export interface StripeEmulatorEvents {
  /** Every event created so far, oldest first, optionally of one type. Snapshots. */
  list(type?: string): EventJson[];
  get(id: string): EventJson | undefined;
  /** Every delivery attempt so far (of one event, if given), in order. */
  deliveries(eventId?: string): DeliveryAttempt[];
}

export interface StripeEmulator {
  /** Usable without a socket: `await emulator.app.request('/v1/…', init)`. */
  app: Hono<Env>;
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
  setWebhookUrl(url: string | undefined): void;
  faults: StripeEmulatorFaults;
  events: StripeEmulatorEvents;
  /** Resolves when every delivery and retry under way has finished (held events excepted). */
  flush(): Promise<void>;
  /** Stops retries and timers and releases hanging requests; nothing is delivered afterwards. */
  close(): Promise<void>;
}

export function createStripeEmulator(
  options: StripeEmulatorOptions = {}
): StripeEmulator {
  const secretKey = options.secretKey ?? `sk_test_emulator_${randomString(24)}`;
  const publishableKey =
    options.publishableKey ?? `pk_test_emulator_${randomString(24)}`;
  const webhookSecret = options.webhookSecret ?? `whsec_${randomString(32)}`;
  const now = options.now ?? Date.now;
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  let webhookUrl = options.webhookUrl;
  const state = createState();

  const outbox = createOutbox({
    ...stripeDelivery({secret: webhookSecret, now}),
    url: () => webhookUrl,
    retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
    onResult: (record, delivered) => log.settle(record.event.id, delivered),
  });
  const {faults} = outbox;
  const log = createEventLog({
    state,
    apiVersion,
    now,
    hasEndpoint: () => webhookUrl !== undefined,
    dispatch: outbox.dispatch,
  });
  const core: Core = {state, now, emit: log.emit};
  const setWebhookUrl = (url: string | undefined) => {
    webhookUrl = url;
  };

  const app = createApp({
    core,
    secretKey,
    publishableKey,
    faults,
    apiVersion,
    idempotency: createIdempotencyStore(),
    setWebhookUrl,
  });

  const emulator: StripeEmulator = {
    app,
    secretKey,
    publishableKey,
    webhookSecret,
    setWebhookUrl,
    faults: faults.api,
    events: {
      list: (type) =>
        state.events
          .filter((r) => type === undefined || r.event.type === type)
          .map((r) => structuredClone(r.event)),
      get: (id) => {
        const record = state.events.find((r) => r.event.id === id);
        return record && structuredClone(record.event);
      },
      deliveries: outbox.deliveries,
    },
    flush: outbox.flush,
    close: outbox.close,
  };
  // Stripe.js and its frames live on the emulator's origin, as js.stripe.com serves Stripe's.
  app.route('/', stripeBrowserRoutes());
  options.extend?.(app, emulator);
  return emulator;
}
