/**
 * 3-D Secure as braintree-web's `threeDSecure.verifyCard` runs it for Drop-in: the lookup on the
 * client API (`POST …/v1/payment_methods/:nonce/three_d_secure/lookup`), then, when the issuer
 * wants a challenge (`lookup.acsUrl`), the bank's window: here an overlay over the merchant's
 * page holding a frame on the emulator's origin, where the buyer passes or fails. Its answer is
 * the emulator's (the frame posts it there); the result is the verified payload. Runs in the
 * browser.
 */
import {BraintreeError, type Authorization} from './client-token.js';
import {
  encodeFrameParams,
  isEnvelope,
  type ChallengeMessage,
  type TokenizedCard,
} from './protocol.js';
import type {Words} from './translations.js';

/** braintree-web's `verifyCard` payload: the card with its (new) nonce and the liability shift. */
export interface VerifiedCard extends TokenizedCard {
  liabilityShifted: boolean;
  liabilityShiftPossible: boolean;
  threeDSecureInfo: Record<string, unknown>;
}

export interface VerifyOptions {
  amount: string;
  email?: string;
  billingAddress?: object;
  challengeRequested?: boolean;
  additionalInformation?: object;
}

interface LookupAnswer {
  paymentMethod?: TokenizedCard & {threeDSecureInfo?: Record<string, unknown>};
  lookup?: {acsUrl?: string | null};
  threeDSecureInfo?: {
    liabilityShifted?: boolean;
    liabilityShiftPossible?: boolean;
  };
}

function verified(answer: LookupAnswer, fallback: TokenizedCard): VerifiedCard {
  const method = answer.paymentMethod ?? fallback;
  const info = {
    ...(answer.paymentMethod?.threeDSecureInfo ?? {}),
    ...(answer.threeDSecureInfo ?? {}),
  };
  return {
    ...method,
    liabilityShifted: info.liabilityShifted === true,
    liabilityShiftPossible: info.liabilityShiftPossible === true,
    threeDSecureInfo: info,
  };
}

export async function verifyCard(options: {
  card: TokenizedCard;
  authorization: Authorization;
  verify: VerifyOptions;
  emulatorOrigin: string;
  locale: string | undefined;
  translations: Record<string, string> | undefined;
  words: Words;
  emit(event: string, payload?: object): void;
}): Promise<VerifiedCard> {
  const {card, authorization, verify} = options;
  if (!verify?.amount)
    throw new BraintreeError(
      'THREEDS_MISSING_VERIFY_CARD_OPTION',
      'MERCHANT',
      'verifyCard options must include a amount.'
    );
  let response: Response;
  try {
    response = await fetch(
      `${authorization.clientApiUrl}/v1/payment_methods/${encodeURIComponent(card.nonce)}/three_d_secure/lookup`,
      {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({
          amount: verify.amount,
          bin: card.details.bin,
          ...(verify.email && {email: verify.email}),
          ...(verify.billingAddress && {billingAddress: verify.billingAddress}),
          additionalInfo: verify.additionalInformation ?? {},
          challengeRequested: verify.challengeRequested === true,
          dfReferenceId: `emulator-${crypto.randomUUID()}`,
          authorizationFingerprint: authorization.authorizationFingerprint,
          braintreeLibraryVersion: 'braintree/web/3.123.2',
        }),
      }
    );
  } catch {
    throw new BraintreeError(
      'THREEDS_LOOKUP_ERROR',
      'NETWORK',
      'Something went wrong during the 3D Secure lookup'
    );
  }
  const answer = (await response
    .json()
    .catch(() => null)) as LookupAnswer | null;
  if (!response.ok || !answer)
    throw new BraintreeError(
      response.status === 422
        ? 'THREEDS_LOOKUP_VALIDATION_ERROR'
        : 'THREEDS_LOOKUP_ERROR',
      response.status === 422 ? 'CUSTOMER' : 'UNKNOWN',
      'Something went wrong during the 3D Secure lookup'
    );
  // Frictionless: the lookup's answer is the result.
  if (!answer.lookup?.acsUrl) return verified(answer, card);
  const nonce = answer.paymentMethod?.nonce ?? card.nonce;
  const outcome = await challenge({...options, nonce});
  return verified(outcome, {...card, nonce});
}

/** The bank's window: resolves with the emulator's answer, rejects when the buyer cancels. */
function challenge(options: {
  nonce: string;
  authorization: Authorization;
  verify: VerifyOptions;
  emulatorOrigin: string;
  locale: string | undefined;
  translations: Record<string, string> | undefined;
  words: Words;
  emit(event: string, payload?: object): void;
}): Promise<LookupAnswer> {
  const {emulatorOrigin, words, emit} = options;
  const channel = crypto.randomUUID();
  const previousFocus = document.activeElement as HTMLElement | null;
  const overlay = document.createElement('div');
  overlay.className = 'braintree-three-d-secure';
  overlay.setAttribute('role', 'dialog');
  overlay.setAttribute('aria-modal', 'true');
  overlay.setAttribute('aria-label', words.threeDSecureDialog);
  overlay.style.cssText =
    'position: fixed; inset: 0; z-index: 2147483647; display: flex; align-items: center; justify-content: center; background: rgba(0, 0, 0, 0.55);';
  const iframe = document.createElement('iframe');
  iframe.title = words.threeDSecureDialog;
  iframe.style.cssText =
    'border: 0; border-radius: 8px; background: #ffffff; width: min(440px, calc(100vw - 24px)); height: min(540px, calc(100vh - 24px)); box-shadow: 0 12px 40px rgba(0, 0, 0, 0.3); color-scheme: normal;';
  iframe.src = `${emulatorOrigin}/web/dropin/fake/three-d-secure.html#${encodeFrameParams(
    {
      channel,
      origin: location.origin,
      clientApiUrl: options.authorization.clientApiUrl,
      authorizationFingerprint: options.authorization.authorizationFingerprint,
      locale: options.locale,
      translations: options.translations,
      nonce: options.nonce,
      amount: options.verify.amount,
    }
  )}`;
  iframe.addEventListener('load', () => iframe.focus());
  overlay.append(iframe);
  document.body.append(overlay);
  emit('3ds:authentication-modal-render');

  return new Promise((resolve, reject) => {
    function close(): void {
      window.removeEventListener('message', listener);
      overlay.remove();
      emit('3ds:authentication-modal-close');
      previousFocus?.focus?.();
    }
    function listener(event: MessageEvent): void {
      if (
        event.origin !== emulatorOrigin ||
        event.source !== iframe.contentWindow
      )
        return;
      if (!isEnvelope<ChallengeMessage>(event.data, channel)) return;
      const message = event.data;
      close();
      if (message.type === 'challenge-result') {
        resolve(message.response as LookupAnswer);
      } else if (message.type === 'challenge-cancel') {
        emit('3ds:customer-canceled');
        reject(
          new BraintreeError(
            'THREEDS_CARDINAL_SDK_CANCELED',
            'CUSTOMER',
            'Customer canceled 3D Secure authentication.'
          )
        );
      } else {
        reject(
          new BraintreeError(
            'THREEDS_JWT_AUTHENTICATION_FAILED',
            'UNKNOWN',
            message.message
          )
        );
      }
    }
    window.addEventListener('message', listener);
  });
}
