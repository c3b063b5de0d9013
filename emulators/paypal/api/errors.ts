/**
 * PayPal's REST error envelope (developer.paypal.com/api/rest/responses):
 * `{name, message, debug_id, details: [{field, value, location, issue, description}], links}`,
 * with the name and message fixed per HTTP status and the fine-grained reason in
 * `details[].issue`. Descriptions are PayPal's own, from the Orders v2 specification.
 */
import type {Link} from '../core/types.js';

export interface ErrorDetail {
  field?: string;
  value?: string;
  location?: 'body' | 'header' | 'path' | 'query';
  issue: string;
  description?: string;
}

interface PaypalErrorBody {
  name: string;
  message: string;
  debug_id?: string;
  /** v1 APIs (notifications) name one link here instead of `links`. */
  information_link?: string;
  details?: ErrorDetail[];
  links?: Link[];
}

/** The name and message PayPal pairs with each status. */
const STATUS_NAMES: Readonly<Record<number, [string, string]>> = {
  400: [
    'INVALID_REQUEST',
    'Request is not well-formed, syntactically incorrect, or violates schema.',
  ],
  403: [
    'NOT_AUTHORIZED',
    'Authorization failed due to insufficient permissions.',
  ],
  404: ['RESOURCE_NOT_FOUND', 'The specified resource does not exist.'],
  409: [
    'RESOURCE_CONFLICT',
    'The server has detected a conflict while processing this request.',
  ],
  415: [
    'UNSUPPORTED_MEDIA_TYPE',
    "The server does not support the request payload's media type.",
  ],
  422: [
    'UNPROCESSABLE_ENTITY',
    'The requested action could not be performed, semantically incorrect, or failed business validation.',
  ],
  500: ['INTERNAL_SERVER_ERROR', 'An internal server error occurred.'],
};

/** Issue → [HTTP status, description]: the issues the emulator raises or can be asked to mock. */
export const ISSUES: Readonly<Record<string, [number, string]>> = {
  MALFORMED_REQUEST_JSON: [400, 'The request JSON is not well formed.'],
  MISSING_REQUIRED_PARAMETER: [400, 'A required parameter is missing.'],
  INVALID_PARAMETER_VALUE: [400, 'A parameter value is not valid.'],
  INVALID_PARAMETER_SYNTAX: [
    400,
    'The value of a field does not conform to the expected format.',
  ],
  INVALID_STRING_LENGTH: [
    400,
    'The value of a field is either too short or too long',
  ],
  INVALID_ARRAY_MIN_ITEMS: [
    400,
    'The number of items in an array parameter is too small.',
  ],
  INVALID_ARRAY_MAX_ITEMS: [
    400,
    'The number of items in an array parameter is too large.',
  ],
  NOT_SUPPORTED: [400, 'This field is not currently supported.'],
  PERMISSION_DENIED: [
    403,
    'You do not have permission to access or perform operations on this resource.',
  ],
  INVALID_RESOURCE_ID: [
    404,
    'Specified resource ID does not exist. Please check the resource ID and try again.',
  ],
  PREVIOUS_REQUEST_IN_PROGRESS: [
    409,
    'A previous request on this resource is currently in progress. Please wait for sometime and try again.',
  ],
  AMOUNT_MISMATCH: [
    422,
    'Should equal item_total + tax_total + shipping + handling + insurance - shipping_discount - discount.',
  ],
  ITEM_TOTAL_MISMATCH: [
    422,
    'Should equal sum of (unit_amount * quantity) across all items for a given purchase_unit.',
  ],
  ITEM_TOTAL_REQUIRED: [
    422,
    'If item details are specified (items.unit_amount and items.quantity) corresponding amount.breakdown.item_total is required.',
  ],
  TAX_TOTAL_MISMATCH: [
    422,
    'Should equal sum of (tax * quantity) across all items for a given purchase_unit.',
  ],
  TAX_TOTAL_REQUIRED: [
    422,
    'If item details are specified (items.tax_total and items.quantity) corresponding amount.breakdown.tax_total is required.',
  ],
  CURRENCY_MISMATCH: [
    422,
    'Currency code should be same for all amounts specified in a purchase unit.',
  ],
  MULTI_CURRENCY_ORDER: [
    422,
    'Multiple differing values of currency_code are not supported. Entire Order request must have the same currency_code.',
  ],
  DECIMAL_PRECISION: [
    422,
    'If the currency supports decimals, only two decimal place precision is supported.',
  ],
  DECIMALS_NOT_SUPPORTED: [
    422,
    'Currency does not support decimals. Please refer to https://developer.paypal.com/api/rest/reference/currency-codes/ for more information.',
  ],
  CANNOT_BE_NEGATIVE: [
    422,
    'Must be greater than or equal to 0. If the currency supports decimals, only two decimal place precision is supported.',
  ],
  CANNOT_BE_ZERO_OR_NEGATIVE: [
    422,
    'Must be greater than zero. If the currency supports decimals, only two decimal place precision is supported.',
  ],
  MAX_VALUE_EXCEEDED: [
    422,
    'Should be less than or equal to 999999999999999.99.',
  ],
  INVALID_CURRENCY_CODE: [
    422,
    'Currency code is invalid or is not currently supported. Please refer https://developer.paypal.com/api/rest/reference/currency-codes/ for list of supported currency codes.',
  ],
  REFERENCE_ID_REQUIRED: [
    422,
    "'reference_id' is required for each 'purchase_unit' if multiple 'purchase_unit' are provided.",
  ],
  DUPLICATE_REFERENCE_ID: [
    422,
    '`reference_id` must be unique if multiple `purchase_unit` are provided.',
  ],
  ORDER_NOT_APPROVED: [
    422,
    "Payer has not yet approved the Order for payment. Please redirect the payer to the 'rel':'approve' url returned as part of the HATEOAS links within the Create Order call.",
  ],
  ORDER_ALREADY_CAPTURED: [
    422,
    "Order already captured. If 'intent=CAPTURE' only one capture per order is allowed.",
  ],
  INSTRUMENT_DECLINED: [
    422,
    "The instrument presented  was either declined by the processor or bank, or it can't be used for this payment.",
  ],
  TRANSACTION_REFUSED: [422, 'The request was refused.'],
  PAYER_ACTION_REQUIRED: [
    422,
    'Transaction cannot complete successfully, instruct the buyer to return to PayPal.',
  ],
  PAYER_CANNOT_PAY: [
    422,
    'Combination of payer and payee settings mean that this buyer cannot pay this seller.',
  ],
  DUPLICATE_INVOICE_ID: [
    422,
    'Duplicate Invoice ID detected. To avoid a potential duplicate transaction your account setting requires that Invoice Id be unique for each transaction.',
  ],
  MAX_NUMBER_OF_PAYMENT_ATTEMPTS_EXCEEDED: [
    422,
    'You have exceeded the maximum number of payment attempts.',
  ],
  CAPTURE_FULLY_REFUNDED: [
    422,
    'The capture has already been fully refunded. You cannot capture additional refunds against this capture.',
  ],
  PAYPAL_REQUEST_ID_PREVIOUSLY_USED: [
    422,
    'The PayPal-Request-ID has already been used for another request.',
  ],
  INVALID_COUNTRY_CODE: [
    400,
    'Country code is invalid. Please refer to https://developer.paypal.com/api/rest/reference/country-codes/ for a list of supported country codes.',
  ],
  SHIPPING_OPTION_NOT_SELECTED: [
    422,
    "At least one of the shipping.option should be set to 'selected = true'.",
  ],
  MULTIPLE_SHIPPING_OPTION_SELECTED: [
    422,
    "Only one shipping.option can be set to 'selected = true'.",
  ],
  PREFERRED_SHIPPING_OPTION_AMOUNT_MISMATCH: [
    422,
    'The amount provided in the preferred shipping option should match the amount provided in amount breakdown',
  ],
  SHIPPING_OPTIONS_NOT_SUPPORTED: [
    422,
    "Shipping options are not supported when 'application_context.shipping_preference' is set as 'NO_SHIPPING' or 'SET_PROVIDED_ADDRESS'.",
  ],
  // PATCH /v2/checkout/orders/{id} (orders.patch-400 and orders.patch-422).
  FIELD_NOT_PATCHABLE: [400, 'Field cannot be patched.'],
  INVALID_PATCH_OPERATION: [
    400,
    "The operation cannot be honored. Cannot add a property that's already present, use replace. Cannot remove a property thats not present, use add. Cannot replace a property thats not present, use add.",
  ],
  NOT_PATCHABLE: [422, 'Cannot be patched.'],
  PATCH_PATH_REQUIRED: [
    422,
    'Specify a `value` for the field in which the operation needs to be performed.',
  ],
  PATCH_VALUE_REQUIRED: [422, 'Specify a `value` for the field being patched.'],
  INVALID_JSON_POINTER_FORMAT: [
    422,
    'Path should be a valid [JSON Pointer](https://tools.ietf.org/html/rfc6901) that references a location within the request where the operation is performed.',
  ],
  UNSUPPORTED_PATCH_PARAMETER_VALUE: [
    422,
    'The value specified for this field is not currently supported.',
  ],
  ORDER_ALREADY_COMPLETED: [
    422,
    'The order cannot be patched after it is completed.',
  ],
  INTERNAL_SERVER_ERROR: [500, 'An internal server error has occurred.'],
};

/** Where PayPal's error links point: the Orders v2 error reference, by issue. */
function informationLink(issue: string): Link {
  return {
    href: `https://developer.paypal.com/api/rest/reference/orders/v2/errors/#${issue}`,
    rel: 'information_link',
    method: 'GET',
  };
}

export class PaypalApiError extends Error {
  readonly status: number;
  readonly errorName: string;
  readonly details: ErrorDetail[];
  readonly links: Link[];
  readonly informationLink: string | undefined;

  constructor(
    status: number,
    details: ErrorDetail[],
    options: {
      name?: string;
      message?: string;
      links?: Link[];
      informationLink?: string;
    } = {}
  ) {
    const [defaultName, defaultMessage] = STATUS_NAMES[status] ?? [
      'INTERNAL_SERVER_ERROR',
      'An internal server error occurred.',
    ];
    super(options.message ?? defaultMessage);
    this.name = 'PaypalApiError';
    this.status = status;
    this.errorName = options.name ?? defaultName;
    this.details = details;
    const issue = details[0]?.issue ?? this.errorName;
    this.links = options.links ?? [informationLink(issue)];
    this.informationLink = options.informationLink;
  }

  body(debugId: string): PaypalErrorBody {
    return {
      name: this.errorName,
      ...(this.details.length > 0 && {details: this.details}),
      message: this.message,
      ...(this.informationLink !== undefined
        ? {information_link: this.informationLink}
        : {links: this.links}),
      debug_id: debugId,
    };
  }

  toResponse(debugId: string): Response {
    return Response.json(this.body(debugId), {
      status: this.status,
      headers: {'Paypal-Debug-Id': debugId},
    });
  }
}

/** A detail with PayPal's description for the issue filled in. */
export function detail(
  issue: string,
  where: Omit<ErrorDetail, 'issue' | 'description'> = {}
): ErrorDetail {
  const description = ISSUES[issue]?.[1];
  const location =
    where.location ?? (where.field !== undefined ? 'body' : undefined);
  // PayPal's order of keys: field, value, location, issue, description.
  return {
    ...(where.field !== undefined && {field: where.field}),
    ...(where.value !== undefined && {value: where.value}),
    ...(location !== undefined && {location}),
    issue,
    ...(description && {description}),
  };
}

/** One error for one or more issues that share a status (the first issue's). */
export function issueError(
  issue: string,
  where?: Omit<ErrorDetail, 'issue' | 'description'>,
  links?: Link[]
): PaypalApiError {
  const status = ISSUES[issue]?.[0] ?? 422;
  return new PaypalApiError(status, [detail(issue, where)], {
    links: links && [informationLink(issue), ...links],
  });
}

export function notFound(id: string): PaypalApiError {
  return issueError('INVALID_RESOURCE_ID', {
    field: 'order_id',
    value: id,
    location: 'path',
  });
}

/**
 * Bearer calls without a valid token. PayPal's body has no `debug_id` here; the header does.
 */
export function authenticationFailure(debugId: string): Response {
  return Response.json(
    {
      name: 'AUTHENTICATION_FAILURE',
      message:
        'Authentication failed due to invalid authentication credentials or a missing Authorization header.',
      links: [
        {
          href: 'https://developer.paypal.com/docs/api/overview/#error',
          rel: 'information_link',
        },
      ],
    },
    {status: 401, headers: {'Paypal-Debug-Id': debugId}}
  );
}
