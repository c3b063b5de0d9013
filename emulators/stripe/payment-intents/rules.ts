/**
 * What Stripe allows on a PaymentIntent in each status, and the errors it gives when a request
 * does not fit (`payment_intent_unexpected_state`, with the intent inside the error).
 */
import type {ApiContext, Auth} from '../api/context.js';
import {invalidParams, invalidRequest, noSuch} from '../api/errors.js';
import type {Core, IntentRecord, PaymentMethodRecord} from '../core/state.js';
import type {PaymentIntentJson, PaymentIntentStatus} from '../core/types.js';
import {
  createPaymentMethod,
  findPaymentMethod,
} from '../payment-methods/payment-methods.js';
import type {ConfirmRequest} from './params.js';
import {viewIntent} from './view.js';

export const CONFIRMABLE: PaymentIntentStatus[] = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
];
/** Amount, currency and payment method are fixed once the payment is under way. */
export const UPDATABLE: PaymentIntentStatus[] = CONFIRMABLE;
export const CANCELABLE: PaymentIntentStatus[] = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];

const RETURN_URL_REQUIRED =
  'A `return_url` must be specified because this Payment Intent is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.';

const MISSING_PAYMENT_METHOD =
  "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.";

const PAYMENT_METHOD_USED =
  'The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, shared with a connected account without Customer attachment, or was detached from a Customer. It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first.';

export function statusList(statuses: readonly string[]): string {
  return statuses.join(', ');
}

export function findIntent(core: Core, id: string): IntentRecord {
  const record = core.state.intents.get(id);
  if (!record) throw noSuch('payment_intent', id);
  return record;
}

/**
 * "You can't confirm or cancel the PaymentIntent for a Checkout Session. To cancel, expire the
 * Checkout Session instead." (the Checkout Session object's `payment_intent`, at Stripe).
 */
export function checkNotFromCheckout(
  record: IntentRecord,
  action: 'confirm' | 'cancel'
) {
  const session = record.checkoutSession;
  if (!session) return;
  throw invalidRequest(
    action === 'confirm'
      ? `You cannot confirm this PaymentIntent because it was created by the Checkout Session ${session}, which confirms it when the customer pays.`
      : `You cannot cancel this PaymentIntent because it was created by the Checkout Session ${session}. Expire the Checkout Session instead.`
  );
}

/** A publishable key must present the intent's client_secret; a secret key may. */
export function checkClientSecret(
  record: IntentRecord,
  secret: string | null | undefined,
  auth: Auth
) {
  if (!secret) {
    if (auth.kind === 'publishable') {
      throw invalidParams(
        'A client_secret is required to use a PaymentIntent with a publishable API key.',
        'client_secret'
      );
    }
    return;
  }
  if (secret !== record.intent.client_secret) {
    throw invalidParams(
      'The client_secret provided does not match the client_secret associated with the PaymentIntent.',
      'client_secret'
    );
  }
}

export function unexpectedState(
  core: Core,
  c: ApiContext,
  intent: PaymentIntentJson,
  message: string,
  param?: string
) {
  return invalidRequest(message, {
    code: 'payment_intent_unexpected_state',
    param,
    payment_intent: viewIntent(
      core,
      intent,
      c.get('auth')
    ) as PaymentIntentJson,
  });
}

/**
 * Since API version 2023-08-16, PaymentIntents turn on automatic payment methods by default,
 * and Stripe refuses to confirm one whose methods might redirect the buyer without a
 * `return_url`. Our rule: a return_url is required unless the intent is limited to cards
 * (`allowed_payment_method_types=[card]`, or the legacy `payment_method_types`, which turns
 * automatic payment methods off) or sets `automatic_payment_methods[allow_redirects]=never`.
 */
function needsReturnUrl(intent: PaymentIntentJson): boolean {
  const automatic = intent.automatic_payment_methods;
  if (automatic?.enabled !== true || automatic.allow_redirects === 'never') {
    return false;
  }
  const allowed = intent.allowed_payment_method_types;
  return !allowed || allowed.some((type) => type !== 'card');
}

/** Checks that can refuse a confirmation before anything changes. */
export function checkConfirmable(
  intent: PaymentIntentJson,
  request: ConfirmRequest,
  fail: (message: string) => Error
) {
  if (
    !request.paymentMethodId &&
    !request.paymentMethodData &&
    !intent.payment_method
  ) {
    throw fail(MISSING_PAYMENT_METHOD);
  }
  if (!request.returnUrl && needsReturnUrl(intent)) {
    throw invalidParams(RETURN_URL_REQUIRED, 'return_url');
  }
}

/** The PaymentMethod a confirmation pays with: named, described, or already attached. */
export function resolvePaymentMethod(
  core: Core,
  intent: PaymentIntentJson,
  request: ConfirmRequest
): PaymentMethodRecord {
  const method = request.paymentMethodData
    ? createPaymentMethod(
        core,
        request.paymentMethodData,
        'payment_method_data'
      )
    : findPaymentMethod(
        core,
        request.paymentMethodId ?? (intent.payment_method as string),
        'payment_method'
      );
  if (method.consumed) {
    throw invalidRequest(PAYMENT_METHOD_USED, {param: 'payment_method'});
  }
  return method;
}
