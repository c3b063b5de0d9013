/**
 * Braintree's side of webhook delivery (the sending and retrying are ../../shared/delivery.ts):
 * a form-encoded POST (`URLSearchParams`, so `+`, `/` and the payload's newline survive) of
 * `bt_signature` and `bt_payload`. The payload is fixed per notification, so every attempt sends
 * the same signed body; a "bad signature" fault signs with the wrong key.
 */
import type {AttemptRecord, DeliveryOptions} from '../../shared/delivery.js';
import type {NotificationRecord} from '../core/state.js';
import {signPayload} from './signature.js';

export interface DeliveryAttempt extends AttemptRecord {
  kind: string;
  /** `bt_signature` as sent. */
  signature: string;
}

interface BraintreeDeliveryOptions {
  publicKey: string;
  privateKey: string;
  /** Whether this attempt should carry a signature that does not verify (a fault). */
  forgeNext(): boolean;
}

export function braintreeDelivery(
  options: BraintreeDeliveryOptions
): Pick<
  DeliveryOptions<
    NotificationRecord,
    Pick<DeliveryAttempt, 'kind' | 'signature'>
  >,
  'describe' | 'body' | 'sign'
> {
  return {
    describe: (record) => ({id: record.id, type: record.kind}),
    body: (record) => {
      const key = options.forgeNext()
        ? `${options.privateKey}-forged`
        : options.privateKey;
      return new URLSearchParams({
        bt_signature: signPayload(options.publicKey, key, record.payload),
        bt_payload: record.payload,
      }).toString();
    },
    async sign(body) {
      const signature = new URLSearchParams(body).get('bt_signature') ?? '';
      return {
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'User-Agent': 'Braintree Webhooks',
          Accept: '*/*',
        },
        fields: {kind: kindOf(body), signature},
      };
    },
  };
}

function kindOf(body: string): string {
  const payload = new URLSearchParams(body).get('bt_payload') ?? '';
  const xml = Buffer.from(payload, 'base64').toString('utf8');
  return /<kind>([^<]*)<\/kind>/.exec(xml)?.[1] ?? '';
}
