/**
 * 3-D Secure on the client API, as braintree-web's `threeDSecure.verifyCard` calls it:
 * `POST …/v1/payment_methods/:nonce/three_d_secure/lookup` spends the card's nonce and answers
 * `{paymentMethod (a new nonce, with its threeDSecureInfo), lookup: {acsUrl, …}, threeDSecureInfo}`.
 * A frictionless card (guides/3d-secure/testing) has its result at once and `acsUrl: null`; a
 * challenge card gets an `acsUrl` (the Drop-in fake's challenge frame on the emulator) and its
 * result comes from `POST …/three_d_secure/authenticate_from_jwt` with `outcome: 'pass' | 'fail'`
 * (where Cardinal's JWT would be), which spends the lookup's nonce and issues the final one.
 */
import {threeDSecureScenarioOf} from '../core/cards.js';
import {issueNonce, threeDSecureResult} from '../core/nonces.js';
import type {Core, NonceRecord} from '../core/state.js';
import {cardPayload} from './cards.js';

function withThreeDSecure(record: NonceRecord): Record<string, unknown> {
  const info = record.method.threeDSecure;
  return {
    ...cardPayload(record),
    threeDSecureInfo: info && {
      liabilityShifted: info.liabilityShifted,
      liabilityShiftPossible: info.liabilityShiftPossible,
      status: info.status,
      enrolled: info.enrolled,
      threeDSecureVersion: info.version,
      threeDSecureAuthenticationId: info.authenticationId,
      cavv: info.cavv,
      eciFlag: info.eciFlag,
      dsTransactionId: info.dsTransactionId,
      xid: null,
    },
  };
}

function summary(record: NonceRecord) {
  const info = record.method.threeDSecure!;
  return {
    liabilityShifted: info.liabilityShifted,
    liabilityShiftPossible: info.liabilityShiftPossible,
  };
}

export type LookupResult =
  | {ok: true; body: Record<string, unknown>}
  | {ok: false; status: number; message: string};

export function lookup(
  core: Core,
  source: NonceRecord,
  challengeUrl: string
): LookupResult {
  if (source.consumed) {
    return {
      ok: false,
      status: 422,
      message: 'Cannot use a payment_method_nonce more than once.',
    };
  }
  if (source.method.instrument !== 'credit_card') {
    return {ok: false, status: 422, message: 'Payment method is not a card.'};
  }
  source.consumed = true;
  const scenario = threeDSecureScenarioOf(source.cardNumber ?? '');
  if (scenario.kind === 'frictionless') {
    const next = issueNonce(core, {
      ...source.method,
      threeDSecure: threeDSecureResult(scenario.status),
    });
    next.cardNumber = source.cardNumber;
    return {
      ok: true,
      body: {
        paymentMethod: withThreeDSecure(next),
        lookup: {
          acsUrl: null,
          threeDSecureVersion: '2.2.0',
          transStatus: transStatusOf(scenario.status),
          transStatusReason: null,
        },
        threeDSecureInfo: summary(next),
      },
    };
  }
  const pending = issueNonce(core, {
    ...source.method,
    threeDSecure: threeDSecureResult('challenge_required'),
  });
  pending.cardNumber = source.cardNumber;
  pending.challenge = {pass: scenario.pass, fail: scenario.fail};
  const acsUrl = new URL(challengeUrl);
  acsUrl.searchParams.set('nonce', pending.nonce);
  return {
    ok: true,
    body: {
      paymentMethod: withThreeDSecure(pending),
      lookup: {
        acsUrl: acsUrl.toString(),
        threeDSecureVersion: '2.2.0',
        transStatus: 'C',
        transStatusReason: null,
        md: pending.nonce,
        pareq: null,
        termUrl: null,
      },
      threeDSecureInfo: summary(pending),
    },
  };
}

export function authenticate(
  core: Core,
  pending: NonceRecord,
  outcome: unknown
): LookupResult {
  if (!pending.challenge || pending.consumed) {
    return {
      ok: false,
      status: 422,
      message: 'The 3D Secure authentication is not pending.',
    };
  }
  if (outcome !== 'pass' && outcome !== 'fail') {
    return {ok: false, status: 422, message: 'outcome must be pass or fail.'};
  }
  pending.consumed = true;
  const status =
    outcome === 'pass' ? pending.challenge.pass : pending.challenge.fail;
  const next = issueNonce(core, {
    ...pending.method,
    threeDSecure: threeDSecureResult(status),
  });
  next.cardNumber = pending.cardNumber;
  return {
    ok: true,
    body: {
      paymentMethod: withThreeDSecure(next),
      threeDSecureInfo: summary(next),
      success: true,
    },
  };
}

/** EMV 3DS `transStatus`: Y authenticated, N not, A attempted, U unavailable, R rejected. */
function transStatusOf(status: string): string {
  switch (status) {
    case 'authenticate_successful':
      return 'Y';
    case 'authenticate_attempt_successful':
      return 'A';
    case 'authenticate_frictionless_failed':
    case 'authenticate_failed':
      return 'N';
    case 'authenticate_rejected':
      return 'R';
    default:
      return 'U';
  }
}
