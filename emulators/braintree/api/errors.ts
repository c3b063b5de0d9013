/**
 * Braintree's error answers. A validation failure is HTTP 422 with `<api-error-response>`: the
 * errors nested by resource (`<errors><transaction><errors type="array"><error>…`), the request's
 * `<params>` (card numbers and CVVs left out), `<message>` (every error's message, one a line),
 * and for a declined or rejected sale the `<transaction>` itself. The SDK reads that into
 * `{success: false, errors, params, message, transaction}` (error_response.js). Other failures are
 * bare statuses the SDK turns into exceptions (401 authenticationError, 403, 404, 500 …).
 */
import {array, symbol, xmlDocument, type XmlValue} from './xml.js';

export interface ValidationError {
  /** The resource path the error sits under, e.g. `['transaction']` or `['transaction', 'creditCard']`. */
  path: string[];
  attribute: string;
  code: string;
  message: string;
}

/** Thrown by a route; app.ts answers it. */
export class BraintreeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string = ''
  ) {
    super(`HTTP ${status}`);
  }
}

export const notFound = () => new BraintreeHttpError(404);
export const authenticationFailed = () => new BraintreeHttpError(401);
export const authorizationFailed = () => new BraintreeHttpError(403);

/** A 422: validation errors, or a sale that was declined or rejected (then no errors, a transaction). */
export class BraintreeErrorResponse extends Error {
  constructor(
    readonly errors: ValidationError[],
    readonly params: XmlValue,
    readonly responseMessage: string,
    readonly transaction?: XmlValue
  ) {
    super(responseMessage);
  }

  toXml(): string {
    return xmlDocument('apiErrorResponse', {
      errors: nestErrors(this.errors),
      params: this.params,
      message: this.responseMessage,
      ...(this.transaction !== undefined && {transaction: this.transaction}),
    });
  }
}

export function validationFailure(
  errors: ValidationError[],
  params: XmlValue
): BraintreeErrorResponse {
  return new BraintreeErrorResponse(
    errors,
    params,
    errors.map((e) => e.message).join('\n')
  );
}

type Tree = {errors: ValidationError[]; children: Map<string, Tree>};

/** `<errors>` with `<errors type="array">` at every level, as the SDK's collection expects. */
function nestErrors(errors: ValidationError[]): XmlValue {
  const root: Tree = {errors: [], children: new Map()};
  for (const error of errors) {
    let node = root;
    for (const key of error.path) {
      let child = node.children.get(key);
      if (!child) {
        child = {errors: [], children: new Map()};
        node.children.set(key, child);
      }
      node = child;
    }
    node.errors.push(error);
  }
  const render = (node: Tree): XmlValue => {
    const out: Record<string, XmlValue> = {
      errors: array(
        'error',
        node.errors.map((e) => ({
          code: e.code,
          attribute: symbol(e.attribute),
          message: e.message,
        }))
      ),
    };
    for (const [key, child] of node.children) out[key] = render(child);
    return out;
  };
  return render(root);
}

const SECRET_KEYS = new Set(['number', 'cvv', 'private_key', 'privateKey']);

/** The request as `<params>` echoes it: keys as sent (dashed on the wire), secrets left out. */
export function paramsOf(body: unknown): XmlValue {
  if (body === null || body === undefined) return {};
  if (Array.isArray(body)) return array('item', body.map(paramsOf));
  if (typeof body === 'object') {
    const out: Record<string, XmlValue> = {};
    for (const [key, value] of Object.entries(
      body as Record<string, unknown>
    )) {
      if (SECRET_KEYS.has(key)) continue;
      out[key] = paramsOf(value);
    }
    return out;
  }
  if (typeof body === 'string') return body;
  // Braintree echoes what it was sent as text.
  return String(body);
}
