/**
 * A purchase unit's `shipping` (Orders v2 `shipping_detail`): the recipient's name, the address,
 * and either a fulfilment `type` or the `options` the buyer may choose between in the approval
 * window — never both. Of the options exactly one is `selected`, and its amount is the
 * breakdown's `shipping` (PREFERRED_SHIPPING_OPTION_AMOUNT_MISMATCH); none are allowed when
 * the order asks for no address or fixes it (SHIPPING_OPTIONS_NOT_SUPPORTED).
 */
import type {PurchaseUnitJson} from '../core/types.js';
import {Checker, isObject} from './checks.js';

type ShippingJson = NonNullable<PurchaseUnitJson['shipping']>;
type OptionJson = NonNullable<ShippingJson['options']>[number];

/** Where the order says the address comes from (`experience_context.shipping_preference`). */
export type ShippingPreference =
  'GET_FROM_FILE' | 'NO_SHIPPING' | 'SET_PROVIDED_ADDRESS';

const DETAIL_TYPES = ['SHIPPING', 'PICKUP_IN_PERSON'];
const OPTION_TYPES = [
  'SHIPPING',
  'PICKUP',
  'PICKUP_IN_STORE',
  'PICKUP_FROM_PERSON',
];
const MAX_OPTIONS = 10;
// address_portable: the fields a shipping address supports, and their lengths.
const ADDRESS_FIELDS: [string, number][] = [
  ['address_line_1', 300],
  ['address_line_2', 300],
  ['admin_area_2', 120],
  ['admin_area_1', 300],
  ['postal_code', 60],
];
const COUNTRY = /^([A-Z]{2}|C2)$/;

function checkAddress(
  check: Checker,
  value: unknown,
  path: string
): ShippingJson['address'] {
  if (!isObject(value)) {
    check.report('MALFORMED_REQUEST_JSON', path, value);
    return undefined;
  }
  const address: Record<string, string> = {};
  for (const [key, max] of ADDRESS_FIELDS) {
    const text = check.string(value, key, path, max);
    if (text !== undefined) address[key] = text;
  }
  const country = value.country_code;
  if (country === undefined || country === null) {
    check.report('MISSING_REQUIRED_PARAMETER', `${path}/country_code`);
  } else if (typeof country !== 'string' || !COUNTRY.test(country)) {
    check.report('INVALID_COUNTRY_CODE', `${path}/country_code`, country);
  } else {
    address.country_code = country;
  }
  return address as unknown as ShippingJson['address'];
}

function checkOption(
  check: Checker,
  value: unknown,
  path: string,
  currency: string | undefined
): {option?: OptionJson; amount?: bigint} {
  if (!isObject(value)) {
    check.report('MALFORMED_REQUEST_JSON', path, value);
    return {};
  }
  const id = check.string(value, 'id', path, 127, true);
  const label = check.string(value, 'label', path, 127, true);
  if (
    value.type !== undefined &&
    !OPTION_TYPES.includes(value.type as string)
  ) {
    check.report('INVALID_PARAMETER_VALUE', `${path}/type`, value.type);
  }
  if (value.selected === undefined || value.selected === null) {
    check.report('MISSING_REQUIRED_PARAMETER', `${path}/selected`);
  } else if (typeof value.selected !== 'boolean') {
    check.report(
      'INVALID_PARAMETER_SYNTAX',
      `${path}/selected`,
      value.selected
    );
  }
  const amount =
    value.amount === undefined
      ? undefined
      : check.money(value.amount, `${path}/amount`, 'non-negative', currency);
  if (id === undefined || label === undefined) return {};
  const money = value.amount as {currency_code: string; value: string};
  return {
    option: {
      id,
      label,
      ...(value.type !== undefined && {type: value.type as OptionJson['type']}),
      ...(amount !== undefined && {
        amount: {currency_code: money.currency_code, value: money.value},
      }),
      selected: value.selected === true,
    },
    amount,
  };
}

function checkOptions(
  check: Checker,
  raw: unknown,
  path: string,
  currency: string | undefined,
  shipping: {given: boolean; hundredths: bigint | undefined}
): OptionJson[] | undefined {
  if (!Array.isArray(raw)) {
    check.report('MALFORMED_REQUEST_JSON', path, raw);
    return undefined;
  }
  if (raw.length > MAX_OPTIONS) {
    check.report('INVALID_ARRAY_MAX_ITEMS', path);
    return undefined;
  }
  const checked = raw.map((value, i) =>
    checkOption(check, value, `${path}/${i}`, currency)
  );
  const selected = raw.flatMap((value, i) =>
    isObject(value) && value.selected === true ? [i] : []
  );
  if (raw.length > 0 && selected.length === 0) {
    check.report('SHIPPING_OPTION_NOT_SELECTED', path);
  } else if (selected.length > 1) {
    check.report('MULTIPLE_SHIPPING_OPTION_SELECTED', path);
  } else if (selected.length === 1) {
    const i = selected[0]!;
    const amount = checked[i]!.amount;
    // Without `breakdown.shipping` the order charges no shipping.
    const charged = shipping.given ? shipping.hundredths : 0n;
    if (amount !== undefined && charged !== undefined && amount !== charged) {
      check.report(
        'PREFERRED_SHIPPING_OPTION_AMOUNT_MISMATCH',
        `${path}/${i}/amount/value`,
        (raw[i] as {amount: {value: string}}).amount.value
      );
    }
  }
  if (checked.some((c) => !c.option)) return undefined;
  return checked.map((c) => c.option!);
}

/** The checked `shipping` of one purchase unit, as the order stores and shows it. */
export function checkShipping(
  check: Checker,
  value: unknown,
  path: string,
  context: {
    currency: string | undefined;
    preference: ShippingPreference;
    /** The breakdown's `shipping`: whether given, and its value once valid. */
    shipping: {given: boolean; hundredths: bigint | undefined};
  }
): ShippingJson | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    check.report('MALFORMED_REQUEST_JSON', path, value);
    return undefined;
  }
  const result: ShippingJson = {};
  if (value.name !== undefined) {
    if (!isObject(value.name)) {
      check.report('MALFORMED_REQUEST_JSON', `${path}/name`, value.name);
    } else {
      const fullName = check.string(
        value.name,
        'full_name',
        `${path}/name`,
        300
      );
      if (fullName !== undefined) result.name = {full_name: fullName};
    }
  }
  if (value.address !== undefined) {
    result.address = checkAddress(check, value.address, `${path}/address`);
  }
  if (value.type !== undefined) {
    if (!DETAIL_TYPES.includes(value.type as string)) {
      check.report('INVALID_PARAMETER_VALUE', `${path}/type`, value.type);
    } else {
      result.type = value.type as ShippingJson['type'];
    }
  }
  if (value.options !== undefined) {
    if (value.type !== undefined) {
      // "Either type or options may be present, but not both": PayPal's issue name for it is
      // not published; the schema's generic one is used.
      check.report('INVALID_PARAMETER_VALUE', `${path}/type`, value.type);
    }
    if (context.preference !== 'GET_FROM_FILE') {
      check.report('SHIPPING_OPTIONS_NOT_SUPPORTED', `${path}/options`);
    }
    const options = checkOptions(
      check,
      value.options,
      `${path}/options`,
      context.currency,
      context.shipping
    );
    if (options) result.options = options;
  }
  return result;
}
