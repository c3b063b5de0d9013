/**
 * @pay-checkout/emulators: an offline Stripe and an offline PayPal, for development and CI.
 * Each is a Hono app with its REST API, signed webhooks, faults, hosted pages and browser SDK
 * fake; `startStripeEmulator()` / `startPaypalEmulator()` serve one on a free loopback port.
 * The full API of each is under `@pay-checkout/emulators/stripe` and `…/paypal`.
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
  createBraintreeEmulator,
  startBraintreeEmulator,
  type BraintreeEmulator,
  type BraintreeEmulatorOptions,
  type RunningBraintreeEmulator,
} from './braintree/index.js';
