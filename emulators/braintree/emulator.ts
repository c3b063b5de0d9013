/**
 * createBraintreeEmulator(): one self-contained offline Braintree (the gateway API the `braintree`
 * SDK speaks, client tokens, the client API and 3-D Secure, the Drop-in fake's files, signed
 * webhook notifications and faults) built from options, with all of its state inside the
 * returned object.
 */
import type {Hono} from 'hono';
import {DEFAULT_RETRY_DELAYS_MS} from '../shared/delivery.js';
import type {EmulatorFaults} from '../shared/faults.js';
import {createOutbox} from '../shared/outbox.js';
import type {Env} from './api/context.js';
import {isoSeconds, xmlDocument} from './api/xml.js';
import {createApp} from './app.js';
import {clientToken} from './client-api/authorization.js';
import {
  notificationSummary,
  transactionSummary,
  disputeSummary,
} from './controls.js';
import {
  newMerchantId,
  newPrivateKey,
  newPublicKey,
  randomChars,
} from './core/ids.js';
import {createState, type Core, type NotificationRecord} from './core/state.js';
import {openDispute, resolveDispute} from './disputes/disputes.js';
import {simulateSettlement} from './transactions/lifecycle.js';
import {braintreeDelivery, type DeliveryAttempt} from './webhooks/delivery.js';
import {verifyDestination, type ChallengeResult} from './webhooks/challenge.js';
import {encodePayload} from './webhooks/signature.js';

export {DEFAULT_RETRY_DELAYS_MS};

export interface BraintreeEmulatorOptions {
  /** Default random (16 lowercase letters and digits, as sandbox merchant ids are). */
  merchantId?: string;
  publicKey?: string;
  privateKey?: string;
  /**
   * Currency (uppercase ISO) → merchant account id; a sale without `merchantAccountId` uses the
   * first. Default `{USD: '<merchantId>_usd'}`.
   */
  merchantAccounts?: Record<string, string>;
  /** Where signed notifications are POSTed; may be set later with setWebhookUrl(). */
  webhookUrl?: string;
  /** Waits before each retry of a failed delivery; after the last, delivery gives up. */
  retryDelaysMs?: number[];
  /** A delivery that gets no answer within this time has failed. Default 10 000. */
  webhookTimeoutMs?: number;
  /** The clock, in milliseconds. */
  now?: () => number;
  /** Adds routes to the app before it serves anything. */
  extend?: (app: Hono<Env>, emulator: BraintreeEmulator) => void;
}

/** Fault injection (../shared/faults.ts), plus signatures that do not verify. */
export interface BraintreeEmulatorFaults extends EmulatorFaults {
  /** The next `count` notifications are signed with a wrong key (the receiver must refuse them). */
  badSignatureNextEvents(count?: number): void;
}

export interface BraintreeEmulator {
  /** Usable without a socket: `await emulator.app.request('/merchants/…', init)`. */
  app: Hono<Env>;
  merchantId: string;
  publicKey: string;
  privateKey: string;
  /** Currency → merchant account id. */
  merchantAccounts: Record<string, string>;
  /** The emulator's origin once served (startBraintreeEmulator sets it); client tokens name it. */
  readonly url: string | undefined;
  setUrl(url: string): void;
  setWebhookUrl(url: string | undefined): void;
  /** Sends the destination check (`GET url?bt_challenge=…`) and says whether it was answered right. */
  verifyWebhookEndpoint(): Promise<ChallengeResult>;
  /** A client token, as `gateway.clientToken.generate` would return it. */
  clientToken(merchantAccountId?: string): string;
  /** `testing.settle` without the SDK: settles (or declines settlement by amount) and notifies. */
  settle(transactionId: string): ReturnType<typeof transactionSummary>;
  declineSettlement(
    transactionId: string
  ): ReturnType<typeof transactionSummary>;
  /** Opens a chargeback on a settled sale (`dispute_opened`). */
  openDispute(
    transactionId: string,
    options?: {amount?: string; reason?: string}
  ): ReturnType<typeof disputeSummary>;
  winDispute(disputeId: string): ReturnType<typeof disputeSummary>;
  loseDispute(disputeId: string): ReturnType<typeof disputeSummary>;
  transaction(id: string): ReturnType<typeof transactionSummary> | undefined;
  notifications(kind?: string): ReturnType<typeof notificationSummary>[];
  /** Every delivery attempt so far (of one notification, if given), in order. */
  deliveries(notificationId?: string): DeliveryAttempt[];
  faults: BraintreeEmulatorFaults;
  /** Resolves when every delivery and retry under way has finished (held events excepted). */
  flush(): Promise<void>;
  /** Stops retries and timers; nothing is delivered afterwards. */
  close(): Promise<void>;
}

/** The origin `app.request()` uses when the emulator is not served. */
const UNSERVED_ORIGIN = 'http://localhost';

export function createBraintreeEmulator(
  options: BraintreeEmulatorOptions = {}
): BraintreeEmulator {
  const merchantId = options.merchantId ?? newMerchantId();
  const publicKey = options.publicKey ?? newPublicKey();
  const privateKey = options.privateKey ?? newPrivateKey();
  const accounts = options.merchantAccounts ?? {USD: `${merchantId}_usd`};
  const merchantAccounts = new Map(
    Object.entries(accounts).map(([currency, id]) => [
      currency.toUpperCase(),
      id,
    ])
  );
  const defaultMerchantAccountId = merchantAccounts.values().next().value;
  if (defaultMerchantAccountId === undefined) {
    throw new RangeError('merchantAccounts needs at least one currency');
  }
  const now = options.now ?? Date.now;
  let webhookUrl = options.webhookUrl;
  let url: string | undefined;
  let forged = 0;
  const state = createState();

  const outbox = createOutbox({
    ...braintreeDelivery({
      publicKey,
      privateKey,
      forgeNext: () => (forged > 0 ? (forged--, true) : false),
    }),
    url: () => webhookUrl,
    retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
    onResult: (record, delivered) => {
      if (record.delivered !== true) record.delivered = delivered;
    },
  });
  const {faults, dispatch} = outbox;

  const core: Core = {
    state,
    now,
    merchantId,
    publicKey,
    privateKey,
    merchantAccounts,
    defaultMerchantAccountId,
    baseUrl: () => url ?? UNSERVED_ORIGIN,
    notify(kind, subjectId, subjectXml) {
      const timestamp = now();
      // The SDK's own sample notifications (webhook_testing_gateway.js) are this document.
      const xml = xmlDocument('notification', {}).replace(
        '<notification>\n</notification>',
        `<notification>\n  <timestamp type="datetime">${isoSeconds(timestamp)}</timestamp>\n  <kind>${kind}</kind>\n  <subject>\n${subjectXml}\n  </subject>\n</notification>`
      );
      const record: NotificationRecord = {
        id: `${kind}_${randomChars(12)}`,
        kind,
        timestamp,
        payload: encodePayload(xml),
        subjectId,
        delivered: null,
      };
      state.notifications.push(record);
      if (webhookUrl !== undefined) dispatch(record);
      return record;
    },
  };

  const setWebhookUrl = (next: string | undefined) => {
    webhookUrl = next;
  };
  const forgeNextSignatures = (count: number) => {
    forged = count;
  };
  const verifyWebhookEndpoint = async (): Promise<ChallengeResult> => {
    if (webhookUrl === undefined)
      return {challenge: '', status: null, verified: false};
    return verifyDestination(
      webhookUrl,
      {publicKey, privateKey},
      options.webhookTimeoutMs ?? 10_000
    );
  };
  const app = createApp({
    verifyWebhookEndpoint,
    core,
    faults,
    forgeNextSignatures,
    setWebhookUrl,
    deliveries: outbox.deliveries,
    resend: (record) => {
      if (webhookUrl !== undefined) dispatch(record);
    },
  });

  const find = (id: string) => {
    const t = state.transactions.get(id);
    return t && transactionSummary(t);
  };
  const emulator: BraintreeEmulator = {
    app,
    merchantId,
    publicKey,
    privateKey,
    merchantAccounts: Object.fromEntries(merchantAccounts),
    get url() {
      return url;
    },
    setUrl(next) {
      url = next.replace(/\/+$/, '');
    },
    setWebhookUrl,
    verifyWebhookEndpoint,
    clientToken: (accountId = defaultMerchantAccountId) =>
      clientToken(core, accountId),
    settle: (id) => transactionSummary(simulateSettlement(core, id, 'settle')),
    declineSettlement: (id) =>
      transactionSummary(simulateSettlement(core, id, 'settlement_decline')),
    openDispute: (id, disputeOptions) =>
      disputeSummary(openDispute(core, id, disputeOptions)),
    winDispute: (id) => disputeSummary(resolveDispute(core, id, 'won')),
    loseDispute: (id) => disputeSummary(resolveDispute(core, id, 'lost')),
    transaction: find,
    notifications: (kind) =>
      state.notifications
        .filter((n) => kind === undefined || n.kind === kind)
        .map(notificationSummary),
    deliveries: outbox.deliveries,
    faults: {
      ...faults.api,
      badSignatureNextEvents: (count = 1) => forgeNextSignatures(count),
    },
    flush: outbox.flush,
    close: outbox.close,
  };
  options.extend?.(app, emulator);
  return emulator;
}
