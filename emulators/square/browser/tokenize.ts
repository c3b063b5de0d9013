/**
 * The card frame's one call to the emulator: `POST /web-sdk/v1/card-nonces` on its own origin,
 * with the card as typed, answered by the nonce (`cnon:…`) and the card's details, or by the
 * field the emulator refused. The answer becomes a `TokenResult` exactly as the types say.
 */
import type {TokenResult} from '@square/web-payments-sdk-types';
import {onlyDigits, type CardValues} from './card-rules.js';
import type {FrameParams} from './protocol.js';
import type {SquareWords} from './words.js';

interface NonceAnswer {
  token?: unknown;
  details?: unknown;
  errors?: Array<{field?: unknown; message?: unknown}>;
}

export async function requestNonce(
  params: FrameParams,
  card: CardValues,
  words: SquareWords
): Promise<TokenResult> {
  const expiry = onlyDigits(card.expirationDate);
  let response: Response;
  let body: NonceAnswer | null;
  try {
    response = await fetch('/web-sdk/v1/card-nonces', {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({
        applicationId: params.applicationId,
        locationId: params.locationId,
        cardNumber: onlyDigits(card.cardNumber),
        expirationDate: `${expiry.slice(0, 2)}/${expiry.slice(2)}`,
        cvv: card.cvv,
        postalCode: card.postalCode.trim(),
      }),
    });
    body = (await response.json().catch(() => null)) as NonceAnswer | null;
  } catch {
    return {
      status: 'Error',
      errors: [{type: 'NETWORK_ERROR', message: words.network}],
    };
  }
  if (response.ok && typeof body?.token === 'string') {
    return {
      status: 'OK',
      token: body.token,
      details: body.details as Extract<TokenResult, {status: 'OK'}>['details'],
    };
  }
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  if (response.status === 400 && errors.length > 0) {
    return {
      status: 'Invalid',
      errors: errors.map((error) => {
        const field = typeof error.field === 'string' ? error.field : undefined;
        const known = field && field in words.errors ? field : undefined;
        return {
          type: 'VALIDATION_ERROR',
          ...(field && {field}),
          message: known
            ? words.errors[known as keyof SquareWords['errors']]
            : String(error.message ?? ''),
        };
      }),
    };
  }
  return {
    status: 'Error',
    errors: [
      {
        type: 'TOKENIZATION_ERROR',
        message:
          typeof errors[0]?.message === 'string'
            ? errors[0].message
            : `HTTP ${response.status}`,
      },
    ],
  };
}
