/**
 * Square's side of webhook delivery (the sending and retrying are ../../shared/delivery.ts).
 * Each attempt carries the headers of docs/webhooks/step2subscribe: the signature,
 * `square-environment`, `square-initial-delivery-timestamp` (the first attempt's time, on every
 * attempt), and on a retry `square-retry-number` (retries so far, this one included) and
 * `square-retry-reason` (`http_timeout`, `http_error` or `other_error`).
 */
import type {AttemptRecord, DeliveryOptions} from '../../shared/delivery.js';
import {iso} from '../core/ids.js';
import type {EventRecord} from '../core/state.js';
import {squareSignature} from './signature.js';

export interface DeliveryAttempt extends AttemptRecord {
  /** `x-square-hmacsha256-signature`. */
  signature: string;
  initialDeliveryTimestamp: string;
  /** Whether this attempt was signed wrongly on purpose (a fault). */
  badSignature: boolean;
}

type SignedFields = Pick<
  DeliveryAttempt,
  'signature' | 'initialDeliveryTimestamp' | 'badSignature'
>;

interface SquareDeliveryOptions {
  signatureKey(): string;
  url(): string | undefined;
  environment: 'Sandbox' | 'Production';
  now(): number;
  /** True when this attempt must carry a wrong signature (the bad-signature fault). */
  corruptNext(): boolean;
}

function retryReason(previous: AttemptRecord): string {
  if (previous.status !== null) return 'http_error';
  return previous.error?.startsWith('timed out')
    ? 'http_timeout'
    : 'other_error';
}

export function squareDelivery(
  options: SquareDeliveryOptions
): Pick<
  DeliveryOptions<EventRecord, SignedFields>,
  'describe' | 'body' | 'sign'
> {
  return {
    describe: (record) => ({
      id: record.event.event_id,
      type: record.event.type,
    }),
    body: (record) => record.body,
    async sign(body, attempt) {
      const url = options.url() ?? '';
      const badSignature = options.corruptNext();
      const key = badSignature
        ? `${options.signatureKey()}-wrong`
        : options.signatureKey();
      const signature = await squareSignature(key, url, body);
      const initialDeliveryTimestamp =
        attempt.previous?.initialDeliveryTimestamp ?? iso(options.now());
      const retries = attempt.number - 1;
      return {
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Square Connect v2',
          'x-square-hmacsha256-signature': signature,
          'square-environment': options.environment,
          'square-initial-delivery-timestamp': initialDeliveryTimestamp,
          ...(attempt.previous && {
            'square-retry-number': String(retries),
            'square-retry-reason': retryReason(attempt.previous),
          }),
        },
        fields: {signature, initialDeliveryTimestamp, badSignature},
      };
    },
  };
}
