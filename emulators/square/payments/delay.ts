/**
 * Delayed capture (docs/payments-api/take-payments/card-payments/delayed-capture): a payment
 * created with `autocomplete: false` stays APPROVED until completed or canceled, or until
 * `delay_duration` (RFC 3339 duration; card-not-present default P7D, which Square's examples
 * write as PT168H) has passed, when `delay_action` (default CANCEL) is applied. The emulator
 * applies it when the payment is next looked at, on its own clock.
 */
import type {Core, PaymentRecord} from '../core/state.js';
import {applyTransition} from './transitions.js';

export const DEFAULT_DELAY_DURATION = 'PT168H';

/** Milliseconds of an RFC 3339 / ISO 8601 duration (`P7D`, `PT36H`, `PT1H30M`), or null. */
export function durationMs(text: string): number | null {
  const match =
    /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(
      text
    );
  if (!match || text === 'P' || text.endsWith('T')) return null;
  const [, w, d, h, m, s] = match.map((v) => Number(v ?? 0));
  return ((((w! * 7 + d!) * 24 + h!) * 60 + m!) * 60 + s!) * 1000;
}

/** Applies an APPROVED payment's delay action once its time has come. */
export function applyDueDelay(core: Core, record: PaymentRecord): void {
  const {payment} = record;
  if (payment.status !== 'APPROVED' || core.now() < record.delayedUntil) return;
  applyTransition(
    core,
    record,
    payment.delay_action === 'COMPLETE' ? 'complete' : 'cancel'
  );
}
