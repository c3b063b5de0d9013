/**
 * `POST /v2/payments` (CreatePayment, api.json): the request checked as Square checks it, the
 * source resolved (cards/sources.ts), then a payment recorded: COMPLETED/CAPTURED with
 * `autocomplete` (the default), APPROVED/AUTHORIZED without it, or FAILED when the card is
 * declined, which is answered 400 with the error and the FAILED payment. Events follow Square's
 * examples: `payment.created` for the authorization, then `payment.updated` for the capture.
 */
import {
  SquareApiError,
  declineError,
  invalidRequest,
  notFound,
  requestError,
} from '../api/errors.js';
import {BodyChecker, asObject} from '../api/validate.js';
import {resolveSource, type ResolvedSource} from '../cards/sources.js';
import {fingerprintOf} from './fingerprints.js';
import {
  iso,
  newAuthResultCode,
  newPaymentId,
  newVersionToken,
  randomChars,
} from '../core/ids.js';
import {STATEMENT_DESCRIPTION, minimumAmount} from '../core/money.js';
import {
  timestamp,
  type Core,
  type Location,
  type PaymentRecord,
} from '../core/state.js';
import type {Money, PaymentJson} from '../core/types.js';
import {DEFAULT_DELAY_DURATION, durationMs} from './delay.js';
import {applyTransition} from './transitions.js';

const MAX_DELAY_MS = 7 * 24 * 3600 * 1000;
const MIN_DELAY_MS = 60 * 1000;

interface CreateRequest {
  sourceId: string;
  idempotencyKey: string;
  amount: Money;
  tip: Money | undefined;
  appFee: Money | undefined;
  autocomplete: boolean;
  delayDuration: string;
  delayAction: 'CANCEL' | 'COMPLETE';
  location: Location;
  verificationToken: string | undefined;
  optional: Partial<PaymentJson>;
}

function readRequest(core: Core, raw: unknown): CreateRequest {
  const check = new BodyChecker(asObject(raw));
  const sourceId = check.string('source_id', {required: true, min: 1});
  const idempotencyKey = check.string('idempotency_key', {
    required: true,
    min: 1,
    max: 45,
  });
  const amount = check.money('amount_money', true);
  const tip = check.money('tip_money');
  const appFee = check.money('app_fee_money');
  const autocomplete = check.boolean('autocomplete') ?? true;
  const delayDuration = check.string('delay_duration');
  const delayAction = check.oneOf('delay_action', [
    'CANCEL',
    'COMPLETE',
  ] as const);
  const locationId = check.string('location_id', {max: 50});
  const verificationToken = check.string('verification_token');
  const optional: Partial<PaymentJson> = {
    reference_id: check.string('reference_id', {max: 40}),
    note: check.string('note', {max: 500}),
    statement_description_identifier: check.string(
      'statement_description_identifier',
      {max: 20}
    ),
    buyer_email_address: check.string('buyer_email_address', {max: 255}),
    customer_id: check.string('customer_id', {max: 191}),
    order_id: check.string('order_id', {max: 192}),
    billing_address: check.object('billing_address'),
    shipping_address: check.object('shipping_address'),
  };
  check.done();

  if (delayDuration !== undefined || delayAction !== undefined) {
    if (autocomplete) {
      throw invalidRequest(
        requestError(
          'CONFLICTING_PARAMETERS',
          'delay_duration and delay_action can only be set for a delayed capture payment (autocomplete=false).',
          delayDuration !== undefined ? 'delay_duration' : 'delay_action'
        )
      );
    }
  }
  if (delayDuration !== undefined) {
    const ms = durationMs(delayDuration);
    if (ms === null) {
      throw invalidRequest(
        requestError(
          'INVALID_VALUE',
          'Invalid RFC 3339 duration.',
          'delay_duration'
        )
      );
    }
    if (ms < MIN_DELAY_MS || ms > MAX_DELAY_MS) {
      throw invalidRequest(
        requestError(
          ms < MIN_DELAY_MS ? 'VALUE_TOO_LOW' : 'VALUE_TOO_HIGH',
          'delay_duration must be between 1 minute and 7 days for a card-not-present payment.',
          'delay_duration'
        )
      );
    }
  }

  const location =
    locationId === undefined
      ? [...core.locations.values()][0]!
      : core.locations.get(locationId);
  if (!location)
    throw notFound(`Location \`${locationId}\` not found.`, 'location_id');
  for (const [field, money] of [
    ['amount_money', amount],
    ['tip_money', tip],
    ['app_fee_money', appFee],
  ] as const) {
    if (money && money.currency !== location.currency) {
      throw invalidRequest(
        requestError(
          'INVALID_VALUE',
          `This merchant can only process payments in ${location.currency}, but amount was provided in ${money.currency}.`,
          `${field}.currency`
        )
      );
    }
  }
  const min = minimumAmount(location.currency);
  if (amount!.amount < min) {
    throw invalidRequest(
      requestError(
        'VALUE_TOO_LOW',
        `\`amount_money.amount\` must be greater than or equal to ${min}.`,
        'amount_money.amount'
      )
    );
  }
  if (tip && tip.amount < 0) {
    throw invalidRequest(
      requestError(
        'VALUE_TOO_LOW',
        '`tip_money.amount` must be greater than or equal to 0.',
        'tip_money.amount'
      )
    );
  }
  if (
    appFee &&
    appFee.amount > Math.floor((amount!.amount + (tip?.amount ?? 0)) * 0.9)
  ) {
    throw invalidRequest(
      requestError(
        'INVALID_FEES',
        'app_fee_money cannot be more than 90% of the total payment amount.',
        'app_fee_money.amount'
      )
    );
  }
  return {
    sourceId: sourceId!,
    idempotencyKey: idempotencyKey!,
    amount: amount!,
    tip,
    appFee,
    autocomplete,
    delayDuration: delayDuration ?? DEFAULT_DELAY_DURATION,
    delayAction: delayAction ?? 'CANCEL',
    location,
    verificationToken,
    optional,
  };
}

function buildPayment(
  core: Core,
  request: CreateRequest,
  source: ResolvedSource
): PaymentJson {
  const id = newPaymentId();
  const now = timestamp(core);
  const total: Money = {
    amount: request.amount.amount + (request.tip?.amount ?? 0),
    currency: request.amount.currency,
  };
  const declined = source.decline !== undefined;
  const delayMs = durationMs(request.delayDuration)!;
  const defined = Object.fromEntries(
    Object.entries(request.optional).filter(([, v]) => v !== undefined)
  ) as Partial<PaymentJson>;
  const number = source.card.number;
  return {
    id,
    created_at: now,
    updated_at: now,
    amount_money: request.amount,
    ...(request.tip && {tip_money: request.tip}),
    total_money: total,
    ...(request.appFee && {app_fee_money: request.appFee}),
    approved_money: declined ? {amount: 0, currency: total.currency} : total,
    status: declined ? 'FAILED' : 'APPROVED',
    delay_duration: request.delayDuration,
    delay_action: request.delayAction,
    delayed_until: iso(core.now() + delayMs),
    source_type: 'CARD',
    card_details: {
      status: declined ? 'FAILED' : 'AUTHORIZED',
      card: {
        card_brand: source.card.brand,
        last_4: number.slice(-4),
        exp_month: source.expMonth,
        exp_year: source.expYear,
        fingerprint: fingerprintOf(core, number),
        card_type: source.card.cardType,
        prepaid_type: 'NOT_PREPAID',
        bin: number.slice(0, 6),
      },
      entry_method: 'KEYED',
      cvv_status:
        source.decline === 'CVV_FAILURE' ? 'CVV_REJECTED' : 'CVV_ACCEPTED',
      avs_status:
        source.decline === 'ADDRESS_VERIFICATION_FAILURE'
          ? 'AVS_REJECTED'
          : 'AVS_ACCEPTED',
      ...(!declined && {auth_result_code: newAuthResultCode()}),
      statement_description: STATEMENT_DESCRIPTION,
      card_payment_timeline: declined ? {} : {authorized_at: now},
      ...(declined && {errors: [declineError(source.decline!)]}),
    },
    location_id: request.location.id,
    order_id: `${randomChars(27)}ZY`,
    ...defined,
    risk_evaluation: {created_at: now, risk_level: 'NORMAL'},
    application_details: {
      square_product: 'ECOMMERCE_API',
      application_id: core.applicationId,
    },
    version_token: '',
  };
}

/** Runs CreatePayment; returns the status and the body Square answers with. */
export function createPayment(
  core: Core,
  raw: unknown
): {status: number; body: unknown; key: string} {
  const request = readRequest(core, raw);
  const source = resolveSource(
    core,
    request.sourceId,
    request.verificationToken,
    request.amount
  );
  const payment = buildPayment(core, request, source);
  payment.version_token = newVersionToken();
  source.spend(payment.id);
  const record: PaymentRecord = {
    payment,
    idempotencyKey: request.idempotencyKey,
    delayedUntil: core.now() + durationMs(request.delayDuration)!,
  };
  core.state.payments.set(payment.id, record);
  core.state.paymentKeys.set(request.idempotencyKey, payment.id);
  core.emit('payment.created', {payment});
  if (source.decline !== undefined) {
    const error = new SquareApiError(400, [declineError(source.decline)], {
      payment,
    });
    return {status: 400, body: error.body(), key: request.idempotencyKey};
  }
  if (request.autocomplete) applyTransition(core, record, 'complete');
  return {status: 200, body: {payment}, key: request.idempotencyKey};
}
