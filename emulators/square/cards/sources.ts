/**
 * What a payment's `source_id` stands for: a card token minted by the card form (single use,
 * valid 24 hours: "Payment tokens are valid for 24 hours", Square's forum; CARD_TOKEN_USED and
 * CARD_TOKEN_EXPIRED in api.json's ErrorCode), or one of the sandbox's fixed test tokens, which
 * any number of payments may use. The outcome is decided here; payments/create.ts records it.
 */
import {
  ERROR_CVV,
  ERROR_EXPIRATION,
  ERROR_POSTAL_CODE,
  SANDBOX_NONCES,
  type TestCard,
} from './test-cards.js';
import {
  SquareApiError,
  invalidRequest,
  notFound,
  requestError,
} from '../api/errors.js';
import type {Core, VerificationRecord} from '../core/state.js';

export interface ResolvedSource {
  card: TestCard;
  expMonth: number;
  expYear: number;
  /** The decline code, or undefined when the card is charged. */
  decline: string | undefined;
  /** Marks a minted token spent by this payment (sandbox tokens are not spent). */
  spend(paymentId: string): void;
}

/**
 * Finds the card behind `sourceId` and the way the payment ends. Throws the errors Square
 * answers before any payment exists (unknown, spent or expired token); a decline is an outcome.
 */
export function resolveSource(
  core: Core,
  sourceId: string,
  verificationToken: string | undefined,
  money: {amount: number; currency: string}
): ResolvedSource {
  const verification = findVerification(core, verificationToken);
  const sandbox = SANDBOX_NONCES[sourceId];
  if (sandbox) {
    if (sandbox.outcome === 'CARD_TOKEN_USED') throw tokenUsed();
    const year = new Date(core.now()).getUTCFullYear() + 3;
    const verified =
      !sandbox.requiresVerification ||
      verificationPassed(verification, sourceId, money);
    return {
      card: sandbox.card,
      expMonth: 12,
      expYear: year,
      decline: !verified
        ? 'CARD_DECLINED_VERIFICATION_REQUIRED'
        : sandbox.outcome,
      spend: () => undefined,
    };
  }
  if (!sourceId.startsWith('cnon:')) {
    // Cards on file (ccof:), CASH, EXTERNAL, wallets: not modelled.
    throw invalidRequest(
      requestError('INVALID_CARD_DATA', 'Invalid source.', 'source_id')
    );
  }
  const nonce = core.state.nonces.get(sourceId);
  if (!nonce) {
    throw notFound(
      'Card nonce not found in this `sandbox` application environment. Please ensure an application ID belonging to the same environment is used when generating the nonce.',
      'source_id'
    );
  }
  if (nonce.usedBy !== null) throw tokenUsed();
  if (core.now() - nonce.createdAt > core.nonceTtlMs) {
    throw invalidRequest(
      requestError(
        'CARD_TOKEN_EXPIRED',
        'Card nonce has expired; please request a new nonce.',
        'source_id'
      )
    );
  }
  const needsVerification = nonce.card.verification !== 'none';
  const verified =
    !needsVerification ||
    (nonce.verified !== null && sameMoney(nonce.verified, money)) ||
    verificationPassed(verification, sourceId, money);
  let decline: string | undefined;
  if (!verified) decline = 'CARD_DECLINED_VERIFICATION_REQUIRED';
  else if (nonce.card.decline) decline = nonce.card.decline;
  else if (nonce.cvv === ERROR_CVV) decline = 'CVV_FAILURE';
  else if (nonce.postalCode === ERROR_POSTAL_CODE)
    decline = 'ADDRESS_VERIFICATION_FAILURE';
  else if (
    nonce.expMonth === ERROR_EXPIRATION.month &&
    nonce.expYear === ERROR_EXPIRATION.year
  )
    decline = 'INVALID_EXPIRATION';
  return {
    card: nonce.card,
    expMonth: nonce.expMonth,
    expYear: nonce.expYear,
    decline,
    spend: (paymentId) => {
      nonce.usedBy = paymentId;
    },
  };
}

function tokenUsed(): SquareApiError {
  return invalidRequest(
    requestError(
      'CARD_TOKEN_USED',
      'Card nonce already used; please request new nonce.',
      'source_id'
    )
  );
}

/** The verification a `verification_token` names; an unknown one is refused. */
function findVerification(
  core: Core,
  token: string | undefined
): VerificationRecord | undefined {
  if (token === undefined) return undefined;
  const verification = core.state.verifications.get(token);
  if (!verification) {
    throw invalidRequest(
      requestError(
        'INVALID_VALUE',
        'Invalid verification token.',
        'verification_token'
      )
    );
  }
  return verification;
}

/** A verification holds for the amount it was made for (verifyBuyer is given it); STORE's for none. */
function sameMoney(
  verified: {amount: number | null; currency: string | null},
  money: {amount: number; currency: string}
): boolean {
  return (
    verified.amount === money.amount && verified.currency === money.currency
  );
}

/** The legacy flow's proof: a verification token that passed, for this card token and amount. */
function verificationPassed(
  verification: VerificationRecord | undefined,
  sourceId: string,
  money: {amount: number; currency: string}
): boolean {
  return (
    verification !== undefined &&
    verification.status === 'passed' &&
    verification.source === sourceId &&
    sameMoney(verification, money)
  );
}
