/**
 * An offline Braintree for development and tests: the gateway API as the official `braintree`
 * SDK speaks it (JSON in, XML out, under `/merchants/:id/…`), client tokens, the client API the
 * browser tokenises cards and runs 3-D Secure on, the Drop-in fake (`/web/dropin/fake/dropin.js`),
 * the sandbox's test nonces, cards and amounts, signed webhook notifications, and faults. Point
 * the SDK at it with `new braintree.Environment('127.0.0.1', emulator.port, '', false)`.
 * See emulator.ts for the options and the object it returns.
 */
export {
  DEFAULT_RETRY_DELAYS_MS,
  createBraintreeEmulator,
  type BraintreeEmulator,
  type BraintreeEmulatorFaults,
  type BraintreeEmulatorOptions,
} from './emulator.js';
export {startBraintreeEmulator, type RunningBraintreeEmulator} from './node.js';
export type {FaultSnapshot} from '../shared/faults.js';
export type {DeliveryAttempt as BraintreeDeliveryAttempt} from './webhooks/delivery.js';
export {challengeAnswer as braintreeChallengeAnswer} from './webhooks/signature.js';
