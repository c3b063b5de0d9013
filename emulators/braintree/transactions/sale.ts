/**
 * `POST /merchants/:id/transactions` (`gateway.transaction.sale`, reference/request/transaction/
 * sale): validates as Braintree does (amount, nonce, merchant account, order id), then the
 * outcome comes from the nonce and the amount (reference/general/testing): an approval
 * (`authorized`, or `submitted_for_settlement` with `options.submit_for_settlement`), a processor
 * decline, a processor failure or a gateway rejection. Declines and rejections are 422s that
 * carry the transaction (the SDK resolves `{success: false, transaction}`); they are stored, and
 * `find` reads them.
 */
import {
  BraintreeErrorResponse,
  authorizationFailed,
  paramsOf,
  validationFailure,
  type ValidationError,
} from '../api/errors.js';
import type {CardOutcome} from '../core/cards.js';
import {newAuthorizationCode} from '../core/ids.js';
import {hundredths, parseAmount} from '../core/money.js';
import {lookUpNonce} from '../core/nonces.js';
import {
  currencyOfAccount,
  type Core,
  type TransactionRecord,
} from '../core/state.js';
import {tokenizeCard} from '../client-api/cards.js';
import {newTransaction} from './records.js';
import {
  amountOutcome,
  APPROVED,
  declineResponse,
  failureResponse,
  settlementDeclines,
} from './responses.js';
import {transactionView} from './view.js';

type Params = Record<string, unknown>;

const object = (value: unknown): Params =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Params)
    : {};

const AMOUNT_ERRORS = {
  required: ['81502', 'Amount is required.'],
  format: ['81503', 'Amount is an invalid format.'],
  zero: ['81531', 'Amount must be greater than zero.'],
  too_large: ['81528', 'Amount is too large.'],
} as const;

export function amountError(
  reason: keyof typeof AMOUNT_ERRORS,
  path = ['transaction']
): ValidationError {
  const [code, message] = AMOUNT_ERRORS[reason];
  return {path, attribute: 'amount', code, message};
}

const GATEWAY_REJECTED_MESSAGES: Record<string, string> = {
  application_incomplete: 'Gateway Rejected: application_incomplete',
  fraud: 'Gateway Rejected: fraud',
  risk_threshold: 'Gateway Rejected: risk_threshold',
  three_d_secure: 'Gateway Rejected: three_d_secure',
};

/** 3DS statuses after which Braintree's default rules reject the sale (authentication failed). */
const THREE_D_SECURE_FAILED = new Set([
  'authenticate_failed',
  'authenticate_frictionless_failed',
  'authenticate_rejected',
  'authenticate_signature_verification_failed',
]);

/** `credit_card: {number, expiration_date | expiration_month/year, cvv}` read as the client API reads a card. */
function cardFromSale(core: Core, params: Params) {
  const card = object(params.credit_card);
  return tokenizeCard(core, {
    creditCard: {
      number: card.number,
      expirationDate: card.expiration_date,
      expirationMonth: card.expiration_month,
      expirationYear: card.expiration_year,
      cvv: card.cvv,
      cardholderName: card.cardholder_name,
      billingAddress: {postalCode: object(params.billing).postal_code},
    },
  });
}

export function sale(
  core: Core,
  body: unknown
): {status: number; transaction: TransactionRecord} {
  const params = object(object(body).transaction);
  const echo = paramsOf(object(body));
  const errors: ValidationError[] = [];
  const at = (
    attribute: string,
    code: string,
    message: string,
    path = ['transaction']
  ) => errors.push({path, attribute, code, message});

  const type = params.type;
  if (type === undefined) at('type', '91524', 'Transaction type is required.');
  else if (type !== 'sale') at('type', '91523', 'Transaction type is invalid.');

  // A merchant account the keys cannot use is a 403 (braintree_node#47), not a validation error.
  const accountId =
    params.merchant_account_id === undefined ||
    params.merchant_account_id === ''
      ? core.defaultMerchantAccountId
      : String(params.merchant_account_id);
  const currency = currencyOfAccount(core, accountId);
  if (currency === undefined) throw authorizationFailed();

  const amount = parseAmount(params.amount, currency);
  if (!amount.ok) errors.push(amountError(amount.reason));

  const orderId = params.order_id;
  if (
    orderId !== undefined &&
    orderId !== null &&
    String(orderId).length > 255
  ) {
    at('orderId', '91501', 'Order ID is too long.');
  }
  const customFields = object(params.custom_fields);
  for (const [key, value] of Object.entries(customFields)) {
    if (String(value).length > 255) {
      at('customFields', '81527', `Custom field is too long: ${key}.`);
    }
  }

  const nonce = params.payment_method_nonce;
  let method;
  let nonceRecord;
  if (params.payment_method_token !== undefined) {
    at('paymentMethodToken', '91518', 'Payment method token is invalid.');
  } else if (
    (typeof nonce !== 'string' || nonce === '') &&
    params.credit_card !== undefined
  ) {
    // Card details in the sale itself (server-side; PCI scope the nonce flow avoids).
    const card = cardFromSale(core, params);
    if (card.ok) {
      nonceRecord = card.record;
      method = card.record.method;
    } else {
      for (const e of card.errors) {
        at(e.field, e.code, `${e.message}.`, ['transaction', 'creditCard']);
      }
    }
  } else if (typeof nonce !== 'string' || nonce === '') {
    at('base', '91508', 'Cannot determine payment method.');
  } else {
    const found = lookUpNonce(core, nonce);
    switch (found.kind) {
      case 'consumed':
        at(
          'paymentMethodNonce',
          '91564',
          'Cannot use a payment_method_nonce more than once.'
        );
        break;
      case 'unknown':
        at('paymentMethodNonce', '91565', 'Unknown payment_method_nonce.');
        break;
      case 'luhn_invalid':
        at('number', '81715', 'Credit card number is invalid.', [
          'transaction',
          'creditCard',
        ]);
        break;
      case 'found':
        nonceRecord = found.record;
        method = found.record.method;
    }
  }
  if (errors.length > 0 || !amount.ok || !method || !nonceRecord) {
    throw validationFailure(errors, echo);
  }

  // A single-use nonce is spent by any sale that reached the processor, approved or not.
  if (nonceRecord.singleUse) nonceRecord.consumed = true;

  const options = object(params.options);
  const threeDSecure = object(options.three_d_secure);
  const cents = hundredths(amount.minor, currency);
  let outcome: CardOutcome = amountOutcome(cents);
  if (outcome.kind === 'approve') outcome = method.outcome;
  const status3ds = method.threeDSecure?.status;
  if (
    outcome.kind === 'approve' &&
    ((status3ds !== undefined && THREE_D_SECURE_FAILED.has(status3ds)) ||
      (threeDSecure.required === true &&
        !method.threeDSecure?.liabilityShifted))
  ) {
    outcome = {kind: 'reject', reason: 'three_d_secure'};
  }

  const base = {
    type: 'sale' as const,
    amountMinor: amount.minor,
    currency,
    merchantAccountId: accountId,
    orderId: orderId === undefined || orderId === null ? null : String(orderId),
    method,
    refundedTransactionId: null,
    deviceData:
      typeof params.device_data === 'string' ? params.device_data : null,
    customFields: Object.fromEntries(
      Object.entries(customFields).map(([k, v]) => [k, String(v)])
    ),
    billingPostalCode:
      typeof object(params.billing).postal_code === 'string'
        ? (object(params.billing).postal_code as string)
        : method.card.postalCode,
    settlementResponse: null,
    settlementPlan: settlementDeclines(cents)
      ? ('decline' as const)
      : ('settle' as const),
  };

  switch (outcome.kind) {
    case 'approve': {
      const record = newTransaction(core, {
        ...base,
        status: 'authorized',
        processor: APPROVED,
        authorizationCode: newAuthorizationCode(),
        gatewayRejectionReason: null,
      });
      if (
        options.submit_for_settlement === true ||
        options.submit_for_settlement === 'true'
      ) {
        // A PayPal sale submitted for settlement is `settling` at once (the sandbox answers
        // so for fake-paypal-one-time-nonce; braintree_node's transaction specs): a card's waits.
        const submitted =
          method.instrument === 'paypal_account'
            ? 'settling'
            : 'submitted_for_settlement';
        record.status = submitted;
        record.statusHistory.push({
          ...record.statusHistory[0]!,
          status: submitted,
        });
      }
      return {status: 201, transaction: record};
    }
    case 'decline':
    case 'fail': {
      const processor =
        outcome.kind === 'decline'
          ? declineResponse(outcome.code)
          : failureResponse(outcome.code);
      const record = newTransaction(core, {
        ...base,
        status: outcome.kind === 'decline' ? 'processor_declined' : 'failed',
        processor,
        authorizationCode: null,
        gatewayRejectionReason: null,
      });
      throw new BraintreeErrorResponse(
        [],
        echo,
        processor.text,
        transactionView(core, record)
      );
    }
    case 'reject': {
      // A gateway rejection happens after authorisation: the processor had approved it.
      const record = newTransaction(core, {
        ...base,
        status: 'gateway_rejected',
        processor: {code: '', text: 'Unknown ()', type: 'approved'},
        authorizationCode: null,
        gatewayRejectionReason: outcome.reason,
      });
      record.processor =
        outcome.reason === 'application_incomplete'
          ? {code: '', text: 'Unknown ()', type: 'approved'}
          : {...APPROVED};
      throw new BraintreeErrorResponse(
        [],
        echo,
        GATEWAY_REJECTED_MESSAGES[outcome.reason] ??
          `Gateway Rejected: ${outcome.reason}`,
        transactionView(core, record)
      );
    }
  }
}
