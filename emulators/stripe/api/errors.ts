/**
 * Stripe's error envelope, `{error: {type, code?, decline_code?, message, param?, …}}`, with the
 * HTTP statuses Stripe documents (docs.stripe.com/api/errors): 400 bad request, 401 bad key,
 * 402 the request was valid but failed (declines), 404 missing object, 409 idempotency
 * conflict, 500 Stripe's fault.
 */
import type {PaymentIntentJson, PaymentMethodJson} from '../core/types.js';

type StripeErrorType =
  'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: PaymentIntentJson | Partial<PaymentIntentJson>;
  payment_method?: PaymentMethodJson;
  payment_method_type?: string;
  request_log_url?: string;
}

export class StripeApiError extends Error {
  readonly status: number;
  readonly body: StripeErrorBody;
  /**
   * Stripe saves an idempotent result only once the endpoint has begun executing: a request
   * that fails validation can be retried with the same key (docs.stripe.com/idempotency).
   */
  readonly saveIdempotent: boolean;

  constructor(status: number, body: StripeErrorBody, saveIdempotent = true) {
    super(body.message);
    this.name = 'StripeApiError';
    this.status = status;
    this.body = body;
    this.saveIdempotent = saveIdempotent;
  }

  toResponse(): Response {
    return Response.json({error: this.body}, {status: this.status});
  }
}

/** Stripe links every coded error to `stripe.com/docs/error-codes/<code with dashes>`. */
export function docUrl(code: string): string {
  return `https://stripe.com/docs/error-codes/${code.replaceAll('_', '-')}`;
}

function coded(body: StripeErrorBody): StripeErrorBody {
  return body.code ? {...body, doc_url: docUrl(body.code)} : body;
}

/** A request whose parameters are wrong: never saved for idempotent replay. */
export function invalidParams(
  message: string,
  param?: string,
  code?: string
): StripeApiError {
  return new StripeApiError(
    400,
    coded({type: 'invalid_request_error', message, param, code}),
    false
  );
}

export function unknownParameter(param: string): StripeApiError {
  return invalidParams(
    `Received unknown parameter: ${param}`,
    param,
    'parameter_unknown'
  );
}

export function missingParameter(param: string): StripeApiError {
  return invalidParams(
    `Missing required param: ${param}.`,
    param,
    'parameter_missing'
  );
}

/**
 * A parameter Stripe accepts but this emulator does not model. Refused loudly rather than
 * ignored, so nobody builds on behaviour that would differ against the real API.
 */
export function unsupportedParameter(param: string): StripeApiError {
  return invalidParams(
    `The Stripe emulator does not support the parameter \`${param}\`.`,
    param,
    'parameter_unknown'
  );
}

/** A request that was valid but conflicts with the object's state (executed, so saved). */
export function invalidRequest(
  message: string,
  extra: Omit<StripeErrorBody, 'type' | 'message'> = {}
): StripeApiError {
  return new StripeApiError(
    400,
    coded({type: 'invalid_request_error', message, ...extra})
  );
}

/** `No such payment_intent: 'pi_123'`: 404 for the object in the URL, 400 for a parameter. */
export function noSuch(
  kind: string,
  id: string,
  param?: string
): StripeApiError {
  return new StripeApiError(
    param ? 400 : 404,
    coded({
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: `No such ${kind}: '${id}'`,
      param: param ?? 'id',
    })
  );
}

export function cardError(body: Omit<StripeErrorBody, 'type'>): StripeApiError {
  return new StripeApiError(402, coded({type: 'card_error', ...body}));
}

export function authenticationError(message: string): StripeApiError {
  return new StripeApiError(
    401,
    {type: 'invalid_request_error', message},
    false
  );
}

export function idempotencyError(
  status: 400 | 409,
  message: string,
  code?: string
) {
  return new StripeApiError(
    status,
    coded({type: 'idempotency_error', message, code}),
    false
  );
}

export function apiError(message: string): StripeApiError {
  return new StripeApiError(500, {type: 'api_error', message});
}
