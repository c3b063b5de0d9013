/**
 * Verifying a Stripe webhook delivery: stripe-node's signature check over the exact bytes
 * Stripe sent, plus the one check it lacks (a timestamp from the future), then the shape.
 */
import type Stripe from 'stripe';
import {ApiError} from '../../errors.js';
import type {StripeProvider} from './client.js';

/** How far ahead of our clock a signature's timestamp may be (clock skew), as Stripe's tolerance. */
const FUTURE_TOLERANCE_S = 300;

/**
 * Whether a Stripe-Signature header carries a timestamp more than FUTURE_TOLERANCE_S ahead
 * of now. stripe-node refuses old timestamps only (a negative age passes its check), so an
 * event signed a year ahead would stay replayable for a year. Every `t=` counts.
 */
function signedInTheFuture(header: string, now: Date): boolean {
  const limit = Math.floor(now.getTime() / 1000) + FUTURE_TOLERANCE_S;
  // Read as stripe-node reads it (split on "," and "=", parseInt), so both see one number.
  return header.split(',').some((part) => {
    const [key, value = ''] = part.split('=');
    return key.trim() === 't' && parseInt(value, 10) > limit;
  });
}

/** The verified event, or a 400: a forgery is never retried into success. */
export async function verifyStripeWebhook(
  stripe: StripeProvider,
  payload: string,
  signature: string | undefined,
  now: Date
): Promise<Stripe.Event> {
  if (!payload || !signature) {
    throw new ApiError(
      400,
      'invalid_signature',
      'The Stripe-Signature header or the body is missing.'
    );
  }
  let event: Stripe.Event;
  try {
    event = await stripe.client.webhooks.constructEventAsync(
      payload,
      signature,
      stripe.webhookSecret,
      undefined, // Stripe's default tolerance: 300 s
      undefined,
      now.getTime()
    );
  } catch {
    throw new ApiError(
      400,
      'invalid_signature',
      'The webhook signature could not be verified.'
    );
  }
  // Stripe checks only a timestamp's age; one from the future is ours to refuse.
  if (signedInTheFuture(signature, now)) {
    throw new ApiError(
      400,
      'invalid_signature',
      'The webhook signature is dated in the future.'
    );
  }
  const object: unknown = event?.data?.object;
  if (
    typeof event?.id !== 'string' ||
    !event.id ||
    event.id.length > 255 ||
    typeof event.type !== 'string' ||
    typeof object !== 'object' ||
    object === null ||
    Array.isArray(object)
  ) {
    throw new ApiError(
      400,
      'invalid_request',
      'The event is not a Stripe event.'
    );
  }
  return event;
}
