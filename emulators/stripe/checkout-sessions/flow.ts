/**
 * How a Checkout Session in `payment` mode moves through Stripe's statuses
 * (docs.stripe.com/api/checkout/sessions/object, docs.stripe.com/checkout/fulfillment):
 *
 *   open → complete (payment_status `paid`, or `unpaid` while a delayed payment settles, then
 *   `checkout.session.async_payment_succeeded` / `_failed`), or open → expired.
 *
 * Since API version 2022-08-01 the PaymentIntent is created when the buyer first confirms,
 * not with the session; later attempts (after a decline) reuse it. It is charged by the same
 * machinery as any other intent (../payment-intents/flow.ts), so test cards behave identically.
 */
import {NO_REQUEST} from '../api/context.js';
import {invalidRequest, noSuch} from '../api/errors.js';
import type {Params} from '../api/form.js';
import {
  seconds,
  type CheckoutSessionRecord,
  type Core,
  type IntentRecord,
  type PaymentMethodRecord,
} from '../core/state.js';
import type {CheckoutSessionJson, RequestInfo} from '../core/types.js';
import {
  attemptPayment,
  cancel,
  charge,
  startProcessing,
  type AttemptResult,
} from '../payment-intents/flow.js';
import {redeem} from '../coupons/coupons.js';
import {newIntent} from '../payment-intents/payment-intents.js';
import {CANCELABLE} from '../payment-intents/rules.js';
import {findPaymentMethod} from '../payment-methods/payment-methods.js';

/** The emulator's hosted payment page for a session, on its own origin. */
export function pageUrl(origin: string, sessionId: string): string {
  return `${origin}/checkout/pay/${sessionId}`;
}

/** Expires every open session whose `expires_at` has passed (Stripe does it on its own). */
export function expireDue(core: Core) {
  const now = seconds(core);
  for (const record of core.state.checkoutSessions.values()) {
    if (record.session.status === 'open' && record.session.expires_at <= now) {
      expire(core, record, NO_REQUEST);
    }
  }
}

export function findSession(
  core: Core,
  id: string,
  param?: string
): CheckoutSessionRecord {
  expireDue(core);
  const record = core.state.checkoutSessions.get(id);
  if (!record) throw noSuch('checkout.session', id, param);
  return record;
}

export function intentOf(
  core: Core,
  record: CheckoutSessionRecord
): IntentRecord | undefined {
  const id = record.session.payment_intent;
  return typeof id === 'string' ? core.state.intents.get(id) : undefined;
}

/**
 * Ends an open session: its PaymentIntent, if the buyer got as far as creating one, is
 * canceled ("To cancel, expire the Checkout Session instead").
 */
export function expire(
  core: Core,
  record: CheckoutSessionRecord,
  request: RequestInfo
) {
  const session = record.session;
  const intent = intentOf(core, record);
  if (intent && CANCELABLE.includes(intent.intent.status)) {
    cancel(core, intent, 'abandoned', request);
  }
  session.status = 'expired';
  session.url = null;
  core.emit('checkout.session.expired', session, request);
}

/** Refuses anything but an open session, in the buyer's words (the hosted page shows them). */
function checkOpen(session: CheckoutSessionJson) {
  if (session.status === 'expired') {
    throw invalidRequest('This Checkout Session has expired.', {
      code: 'checkout_session_expired',
    });
  }
  if (session.status === 'complete') {
    throw invalidRequest('This Checkout Session is already complete.', {
      code: 'checkout_session_complete',
    });
  }
}

/** The session's PaymentIntent, created on the first payment attempt. */
function intentFor(
  core: Core,
  record: CheckoutSessionRecord,
  request: RequestInfo
): IntentRecord {
  const existing = intentOf(core, record);
  if (existing) return existing;
  const session = record.session;
  const data = record.paymentIntentData;
  const params: Params = {
    amount: String(session.amount_total),
    currency: session.currency ?? '',
    // Checkout names the methods it offers; its intents do not use automatic_payment_methods.
    payment_method_types: {0: 'card'},
    metadata: {...data.metadata},
  };
  if (data.description) params.description = data.description;
  if (data.receiptEmail) params.receipt_email = data.receiptEmail;
  if (data.statementDescriptorSuffix)
    params.statement_descriptor_suffix = data.statementDescriptorSuffix;
  if (data.captureMethod) params.capture_method = data.captureMethod;
  const intent = newIntent(core, params);
  intent.shipping = structuredClone(data.shipping);
  const intentRecord: IntentRecord = {
    intent,
    returnUrl: null,
    checkoutSession: session.id,
    afterCharge: (succeeded) => afterCharge(core, record, succeeded),
  };
  core.state.intents.set(intent.id, intentRecord);
  session.payment_intent = intent.id;
  core.emit('payment_intent.created', intent, request);
  return intentRecord;
}

/** What the buyer typed on the hosted page besides the card. */
interface BuyerDetails {
  email: string;
  postalCode: string | null;
  /** Asked for when the session has `shipping_address_collection`. */
  shipping?: ShippingDetails | null;
}

type ShippingDetails = NonNullable<
  NonNullable<CheckoutSessionJson['collected_information']>['shipping_details']
>;

function recordBuyer(record: CheckoutSessionRecord, buyer: BuyerDetails) {
  if (buyer.shipping) {
    // Since API version 2025-03-31 the address lives in collected_information only.
    record.session.collected_information = {
      business_name: null,
      individual_name: null,
      shipping_details: buyer.shipping,
    };
  }
  record.session.customer_details = {
    address: {
      city: null,
      country: null,
      line1: null,
      line2: null,
      postal_code: buyer.postalCode,
      state: null,
    },
    business_name: null,
    email: buyer.email,
    individual_name: null,
    name: null,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
}

/**
 * The buyer pressed Pay: the session's intent is confirmed with the card. A decline leaves the
 * session open for another try; 3-D Secure leaves the intent in `requires_action` for the
 * challenge page; success completes the session (through `afterCharge`).
 */
export function pay(
  core: Core,
  record: CheckoutSessionRecord,
  method: PaymentMethodRecord,
  buyer: BuyerDetails,
  options: {origin: string; request: RequestInfo}
): AttemptResult {
  checkOpen(record.session);
  const intent = intentFor(core, record, options.request);
  if (
    !['requires_payment_method', 'requires_action'].includes(
      intent.intent.status
    )
  ) {
    throw invalidRequest(
      `This payment is already under way (${intent.intent.status}).`,
      {code: 'payment_intent_unexpected_state'}
    );
  }
  recordBuyer(record, buyer);
  // The address the buyer gave is where the payment ships to.
  if (buyer.shipping) {
    intent.intent.shipping = {
      address: buyer.shipping.address,
      carrier: null,
      name: buyer.shipping.name,
      phone: null,
      tracking_number: null,
    };
  }
  return attemptPayment(core, intent, method, options.request, {
    origin: options.origin,
    returnUrl: pageUrl(options.origin, record.session.id),
    useStripeSdk: true,
  });
}

function complete(
  core: Core,
  record: CheckoutSessionRecord,
  paymentStatus: 'paid' | 'unpaid'
) {
  const session = record.session;
  session.status = 'complete';
  session.payment_status = paymentStatus;
  session.url = null;
  for (const discount of session.discounts ?? []) {
    if (typeof discount.coupon === 'string') redeem(core, discount.coupon);
  }
  core.emit('checkout.session.completed', session, NO_REQUEST);
}

/** Follows the session's PaymentIntent: every charge of it ends up here. */
function afterCharge(
  core: Core,
  record: CheckoutSessionRecord,
  succeeded: boolean
) {
  const session = record.session;
  if (session.status === 'open') {
    // A decline leaves the session open: the buyer may try another card.
    if (succeeded) complete(core, record, 'paid');
    return;
  }
  if (session.status === 'complete' && session.payment_status === 'unpaid') {
    if (succeeded) {
      session.payment_status = 'paid';
      core.emit(
        'checkout.session.async_payment_succeeded',
        session,
        NO_REQUEST
      );
    } else {
      core.emit('checkout.session.async_payment_failed', session, NO_REQUEST);
    }
  }
}

/**
 * A delayed-notification payment (a test control; cards settle at once): the session
 * completes with `payment_status: 'unpaid'` while its intent is `processing`.
 */
export function startAsyncPayment(
  core: Core,
  record: CheckoutSessionRecord,
  request: RequestInfo
) {
  checkOpen(record.session);
  const intent = intentFor(core, record, request);
  if (
    !['requires_payment_method', 'requires_action'].includes(
      intent.intent.status
    )
  ) {
    throw invalidRequest(
      `This session's PaymentIntent is ${intent.intent.status}; a delayed payment can start only before the buyer pays.`,
      {code: 'payment_intent_unexpected_state'}
    );
  }
  const method = findPaymentMethod(core, 'pm_card_visa');
  intent.intent.payment_method = method.method.id;
  intent.intent.last_payment_error = null;
  if (record.session.customer_email) {
    recordBuyer(record, {
      email: record.session.customer_email,
      postalCode: null,
    });
  }
  startProcessing(core, intent, request);
  complete(core, record, 'unpaid');
}

/** Ends a delayed payment: the intent is charged or declined, and the session follows. */
export function settleAsyncPayment(
  core: Core,
  record: CheckoutSessionRecord,
  outcome: 'succeeded' | 'failed',
  request: RequestInfo
) {
  const session = record.session;
  const intent = intentOf(core, record);
  if (
    session.status !== 'complete' ||
    session.payment_status !== 'unpaid' ||
    intent?.intent.status !== 'processing'
  ) {
    throw invalidRequest(
      `This Checkout Session has no delayed payment waiting to settle (status ${session.status}, payment_status ${session.payment_status}).`
    );
  }
  const method = findPaymentMethod(
    core,
    intent.intent.payment_method as string
  );
  charge(
    core,
    intent,
    method,
    request,
    false,
    outcome === 'failed'
      ? {
          code: 'card_declined',
          declineCode: 'generic_decline',
          message: 'Your card was declined.',
        }
      : null
  );
}

/**
 * Where the buyer goes after paying: `success_url` with `{CHECKOUT_SESSION_ID}` filled in, as
 * Stripe does, or the hosted page's own confirmation when there is none.
 */
export function successRedirect(
  record: CheckoutSessionRecord,
  origin: string
): string {
  const url = record.session.success_url;
  return url
    ? url.replaceAll('{CHECKOUT_SESSION_ID}', record.session.id)
    : pageUrl(origin, record.session.id);
}
