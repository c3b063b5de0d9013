/**
 * The parts of `POST /v1/checkout/sessions` that change what the buyer pays besides the line
 * items (docs.stripe.com/api/checkout/sessions/create): `discounts` (one coupon),
 * `shipping_options` (up to five; the first is selected) and `shipping_address_collection`.
 * Each is read and checked before anything is stored; new ShippingRates are returned to store.
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
  type Shape,
  listOf,
} from '../api/params.js';
import {findCoupon} from '../coupons/coupons.js';
import {newId} from '../core/ids.js';
import {seconds, type Core} from '../core/state.js';
import type {CouponJson, ShippingRateJson} from '../core/types.js';

const MAX_SHIPPING_OPTIONS = 5;

const ESTIMATE_BOUND: Shape = {unit: true, value: true};

export const OPTIONS_SHAPE: Shape = {
  discounts: listOf({coupon: true}),
  shipping_options: listOf({
    shipping_rate: true,
    shipping_rate_data: {
      type: true,
      display_name: true,
      fixed_amount: {amount: true, currency: true},
      delivery_estimate: {minimum: ESTIMATE_BOUND, maximum: ESTIMATE_BOUND},
      tax_behavior: true,
      metadata: 'map',
    },
  }),
  shipping_address_collection: {allowed_countries: 'list'},
};

export const UNSUPPORTED_OPTIONS = [
  'discounts[][promotion_code]',
  'shipping_options[][shipping_rate_data][tax_code]',
  'shipping_options[][shipping_rate_data][fixed_amount][currency_options]',
];

/** Countries Checkout cannot ship to (stripe-node: `ShippingAddressCollection.allowed_countries`). */
const NOT_SHIPPABLE = new Set(
  'AS CX CC CU HM IR KP MH FM NF MP PW SY UM VI'.split(' ')
);

/** The coupon of `discounts`, checked against the session's currency. */
export function readDiscount(
  core: Core,
  params: Params,
  currency: string
): CouponJson | null {
  const discounts = readObjectList(params, 'discounts') ?? [];
  if (discounts.length === 0) return null;
  if (discounts.length > 1) {
    throw invalidParams(
      'You may only specify one discount per Checkout Session.',
      'discounts'
    );
  }
  const id = readString(discounts[0]!, 'coupon');
  if (!id) throw missingParameter('discounts[0][coupon]');
  const coupon = findCoupon(core, id, 'discounts[0][coupon]');
  if (!coupon.valid) {
    throw invalidParams(
      `This coupon (${id}) is no longer valid.`,
      'discounts[0][coupon]'
    );
  }
  if (coupon.currency !== null && coupon.currency !== currency) {
    throw invalidParams(
      `The coupon ${id} is in ${coupon.currency}, but this Checkout Session is in ${currency}.`,
      'discounts[0][coupon]'
    );
  }
  return coupon;
}

function readEstimateBound(
  estimate: Params,
  key: 'minimum' | 'maximum',
  name: string
) {
  const bound = readObject(estimate, key);
  if (!bound) return null;
  const unit = readEnum(
    bound,
    'unit',
    ['business_day', 'day', 'hour', 'month', 'week'],
    `${name}[${key}][unit]`
  );
  if (!unit) throw missingParameter(`${name}[${key}][unit]`);
  const value = readInteger(bound, 'value', `${name}[${key}][value]`);
  if (value === undefined) throw missingParameter(`${name}[${key}][value]`);
  if (value < 1) {
    throw invalidParams(
      'This value must be greater than 0.',
      `${name}[${key}][value]`
    );
  }
  return {unit, value};
}

function readRateData(
  core: Core,
  data: Params,
  name: string,
  currency: string
): ShippingRateJson {
  const type =
    readEnum(data, 'type', ['fixed_amount'], `${name}[type]`) ?? 'fixed_amount';
  const displayName = readString(data, 'display_name');
  if (!displayName) throw missingParameter(`${name}[display_name]`);
  if (displayName.length > 100) {
    throw invalidParams(
      'Invalid string: display_name must be at most 100 characters.',
      `${name}[display_name]`
    );
  }
  const fixed = readObject(data, 'fixed_amount');
  if (!fixed) throw missingParameter(`${name}[fixed_amount]`);
  const amount = readInteger(fixed, 'amount', `${name}[fixed_amount][amount]`);
  if (amount === undefined)
    throw missingParameter(`${name}[fixed_amount][amount]`);
  if (amount < 0) {
    throw invalidParams(
      'This value must be greater than or equal to 0.',
      `${name}[fixed_amount][amount]`,
      'parameter_invalid_integer'
    );
  }
  const rateCurrency = readCurrency(
    fixed,
    'currency',
    `${name}[fixed_amount][currency]`
  );
  if (!rateCurrency) throw missingParameter(`${name}[fixed_amount][currency]`);
  if (rateCurrency !== currency) {
    throw invalidParams(
      `The shipping rate's currency (${rateCurrency}) must match the currency of the line items (${currency}).`,
      `${name}[fixed_amount][currency]`
    );
  }
  const estimate = readObject(data, 'delivery_estimate');
  const estimateName = `${name}[delivery_estimate]`;
  return {
    id: newId('shr'),
    object: 'shipping_rate',
    active: true,
    created: seconds(core),
    delivery_estimate: estimate
      ? {
          minimum: readEstimateBound(estimate, 'minimum', estimateName),
          maximum: readEstimateBound(estimate, 'maximum', estimateName),
        }
      : null,
    display_name: displayName,
    fixed_amount: {amount, currency: rateCurrency},
    livemode: false,
    metadata: readMetadata(data, {}) ?? {},
    tax_behavior:
      readEnum(
        data,
        'tax_behavior',
        ['exclusive', 'inclusive', 'unspecified'],
        `${name}[tax_behavior]`
      ) ?? null,
    tax_code: null,
    type,
  };
}

/** The session's shipping options, in order (the first is the one selected), and the new rates. */
export function readShippingOptions(
  core: Core,
  params: Params,
  currency: string
): {rates: ShippingRateJson[]; created: ShippingRateJson[]} {
  const options = readObjectList(params, 'shipping_options') ?? [];
  if (options.length > MAX_SHIPPING_OPTIONS) {
    throw invalidParams(
      `You can only pass up to ${MAX_SHIPPING_OPTIONS} shipping options.`,
      'shipping_options'
    );
  }
  const rates: ShippingRateJson[] = [];
  const created: ShippingRateJson[] = [];
  options.forEach((option, index) => {
    const name = `shipping_options[${index}]`;
    const id = readString(option, 'shipping_rate');
    const data = readObject(option, 'shipping_rate_data');
    if (id && data) {
      throw invalidParams(
        'You may only specify one of these parameters: shipping_rate, shipping_rate_data.',
        `${name}[shipping_rate]`
      );
    }
    if (id) {
      const rate = core.state.shippingRates.get(id);
      if (!rate) throw noSuch('shipping_rate', id, `${name}[shipping_rate]`);
      if (rate.fixed_amount?.currency !== currency) {
        throw invalidParams(
          `The shipping rate's currency (${rate.fixed_amount?.currency}) must match the currency of the line items (${currency}).`,
          `${name}[shipping_rate]`
        );
      }
      rates.push(rate);
      return;
    }
    if (!data) {
      throw invalidParams(
        'You must specify either shipping_rate or shipping_rate_data.',
        name
      );
    }
    const rate = readRateData(
      core,
      data,
      `${name}[shipping_rate_data]`,
      currency
    );
    rates.push(rate);
    created.push(rate);
  });
  return {rates, created};
}

export function readShippingAddressCollection(
  params: Params
): {allowed_countries: string[]} | null {
  const collection = readObject(params, 'shipping_address_collection');
  if (!collection) return null;
  const countries = readList(collection, 'allowed_countries');
  const name = 'shipping_address_collection[allowed_countries]';
  if (!countries || countries.length === 0) throw missingParameter(name);
  countries.forEach((country, index) => {
    if (!/^[A-Z]{2}$/.test(country) || NOT_SHIPPABLE.has(country)) {
      throw invalidParams(
        `Invalid ${name}[${index}]: ${country} is not a country Checkout can ship to.`,
        `${name}[${index}]`
      );
    }
  });
  return {allowed_countries: countries};
}
