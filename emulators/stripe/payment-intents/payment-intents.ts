/**
 * `/v1/payment_intents`: create, retrieve, update, confirm and cancel. Parameters are read in
 * params.ts, Stripe's status rules live in rules.ts and the status machine in flow.ts (all in
 * this folder); each handler validates everything first and changes state last.
 */
import {Hono} from 'hono';
import {checkChargeAmount, readAmount, readCurrency} from '../api/amounts.js';
import {requestInfo, type ApiContext, type Env} from '../api/context.js';
import {invalidParams, missingParameter} from '../api/errors.js';
import {readShipping} from '../api/shipping.js';
import type {Params} from '../api/form.js';
import {
  checkParams,
  readBoolean,
  readEmail,
  readEnum,
  readList,
  readMetadata,
  readString,
} from '../api/params.js';
import {newClientSecret, newId} from '../core/ids.js';
import {
  seconds,
  type Core,
  type IntentRecord,
  type PaymentMethodRecord,
} from '../core/state.js';
import type {PaymentIntentJson} from '../core/types.js';
import {findPaymentMethod} from '../payment-methods/payment-methods.js';
import {
  readPaymentMethodTypes,
  withLegacyTypes,
} from '../payment-methods/types.js';
import {
  attemptPayment,
  type AttemptResult,
  cancel,
  declineError,
} from './flow.js';
import {
  CANCELLATION_REASONS,
  CONFIRM_SHAPE,
  CREATE_SHAPE,
  UNSUPPORTED,
  UPDATE_SHAPE,
  checkConfirmationMethod,
  readAutomaticPaymentMethods,
  readCaptureMethod,
  readConfirm,
  type ConfirmRequest,
} from './params.js';
import {
  CANCELABLE,
  CONFIRMABLE,
  UPDATABLE,
  checkClientSecret,
  checkConfirmable,
  checkNotFromCheckout,
  findIntent,
  resolvePaymentMethod,
  statusList,
  unexpectedState,
} from './rules.js';
import {checkExpand, viewIntent} from './view.js';

/** A new intent from validated create parameters, before any payment method is attached. */
export function newIntent(core: Core, params: Params): PaymentIntentJson {
  const amount = readAmount(params);
  if (amount === undefined) throw missingParameter('amount');
  const currency = readCurrency(params);
  if (currency === undefined) throw missingParameter('currency');
  checkChargeAmount(amount, currency);
  const legacyTypes = readPaymentMethodTypes(params, 'payment_method_types');
  const allowed = readPaymentMethodTypes(
    params,
    'allowed_payment_method_types'
  );
  checkConfirmationMethod(params);
  const id = newId('pi');
  return {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: allowed ?? null,
    amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: readAutomaticPaymentMethods(params, legacyTypes),
    canceled_at: null,
    cancellation_reason: null,
    // Stripe's default since API version 2024-04-10.
    capture_method: readCaptureMethod(params) ?? 'automatic_async',
    client_secret: newClientSecret(id),
    confirmation_method: 'automatic',
    created: seconds(core),
    currency,
    customer: null,
    description: readString(params, 'description') ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: readMetadata(params) ?? {},
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ['card'],
    processing: null,
    receipt_email: readEmail(params, 'receipt_email') ?? null,
    review: null,
    setup_future_usage: null,
    shipping: readShipping(params, 'shipping') ?? null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix:
      readString(params, 'statement_descriptor_suffix') ?? null,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
}

/** The answer to a confirmation: the intent, or Stripe's 402 with the intent inside. */
function answer(
  core: Core,
  c: ApiContext,
  record: IntentRecord,
  result: AttemptResult,
  expand: string[]
) {
  const view = viewIntent(core, record.intent, c.get('auth'), expand);
  if (result.kind === 'declined') {
    throw declineError(result, {
      payment_intent: view as PaymentIntentJson,
      payment_method: structuredClone(result.paymentMethod.method),
      payment_method_type: 'card',
    });
  }
  return c.json(view);
}

function confirm(
  core: Core,
  c: ApiContext,
  record: IntentRecord,
  method: PaymentMethodRecord,
  request: ConfirmRequest,
  expand: string[]
) {
  const result = attemptPayment(core, record, method, requestInfo(c), {
    origin: new URL(c.req.url).origin,
    returnUrl: request.returnUrl,
    useStripeSdk: request.useStripeSdk,
  });
  return answer(core, c, record, result, expand);
}

export function paymentIntentRoutes(core: Core) {
  const app = new Hono<Env>();

  app.post('/', (c) => {
    const params = c.get('params');
    const shape = withLegacyTypes(CREATE_SHAPE, c.get('apiVersion'));
    checkParams(params, shape, UNSUPPORTED);
    const intent = newIntent(core, params);
    const confirmNow = readBoolean(params, 'confirm') ?? false;
    const request = readConfirm(params);
    if (request.returnUrl && !confirmNow) {
      throw invalidParams(
        'The parameter `return_url` can only be passed when `confirm` is set to `true`.',
        'return_url'
      );
    }
    const expand = readList(params, 'expand') ?? [];
    checkExpand(expand, c.get('auth'));
    if (confirmNow) {
      checkConfirmable(intent, request, (m) =>
        invalidParams(m, 'payment_method')
      );
    }
    const method =
      request.paymentMethodId || request.paymentMethodData
        ? resolvePaymentMethod(core, intent, request)
        : undefined;
    if (method) {
      intent.payment_method = method.method.id;
      intent.status = 'requires_confirmation';
    }

    const record: IntentRecord = {intent, returnUrl: null};
    core.state.intents.set(intent.id, record);
    core.emit('payment_intent.created', intent, requestInfo(c));
    if (!confirmNow || !method) {
      return c.json(viewIntent(core, intent, c.get('auth'), expand));
    }
    return confirm(core, c, record, method, request, expand);
  });

  app.get('/:id', (c) => {
    const params = c.get('params');
    checkParams(params, {client_secret: true, expand: 'list'});
    const record = findIntent(core, c.req.param('id'));
    const auth = c.get('auth');
    checkClientSecret(record, readString(params, 'client_secret'), auth);
    const expand = readList(params, 'expand') ?? [];
    return c.json(viewIntent(core, record.intent, auth, expand));
  });

  app.post('/:id', (c) => {
    const params = c.get('params');
    const shape = withLegacyTypes(UPDATE_SHAPE, c.get('apiVersion'));
    checkParams(params, shape, UNSUPPORTED);
    const record = findIntent(core, c.req.param('id'));
    const intent = record.intent;
    const expand = readList(params, 'expand') ?? [];
    checkExpand(expand, c.get('auth'));

    // What decides the payment is fixed once it is under way; metadata, description and
    // receipt_email can change at any time (Stripe's own integrations tag paid intents).
    const fixed = [
      'amount',
      'currency',
      'payment_method',
      'allowed_payment_method_types',
      'payment_method_types',
      'capture_method',
    ];
    for (const field of fixed) {
      if (params[field] !== undefined && !UPDATABLE.includes(intent.status)) {
        throw unexpectedState(
          core,
          c,
          intent,
          `This PaymentIntent's ${field} could not be updated because it has a status of ${intent.status}. You may only update the ${field} of a PaymentIntent with one of the following statuses: ${statusList(UPDATABLE)}.`,
          field
        );
      }
    }
    const amount = readAmount(params) ?? intent.amount;
    const currency = readCurrency(params) ?? intent.currency;
    checkChargeAmount(amount, currency);
    const allowed = readPaymentMethodTypes(
      params,
      'allowed_payment_method_types'
    );
    const legacyTypes = readPaymentMethodTypes(params, 'payment_method_types');
    const captureMethod = readCaptureMethod(params);
    const metadata = readMetadata(params, intent.metadata);
    const description = readString(params, 'description');
    const receiptEmail = readEmail(params, 'receipt_email');
    const suffix = readString(params, 'statement_descriptor_suffix');
    const shipping = readShipping(params, 'shipping');
    const paymentMethodId = readString(params, 'payment_method');
    const method = paymentMethodId
      ? findPaymentMethod(core, paymentMethodId, 'payment_method')
      : undefined;

    intent.amount = amount;
    intent.currency = currency;
    if (allowed) intent.allowed_payment_method_types = allowed;
    if (legacyTypes) intent.automatic_payment_methods = null;
    if (captureMethod) intent.capture_method = captureMethod;
    if (metadata) intent.metadata = metadata;
    if (description !== undefined) intent.description = description;
    if (receiptEmail !== undefined) intent.receipt_email = receiptEmail;
    if (suffix !== undefined) intent.statement_descriptor_suffix = suffix;
    if (shipping !== undefined) intent.shipping = shipping;
    if (method) {
      intent.payment_method = method.method.id;
      intent.next_action = null;
      intent.status = 'requires_confirmation';
    } else if (paymentMethodId === null) {
      intent.payment_method = null;
      intent.status = 'requires_payment_method';
    }
    return c.json(viewIntent(core, intent, c.get('auth'), expand));
  });

  app.post('/:id/confirm', (c) => {
    const params = c.get('params');
    const shape = {...CONFIRM_SHAPE, client_secret: true as const};
    checkParams(params, shape, UNSUPPORTED);
    const record = findIntent(core, c.req.param('id'));
    const intent = record.intent;
    checkClientSecret(
      record,
      readString(params, 'client_secret'),
      c.get('auth')
    );
    const request = readConfirm(params);
    const receiptEmail = readEmail(params, 'receipt_email');
    const shipping = readShipping(params, 'shipping');
    const expand = readList(params, 'expand') ?? [];
    checkExpand(expand, c.get('auth'));
    checkNotFromCheckout(record, 'confirm');
    if (!CONFIRMABLE.includes(intent.status)) {
      throw unexpectedState(
        core,
        c,
        intent,
        `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${statusList(CONFIRMABLE)}.`
      );
    }
    checkConfirmable(intent, request, (m) =>
      unexpectedState(core, c, intent, m)
    );
    const method = resolvePaymentMethod(core, intent, request);
    if (receiptEmail !== undefined) intent.receipt_email = receiptEmail;
    if (shipping !== undefined) intent.shipping = shipping;
    return confirm(core, c, record, method, request, expand);
  });

  app.post('/:id/cancel', (c) => {
    const params = c.get('params');
    checkParams(params, {cancellation_reason: true, expand: 'list'});
    const record = findIntent(core, c.req.param('id'));
    const reason =
      readEnum(params, 'cancellation_reason', CANCELLATION_REASONS) ?? null;
    const expand = readList(params, 'expand') ?? [];
    checkExpand(expand, c.get('auth'));
    checkNotFromCheckout(record, 'cancel');
    const status = record.intent.status;
    if (!CANCELABLE.includes(status)) {
      throw unexpectedState(
        core,
        c,
        record.intent,
        `You cannot cancel this PaymentIntent because it has a status of ${status}. Only a PaymentIntent with one of the following statuses may be canceled: ${statusList(CANCELABLE)}.`
      );
    }
    cancel(core, record, reason, requestInfo(c));
    return c.json(viewIntent(core, record.intent, c.get('auth'), expand));
  });

  return app;
}
