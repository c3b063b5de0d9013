/**
 * The sandbox's test cards (developer.paypal.com/braintree/docs/reference/general/testing, "Credit
 * card numbers", and /guides/3d-secure/testing for the 3DS 2 cards): which brand a number is, what
 * a sale with its nonce does, and how its 3-D Secure lookup goes.
 */

export type CardType =
  | 'Visa'
  | 'MasterCard'
  | 'American Express'
  | 'Discover'
  | 'JCB'
  | 'Diners Club'
  | 'Maestro'
  | 'UnionPay'
  | 'Elo'
  | 'Unknown';

/** What charging the card does, beyond what the amount decides. */
export type CardOutcome =
  | {kind: 'approve'}
  | {kind: 'decline'; code: string}
  | {kind: 'fail'; code: string}
  | {kind: 'reject'; reason: GatewayRejectionReason};

export type GatewayRejectionReason =
  | 'application_incomplete'
  | 'avs'
  | 'avs_and_cvv'
  | 'cvv'
  | 'duplicate'
  | 'fraud'
  | 'risk_threshold'
  | 'three_d_secure'
  | 'token_issuance';

/** A 3-D Secure 2 status (braintree-web's `ThreeDSecureInfo.status`). */
export type ThreeDSecureStatus =
  | 'authenticate_successful'
  | 'authenticate_frictionless_failed'
  | 'authenticate_attempt_successful'
  | 'authenticate_unable_to_authenticate'
  | 'authenticate_rejected'
  | 'authenticate_failed'
  | 'authentication_unavailable'
  | 'challenge_required'
  | 'lookup_error'
  | 'lookup_failed_acs_error'
  | 'lookup_bypassed'
  | 'lookup_not_enrolled';

/** How the lookup goes: a result at once (frictionless), or a challenge with its two ends. */
export type ThreeDSecureScenario =
  | {kind: 'frictionless'; status: ThreeDSecureStatus}
  | {kind: 'challenge'; pass: ThreeDSecureStatus; fail: ThreeDSecureStatus};

export const OK: CardOutcome = {kind: 'approve'};

/** "Unsuccessful credit card verification" numbers: the emulator declines the sale itself. */
const DECLINED: Record<string, CardOutcome> = {
  '4000111111111115': {kind: 'decline', code: '2000'},
  '5105105105105100': {kind: 'decline', code: '2000'},
  '378734493671000': {kind: 'decline', code: '2000'},
  '6011000990139424': {kind: 'decline', code: '2000'},
  '38520000009814': {kind: 'decline', code: '2000'},
  '3566002020360505': {kind: 'fail', code: '3000'},
  // Card type indicators (braintree.Test.CreditCardNumbers): fraud and risk threshold.
  '4000111111111511': {kind: 'reject', reason: 'fraud'},
  '4111130000000003': {kind: 'reject', reason: 'risk_threshold'},
};

const frictionless = (status: ThreeDSecureStatus): ThreeDSecureScenario => ({
  kind: 'frictionless',
  status,
});
const CHALLENGE_SUCCESS: ThreeDSecureScenario = {
  kind: 'challenge',
  pass: 'authenticate_successful',
  fail: 'authenticate_failed',
};
const CHALLENGE_FAILED: ThreeDSecureScenario = {
  kind: 'challenge',
  pass: 'authenticate_failed',
  fail: 'authenticate_failed',
};

/** The 3DS 2 cards (expiry 01 / current year + 3 in the docs; the emulator takes any future date). */
const THREE_D_SECURE: Record<string, ThreeDSecureScenario> = {
  // Current page (/guides/3d-secure/testing).
  '4000000000002701': frictionless('authenticate_successful'),
  '5200000000002235': frictionless('authenticate_successful'),
  '340000000002708': frictionless('authenticate_successful'),
  '6011000000002117': frictionless('authenticate_successful'),
  '4000000000002925': frictionless('authenticate_frictionless_failed'),
  '5200000000002276': frictionless('authenticate_frictionless_failed'),
  '340000000002096': frictionless('authenticate_frictionless_failed'),
  '6011000000002364': frictionless('authenticate_frictionless_failed'),
  '4000000000002719': frictionless('authenticate_attempt_successful'),
  '5200000000002482': frictionless('authenticate_attempt_successful'),
  '340000000002872': frictionless('authenticate_attempt_successful'),
  '6011000000002646': frictionless('authenticate_attempt_successful'),
  '4000000000002313': frictionless('authenticate_unable_to_authenticate'),
  '4000000000002503': CHALLENGE_SUCCESS,
  '5200000000002151': CHALLENGE_SUCCESS,
  '4000000000002370': CHALLENGE_FAILED,
  '5200000000002490': CHALLENGE_FAILED,
  // The 3DS 2 page as it was (testing-go-live): the 1000 series.
  '4000000000001000': frictionless('authenticate_successful'),
  '5200000000001005': frictionless('authenticate_successful'),
  '340000000001007': frictionless('authenticate_successful'),
  '6011000000001002': frictionless('authenticate_successful'),
  '4000000000001018': frictionless('authenticate_frictionless_failed'),
  '5200000000001013': frictionless('authenticate_frictionless_failed'),
  '340000000001015': frictionless('authenticate_frictionless_failed'),
  '6011000000001010': frictionless('authenticate_frictionless_failed'),
  '4000000000001026': frictionless('authenticate_attempt_successful'),
  '5200000000001021': frictionless('authenticate_attempt_successful'),
  '340000000001023': frictionless('authenticate_attempt_successful'),
  '4000000000001034': frictionless('authenticate_unable_to_authenticate'),
  '4000000000001042': frictionless('authenticate_rejected'),
  '4000000000001059': frictionless('authentication_unavailable'),
  '4000000000001067': frictionless('lookup_error'),
  '4000000000001075': frictionless('lookup_failed_acs_error'),
  '4000000000001083': frictionless('lookup_bypassed'),
  '4000000000001091': CHALLENGE_SUCCESS,
  '5200000000001096': CHALLENGE_SUCCESS,
  '340000000001098': CHALLENGE_SUCCESS,
  '4000000000001109': CHALLENGE_FAILED,
  '5200000000001104': CHALLENGE_FAILED,
  '340000000001106': CHALLENGE_FAILED,
};

/** Brand by prefix, as card networks assign them (Braintree's `cardType` names). */
export function cardTypeOf(number: string): CardType {
  if (/^4/.test(number)) return 'Visa';
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(number)) return 'MasterCard';
  if (/^3[47]/.test(number)) return 'American Express';
  if (/^(6011|65|64[4-9]|622)/.test(number)) return 'Discover';
  if (/^35(2[89]|[3-8])/.test(number)) return 'JCB';
  if (/^(36|38|30[0-5])/.test(number)) return 'Diners Club';
  if (/^(50|5[6-9]|6[0-9])/.test(number) && !/^62/.test(number))
    return 'Maestro';
  if (/^62/.test(number)) return 'UnionPay';
  return 'Unknown';
}

export function luhnValid(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return number.length > 0 && sum % 10 === 0;
}

/** Lengths each brand takes (Braintree answers 81716 otherwise). */
export function lengthValid(number: string, type: CardType): boolean {
  switch (type) {
    case 'American Express':
      return number.length === 15;
    case 'Diners Club':
      return number.length >= 14 && number.length <= 19;
    case 'Visa':
      return [13, 16, 19].includes(number.length);
    case 'Maestro':
      return number.length >= 12 && number.length <= 19;
    default:
      return number.length >= 16 && number.length <= 19;
  }
}

export function cardOutcomeOf(number: string): CardOutcome {
  return DECLINED[number] ?? OK;
}

/** A card the 3DS table does not list is not enrolled. */
export function threeDSecureScenarioOf(number: string): ThreeDSecureScenario {
  return THREE_D_SECURE[number] ?? frictionless('lookup_not_enrolled');
}

/** `https://assets.braintreegateway.com/payment_method_logo/visa.png?environment=sandbox`. */
export function imageUrlOf(type: CardType): string {
  const name = type.toLowerCase().replace(/ /g, '_');
  return `https://assets.braintreegateway.com/payment_method_logo/${name}.png?environment=sandbox`;
}
