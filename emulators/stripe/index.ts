/**
 * An offline Stripe for development and tests: the REST API the official `stripe` package
 * talks to (`host: '127.0.0.1', port, protocol: 'http'`), Stripe's test cards, signed webhooks
 * with retries, and fault injection. See emulator.ts for the options and the object it returns.
 */
export {
  DEFAULT_API_VERSION,
  DEFAULT_RETRY_DELAYS_MS,
  createStripeEmulator,
  type StripeEmulator,
  type StripeEmulatorFaults,
  type StripeEmulatorEvents,
  type StripeEmulatorOptions,
} from './emulator.js';
export {startStripeEmulator, type RunningStripeEmulator} from './node.js';
export type {FaultSnapshot} from '../shared/faults.js';
export type {DeliveryAttempt} from './webhooks/delivery.js';
export type {EventJson as StripeEventJson} from './core/types.js';
