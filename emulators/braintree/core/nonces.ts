/**
 * Nonces: the sandbox's fake ones (`braintree.Test.Nonces`, developer.paypal.com/braintree/docs/
 * reference/general/testing "Nonces"), which are never consumed, and the single-use ones the
 * client API tokenises from a card, which remember the card and its outcome.
 */
import {cardTypeOf, OK, type CardOutcome, type CardType} from './cards.js';
import {newNonce, randomChars} from './ids.js';
import type {
  CardDetails,
  Core,
  NonceRecord,
  PaymentMethod,
  ThreeDSecureResult,
} from './state.js';
import type {ThreeDSecureStatus} from './cards.js';

function card(
  number: string,
  overrides: Partial<CardDetails> = {}
): CardDetails {
  return {
    bin: number.slice(0, 6),
    last4: number.slice(-4),
    cardType: cardTypeOf(number),
    expirationMonth: '12',
    expirationYear: String(new Date().getUTCFullYear() + 3),
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
    ...overrides,
  };
}

function cardMethod(
  number: string,
  outcome: CardOutcome = OK,
  overrides: Partial<CardDetails> = {}
): PaymentMethod {
  return {instrument: 'credit_card', card: card(number, overrides), outcome};
}

/** The 3DS results each fake 3DS nonce carries (liability as the 3DS guide describes each status). */
export function threeDSecureResult(
  status: ThreeDSecureStatus | string,
  version = '2.2.0'
): ThreeDSecureResult {
  const shifted = [
    'authenticate_successful',
    'authenticate_attempt_successful',
  ].includes(status);
  const possible =
    shifted ||
    [
      'authenticate_failed',
      'authenticate_frictionless_failed',
      'authenticate_rejected',
      'authenticate_signature_verification_failed',
      'authenticate_error',
      'authenticate_unable_to_authenticate',
      'challenge_required',
    ].includes(status);
  const enrolled =
    status === 'lookup_not_enrolled' ? 'N' : possible ? 'Y' : 'U';
  return {
    status,
    liabilityShifted: shifted,
    liabilityShiftPossible: possible,
    enrolled,
    version,
    authenticationId: randomChars(28),
    cavv: shifted ? 'AAABAWFlmQAAAABjRWWZEEFgFz+=' : null,
    eciFlag: shifted
      ? status === 'authenticate_successful'
        ? '05'
        : '06'
      : '07',
    dsTransactionId: version.startsWith('2') ? crypto.randomUUID() : null,
  };
}

function threeDSecureMethod(
  status: string,
  version = '2.2.0'
): () => PaymentMethod {
  return () => ({
    ...cardMethod('4000000000001091'),
    threeDSecure: threeDSecureResult(status, version),
  });
}

const VISA = '4111111111111111';

/** Each fake nonce, built afresh on use (3DS ids and expiry years are per use). */
const FAKE_NONCES: Record<string, () => PaymentMethod> = {
  'fake-valid-nonce': () => cardMethod('4012888888881881'),
  'fake-valid-visa-nonce': () => cardMethod(VISA),
  'fake-valid-amex-nonce': () => cardMethod('378282246310005'),
  'fake-valid-mastercard-nonce': () => cardMethod('5555555555554444'),
  'fake-valid-discover-nonce': () => cardMethod('6011111111111117'),
  'fake-valid-jcb-nonce': () => cardMethod('3530111333300000'),
  'fake-valid-maestro-nonce': () => cardMethod('6304000000000000'),
  'fake-valid-dinersclub-nonce': () => cardMethod('36259600000004'),
  'fake-valid-prepaid-nonce': () => cardMethod(VISA, OK, {prepaid: 'Yes'}),
  'fake-valid-commercial-nonce': () =>
    cardMethod(VISA, OK, {commercial: 'Yes'}),
  'fake-valid-durbin-regulated-nonce': () =>
    cardMethod(VISA, OK, {durbinRegulated: 'Yes'}),
  'fake-valid-healthcare-nonce': () =>
    cardMethod(VISA, OK, {healthcare: 'Yes'}),
  'fake-valid-debit-nonce': () => cardMethod(VISA, OK, {debit: 'Yes'}),
  'fake-valid-payroll-nonce': () => cardMethod(VISA, OK, {payroll: 'Yes'}),
  'fake-valid-no-indicators-nonce': () =>
    cardMethod(VISA, OK, {
      prepaid: 'No',
      debit: 'No',
      commercial: 'No',
      healthcare: 'No',
      payroll: 'No',
      durbinRegulated: 'No',
    }),
  'fake-valid-unknown-indicators-nonce': () => cardMethod(VISA),
  'fake-valid-country-of-issuance-usa-nonce': () =>
    cardMethod(VISA, OK, {countryOfIssuance: 'USA'}),
  'fake-valid-country-of-issuance-cad-nonce': () =>
    cardMethod(VISA, OK, {countryOfIssuance: 'CAN'}),
  'fake-valid-issuing-bank-network-only-nonce': () =>
    cardMethod(VISA, OK, {issuingBank: 'NETWORK ONLY'}),
  'fake-processor-declined-visa-nonce': () =>
    cardMethod('4000111111111115', {kind: 'decline', code: '2000'}),
  'fake-processor-declined-mastercard-nonce': () =>
    cardMethod('5105105105105100', {kind: 'decline', code: '2000'}),
  'fake-processor-declined-amex-nonce': () =>
    cardMethod('378734493671000', {kind: 'decline', code: '2000'}),
  'fake-processor-declined-discover-nonce': () =>
    cardMethod('6011000990139424', {kind: 'decline', code: '2000'}),
  'fake-processor-failure-jcb-nonce': () =>
    cardMethod('3566002020360505', {kind: 'fail', code: '3000'}),
  'fake-gateway-rejected-fraud-nonce': () =>
    cardMethod('4000111111111511', {kind: 'reject', reason: 'fraud'}),
  'fake-gateway-rejected-risk-thresholds-nonce': () =>
    cardMethod('4111130000000003', {kind: 'reject', reason: 'risk_threshold'}),
  'fake-paypal-one-time-nonce': () => ({
    ...cardMethod(VISA),
    instrument: 'paypal_account',
    payerEmail: 'payer@example.com',
  }),
  'fake-apple-pay-visa-nonce': () => ({
    ...cardMethod(VISA),
    instrument: 'apple_pay_card',
  }),
  'fake-apple-pay-mastercard-nonce': () => ({
    ...cardMethod('5555555555554444'),
    instrument: 'apple_pay_card',
  }),
  'fake-apple-pay-amex-nonce': () => ({
    ...cardMethod('378282246310005'),
    instrument: 'apple_pay_card',
  }),
  'fake-android-pay-nonce': () => ({
    ...cardMethod(VISA),
    instrument: 'android_pay_card',
  }),
  'fake-android-pay-visa-nonce': () => ({
    ...cardMethod(VISA),
    instrument: 'android_pay_card',
  }),
  'fake-android-pay-mastercard-nonce': () => ({
    ...cardMethod('5555555555554444'),
    instrument: 'android_pay_card',
  }),
  'fake-venmo-account-nonce': () => ({
    ...cardMethod(VISA),
    instrument: 'venmo_account',
  }),
  'fake-three-d-secure-visa-full-authentication-nonce': threeDSecureMethod(
    'authenticate_successful',
    '1.0.2'
  ),
  'fake-three-d-secure-visa-lookup-timeout-nonce': threeDSecureMethod(
    'lookup_error',
    '1.0.2'
  ),
  'fake-three-d-secure-visa-failed-signature-nonce': threeDSecureMethod(
    'authenticate_signature_verification_failed',
    '1.0.2'
  ),
  'fake-three-d-secure-visa-failed-authentication-nonce': threeDSecureMethod(
    'authenticate_failed',
    '1.0.2'
  ),
  'fake-three-d-secure-visa-attempts-non-participating-nonce':
    threeDSecureMethod('authenticate_attempt_successful', '1.0.2'),
  'fake-three-d-secure-visa-not-enrolled-nonce': threeDSecureMethod(
    'lookup_not_enrolled',
    '1.0.2'
  ),
  'fake-three-d-secure-visa-unavailable-nonce': threeDSecureMethod(
    'authentication_unavailable',
    '1.0.2'
  ),
  'fake-three-d-secure-visa-mpi-lookup-error-nonce': threeDSecureMethod(
    'lookup_error',
    '1.0.2'
  ),
  'fake-three-d-secure-visa-mpi-authenticate-error-nonce': threeDSecureMethod(
    'authenticate_error',
    '1.0.2'
  ),
  'fake-three-d-secure-visa-authentication-unavailable-nonce':
    threeDSecureMethod('authenticate_unable_to_authenticate', '1.0.2'),
  'fake-three-d-secure-visa-bypassed-authentication-nonce': threeDSecureMethod(
    'lookup_bypassed',
    '1.0.2'
  ),
  'fake-three-d-secure-two-visa-successful-frictionless-authentication-nonce':
    threeDSecureMethod('authenticate_successful'),
  'fake-three-d-secure-two-visa-successful-step-up-authentication-nonce':
    threeDSecureMethod('authenticate_successful'),
  'fake-three-d-secure-two-visa-error-on-lookup-nonce':
    threeDSecureMethod('lookup_error'),
  'fake-three-d-secure-two-visa-timeout-on-lookup-nonce': threeDSecureMethod(
    'lookup_failed_acs_error'
  ),
};

/** Nonces with no method behind them: what a sale with one answers instead. */
export const CONSUMED_NONCE = 'fake-consumed-nonce';
export const LUHN_INVALID_NONCE = 'fake-luhn-invalid-nonce';

export type NonceLookup =
  | {kind: 'found'; record: NonceRecord}
  | {kind: 'consumed'}
  | {kind: 'luhn_invalid'}
  | {kind: 'unknown'};

export function lookUpNonce(core: Core, nonce: string): NonceLookup {
  if (nonce === CONSUMED_NONCE) return {kind: 'consumed'};
  if (nonce === LUHN_INVALID_NONCE) return {kind: 'luhn_invalid'};
  const fake = Object.hasOwn(FAKE_NONCES, nonce)
    ? FAKE_NONCES[nonce]
    : undefined;
  if (fake) {
    return {
      kind: 'found',
      record: {
        nonce,
        method: fake(),
        singleUse: false,
        consumed: false,
        createdAt: core.now(),
      },
    };
  }
  const record = core.state.nonces.get(nonce);
  if (!record) return {kind: 'unknown'};
  if (record.consumed) return {kind: 'consumed'};
  return {kind: 'found', record};
}

/** A new single-use nonce for a payment method (tokenising, and each 3DS step). */
export function issueNonce(core: Core, method: PaymentMethod): NonceRecord {
  const record: NonceRecord = {
    nonce: newNonce(),
    method,
    singleUse: true,
    consumed: false,
    createdAt: core.now(),
  };
  core.state.nonces.set(record.nonce, record);
  return record;
}

export function isFakeNonce(nonce: string): boolean {
  return (
    Object.hasOwn(FAKE_NONCES, nonce) ||
    nonce === CONSUMED_NONCE ||
    nonce === LUHN_INVALID_NONCE
  );
}

export type {CardType};
