/**
 * Buyer verification (SCA) as the Web Payments SDK fake asks for it: `POST
 * /web-sdk/v1/verifications` with the card token and `verifyBuyer`'s details answers
 * `{token: 'verf:…', challenge}`. A card that needs no verification, or verifies without asking
 * the buyer, passes at once; the EU test cards (and `cnon:card-nonce-requires-verification`)
 * wait for the challenge window's `POST /web-sdk/v1/verifications/:token/complete`
 * (`{outcome: 'pass' | 'fail'}`). A passed verification also marks its card token verified, so
 * the new flow (`tokenize(verificationDetails)`, then CreatePayment with the token alone) works
 * as the legacy one (the `verf:` token as `verification_token`) does.
 */
import {decimalToMinor} from '../core/money.js';
import {newVerificationToken} from '../core/ids.js';
import type {Core, VerificationRecord} from '../core/state.js';
import {SANDBOX_NONCES} from '../cards/test-cards.js';
import {browserContext, type WebSdkAnswer} from './card-nonces.js';

const INTENTS = ['CHARGE', 'STORE', 'CHARGE_AND_STORE'] as const;

const invalid = (field: string, message: string): WebSdkAnswer => ({
  status: 400,
  body: {errors: [{field, message}]},
});

export function createVerification(core: Core, body: unknown): WebSdkAnswer {
  const context = browserContext(core, body);
  if ('status' in context) return context;
  const input = body as Record<string, unknown>;
  const location = core.locations.get(context.locationId)!;
  const source = typeof input.token === 'string' ? input.token : '';
  const sandbox = SANDBOX_NONCES[source];
  const nonce = core.state.nonces.get(source);
  if (!sandbox && !nonce)
    return {
      status: 404,
      body: {errors: [{field: 'token', message: 'Card token not found.'}]},
    };
  if (nonce && nonce.usedBy !== null)
    return invalid('token', 'This card token has already been used.');

  const details = (typeof input.details === 'object' && input.details) as
    Record<string, unknown> | false;
  if (!details)
    return invalid('details', 'The verification details are missing.');
  const intent = details.intent as VerificationRecord['intent'];
  if (!INTENTS.includes(intent))
    return invalid(
      'intent',
      'The intent must be CHARGE, STORE or CHARGE_AND_STORE.'
    );
  if (
    typeof details.billingContact !== 'object' ||
    details.billingContact === null
  ) {
    return invalid('billingContact', 'The billing contact is missing.');
  }
  let amount: number | null = null;
  let currency: string | null = null;
  if (intent !== 'STORE') {
    if (details.currencyCode !== location.currency) {
      return invalid(
        'currencyCode',
        `The location takes ${location.currency}.`
      );
    }
    currency = location.currency;
    amount =
      typeof details.amount === 'string'
        ? decimalToMinor(details.amount, currency)
        : null;
    if (amount === null)
      return invalid(
        'amount',
        'The amount must be a decimal string such as "1.00".'
      );
  }

  const level = sandbox
    ? sandbox.requiresVerification
      ? 'challenge'
      : 'none'
    : nonce!.card.verification;
  const challenge = level === 'challenge';
  const token = newVerificationToken();
  core.state.verifications.set(token, {
    token,
    source,
    amount,
    currency,
    intent,
    status: challenge ? 'challenged' : 'passed',
  });
  if (!challenge && nonce) nonce.verified = {amount, currency};
  return {status: 200, body: {token, id: token, challenge}};
}

export function completeVerification(
  core: Core,
  token: string,
  body: unknown
): WebSdkAnswer {
  const verification = core.state.verifications.get(token);
  if (!verification)
    return {
      status: 404,
      body: {errors: [{message: 'Verification not found.'}]},
    };
  const outcome = (body as {outcome?: unknown} | null)?.outcome;
  if (outcome !== 'pass' && outcome !== 'fail')
    return invalid('outcome', "The outcome must be 'pass' or 'fail'.");
  if (verification.status !== 'challenged') {
    return invalid(
      'outcome',
      `This verification has already ${verification.status}.`
    );
  }
  verification.status = outcome === 'pass' ? 'passed' : 'failed';
  const nonce = core.state.nonces.get(verification.source);
  if (nonce && outcome === 'pass') {
    nonce.verified = {
      amount: verification.amount,
      currency: verification.currency,
    };
  }
  return {status: 200, body: {token, status: verification.status}};
}
