/**
 * createPaypalEmulator(): one self-contained offline PayPal — OAuth, Orders v2, the approval
 * page and JS SDK, signed webhooks and faults — built from options, with all of its state inside
 * the returned object.
 */
import type {Hono} from 'hono';
import {DEFAULT_RETRY_DELAYS_MS} from '../shared/delivery.js';
import type {EmulatorFaults} from '../shared/faults.js';
import {createOutbox} from '../shared/outbox.js';
import type {Env} from './api/context.js';
import {createIdempotencyStore} from './api/idempotency.js';
import {createApp} from './app.js';
import {
  triggerCaptureEvent,
  type CaptureEventKind,
} from './captures/capture-events.js';
import {
  newAccountId,
  newAppId,
  newCertId,
  newClientId,
  newClientSecret,
  newWebhookId,
  randomChars,
} from './core/ids.js';
import {createState, type BuyerChoice, type Core} from './core/state.js';
import type {OrderJson, WebhookEvent} from './core/types.js';
import {createTokenStore, type PaypalEmulatorStats} from './oauth/oauth.js';
import {applyBuyerChoice} from './orders/approval.js';
import {findOrder} from './orders/orders.js';
import {fullOrder} from './orders/view.js';
import {createSigningIdentity} from './webhooks/certificate.js';
import {paypalDelivery, type DeliveryAttempt} from './webhooks/delivery.js';
import {createEventLog} from './webhooks/events.js';

export {DEFAULT_RETRY_DELAYS_MS};

export interface PaypalEmulatorOptions {
  /** Default `Aemulator…` (random). The JS SDK's `client-id` must equal it. */
  clientId?: string;
  /** Default `Eemulator…` (random). */
  clientSecret?: string;
  /** The id of the app's webhook, part of every signature. Default random (`^[A-Z0-9]{17}$`). */
  webhookId?: string;
  /** Where signed events are POSTed; may be set later with setWebhookUrl(). */
  webhookUrl?: string;
  /** Waits before each retry of a failed delivery; after the last, delivery gives up. */
  retryDelaysMs?: number[];
  /** A delivery that gets no answer within this time has failed. Default 10 000. */
  webhookTimeoutMs?: number;
  /** The clock, in milliseconds: timestamps, token expiry, transmission times. */
  now?: () => number;
  /** Access token lifetime. Default 32 400 (nine hours, as PayPal's). */
  tokenTtlSeconds?: number;
  /** Adds routes to the app before it serves anything. */
  extend?: (app: Hono<Env>, emulator: PaypalEmulator) => void;
}

/**
 * Fault injection (../shared/faults.ts, the model both emulators share). A failed request
 * answers 500 INTERNAL_SERVER_ERROR; dropped events are still listed by the events API.
 */
export type PaypalEmulatorFaults = EmulatorFaults;

export interface PaypalEmulatorEvents {
  /** Every event created so far, oldest first, optionally of one type. Snapshots. */
  list(eventType?: string): WebhookEvent[];
  get(id: string): WebhookEvent | undefined;
  /** Every delivery attempt so far (of one event, if given), in order. */
  deliveries(eventId?: string): DeliveryAttempt[];
}

export interface PaypalEmulator {
  /** Usable without a socket: `await emulator.app.request('/v2/…', init)`. */
  app: Hono<Env>;
  clientId: string;
  clientSecret: string;
  webhookId: string;
  /** The emulator's origin once served (startPaypalEmulator sets it); links use it. */
  readonly url: string | undefined;
  /** Tells the emulator the origin it is served at (for links, cert URLs, the SDK). */
  setUrl(url: string): void;
  setWebhookUrl(url: string | undefined): void;
  /** `${url}/v1/notifications/certs/CERT-emulator-…`, the `paypal-cert-url` of every delivery. */
  certUrl(): string;
  /** The PEM certificate served at certUrl(). */
  certificate(): Promise<string>;
  faults: PaypalEmulatorFaults;
  events: PaypalEmulatorEvents;
  /** The order as `GET /v2/checkout/orders/:id` returns it. */
  order(id: string): OrderJson | undefined;
  /** Answers the approval page as the buyer would, without a browser. */
  approve(orderId: string, choice?: BuyerChoice): OrderJson;
  /** Makes a capture pending, completed, denied, refunded, reversed or disputed, and says so. */
  triggerCaptureEvent(
    captureId: string,
    kind: CaptureEventKind,
    /** `reason`: a dispute's; `outcome`: a resolved dispute's (capture-events.ts). */
    options?: {amount?: string; reason?: string; outcome?: string}
  ): WebhookEvent;
  /** Counters for tests of a server's token cache and retries. */
  stats(): PaypalEmulatorStats;
  /** Resolves when every delivery and retry under way has finished (held events excepted). */
  flush(): Promise<void>;
  /** Stops retries and timers and releases hanging requests; nothing is delivered afterwards. */
  close(): Promise<void>;
}

export const DEFAULT_TOKEN_TTL_SECONDS = 32_400;

/** The origin `app.request()` uses when the emulator is not served. */
const UNSERVED_ORIGIN = 'http://localhost';

export function createPaypalEmulator(
  options: PaypalEmulatorOptions = {}
): PaypalEmulator {
  const clientId = options.clientId ?? newClientId();
  const clientSecret = options.clientSecret ?? newClientSecret();
  const webhookId = options.webhookId ?? newWebhookId();
  const now = options.now ?? Date.now;
  const certId = newCertId();
  let webhookUrl = options.webhookUrl;
  let url: string | undefined;
  const baseUrl = () => url ?? UNSERVED_ORIGIN;
  const certUrl = () => `${baseUrl()}/v1/notifications/certs/${certId}`;
  const identity = createSigningIdentity(now());
  // Awaited where used (deliveries, the cert route); never an unhandled rejection.
  identity.catch(() => undefined);
  const state = createState();

  const outbox = createOutbox({
    ...paypalDelivery({webhookId, certUrl, identity, now}),
    url: () => webhookUrl,
    retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
    onResult: (record, delivered) => log.settle(record.event.id, delivered),
  });
  const {faults, dispatch} = outbox;
  const log = createEventLog({
    state,
    now,
    baseUrl,
    hasEndpoint: () => webhookUrl !== undefined,
    dispatch,
  });
  const core: Core = {
    state,
    now,
    baseUrl,
    buyer: {
      payerId: newAccountId(),
      email: 'sb-buyer@personal.example.com',
      givenName: 'John',
      surname: 'Doe',
      countryCode: 'US',
    },
    merchant: {
      merchantId: newAccountId(),
      email: `sb-${randomChars(8).toLowerCase()}@business.example.com`,
    },
    emit: log.emit,
  };
  const setWebhookUrl = (next: string | undefined) => {
    webhookUrl = next;
  };
  const tokenOptions = {
    clientId,
    clientSecret,
    appId: newAppId(),
    ttlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
    now,
  };
  const tokens = createTokenStore(tokenOptions);

  const app = createApp({
    core,
    tokens,
    tokenOptions,
    credentials: {clientId, clientSecret},
    faults,
    setWebhookUrl,
    idempotency: createIdempotencyStore(),
    identity,
    certId,
    certUrl,
    webhookId,
    resend: (record) => {
      if (webhookUrl !== undefined) dispatch(record);
    },
  });

  const emulator: PaypalEmulator = {
    app,
    clientId,
    clientSecret,
    webhookId,
    get url() {
      return url;
    },
    setUrl(next) {
      url = next.replace(/\/+$/, '');
    },
    setWebhookUrl,
    certUrl,
    certificate: async () => (await identity).certificatePem,
    faults: faults.api,
    events: {
      list: (eventType) =>
        state.events
          .filter(
            (r) => eventType === undefined || r.event.event_type === eventType
          )
          .map((r) => structuredClone(r.event)),
      get: (id) => {
        const record = state.events.find((r) => r.event.id === id);
        return record && structuredClone(record.event);
      },
      deliveries: outbox.deliveries,
    },
    order(id) {
      const record = state.orders.get(id);
      return record && fullOrder(core, record);
    },
    approve(orderId, choice = 'approve') {
      const record = findOrder(core, orderId);
      return fullOrder(core, applyBuyerChoice(core, record, choice));
    },
    triggerCaptureEvent: (captureId, kind, eventOptions) =>
      triggerCaptureEvent(core, captureId, kind, eventOptions),
    stats: () => ({...tokens.stats}),
    flush: outbox.flush,
    close: outbox.close,
  };
  options.extend?.(app, emulator);
  return emulator;
}
