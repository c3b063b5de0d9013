/**
 * The parameters `POST /v1/checkout/sessions` accepts, and how its line items are read
 * (docs.stripe.com/api/checkout/sessions/create). Only `mode=payment` with inline
 * `price_data` is modelled; everything else Stripe accepts is refused by name.
 */
import {
  checkChargeAmount,
  formatAmount,
  minimumCharge,
  readCurrency,
} from './amounts.js';
import {invalidParams, missingParameter, noSuch} from './errors.js';
import type {Params} from './form.js';
import {newId} from './ids.js';
import {
  listOf,
  readEnum,
  readInteger,
  readList,
  readMetadata,
  readObject,
  readObjectList,
  readString,
  type Shape,
} from './params.js';
import {seconds, type Core} from './state.js';
import type {LineItemJson, ProductJson} from './types.js';

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

export const MAX_LINE_ITEMS = 100;
/** "anywhere from 30 minutes to 24 hours after Checkout Session creation" */
export const MIN_LIFETIME_S = 30 * 60;
export const MAX_LIFETIME_S = 24 * 60 * 60;

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
  'discounts',
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
  'shipping_address_collection',
  'shipping_options',
  'submit_type',
  'subscription_data',
  'tax_id_collection',
  'wallet_options',
  'line_items[][adjustable_quantity]',
  'line_items[][dynamic_tax_rates]',
  'line_items[][tax_rates]',
  'line_items[][price_data][unit_amount_decimal]',
  'line_items[][price_data][product_data][tax_code]',
  'line_items[][price_data][product_data][tax_details]',
  'line_items[][price_data][product_data][unit_label]',
  'payment_intent_data[application_fee_amount]',
  'payment_intent_data[on_behalf_of]',
  'payment_intent_data[setup_future_usage]',
  'payment_intent_data[shipping]',
  'payment_intent_data[statement_descriptor]',
  'payment_intent_data[transfer_data]',
  'payment_intent_data[transfer_group]',
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
  },
  expires_at: true,
  locale: true,
  ui_mode: true,
  allowed_payment_method_types: 'list',
  expand: 'list',
};

/**
 * API version 2026-03-25.dahlia renamed the `ui_mode` values (`hosted` → `hosted_page`,
 * `embedded` → `embedded_page`, `custom` → `elements`) and refuses the old names; version
 * 2026-09-30 replaced `payment_method_types` with `allowed_payment_method_types`.
 */
export function withVersion(shape: Shape, apiVersion: string): Shape {
  return apiVersion < '2026-09-30'
    ? {...shape, payment_method_types: 'list'}
    : shape;
}

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

/** `allowed_payment_method_types` (or the legacy `payment_method_types`): cards only. */
export function readPaymentMethodTypes(
  params: Params,
  key: 'allowed_payment_method_types' | 'payment_method_types'
): string[] | undefined {
  const types = readList(params, key);
  for (const type of types ?? []) {
    if (type !== 'card') {
      throw invalidParams(
        `The payment method type provided: ${type} is invalid. The Stripe emulator supports only card.`,
        key
      );
    }
  }
  return types;
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

export interface ReadLineItems {
  lineItems: LineItemJson[];
  products: ProductJson[];
  currency: string;
  subtotal: number;
}

/** Reads and checks every line item, then what they add up to. Nothing is stored. */
export function readLineItems(core: Core, params: Params): ReadLineItems {
  const items = readObjectList(params, 'line_items') ?? [];
  if (items.length === 0) {
    throw invalidParams(
      'The `line_items` parameter is required in payment mode.',
      'line_items'
    );
  }
  if (items.length > MAX_LINE_ITEMS) {
    throw invalidParams(
      `You can only pass up to ${MAX_LINE_ITEMS} line items in payment mode.`,
      'line_items'
    );
  }
  const read = items.map((item, index) => readLineItem(core, item, index));
  const currency = read[0]!.line.currency;
  read.forEach(({line}, index) => {
    if (line.currency !== currency) {
      throw invalidParams(
        `All line items must use the same currency: line_items[${index}] is in ${line.currency}, but line_items[0] is in ${currency}.`,
        `line_items[${index}][price_data][currency]`
      );
    }
  });
  const subtotal = read.reduce((sum, {line}) => sum + line.amount_total, 0);
  const minimum = minimumCharge(currency) ?? 1;
  if (subtotal < minimum) {
    throw invalidParams(
      `The Checkout Session's total amount due must add up to at least ${formatAmount(minimum, currency)} ${currency}`
    );
  }
  checkChargeAmount(subtotal, currency, 'line_items');
  return {
    lineItems: read.map((r) => r.line),
    products: read.map((r) => r.product),
    currency,
    subtotal,
  };
}

function readLineItem(
  core: Core,
  item: Params,
  index: number
): {line: LineItemJson; product: ProductJson} {
  const name = (path: string) => `line_items[${index}]${path}`;
  const priceId = readString(item, 'price');
  const priceData = readObject(item, 'price_data');
  if (priceId && priceData) {
    throw invalidParams(
      'You may only specify one of these parameters: price, price_data.',
      name('[price]')
    );
  }
  // The emulator has no Prices API, so no Price id can exist.
  if (priceId) throw noSuch('price', priceId, name('[price]'));
  if (!priceData) {
    throw invalidParams(
      'You must provide either price or price_data for each line item when using prices.',
      `line_items[${index}]`
    );
  }

  const quantity = readInteger(item, 'quantity', name('[quantity]'));
  if (quantity === undefined) throw missingParameter(name('[quantity]'));
  if (quantity < 1 || quantity > 999_999) {
    throw invalidParams(
      quantity < 1
        ? 'This value must be greater than or equal to 1.'
        : 'This value must be less than or equal to 999999.',
      name('[quantity]'),
      'parameter_invalid_integer'
    );
  }

  const price = (path: string) => name(`[price_data]${path}`);
  const currency = readCurrency(priceData, 'currency', price('[currency]'));
  if (currency === undefined) throw missingParameter(price('[currency]'));
  if (priceData.recurring !== undefined) {
    throw invalidParams(
      'You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.',
      price('[recurring]')
    );
  }
  const productId = readString(priceData, 'product');
  if (productId) throw noSuch('product', productId, price('[product]'));
  const productData = readObject(priceData, 'product_data');
  if (!productData) {
    throw invalidParams(
      'You must specify either `product` or `product_data` when creating a price.',
      price('[product_data]')
    );
  }
  const productName = readString(productData, 'name');
  if (!productName) throw missingParameter(price('[product_data][name]'));
  const images = readList(productData, 'images') ?? [];
  if (images.length > 8) {
    throw invalidParams(
      'A product can have up to 8 images.',
      price('[product_data][images]')
    );
  }
  images.forEach((image, i) => {
    if (!/^https?:\/\//i.test(image) || !URL.canParse(image)) {
      throw invalidParams(
        'Not a valid URL',
        price(`[product_data][images][${i}]`),
        'url_invalid'
      );
    }
  });
  const unitAmount = readInteger(
    priceData,
    'unit_amount',
    price('[unit_amount]')
  );
  if (unitAmount === undefined) throw missingParameter(price('[unit_amount]'));
  if (unitAmount < 0 || unitAmount > 99_999_999) {
    throw invalidParams(
      unitAmount < 0
        ? 'This value must be greater than or equal to 0.'
        : 'This value must be less than or equal to 99999999.',
      price('[unit_amount]'),
      'parameter_invalid_integer'
    );
  }
  const taxBehavior =
    readEnum(
      priceData,
      'tax_behavior',
      ['exclusive', 'inclusive', 'unspecified'],
      price('[tax_behavior]')
    ) ?? 'unspecified';

  const created = seconds(core);
  const product: ProductJson = {
    id: newId('prod'),
    object: 'product',
    active: true,
    created,
    description: readString(productData, 'description') ?? null,
    images,
    livemode: false,
    marketing_features: [],
    metadata: readMetadata(productData, {}) ?? {},
    name: productName,
    package_dimensions: null,
    shippable: null,
    tax_code: null,
    type: 'service',
    unit_label: null,
    updated: created,
    url: null,
  };
  const amount = unitAmount * quantity;
  const line: LineItemJson = {
    id: newId('li'),
    object: 'item',
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency,
    description: productName,
    metadata: readMetadata(item, {}) ?? {},
    price: {
      id: newId('price'),
      object: 'price',
      // Prices made from price_data are not reusable: Stripe creates them inactive.
      active: false,
      billing_scheme: 'per_unit',
      created,
      currency,
      custom_unit_amount: null,
      livemode: false,
      lookup_key: null,
      metadata: {},
      nickname: null,
      product: product.id,
      recurring: null,
      tax_behavior: taxBehavior,
      tiers_mode: null,
      transform_quantity: null,
      type: 'one_time',
      unit_amount: unitAmount,
      unit_amount_decimal: String(unitAmount),
    },
    quantity,
  };
  return {line, product};
}
