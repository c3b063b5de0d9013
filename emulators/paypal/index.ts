/**
 * An offline PayPal for development and tests: OAuth client credentials, Orders v2 with
 * PayPal's validation and error names, the buyer's approval page, the JS SDK (`/sdk/js`),
 * RSA-signed webhooks with a certificate it serves, and fault injection. Point a server at it
 * with `PAYPAL_API_BASE=${emulator.url}` and the SDK with `sdkBaseUrl: `${emulator.url}/sdk/js``.
 * See emulator.ts for the options and the object it returns.
 */
export {
  DEFAULT_RETRY_DELAYS_MS,
  DEFAULT_TOKEN_TTL_SECONDS,
  createPaypalEmulator,
  type PaypalEmulator,
  type PaypalEmulatorFaults,
  type PaypalEmulatorEvents,
  type PaypalEmulatorOptions,
} from './emulator.js';
export {startPaypalEmulator, type RunningPaypalEmulator} from './node.js';
export type {FaultSnapshot} from '../shared/faults.js';
export type {PaypalEmulatorStats} from './oauth/oauth.js';
export type {DeliveryAttempt} from './webhooks/delivery.js';
export type {BuyerChoice} from './core/state.js';
export type {CaptureEventKind} from './captures/capture-events.js';
export type {
  OrderJson as PaypalOrderJson,
  WebhookEvent as PaypalWebhookEvent,
} from './core/types.js';
export {CERTIFICATE_COMMON_NAME} from './webhooks/certificate.js';
