/**
 * The SDK's error classes, as `@square/web-payments-sdk-types` declares them: every one an
 * `SqError` (an `Error` with `errors`) whose `name` is its class name. `Square.errors` exposes
 * exactly the types' `PublicErrors`; the others (`InvalidApplicationIdError`,
 * `PaymentMethodNotAttachedError`, …) are thrown and recognised by `name`, as with Square's own.
 */
import type {
  ApplicationError,
  PublicErrors,
  SerializedError,
  SubError,
  VerifyBuyerErrorDetails,
} from '@square/web-payments-sdk-types';

export class SqError extends Error {
  readonly errors: SubError[];
  constructor(message?: string, errors: SubError[] = []) {
    super(message);
    this.name = new.target.name;
    this.errors = errors;
  }
  fromSerializedError(error: SerializedError): void {
    this.name = error.name;
    this.message = error.message;
    (this as {errors: SubError[]}).errors = error.errors ?? [];
  }
}

/** The loader's wording (`@square/web-sdk`), which checks the same format before loading. */
export class InvalidApplicationIdError extends SqError {
  constructor() {
    super("The Payment 'applicationId' option is not in the correct format.");
  }
}

export class ApplicationIdEnvironmentMismatchError extends SqError {
  constructor() {
    super(
      'Web Payments SDK was initialized with an application ID created in production however you are currently using sandbox.'
    );
  }
}

export class BrowserNotSupportedError extends SqError {
  constructor() {
    super('Web Payments SDK is not supported in this browser.');
  }
}

export class WebSdkEmbedError extends SqError {
  constructor() {
    super('Web Payments SDK cannot be embedded in this context.');
  }
}

export class ElementNotFoundError extends SqError {
  constructor(element: HTMLElement | string) {
    super(
      `Element '${typeof element === 'string' ? element : element.tagName}' not found.`
    );
  }
}

export class InvalidElementTypeError extends SqError {
  constructor(element: HTMLElement | string, allowed: Set<string>) {
    super(
      `Element '${typeof element === 'string' ? element : element.tagName.toLowerCase()}' is not one of: ${[...allowed].join(', ')}.`
    );
  }
}

export class InvalidOptionError extends SqError {
  constructor(optionName: string) {
    super(`Invalid option: ${optionName}.`);
  }
}

export class InvalidEventListenerCallbackError extends SqError {
  constructor(event: string, message: string) {
    super(`Invalid callback for '${event}': ${message}`);
  }
}

export class InvalidPaymentRequestError extends SqError {
  constructor(missingFields: string[][] = [], additionalErrors: string[] = []) {
    super(
      [
        'Invalid payment request.',
        ...missingFields.map((f) => f.join('.')),
        ...additionalErrors,
      ].join(' ')
    );
  }
}

export class InvalidPaymentRequestUpdateError extends SqError {
  constructor(missingFields: string[][] = []) {
    super(
      `Invalid payment request update. ${missingFields.map((f) => f.join('.')).join(' ')}`.trim()
    );
  }
}

export class PaymentMethodUnsupportedError extends SqError {
  constructor(error?: ApplicationError, field?: string) {
    super(
      error?.message ??
        `Payment method not supported${field ? `: ${field}` : ''}.`,
      error ? [error] : []
    );
  }
}

export class PlaidMissingNameError extends SqError {
  constructor() {
    super('The account holder name is missing.');
  }
}

export class TokenizationError extends SqError {
  declare readonly errors: ApplicationError[];
  constructor(errors: ApplicationError[] = []) {
    super('Tokenization failed.', errors);
  }
}

export class UnexpectedError extends SqError {
  constructor(actionText: string) {
    super(`An unexpected error occurred while ${actionText}.`);
  }
}

export class VerifyBuyerError extends SqError {
  constructor(error: VerifyBuyerErrorDetails) {
    super(error.message, [error]);
  }
  toJSON(): {errors: Record<string, unknown>[]; name: string} {
    return {
      errors: this.errors as unknown as Record<string, unknown>[],
      name: this.name,
    };
  }
}

export class PaymentMethodAlreadyAttachedError extends SqError {
  constructor(paymentMethod: string) {
    super(`${paymentMethod} is already attached.`);
  }
}

export class PaymentMethodNotAttachedError extends SqError {
  constructor(paymentMethod: string) {
    super(`${paymentMethod} is not attached to the page.`);
  }
}

export class PaymentMethodAlreadyDestroyedError extends SqError {
  constructor(paymentMethod: string) {
    super(`${paymentMethod} has already been destroyed.`);
  }
}

export class InvalidFieldNameError extends SqError {
  constructor(name: string) {
    super(`'${name}' is not a card field.`);
  }
}

export class FeatureDisabledError extends SqError {
  constructor(featureName: string) {
    super(`${featureName} is not enabled for this application.`);
  }
}

export class InvalidInputStylePropertyError extends SqError {
  constructor(property: string) {
    super(`Invalid style property: ${property}.`);
  }
}

export class InvalidInputStyleValueError extends SqError {
  constructor(property: string, value: string) {
    super(`Invalid value for style property ${property}: ${value}.`);
  }
}

export class InvalidInputStyleSelectorError extends SqError {
  constructor(selector: string) {
    super(`Invalid style selector: ${selector}.`);
  }
}

type StyleError =
  | InvalidInputStyleValueError
  | InvalidInputStylePropertyError
  | InvalidInputStyleSelectorError;

export class InvalidStylesError extends SqError {
  declare readonly errors: StyleError[];
  constructor(errors: StyleError[]) {
    super(errors.map((error) => error.message).join(' '), errors);
  }
}

/** `Square.errors`: the types' `PublicErrors`, no more, so `instanceof` checks stay real. */
export const publicErrors: PublicErrors = {
  BrowserNotSupportedError,
  ElementNotFoundError,
  InvalidOptionError,
  InvalidEventListenerCallbackError,
  InvalidPaymentRequestError,
  InvalidPaymentRequestUpdateError,
  PaymentMethodUnsupportedError,
  PlaidMissingNameError,
  TokenizationError,
  UnexpectedError,
  VerifyBuyerError,
  WebSdkEmbedError,
};
