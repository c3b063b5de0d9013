/** What the Stripe emulator's suites share: the official client pointed at it, and its errors. */
import assert from 'node:assert/strict';
import Stripe from 'stripe';

/** stripe-node, as the companion server configures it, talking to the emulator on `port`. */
export function stripeClient(
  key: string,
  port: number,
  config: Stripe.StripeConfig = {}
): Stripe {
  return new Stripe(key, {
    host: '127.0.0.1',
    port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
    httpClient: Stripe.createFetchHttpClient(),
    ...config,
  });
}

/** The error a Stripe call rejects with; fails the test if it resolves. */
export async function stripeError(
  promise: Promise<unknown>
): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(
      error instanceof Stripe.errors.StripeError,
      `not a StripeError: ${String(error)}`
    );
    return error;
  }
  assert.fail('expected the Stripe call to fail');
}
