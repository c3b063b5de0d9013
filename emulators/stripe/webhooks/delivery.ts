/**
 * Stripe's side of webhook delivery (the sending and retrying are ../../shared/delivery.ts): each
 * attempt is signed afresh (a new timestamp each time, so a late retry still falls inside the
 * receiver's tolerance) and carries Stripe's headers.
 */
import type {AttemptRecord, DeliveryOptions} from '../../shared/delivery.js';
import type {EventRecord} from '../core/state.js';
import {signatureHeader} from './signature.js';

export interface DeliveryAttempt extends AttemptRecord {
  /** The `t=` of the Stripe-Signature header (unix seconds). */
  timestamp: number;
  /** The whole Stripe-Signature header. */
  signature: string;
}

interface StripeDeliveryOptions {
  secret: string;
  now(): number;
}

/** How a Stripe event is serialised, named and signed for delivery. */
export function stripeDelivery(
  options: StripeDeliveryOptions
): Pick<
  DeliveryOptions<
    EventRecord,
    Pick<DeliveryAttempt, 'timestamp' | 'signature'>
  >,
  'describe' | 'body' | 'sign'
> {
  return {
    describe: (record) => ({id: record.event.id, type: record.event.type}),
    // Stripe sends its events pretty-printed; a receiver that re-serialises before checking
    // the signature fails here exactly as it would against Stripe.
    body: (record) => JSON.stringify(record.event, null, 2),
    async sign(body) {
      const timestamp = Math.floor(options.now() / 1000);
      const signature = await signatureHeader(options.secret, timestamp, body);
      return {
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'Cache-Control': 'no-cache',
          Accept: '*/*; q=0.5, application/xml',
          'Stripe-Signature': signature,
        },
        fields: {timestamp, signature},
      };
    },
  };
}
