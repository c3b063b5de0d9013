/**
 * A payment's states (api.json `Payment.status`, `CardPaymentDetails.status`): APPROVED with its
 * card AUTHORIZED becomes COMPLETED/CAPTURED when completed, CANCELED/VOIDED when canceled. Each
 * change is a new version and a `payment.updated` event ("published when ... the
 * `payment.status`, or `card_details.status` fields are updated").
 */
import {invalidRequest, requestError} from '../api/errors.js';
import {
  touchPayment,
  timestamp,
  type Core,
  type PaymentRecord,
} from '../core/state.js';

export function applyTransition(
  core: Core,
  record: PaymentRecord,
  action: 'complete' | 'cancel'
): void {
  const {payment} = record;
  const at = timestamp(core);
  if (action === 'complete') {
    payment.status = 'COMPLETED';
    payment.card_details.status = 'CAPTURED';
    payment.card_details.card_payment_timeline.captured_at = at;
    payment.receipt_number = payment.id.slice(0, 4);
    payment.receipt_url = `https://squareupsandbox.com/receipt/preview/${payment.id}`;
  } else {
    payment.status = 'CANCELED';
    payment.card_details.status = 'VOIDED';
    payment.card_details.card_payment_timeline.voided_at = at;
    // "The field is missing if a payment is canceled" (receipt_number).
    delete payment.receipt_number;
  }
  touchPayment(core, payment);
  core.emit('payment.updated', {payment});
}

/** Complete or cancel on request; only an APPROVED payment can be either. */
export function requestTransition(
  core: Core,
  record: PaymentRecord,
  action: 'complete' | 'cancel',
  versionToken: string | undefined
): void {
  const {payment} = record;
  if (versionToken !== undefined && versionToken !== payment.version_token) {
    throw invalidRequest(
      requestError(
        'VERSION_MISMATCH',
        'The payment version token does not match the current version of the payment.',
        'version_token'
      )
    );
  }
  // Completing a completed payment, or canceling a canceled one, changes nothing.
  if (action === 'complete' && payment.status === 'COMPLETED') return;
  if (action === 'cancel' && payment.status === 'CANCELED') return;
  if (payment.status !== 'APPROVED') {
    throw invalidRequest(
      requestError(
        'BAD_REQUEST',
        `Payment ${payment.id} is in ${payment.status} state and cannot be ${
          action === 'complete' ? 'completed' : 'canceled'
        }.`
      )
    );
  }
  applyTransition(core, record, action);
}
