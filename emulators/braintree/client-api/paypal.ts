/**
 * PayPal through Braintree on the client API, as braintree-web's `paypal-checkout` drives it for
 * Drop-in (`flow: 'checkout'`): `POST …/v1/paypal_hermes/create_payment_resource` opens a
 * payment (`paymentResource.paymentToken`, `redirectUrl` = the approval window), the buyer
 * approves it there, and `POST …/v1/payment_methods/paypal_accounts` turns the approved token
 * into a single-use `PayPalAccount` nonce (`paypalAccounts[0]`: `{nonce, type, description,
 * details: {email, payerInfo}}`). The approval is the emulator's own step
 * (`POST …/v1/paypal_hermes/emulator_approve`), standing in for PayPal's login and review.
 */
import {randomChars} from '../core/ids.js';
import {issueNonce} from '../core/nonces.js';
import type {Core, NonceRecord} from '../core/state.js';

interface PaypalPayment {
  amount: string;
  currency: string;
  merchantAccountId: string;
  payerId?: string;
  tokenized: boolean;
}

/** The payments opened on each emulator, by their EC- token. */
const payments = new WeakMap<Core, Map<string, PaypalPayment>>();
const paymentsOf = (core: Core) => {
  let map = payments.get(core);
  if (!map) payments.set(core, (map = new Map()));
  return map;
};

type Params = Record<string, unknown>;
const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number'
    ? String(value).trim()
    : '';

/** The sandbox's test buyer, as `fake-paypal-one-time-nonce` names it. */
export const PAYER = {
  email: 'payer@example.com',
  firstName: 'John',
  lastName: 'Doe',
  countryCode: 'US',
};

export type PaypalResult =
  | {ok: true; body: Record<string, unknown>}
  | {ok: false; status: 404 | 422; message: string};

export function createPaymentResource(
  core: Core,
  body: Params,
  merchantAccountId: string,
  approvalUrl: string
): PaypalResult {
  const amount = text(body.amount);
  const currency = text(body.currencyIsoCode).toUpperCase();
  if (!/^\d+(\.\d{1,2})?$/.test(amount) || Number(amount) <= 0)
    return {ok: false, status: 422, message: 'Amount is an invalid format.'};
  if (!/^[A-Z]{3}$/.test(currency))
    return {ok: false, status: 422, message: 'Currency is not supported.'};
  const paymentToken = `EC-${randomChars(17).toUpperCase()}`;
  paymentsOf(core).set(paymentToken, {
    amount,
    currency,
    merchantAccountId,
    tokenized: false,
  });
  const redirect = new URL(approvalUrl);
  redirect.searchParams.set('token', paymentToken);
  return {
    ok: true,
    body: {
      paymentResource: {
        paymentToken,
        intent: 'authorize',
        redirectUrl: redirect.toString(),
        authenticateUrl: null,
      },
    },
  };
}

/** The buyer approved in the window: the payment has a payer now. */
export function approvePayment(core: Core, body: Params): PaypalResult {
  const payment = paymentsOf(core).get(text(body.paymentToken));
  if (!payment || payment.tokenized)
    return {
      ok: false,
      status: 422,
      message: 'The PayPal payment was not found.',
    };
  payment.payerId ??= randomChars(13).toUpperCase();
  return {
    ok: true,
    body: {
      paymentToken: text(body.paymentToken),
      payerId: payment.payerId,
      amount: payment.amount,
      currency: payment.currency,
    },
  };
}

/** The amount, currency and buyer of an open payment, for the approval window to show. */
export function paymentSummary(core: Core, token: string): PaypalResult {
  const payment = paymentsOf(core).get(token);
  if (!payment || payment.tokenized)
    return {
      ok: false,
      status: 404,
      message: 'The PayPal payment was not found.',
    };
  return {
    ok: true,
    body: {
      amount: payment.amount,
      currency: payment.currency,
      payerEmail: PAYER.email,
    },
  };
}

export function paypalAccountPayload(
  record: NonceRecord
): Record<string, unknown> {
  const payer = record.method.payer ?? {...PAYER, payerId: 'PAYERID1234'};
  const email = record.method.payerEmail ?? PAYER.email;
  return {
    nonce: record.nonce,
    type: 'PayPalAccount',
    description: 'PayPal',
    consumed: false,
    details: {
      email,
      correlationId: record.nonce,
      payerInfo: {
        email,
        payerId: payer.payerId,
        firstName: payer.firstName,
        lastName: payer.lastName,
        countryCode: PAYER.countryCode,
      },
    },
  };
}

/** `paypalAccount: {paymentToken, payerId}` of an approved payment → a single-use nonce. */
export function tokenizePaypalAccount(core: Core, body: Params): PaypalResult {
  const account = (typeof body.paypalAccount === 'object' &&
    body.paypalAccount) as Params | false;
  const token = account ? text(account.paymentToken) : '';
  const payment = paymentsOf(core).get(token);
  if (
    !account ||
    !payment ||
    payment.tokenized ||
    !payment.payerId ||
    text(account.payerId) !== payment.payerId
  )
    return {
      ok: false,
      status: 422,
      message: 'PayPal payment has not been approved by the customer.',
    };
  payment.tokenized = true;
  const record = issueNonce(core, {
    instrument: 'paypal_account',
    card: {
      bin: '',
      last4: '',
      cardType: 'Unknown' as never,
      expirationMonth: '',
      expirationYear: '',
      cardholderName: null,
      postalCode: null,
      prepaid: 'Unknown',
      debit: 'Unknown',
      commercial: 'Unknown',
      healthcare: 'Unknown',
      payroll: 'Unknown',
      durbinRegulated: 'Unknown',
      countryOfIssuance: 'Unknown',
      issuingBank: 'Unknown',
      productId: 'Unknown',
    },
    outcome: {kind: 'approve'},
    payerEmail: PAYER.email,
    payer: {
      payerId: payment.payerId,
      firstName: PAYER.firstName,
      lastName: PAYER.lastName,
    },
  });
  return {ok: true, body: {paypalAccounts: [paypalAccountPayload(record)]}};
}
