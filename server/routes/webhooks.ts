import {Hono} from 'hono';
import {bodyLimit} from 'hono/body-limit';
import type Stripe from 'stripe';
import type {CheckoutContext} from '../context.js';
import {ApiError} from '../errors.js';
import {applyPaypalEvent, parsePaypalEvent} from '../webhooks/paypal.js';
import {applyStripeEvent} from '../webhooks/stripe.js';

export const WEBHOOK_BODY_LIMIT = 256 * 1024;

/** How far ahead of our clock a signature's timestamp may be (clock skew), as Stripe's tolerance. */
export const FUTURE_TOLERANCE_S = 300;

/**
 * Whether a Stripe-Signature header carries a timestamp more than FUTURE_TOLERANCE_S ahead
 * of now. stripe-node refuses old timestamps only (a negative age passes its check), so an
 * event signed a year ahead would stay replayable for a year. Every `t=` counts.
 */
export function signedInTheFuture(header: string, now: Date): boolean {
  const limit = Math.floor(now.getTime() / 1000) + FUTURE_TOLERANCE_S;
  // Read as stripe-node reads it (split on "," and "=", parseInt), so both see one number.
  return header.split(',').some((part) => {
    const [key, value = ''] = part.split('=');
    return key.trim() === 't' && parseInt(value, 10) > limit;
  });
}

// Before anything reads the body: an oversized one is refused unparsed and unhashed.
const limitBody = () =>
  bodyLimit({
    maxSize: WEBHOOK_BODY_LIMIT,
    onError: () => {
      throw new ApiError(
        413,
        'payload_too_large',
        'The webhook body is larger than 256 KB.'
      );
    },
  });

/**
 * POST /api/webhooks/stripe and /api/webhooks/paypal. Answers: 400 when the event cannot be
 * verified (a forgery is never retried into success); 200 when applied, already applied or
 * not ours; 5xx when we failed, so the provider retries.
 */
export function webhookRoutes(ctx: CheckoutContext) {
  return new Hono()
    .post('/stripe', limitBody(), async (c) => {
      if (!ctx.stripe) {
        // Never fail open: without a secret nothing can be verified, and a 5xx keeps Stripe retrying.
        throw new ApiError(
          503,
          'provider_not_configured',
          'Stripe webhooks are not configured on this server.'
        );
      }
      // The signature covers the exact bytes Stripe sent, so the raw text is verified before
      // any JSON parsing. No validator middleware may run on this route.
      const payload = await c.req.text();
      const signature = c.req.header('stripe-signature');
      if (!payload || !signature) {
        throw new ApiError(
          400,
          'invalid_signature',
          'The Stripe-Signature header or the body is missing.'
        );
      }
      let event: Stripe.Event;
      try {
        event = await ctx.stripe.client.webhooks.constructEventAsync(
          payload,
          signature,
          ctx.stripe.webhookSecret,
          undefined, // Stripe's default tolerance: 300 s
          undefined,
          ctx.now().getTime()
        );
      } catch {
        throw new ApiError(
          400,
          'invalid_signature',
          'The webhook signature could not be verified.'
        );
      }
      // Stripe checks only a timestamp's age; one from the future is ours to refuse.
      if (signedInTheFuture(signature, ctx.now())) {
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
      const outcome = await applyStripeEvent(ctx, event);
      ctx.logger.info(
        {eventId: event.id, type: event.type, outcome},
        'stripe webhook'
      );
      return c.json({received: true, outcome});
    })
    .post('/paypal', limitBody(), async (c) => {
      if (!ctx.paypal) {
        throw new ApiError(
          503,
          'provider_not_configured',
          'PayPal webhooks are not configured on this server.'
        );
      }
      // PayPal signs the CRC-32 of the exact bytes it sent: they are verified as bytes, before
      // any decoding or parsing.
      const body = new Uint8Array(await c.req.arrayBuffer());
      if (body.length === 0)
        throw new ApiError(
          400,
          'invalid_signature',
          'The webhook body is empty.'
        );
      await ctx.paypal.webhooks.verify((name) => c.req.header(name), body);
      const event = parsePaypalEvent(body);
      const outcome = await applyPaypalEvent(ctx, event);
      ctx.logger.info(
        {eventId: event.id, type: event.event_type, outcome},
        'paypal webhook'
      );
      return c.json({received: true, outcome});
    });
}
