import type {ErrorHandler, NotFoundHandler} from 'hono';
import {HTTPException} from 'hono/http-exception';
import type {DeclineCode, ErrorBody, ErrorCode, Quote} from './contract.js';
import type {Logger} from './log.js';

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
    readonly quote?: Quote,
    /** On a card_declined: why, in the contract's words (never the gateway's text). */
    readonly declineCode?: DeclineCode
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
        ...(this.declineCode ? {declineCode: this.declineCode} : {}),
      },
    };
  }
}

export const invalidRequest = (message: string) =>
  new ApiError(400, 'invalid_request', message);

/**
 * The app's error handler: an ApiError as it says, a framework refusal (an HTTPException below
 * 500) as invalid_request, anything else as a bare 500 — logged by name and message only,
 * answered without detail (no stack trace, no provider text, no secret).
 */
export function answerError(logger: Logger): ErrorHandler {
  return (error, c) => {
    if (error instanceof ApiError) return c.json(error.toBody(), error.status);
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(
        invalidRequest('The request could not be read.').toBody(),
        error.status
      );
    }
    logger.error(
      {path: c.req.path, error: error.name, message: error.message},
      'unhandled error'
    );
    return c.json(
      new ApiError(
        500,
        'internal_error',
        'Something went wrong on our side.'
      ).toBody(),
      500
    );
  };
}

/** Any path nothing serves: a 404 in the contract's shape, API or not. */
export const answerNotFound: NotFoundHandler = (c) =>
  c.json(new ApiError(404, 'not_found', 'Nothing is here.').toBody(), 404);
