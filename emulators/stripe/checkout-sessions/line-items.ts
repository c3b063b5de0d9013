/**
 * `line_items` of `POST /v1/checkout/sessions` (docs.stripe.com/api/checkout/sessions/create):
 * inline `price_data` only, each line (and its `tax_rates`) read and checked before anything is
 * stored. What they add up to is totals.ts.
 */
import {readCurrency} from '../api/amounts.js';
import {invalidParams, missingParameter, noSuch} from '../api/errors.js';
import type {Params} from '../api/form.js';
import {
  readEnum,
  readInteger,
  readList,
  readMetadata,
  readObject,
  readObjectList,
  readString,
} from '../api/params.js';
import {newId} from '../core/ids.js';
import {seconds, type Core} from '../core/state.js';
import type {LineItemJson, ProductJson, TaxRateJson} from '../core/types.js';
import {findTaxRate} from '../tax-rates/tax-rates.js';

const MAX_LINE_ITEMS = 100;

interface ReadLineItems {
  lineItems: LineItemJson[];
  products: ProductJson[];
  /** Each line's TaxRates, in the order given. */
  taxRates: TaxRateJson[][];
  currency: string;
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
  return {
    lineItems: read.map((r) => r.line),
    products: read.map((r) => r.product),
    taxRates: read.map((r) => r.taxRates),
    currency,
  };
}

function readLineItem(
  core: Core,
  item: Params,
  index: number
): {line: LineItemJson; product: ProductJson; taxRates: TaxRateJson[]} {
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

  const taxRates = (readList(item, 'tax_rates') ?? []).map((id, i) => {
    const rate = findTaxRate(core, id, name(`[tax_rates][${i}]`));
    if (!rate.active) {
      throw invalidParams(
        `Tax rate ${id} is archived and cannot be used.`,
        name(`[tax_rates][${i}]`)
      );
    }
    return rate;
  });

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
  return {line, product, taxRates};
}
