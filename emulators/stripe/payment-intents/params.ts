/**
 * The parameters `/v1/payment_intents` endpoints accept, and how they are read. Shapes are
 * checked before anything runs, so an unknown or malformed parameter changes nothing.
 */
import {invalidParams, missingParameter} from '../api/errors.js';
import type {Params} from '../api/form.js';
import {
  nestParam,
  readBoolean,
  readEnum,
  readObject,
  readString,
  type Shape,
} from '../api/params.js';
import {SHIPPING_SHAPE} from '../api/shipping.js';
import type {PaymentIntentJson} from '../core/types.js';
import {
  PAYMENT_METHOD_DATA,
  UNSUPPORTED_PAYMENT_METHOD_DATA,
} from '../payment-methods/payment-methods.js';

export const CANCELLATION_REASONS = [
  'duplicate',
  'fraudulent',
  'requested_by_customer',
  'abandoned',
] as const;

// Parameters Stripe accepts that the emulator does not model: refused with a clear message
// rather than ignored, so nothing is built on behaviour that would differ at Stripe.
export const UNSUPPORTED = [
  'amount_details',
  'application_fee_amount',
  'confirmation_token',
  'customer',
  'customer_account',
  'error_on_requires_action',
  'excluded_payment_method_types',
  'hooks',
  'mandate',
  'mandate_data',
  'off_session',
  'on_behalf_of',
  'payment_details',
  'payment_method_configuration',
  'payment_method_options',
  'radar_options',
  'setup_future_usage',
  'statement_descriptor',
  'transfer_data',
  'transfer_group',
  ...UNSUPPORTED_PAYMENT_METHOD_DATA.map((p) =>
    nestParam('payment_method_data', p)
  ),
];

export const CONFIRM_SHAPE: Shape = {
  payment_method: true,
  payment_method_data: PAYMENT_METHOD_DATA,
  return_url: true,
  use_stripe_sdk: true,
  receipt_email: true,
  // Stripe.js sends a shipping-mode Address Element's address with the confirmation.
  shipping: SHIPPING_SHAPE,
  expand: 'list',
};

export const CREATE_SHAPE: Shape = {
  ...CONFIRM_SHAPE,
  amount: true,
  currency: true,
  automatic_payment_methods: {enabled: true, allow_redirects: true},
  allowed_payment_method_types: 'list',
  metadata: 'map',
  description: true,
  statement_descriptor_suffix: true,
  capture_method: true,
  confirmation_method: true,
  confirm: true,
};

export const UPDATE_SHAPE: Shape = {
  amount: true,
  currency: true,
  payment_method: true,
  allowed_payment_method_types: 'list',
  metadata: 'map',
  description: true,
  receipt_email: true,
  statement_descriptor_suffix: true,
  capture_method: true,
  shipping: SHIPPING_SHAPE,
  expand: 'list',
};

/**
 * `automatic_payment_methods`, which is on by default since API version 2023-08-16 unless the
 * (legacy) `payment_method_types` names the methods instead.
 */
export function readAutomaticPaymentMethods(
  params: Params,
  legacyTypes: string[] | undefined
): PaymentIntentJson['automatic_payment_methods'] {
  const automatic = readObject(params, 'automatic_payment_methods');
  if (automatic && legacyTypes) {
    throw invalidParams(
      'You may only specify one of these parameters: automatic_payment_methods, payment_method_types.',
      'automatic_payment_methods'
    );
  }
  if (!automatic) {
    return legacyTypes ? null : {enabled: true, allow_redirects: 'always'};
  }
  const name = (key: string) => `automatic_payment_methods[${key}]`;
  const enabled = readBoolean(automatic, 'enabled', name('enabled'));
  if (enabled === undefined) throw missingParameter(name('enabled'));
  const allowRedirects =
    readEnum(
      automatic,
      'allow_redirects',
      ['always', 'never'],
      name('allow_redirects')
    ) ?? 'always';
  return enabled ? {enabled, allow_redirects: allowRedirects} : null;
}

export function readCaptureMethod(params: Params) {
  const method = readEnum(params, 'capture_method', [
    'automatic',
    'automatic_async',
    'manual',
  ]);
  if (method === 'manual') {
    throw invalidParams(
      'The Stripe emulator does not support capture_method=manual.',
      'capture_method'
    );
  }
  return method;
}

export function checkConfirmationMethod(params: Params) {
  const method = readEnum(params, 'confirmation_method', [
    'automatic',
    'manual',
  ]);
  if (method === 'manual') {
    throw invalidParams(
      'The Stripe emulator does not support confirmation_method=manual.',
      'confirmation_method'
    );
  }
}

export interface ConfirmRequest {
  paymentMethodId: string | null | undefined;
  paymentMethodData: Params | undefined;
  returnUrl: string | null;
  useStripeSdk: boolean;
}

/** What a confirmation (or a create with `confirm=true`) asks for. */
export function readConfirm(params: Params): ConfirmRequest {
  const returnUrl = readString(params, 'return_url') || null;
  if (returnUrl && !URL.canParse(returnUrl)) {
    throw invalidParams('Not a valid URL', 'return_url', 'url_invalid');
  }
  const request: ConfirmRequest = {
    paymentMethodId: readString(params, 'payment_method'),
    paymentMethodData: readObject(params, 'payment_method_data'),
    returnUrl,
    useStripeSdk: readBoolean(params, 'use_stripe_sdk') ?? false,
  };
  if (request.paymentMethodId && request.paymentMethodData) {
    throw invalidParams(
      'You cannot provide both payment_method and payment_method_data.',
      'payment_method_data'
    );
  }
  return request;
}
