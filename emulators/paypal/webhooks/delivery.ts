/**
 * PayPal's side of webhook delivery (the sending and retrying are ../../shared/delivery.ts): each
 * attempt carries PayPal's transmission headers, signed afresh (a new transmission id and time,
 * so each attempt verifies on its own) with the emulator's certificate.
 */
import type {AttemptRecord, DeliveryOptions} from '../../shared/delivery.js';
import {isoSeconds} from '../core/ids.js';
import type {EventRecord} from '../core/state.js';
import type {SigningIdentity} from './certificate.js';
import {AUTH_ALGO, transmissionMessage} from './signature.js';

export interface DeliveryAttempt extends AttemptRecord {
  transmissionId: string;
  transmissionTime: string;
  /** `PAYPAL-TRANSMISSION-SIG`: base64 SHA256withRSA. */
  signature: string;
}

interface PaypalDeliveryOptions {
  webhookId: string;
  certUrl(): string;
  identity: Promise<SigningIdentity>;
  now(): number;
}

/** How a PayPal event is named and signed for delivery; the body is the record's own bytes. */
export function paypalDelivery(
  options: PaypalDeliveryOptions
): Pick<
  DeliveryOptions<
    EventRecord,
    Pick<DeliveryAttempt, 'transmissionId' | 'transmissionTime' | 'signature'>
  >,
  'describe' | 'body' | 'sign'
> {
  return {
    describe: (record) => ({
      id: record.event.id,
      type: record.event.event_type,
    }),
    body: (record) => record.body,
    async sign(body) {
      const identity = await options.identity;
      const transmissionId = crypto.randomUUID();
      const transmissionTime = isoSeconds(options.now());
      const signature = await identity.sign(
        transmissionMessage(
          transmissionId,
          transmissionTime,
          options.webhookId,
          body
        )
      );
      return {
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'PayPal/AUHD-214.0-58843288',
          Accept: '*/*',
          'PAYPAL-TRANSMISSION-ID': transmissionId,
          'PAYPAL-TRANSMISSION-TIME': transmissionTime,
          'PAYPAL-TRANSMISSION-SIG': signature,
          'PAYPAL-CERT-URL': options.certUrl(),
          'PAYPAL-AUTH-ALGO': AUTH_ALGO,
          'PAYPAL-AUTH-VERSION': 'v2',
        },
        fields: {transmissionId, transmissionTime, signature},
      };
    },
  };
}
