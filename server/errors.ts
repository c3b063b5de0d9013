import type {ErrorBody, ErrorCode, Quote} from './contract.js';

/**
 * An error the caller is meant to see: it carries the contract's code and an HTTP status.
 * Anything else that escapes a handler is ours, and is answered as a bare 500.
 */
export class ApiError extends Error {
  constructor(
    readonly status:
      | 400
      | 401
      | 402
      | 403
      | 404
      | 405
      | 409
      | 413
      | 422
      | 500
      | 502
      | 503
      | 504,
    readonly code: ErrorCode,
    message: string,
    readonly quote?: Quote
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.quote ? {quote: this.quote} : {}),
      },
    };
  }
}

export const invalidRequest = (message: string) =>
  new ApiError(400, 'invalid_request', message);
