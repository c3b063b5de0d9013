/**
 * Strong Customer Authentication as the fake does it: the emulator is asked whether the card
 * needs a challenge (`POST /web-sdk/v1/verifications`), and when it does, the challenge opens
 * over the page in a modal `<dialog>` holding a frame on the emulator's origin, in the SDK's
 * locale, with Authenticate and Fail. The frame records the buyer's answer with the emulator
 * first, then tells the page. `payments.verifyBuyer()` (the legacy flow) resolves
 * `{token: 'verf:…', userChallenged}` or rejects with a `VerifyBuyerError`;
 * `card.tokenize(verificationDetails)` (the new flow) runs the same steps before it answers.
 */
import type {
  ChargeCardVerificationDetails,
  ChargeVerifyBuyerDetails,
  StoreCardVerificationDetails,
  StoreVerifyBuyerDetails,
  TokenResult,
  VerifyBuyerResponseDetails,
} from '@square/web-payments-sdk-types';
import {VerifyBuyerError} from './errors.js';
import {
  encodeFrameParams,
  isEnvelope,
  randomChannel,
  type ChallengeMessage,
} from './protocol.js';
import {squareWords} from './words.js';

/** What every part of the fake knows about its Payments object. */
export interface SdkContext {
  /** The emulator's origin (where square.js came from). */
  origin: string;
  applicationId: string;
  locationId?: string;
  locale(): string;
}

type Details =
  | ChargeVerifyBuyerDetails
  | StoreVerifyBuyerDetails
  | ChargeCardVerificationDetails
  | StoreCardVerificationDetails;

function invalid(message: string): VerifyBuyerError {
  return new VerifyBuyerError({type: 'INVALID_REQUEST_ERROR', message});
}

function checkDetails(
  source: unknown,
  details: unknown
): asserts details is Details {
  if (typeof source !== 'string' || source === '')
    throw invalid('The payment token or card id to verify is missing.');
  if (typeof details !== 'object' || details === null)
    throw invalid('The verification details are missing.');
  const record = details as Record<string, unknown>;
  if (
    !['CHARGE', 'CHARGE_AND_STORE', 'STORE'].includes(record.intent as string)
  )
    throw invalid(
      "The verification details' intent must be CHARGE, CHARGE_AND_STORE or STORE."
    );
  if (record.intent !== 'STORE') {
    if (
      typeof record.amount !== 'string' ||
      !/^\d+(\.\d+)?$/.test(record.amount)
    )
      throw invalid('The amount must be a decimal string such as "1.00".');
    if (
      typeof record.currencyCode !== 'string' ||
      !/^[A-Z]{3}$/.test(record.currencyCode)
    )
      throw invalid('The currency code must be three upper-case letters.');
  }
  if (
    typeof record.billingContact !== 'object' ||
    record.billingContact === null
  )
    throw invalid('The billing contact is missing.');
}

interface VerificationAnswer {
  id?: string;
  token?: string;
  challenge?: boolean;
}

/** `payments.verifyBuyer(source, details)`. */
export async function verifyBuyer(
  sdk: SdkContext,
  source: string,
  details: Details
): Promise<VerifyBuyerResponseDetails> {
  checkDetails(source, details);
  let answer: VerificationAnswer | null;
  let status: number;
  try {
    const response = await fetch(`${sdk.origin}/web-sdk/v1/verifications`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({
        token: source,
        applicationId: sdk.applicationId,
        locationId: sdk.locationId,
        details: {
          amount: 'amount' in details ? details.amount : undefined,
          currencyCode:
            'currencyCode' in details ? details.currencyCode : undefined,
          intent: details.intent,
          billingContact: details.billingContact,
        },
      }),
    });
    status = response.status;
    answer = (await response
      .json()
      .catch(() => null)) as VerificationAnswer | null;
  } catch {
    throw new VerifyBuyerError({
      type: 'NETWORK_ERROR',
      message: 'The buyer could not be verified: Square could not be reached.',
    });
  }
  if (status !== 200 || typeof answer?.token !== 'string') {
    throw new VerifyBuyerError({
      type: 'VERIFICATION_ERROR',
      code: String(status),
      message: 'The buyer could not be verified.',
    });
  }
  if (!answer.challenge) return {token: answer.token, userChallenged: false};
  const outcome = await openChallenge(sdk, answer.id ?? answer.token, details);
  if (outcome !== 'pass') {
    throw new VerifyBuyerError({
      type: 'VERIFICATION_FAILED',
      message: 'The buyer did not pass verification.',
    });
  }
  return {token: answer.token, userChallenged: true};
}

/** The new flow: a token whose buyer is verified, or the verification's failure as a result. */
export async function verifyForToken(
  sdk: SdkContext,
  result: Extract<TokenResult, {status: 'OK'}>,
  details: ChargeCardVerificationDetails | StoreCardVerificationDetails
): Promise<TokenResult> {
  try {
    await verifyBuyer(sdk, result.token, details);
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {status: 'Error', errors: [{type: 'VERIFICATION_ERROR', message}]};
  }
}

/** The challenge over the page; resolves with the buyer's answer once the emulator has it. */
function openChallenge(
  sdk: SdkContext,
  verification: string,
  details: Details
): Promise<'pass' | 'fail'> {
  const channel = randomChannel();
  const locale = sdk.locale();
  const words = squareWords(locale).challenge;
  const previousFocus = document.activeElement as HTMLElement | null;

  const dialog = document.createElement('dialog');
  dialog.className = 'sq-verification-dialog';
  dialog.setAttribute('aria-label', words.label);
  dialog.style.cssText =
    'padding:0;border:0;border-radius:8px;background:#ffffff;width:min(440px,calc(100vw - 24px));max-width:none;box-shadow:0 12px 40px rgba(0,0,0,0.35);';
  const iframe = document.createElement('iframe');
  iframe.title = words.label;
  iframe.style.cssText =
    'display:block;border:0;width:100%;height:min(420px,calc(100vh - 48px));background:#ffffff;';
  iframe.src = `${sdk.origin}/web-sdk/v1/challenge.html#${encodeFrameParams({
    channel,
    origin: location.origin,
    applicationId: sdk.applicationId,
    locationId: sdk.locationId,
    locale,
    verification,
    amount: 'amount' in details ? details.amount : undefined,
    currencyCode: 'currencyCode' in details ? details.currencyCode : undefined,
  })}`;
  dialog.append(iframe);
  // The buyer answers in the frame; Escape does not dismiss a bank's challenge.
  dialog.addEventListener('cancel', (event) => event.preventDefault());
  document.body.append(dialog);
  dialog.showModal();

  return new Promise((resolve) => {
    function listener(event: MessageEvent): void {
      if (event.origin !== sdk.origin || event.source !== iframe.contentWindow)
        return;
      if (!isEnvelope<ChallengeMessage>(event.data, channel)) return;
      const message = event.data;
      if (message.type === 'challenge-ready') {
        // Focus follows the buyer into the challenge, where the frame focuses "Authenticate".
        iframe.focus();
        return;
      }
      window.removeEventListener('message', listener);
      dialog.close();
      dialog.remove();
      previousFocus?.focus?.();
      resolve(message.outcome);
    }
    window.addEventListener('message', listener);
  });
}
