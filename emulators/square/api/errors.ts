/**
 * Square's error envelope (api.json `Error`; developer.squareup.com/docs/build-basics/handling-errors):
 * `{errors: [{category, code, detail?, field?}]}`, several at once when a request has several
 * problems. A decline also carries the FAILED payment (`CreatePaymentResponse`: "the `payment`
 * field might not be present, or it might be present with a status of `FAILED`").
 */
import type {PaymentJson, SquareError} from '../core/types.js';

export type ErrorCategory =
  | 'API_ERROR'
  | 'AUTHENTICATION_ERROR'
  | 'INVALID_REQUEST_ERROR'
  | 'RATE_LIMIT_ERROR'
  | 'PAYMENT_METHOD_ERROR'
  | 'REFUND_ERROR';

export class SquareApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: SquareError[],
    /** Sent with the errors (a declined payment). */
    readonly extra: {payment?: PaymentJson} = {}
  ) {
    super(errors.map((e) => `${e.code}: ${e.detail ?? ''}`).join('; '));
  }

  body(): {errors: SquareError[]; payment?: PaymentJson} {
    return {errors: this.errors, ...this.extra};
  }

  toResponse(): Response {
    return new Response(JSON.stringify(this.body()), {
      status: this.status,
      headers: {'content-type': 'application/json'},
    });
  }
}

function error(
  category: ErrorCategory,
  code: string,
  detail?: string,
  field?: string
): SquareError {
  return {
    category,
    code,
    ...(detail !== undefined && {detail}),
    ...(field !== undefined && {field}),
  };
}

/** A malformed or invalid request: 400 INVALID_REQUEST_ERROR (one or more). */
export function invalidRequest(...errors: SquareError[]): SquareApiError {
  return new SquareApiError(400, errors);
}

export function requestError(
  code: string,
  detail: string,
  field?: string
): SquareError {
  return error('INVALID_REQUEST_ERROR', code, detail, field);
}

export const missing = (field: string): SquareError =>
  requestError('MISSING_REQUIRED_PARAMETER', 'Field must be set', field);

export const tooLong = (field: string, max: number): SquareError =>
  requestError(
    'VALUE_TOO_LONG',
    `Field must not be greater than ${max} length`,
    field
  );

export const tooShort = (field: string, min: number): SquareError =>
  requestError(
    'VALUE_TOO_SHORT',
    `Field must not be less than ${min} length`,
    field
  );

/** 404 NOT_FOUND, as for an unknown payment, refund or card token. */
export function notFound(detail: string, field?: string): SquareApiError {
  return new SquareApiError(404, [requestError('NOT_FOUND', detail, field)]);
}

/** 401: a missing, malformed or unknown access token. */
export function unauthorized(detail: string): SquareApiError {
  return new SquareApiError(401, [
    error('AUTHENTICATION_ERROR', 'UNAUTHORIZED', detail),
  ]);
}

/**
 * A card decline (docs/payments-api/error-codes: `{code: 'INSUFFICIENT_FUNDS', detail:
 * "Authorization error: 'INSUFFICIENT_FUNDS'", category: 'PAYMENT_METHOD_ERROR'}`), HTTP 400.
 */
export function declineError(code: string): SquareError {
  return error('PAYMENT_METHOD_ERROR', code, `Authorization error: '${code}'`);
}

export function refundError(
  code: string,
  detail: string,
  field?: string
): SquareError {
  return error('REFUND_ERROR', code, detail, field);
}

export function internalError(detail: string): SquareApiError {
  return new SquareApiError(500, [
    error('API_ERROR', 'INTERNAL_SERVER_ERROR', detail),
  ]);
}
