/**
 * Destination verification (guides/webhooks/overview, "Verify the destination"): when a webhook
 * destination is added, Braintree sends `GET url?bt_challenge=<hex>` and the destination must
 * answer `gateway.webhookNotification.verify(challenge)`, i.e. `publicKey|hex(HMAC-SHA1(SHA1(
 * privateKey), challenge))`. The SDK accepts challenges of 20 to 32 lowercase hex digits.
 */
import {randomBytes} from 'node:crypto';
import {challengeAnswer} from './signature.js';

export interface ChallengeResult {
  challenge: string;
  status: number | null;
  verified: boolean;
}

export async function verifyDestination(
  url: string,
  keys: {publicKey: string; privateKey: string},
  timeoutMs: number
): Promise<ChallengeResult> {
  const challenge = randomBytes(12).toString('hex');
  const target = new URL(url);
  target.searchParams.set('bt_challenge', challenge);
  try {
    const response = await fetch(target, {
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = (await response.text()).trim();
    return {
      challenge,
      status: response.status,
      verified:
        response.status === 200 &&
        text === challengeAnswer(keys.publicKey, keys.privateKey, challenge),
    };
  } catch {
    return {challenge, status: null, verified: false};
  }
}
