/**
 * One purchase unit of an order request: its strings, its Money, its items, and PayPal's sums —
 * `item_total` = Σ unit_amount × quantity, `tax_total` = Σ tax × quantity, and
 * `value` = item_total + tax_total + shipping + handling + insurance − shipping_discount − discount.
 */
import {PAYPAL_CURRENCIES} from '../core/money.js';
import type {ItemJson, MoneyJson, PurchaseUnitJson} from '../core/types.js';
import {Checker, isObject, type Json} from './checks.js';
import {checkShipping, type ShippingPreference} from './shipping.js';

const BREAKDOWN_FIELDS = [
  'item_total',
  'tax_total',
  'shipping',
  'handling',
  'insurance',
  'shipping_discount',
  'discount',
] as const;
const SUBTRACTED = new Set(['shipping_discount', 'discount']);
const CATEGORIES = ['DIGITAL_GOODS', 'PHYSICAL_GOODS', 'DONATION'];
const QUANTITY = /^[1-9][0-9]{0,9}$/;

function copyMoney(value: unknown): MoneyJson {
  const money = value as Json;
  return {
    currency_code: money.currency_code as string,
    value: money.value as string,
  };
}

function checkItem(
  check: Checker,
  value: unknown,
  path: string,
  currency: string | undefined
): {item?: ItemJson; unit?: bigint; tax?: bigint; quantity?: bigint} {
  if (!isObject(value)) {
    check.report('MALFORMED_REQUEST_JSON', path, value);
    return {};
  }
  const name = check.string(value, 'name', path, 127, true);
  const sku = check.string(value, 'sku', path, 127);
  const description = check.string(value, 'description', path, 4000);
  let quantity: bigint | undefined;
  if (value.quantity === undefined || value.quantity === null) {
    check.report('MISSING_REQUIRED_PARAMETER', `${path}/quantity`);
  } else if (
    typeof value.quantity !== 'string' ||
    !QUANTITY.test(value.quantity)
  ) {
    check.report(
      'INVALID_PARAMETER_SYNTAX',
      `${path}/quantity`,
      value.quantity
    );
  } else {
    quantity = BigInt(value.quantity);
  }
  const unit = check.money(
    value.unit_amount,
    `${path}/unit_amount`,
    'non-negative',
    currency
  );
  const tax =
    value.tax === undefined
      ? undefined
      : check.money(value.tax, `${path}/tax`, 'non-negative', currency);
  const category = value.category;
  if (category !== undefined && !CATEGORIES.includes(category as string)) {
    check.report('INVALID_PARAMETER_VALUE', `${path}/category`, category);
  }
  if (name === undefined || quantity === undefined || unit === undefined) {
    return {};
  }
  const item: ItemJson = {
    name,
    unit_amount: copyMoney(value.unit_amount),
    quantity: value.quantity as string,
    ...(value.tax !== undefined && {tax: copyMoney(value.tax)}),
    ...(description !== undefined && {description: description.slice(0, 2048)}),
    ...(sku !== undefined && {sku}),
    ...(category !== undefined && {category: category as ItemJson['category']}),
  };
  return {item, unit, tax, quantity};
}

export function checkPurchaseUnit(
  check: Checker,
  value: unknown,
  path: string,
  preference: ShippingPreference = 'GET_FROM_FILE'
): PurchaseUnitJson | undefined {
  if (!isObject(value)) {
    check.report('MALFORMED_REQUEST_JSON', path, value);
    return undefined;
  }
  const referenceId = check.string(value, 'reference_id', path, 256);
  const description = check.string(value, 'description', path, 3000);
  const customId = check.string(value, 'custom_id', path, 127);
  const invoiceId = check.string(value, 'invoice_id', path, 127);
  const softDescriptor = check.string(value, 'soft_descriptor', path, 127);
  for (const key of ['payment_instruction', 'supplementary_data']) {
    if (value[key] !== undefined)
      check.report('NOT_SUPPORTED', `${path}/${key}`);
  }

  const amountPath = `${path}/amount`;
  const amount = value.amount;
  // Other amounts must match the unit's currency, once that currency is itself valid.
  const currency =
    isObject(amount) &&
    typeof amount.currency_code === 'string' &&
    PAYPAL_CURRENCIES.has(amount.currency_code)
      ? amount.currency_code
      : undefined;
  const total = check.money(amount, amountPath, 'amount', undefined);
  const breakdown = isObject(amount) ? amount.breakdown : undefined;
  const parts = checkBreakdown(check, breakdown, amountPath, currency);
  const lines = checkItems(check, value.items, path, currency);
  checkSums(check, {amount, total, parts, lines, amountPath});
  const shipping = checkShipping(check, value.shipping, `${path}/shipping`, {
    currency,
    preference,
    shipping: {given: parts.has('shipping'), hundredths: parts.get('shipping')},
  });

  if (total === undefined || !isObject(amount)) return undefined;
  const copiedBreakdown = isObject(breakdown)
    ? Object.fromEntries(
        BREAKDOWN_FIELDS.filter((key) => breakdown[key] !== undefined).map(
          (key) => [key, copyMoney(breakdown[key])]
        )
      )
    : undefined;
  return {
    reference_id: referenceId ?? 'default',
    amount: {
      ...copyMoney(amount),
      ...(copiedBreakdown && {breakdown: copiedBreakdown}),
    },
    ...(description !== undefined && {description: description.slice(0, 127)}),
    ...(customId !== undefined && {custom_id: customId}),
    ...(invoiceId !== undefined && {invoice_id: invoiceId}),
    ...(softDescriptor !== undefined && {
      soft_descriptor: softDescriptor.slice(0, 22),
    }),
    ...(lines.items.length > 0 && {items: lines.items}),
    ...(shipping && {shipping}),
  };
}

function checkBreakdown(
  check: Checker,
  breakdown: unknown,
  amountPath: string,
  currency: string | undefined
): Map<string, bigint | undefined> {
  const parts = new Map<string, bigint | undefined>();
  if (breakdown === undefined) return parts;
  if (!isObject(breakdown)) {
    check.report(
      'MALFORMED_REQUEST_JSON',
      `${amountPath}/breakdown`,
      breakdown
    );
    return parts;
  }
  for (const key of BREAKDOWN_FIELDS) {
    if (breakdown[key] === undefined) continue;
    const field = `${amountPath}/breakdown/${key}`;
    parts.set(
      key,
      check.money(breakdown[key], field, 'non-negative', currency)
    );
  }
  return parts;
}

interface Lines {
  items: ItemJson[];
  /** Σ unit_amount × quantity, or undefined when an item was invalid. */
  itemSum: bigint | undefined;
  /** Σ tax × quantity over items with tax, or undefined when one was invalid. */
  taxSum: bigint | undefined;
  anyTax: boolean;
}

function checkItems(
  check: Checker,
  raw: unknown,
  path: string,
  currency: string | undefined
): Lines {
  const lines: Lines = {items: [], itemSum: 0n, taxSum: 0n, anyTax: false};
  if (raw === undefined) return lines;
  if (!Array.isArray(raw)) {
    check.report('MALFORMED_REQUEST_JSON', `${path}/items`, raw);
    return lines;
  }
  raw.forEach((value, i) => {
    const result = checkItem(check, value, `${path}/items/${i}`, currency);
    if (!result.item) {
      lines.itemSum = lines.taxSum = undefined;
      return;
    }
    lines.items.push(result.item);
    const quantity = result.quantity!;
    if (lines.itemSum !== undefined) lines.itemSum += result.unit! * quantity;
    if (isObject(value) && value.tax !== undefined) {
      lines.anyTax = true;
      if (result.tax === undefined) lines.taxSum = undefined;
      else if (lines.taxSum !== undefined)
        lines.taxSum += result.tax * quantity;
    }
  });
  return lines;
}

/** A breakdown total against its lines: required when there are lines, and equal to their sum. */
function checkTotal(
  check: Checker,
  parts: Map<string, bigint | undefined>,
  key: 'item_total' | 'tax_total',
  sum: bigint,
  breakdownPath: string,
  breakdown: unknown
): void {
  const issue = key === 'item_total' ? 'ITEM_TOTAL' : 'TAX_TOTAL';
  if (!parts.has(key)) {
    check.report(`${issue}_REQUIRED`, `${breakdownPath}/${key}`);
  } else if (parts.get(key) !== undefined && parts.get(key) !== sum) {
    const given = ((breakdown as Json)[key] as Json).value;
    check.report(`${issue}_MISMATCH`, `${breakdownPath}/${key}/value`, given);
  }
}

/** The sums, only over values that are themselves valid (PayPal reports the cause, not its echo). */
function checkSums(
  check: Checker,
  unit: {
    amount: unknown;
    total: bigint | undefined;
    parts: Map<string, bigint | undefined>;
    lines: Lines;
    amountPath: string;
  }
): void {
  const {amount, total, parts, lines, amountPath} = unit;
  const breakdown = isObject(amount) ? amount.breakdown : undefined;
  const breakdownPath = `${amountPath}/breakdown`;
  if (lines.items.length > 0 && lines.itemSum !== undefined) {
    checkTotal(
      check,
      parts,
      'item_total',
      lines.itemSum,
      breakdownPath,
      breakdown
    );
  }
  if (lines.anyTax && lines.taxSum !== undefined) {
    checkTotal(
      check,
      parts,
      'tax_total',
      lines.taxSum,
      breakdownPath,
      breakdown
    );
  }
  const breakdownValid = [...parts.values()].every((v) => v !== undefined);
  if (!isObject(breakdown) || !breakdownValid || total === undefined) return;
  let expected = 0n;
  for (const [key, part] of parts)
    expected += SUBTRACTED.has(key) ? -part! : part!;
  if (expected !== total) {
    check.report(
      'AMOUNT_MISMATCH',
      `${amountPath}/value`,
      (amount as Json).value
    );
  }
}
