/**
 * How a PaymentIntent moves through Stripe's statuses once a payment method is attached
 * (docs.stripe.com/payments/paymentintents/lifecycle):
 *
 *   requires_payment_method → requires_confirmation → (requires_action) → (processing) →
 *   succeeded, or back to requires_payment_method when the attempt fails; canceled from any
 *   status but succeeded.
 *
 * Plain functions over the state; every transition records the event Stripe sends for it.
 */
import {cardError, docUrl, type StripeErrorBody} from '../api/errors.js';
import {createCharge} from '../charges/charges.js';
import {newId} from '../core/ids.js';
import {
  seconds,
  type Core,
  type IntentRecord,
  type PaymentMethodRecord,
} from '../core/state.js';
import type {Decline} from '../core/test-cards.js';
import type {
  ChargeJson,
  PaymentIntentJson,
  RequestInfo,
} from '../core/types.js';

const AUTHENTICATION_FAILURE_MESSAGE =
  'We are unable to authenticate your payment method. Please choose a different payment method and try again.';

export type AttemptResult =
  | {kind: 'succeeded'; charge: ChargeJson}
  | {kind: 'requires_action'}
  | {
      kind: 'declined';
      decline: Decline;
      charge: ChargeJson;
      paymentMethod: PaymentMethodRecord;
    };

/**
 * Stripe's 402 for a declined attempt: the decline's code, decline_code and message, and the
 * charge (`extra` adds what the caller may see of the intent and payment method).
 */
export function declineError(
  result: Extract<AttemptResult, {kind: 'declined'}>,
  extra: Partial<StripeErrorBody> = {}
) {
  return cardError({
    code: result.decline.code,
    decline_code: result.decline.declineCode,
    message: result.decline.message,
    charge: result.charge.id,
    ...extra,
  });
}

interface AttemptOptions {
  /** Origin of the emulator, for the 3-D Secure challenge page URL. */
  origin: string;
  returnUrl: string | null;
  /** Stripe.js asks for `use_stripe_sdk`; a server confirming with a return_url gets a redirect. */
  useStripeSdk: boolean;
}

function challengeUrl(
  origin: string,
  intent: PaymentIntentJson,
  returnUrl: string | null
) {
  const url = new URL(`/elements/3ds/${intent.id}`, origin);
  url.searchParams.set('client_secret', intent.client_secret ?? '');
  if (returnUrl) url.searchParams.set('return_url', returnUrl);
  return url.toString();
}

function nextAction(
  intent: PaymentIntentJson,
  options: AttemptOptions
): PaymentIntentJson['next_action'] {
  if (options.returnUrl && !options.useStripeSdk) {
    return {
      type: 'redirect_to_url',
      redirect_to_url: {
        url: challengeUrl(options.origin, intent, options.returnUrl),
        return_url: options.returnUrl,
      },
    };
  }
  return {
    type: 'use_stripe_sdk',
    use_stripe_sdk: {
      type: 'three_d_secure_redirect',
      stripe_js: challengeUrl(options.origin, intent, null),
      source: newId('src'),
      known_frame_issues: 'false',
    },
  };
}

/** Confirms with `paymentMethod`: 3-D Secure first when the card needs it, else a charge. */
export function attemptPayment(
  core: Core,
  record: IntentRecord,
  paymentMethod: PaymentMethodRecord,
  request: RequestInfo,
  options: AttemptOptions
): AttemptResult {
  const intent = record.intent;
  intent.payment_method = paymentMethod.method.id;
  intent.last_payment_error = null;
  intent.next_action = null;
  record.returnUrl = options.returnUrl;
  if (paymentMethod.card.threeDSecure) {
    intent.status = 'requires_action';
    intent.next_action = nextAction(intent, options);
    core.emit('payment_intent.requires_action', intent, request);
    return {kind: 'requires_action'};
  }
  return charge(
    core,
    record,
    paymentMethod,
    request,
    false,
    paymentMethod.card.decline
  );
}

/** Charges the card: the end of a confirmation, of a 3-D Secure challenge or of processing. */
export function charge(
  core: Core,
  record: IntentRecord,
  paymentMethod: PaymentMethodRecord,
  request: RequestInfo,
  authenticated: boolean,
  decline: Decline | null
): AttemptResult {
  const intent = record.intent;
  const result = createCharge(
    core,
    intent,
    paymentMethod,
    decline,
    authenticated
  );
  intent.latest_charge = result.id;
  intent.next_action = null;
  intent.processing = null;
  if (decline) {
    intent.status = 'requires_payment_method';
    intent.payment_method = null;
    intent.last_payment_error = {
      type: 'card_error',
      code: decline.code,
      decline_code: decline.declineCode,
      message: decline.message,
      doc_url: docUrl(decline.code),
      charge: result.id,
      payment_method: structuredClone(paymentMethod.method) as NonNullable<
        PaymentIntentJson['last_payment_error']
      >['payment_method'],
      payment_method_type: 'card',
    };
    core.emit('charge.failed', result, request);
    core.emit('payment_intent.payment_failed', intent, request);
    record.afterCharge?.(false);
    return {kind: 'declined', decline, charge: result, paymentMethod};
  }
  paymentMethod.consumed = true;
  intent.status = 'succeeded';
  intent.amount_received = intent.amount;
  intent.last_payment_error = null;
  core.emit('charge.succeeded', result, request);
  core.emit('payment_intent.succeeded', intent, request);
  record.afterCharge?.(true);
  return {kind: 'succeeded', charge: result};
}

/** The buyer failed (or abandoned) the 3-D Secure challenge. No charge is made. */
export function failAuthentication(
  core: Core,
  record: IntentRecord,
  paymentMethod: PaymentMethodRecord,
  request: RequestInfo
) {
  const intent = record.intent;
  intent.status = 'requires_payment_method';
  intent.payment_method = null;
  intent.next_action = null;
  intent.last_payment_error = {
    type: 'invalid_request_error',
    code: 'payment_intent_authentication_failure',
    message: AUTHENTICATION_FAILURE_MESSAGE,
    doc_url: docUrl('payment_intent_authentication_failure'),
    payment_method: structuredClone(paymentMethod.method) as NonNullable<
      PaymentIntentJson['last_payment_error']
    >['payment_method'],
    payment_method_type: 'card',
  };
  core.emit('payment_intent.payment_failed', intent, request);
}

/** Asynchronous settlement (a test control: cards settle at once, other methods do not). */
export function startProcessing(
  core: Core,
  record: IntentRecord,
  request: RequestInfo
) {
  const intent = record.intent;
  intent.status = 'processing';
  intent.next_action = null;
  intent.processing = {type: 'card'};
  core.emit('payment_intent.processing', intent, request);
}

export function cancel(
  core: Core,
  record: IntentRecord,
  reason: PaymentIntentJson['cancellation_reason'],
  request: RequestInfo
) {
  const intent = record.intent;
  intent.status = 'canceled';
  intent.canceled_at = seconds(core);
  intent.cancellation_reason = reason;
  intent.next_action = null;
  intent.processing = null;
  core.emit('payment_intent.canceled', intent, request);
}
