/**
 * @pay-checkout/emulators: an offline Stripe, PayPal and Square, for development and CI.
 * Each is a Hono app with its REST API, signed webhooks, faults, hosted pages and browser SDK
 * fake; `startStripeEmulator()` / `startPaypalEmulator()` / `startSquareEmulator()` serve one on
 * a free loopback port. The full API of each is under `@pay-checkout/emulators/stripe`,
 * `…/paypal` and `…/square`.
 */
export {
  createStripeEmulator,
  startStripeEmulator,
  type RunningStripeEmulator,
  type StripeEmulator,
  type StripeEmulatorOptions,
} from './stripe/index.js';
export {
  createPaypalEmulator,
  startPaypalEmulator,
  type PaypalEmulator,
  type PaypalEmulatorOptions,
  type RunningPaypalEmulator,
} from './paypal/index.js';
export {
  createSquareEmulator,
  startSquareEmulator,
  type RunningSquareEmulator,
  type SquareEmulator,
  type SquareEmulatorOptions,
} from './square/index.js';
export {
  createBraintreeEmulator,
  startBraintreeEmulator,
  type BraintreeEmulator,
  type BraintreeEmulatorOptions,
  type RunningBraintreeEmulator,
} from './braintree/index.js';
