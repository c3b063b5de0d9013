/**
 * The parameters `POST /v1/checkout/sessions` accepts (docs.stripe.com/api/checkout/sessions/create).
 * Only `mode=payment` with inline `price_data` is modelled (its line items are read in
 * line-items.ts); everything else Stripe accepts is refused by name.
 */
import {invalidParams} from '../api/errors.js';
import type {Params} from '../api/form.js';
import {SHIPPING_SHAPE} from '../api/shipping.js';
import {OPTIONS_SHAPE, UNSUPPORTED_OPTIONS} from './options.js';
import {
  listOf,
  readEnum,
  readInteger,
  readString,
  type Shape,
} from '../api/params.js';

/** `Stripe.Checkout.SessionCreateParams.Locale`, without the open-ended string. */
export const LOCALES = [
  'auto',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'en-GB',
  'es',
  'es-419',
  'et',
  'fi',
  'fil',
  'fr',
  'fr-CA',
  'hi-IN',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'ms',
  'mt',
  'nb',
  'nl',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'th',
  'tr',
  'vi',
  'zh',
  'zh-HK',
  'zh-TW',
] as const;

/** "anywhere from 30 minutes to 24 hours after Checkout Session creation" */
const MIN_LIFETIME_S = 30 * 60;
const MAX_LIFETIME_S = 24 * 60 * 60;

// Parameters Stripe accepts that the emulator does not model: refused with a clear message
// rather than ignored. Inside `line_items`, list indices are written `[]`.
export const UNSUPPORTED = [
  'adaptive_pricing',
  'after_expiration',
  'allow_promotion_codes',
  'automatic_tax',
  'billing_address_collection',
  'branding_settings',
  'consent_collection',
  'currency',
  'custom_fields',
  'custom_text',
  'customer',
  'customer_account',
  'customer_creation',
  'customer_update',
  'excluded_payment_method_types',
  'integration_identifier',
  'invoice_creation',
  'managed_payments',
  'name_collection',
  'optional_items',
  'origin_context',
  'payment_method_collection',
  'payment_method_configuration',
  'payment_method_data',
  'payment_method_options',
  'permissions',
  'phone_number_collection',
  'redirect_on_completion',
  'return_url',
  'saved_payment_method_options',
  'setup_intent_data',
  'submit_type',
  'subscription_data',
  'tax_id_collection',
  'wallet_options',
  'line_items[][adjustable_quantity]',
  'line_items[][dynamic_tax_rates]',
  'line_items[][price_data][unit_amount_decimal]',
  'line_items[][price_data][product_data][tax_code]',
  'line_items[][price_data][product_data][tax_details]',
  'line_items[][price_data][product_data][unit_label]',
  'payment_intent_data[application_fee_amount]',
  'payment_intent_data[on_behalf_of]',
  'payment_intent_data[setup_future_usage]',
  'payment_intent_data[statement_descriptor]',
  'payment_intent_data[transfer_data]',
  'payment_intent_data[transfer_group]',
  ...UNSUPPORTED_OPTIONS,
];

export const CREATE_SHAPE: Shape = {
  mode: true,
  line_items: listOf({
    price: true,
    price_data: {
      currency: true,
      product: true,
      product_data: {
        name: true,
        description: true,
        images: 'list',
        metadata: 'map',
      },
      unit_amount: true,
      recurring: {interval: true, interval_count: true},
      tax_behavior: true,
    },
    quantity: true,
    tax_rates: 'list',
    metadata: 'map',
  }),
  success_url: true,
  cancel_url: true,
  customer_email: true,
  client_reference_id: true,
  metadata: 'map',
  payment_intent_data: {
    metadata: 'map',
    description: true,
    receipt_email: true,
    statement_descriptor_suffix: true,
    capture_method: true,
    shipping: SHIPPING_SHAPE,
  },
  ...OPTIONS_SHAPE,
  expires_at: true,
  locale: true,
  ui_mode: true,
  allowed_payment_method_types: 'list',
  expand: 'list',
};

/**
 * API version 2026-03-25.dahlia renamed the `ui_mode` values (`hosted` → `hosted_page`,
 * `embedded` → `embedded_page`, `custom` → `elements`) and refuses the old names.
 */
export function readUiMode(params: Params, apiVersion: string): string {
  const renamed = apiVersion >= '2026-03-25';
  const hosted = renamed ? 'hosted_page' : 'hosted';
  const modes = renamed
    ? ['elements', 'embedded_page', 'form', 'hosted_page']
    : ['custom', 'embedded', 'hosted'];
  const mode = readEnum(params, 'ui_mode', modes) ?? hosted;
  if (mode !== hosted) {
    throw invalidParams(
      `The Stripe emulator supports only ui_mode=${hosted} (Stripe's hosted payment page), not ${mode}.`,
      'ui_mode'
    );
  }
  return mode;
}

export function readUrl(params: Params, key: string): string | null {
  const url = readString(params, key) || null;
  if (url && !/^https?:\/\//i.test(url)) {
    throw invalidParams('Not a valid URL', key, 'url_invalid');
  }
  // `{CHECKOUT_SESSION_ID}` is not valid in every URL parser: check with it filled in.
  if (url && !URL.canParse(url.replaceAll('{CHECKOUT_SESSION_ID}', 'cs'))) {
    throw invalidParams('Not a valid URL', key, 'url_invalid');
  }
  return url;
}

export function readExpiresAt(params: Params, created: number): number {
  const expiresAt = readInteger(params, 'expires_at');
  if (expiresAt === undefined) return created + MAX_LIFETIME_S;
  if (expiresAt - created < MIN_LIFETIME_S) {
    throw invalidParams(
      'The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.',
      'expires_at'
    );
  }
  if (expiresAt - created > MAX_LIFETIME_S) {
    throw invalidParams(
      'The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.',
      'expires_at'
    );
  }
  return expiresAt;
}
