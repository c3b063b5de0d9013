/**
 * An offline Square for development and tests: the Payments and Refunds APIs as the `square`
 * SDK calls them (`new SquareClient({token: emulator.accessToken, baseUrl: emulator.url})`),
 * the sandbox's test cards and payment tokens, buyer verification, the Web Payments SDK fake
 * (`${emulator.url}/v1/square.js`), webhooks signed with `x-square-hmacsha256-signature`, and
 * fault injection. See emulator.ts for the options and the object it returns.
 */
export {
  DEFAULT_RETRY_DELAYS_MS,
  createSquareEmulator,
  type SquareEmulator,
  type SquareEmulatorEvents,
  type SquareEmulatorFaults,
  type SquareEmulatorOptions,
  type TestCardInput,
} from './emulator.js';
export {startSquareEmulator, type RunningSquareEmulator} from './node.js';
export type {FaultSnapshot} from '../shared/faults.js';
export type {DeliveryAttempt} from './webhooks/delivery.js';
export {
  CHALLENGE_CODE,
  SANDBOX_NONCES,
  TEST_CARDS,
  type TestCard,
} from './cards/test-cards.js';
export {squareSignature} from './webhooks/signature.js';
export type {
  DisputeJson as SquareDisputeJson,
  PaymentJson as SquarePaymentJson,
  RefundJson as SquareRefundJson,
  WebhookEvent as SquareWebhookEvent,
} from './core/types.js';
