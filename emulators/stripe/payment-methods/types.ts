/**
 * Which payment method types a PaymentIntent or a Checkout Session may use. The emulator models
 * cards only. API version 2026-09-30 replaced `payment_method_types` with
 * `allowed_payment_method_types`; a request pinned to an older version may still send the old
 * name, and a newer one is refused it as an unknown parameter.
 */
import {invalidParams} from '../api/errors.js';
import type {Params} from '../api/form.js';
import {readList, type Shape} from '../api/params.js';

/** `shape`, plus the legacy `payment_method_types` for requests pinned before 2026-09-30. */
export function withLegacyTypes(shape: Shape, apiVersion: string): Shape {
  return apiVersion < '2026-09-30'
    ? {...shape, payment_method_types: 'list'}
    : shape;
}

/** `allowed_payment_method_types` (or the legacy `payment_method_types`): cards only. */
export function readPaymentMethodTypes(
  params: Params,
  key: 'allowed_payment_method_types' | 'payment_method_types'
): string[] | undefined {
  const types = readList(params, key);
  for (const type of types ?? []) {
    if (type !== 'card') {
      throw invalidParams(
        `The payment method type provided: ${type} is invalid. The Stripe emulator supports only card.`,
        key
      );
    }
  }
  return types;
}
