/**
 * The orders export: RFC 4180 CSV (CRLF lines, fields with a comma, quote or line break
 * quoted, quotes doubled), with every cell that a spreadsheet would read as a formula
 * (starting with = + - @, a tab or a carriage return) made text by a leading apostrophe, as
 * OWASP's CSV-injection advice says: an email or a name is the buyer's to choose.
 */
import type {Order} from '../orders/order.js';
import {decimal} from './format.js';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (
  cells: readonly (string | number | boolean | undefined)[]
) => `${cells.map(csvCell).join(',')}\r\n`;

export const ORDER_COLUMNS = [
  'id',
  'created_at',
  'paid_at',
  'status',
  'provider',
  'provider_payment_id',
  'email',
  'currency',
  'subtotal',
  'discount',
  'discount_code',
  'shipping',
  'shipping_rate',
  'tax',
  'tax_inclusive',
  'total',
  'amount_refunded',
  'items',
  'ship_to_name',
  'ship_to_city',
  'ship_to_country',
] as const;

/** One order as a CSV row; amounts in the currency's major unit ("19.99"). */
export function orderRow(order: Order): string {
  const amount = (value: number) => decimal(value, order.currency);
  return csvRow([
    order.id,
    order.createdAt,
    order.paidAt,
    order.status,
    order.provider,
    order.providerPaymentId,
    order.email,
    order.currency.toUpperCase(),
    amount(order.subtotal),
    amount(order.discount),
    order.discountCode,
    amount(order.shipping),
    order.shippingRate?.name,
    amount(order.tax),
    order.taxInclusive,
    amount(order.total),
    amount(order.amountRefunded),
    order.lines.map((line) => `${line.quantity} × ${line.sku}`).join('; '),
    order.shippingAddress?.name,
    order.shippingAddress?.city,
    order.shippingAddress?.country,
  ]);
}
