/**
 * The orders store's tables as Kysely sees them, and the mapping between their rows and the
 * domain's Order and OutboxJob (JSON columns, 0/1 booleans, BIGINTs that may come as strings).
 */
import {randomUUID} from 'node:crypto';
import type {Generated, Selectable, Updateable} from 'kysely';
import type {OrderStatus, PaymentProvider, QuoteLine} from '../contract.js';
import type {Order, OrderPatch, OrderPricing} from './order.js';
import type {
  Channel,
  NewJob,
  OrderEventType,
  OutboxJob,
} from './outbox-rows.js';
import type {DiscountSchema} from './sql-discounts.js';
import type {GuardSchema} from './sql-guards.js';

export interface OrdersTable {
  id: string;
  token_hash: string;
  status: OrderStatus;
  provider: PaymentProvider;
  currency: string;
  subtotal: number;
  discount: Generated<number>;
  shipping: Generated<number>;
  tax: Generated<number>;
  /** 0 or 1: SQLite has no boolean. */
  tax_inclusive: Generated<number>;
  total: number;
  lines: string;
  discount_code: string | null;
  /** JSON: {id, name, amount}. */
  shipping_rate: string | null;
  /** JSON addresses (the contract's Address). */
  shipping_address: string | null;
  billing_address: string | null;
  email: string | null;
  locale: string | null;
  provider_payment_id: string | null;
  amount_refunded: Generated<number>;
  dispute_status: string | null;
  /** JSON: the OrderDispute last opened (migration 008). */
  dispute: string | null;
  review_reason: string | null;
  created_at: string;
  updated_at: string;
  paid_at: string | null;
  fulfilment_claimed_at: string | null;
  fulfilled_at: string | null;
}

export interface ProcessedEventsTable {
  provider: string;
  event_id: string;
  type: string;
  order_id: string;
  processed_at: Generated<string>;
}

export interface OutboxTable {
  id: string;
  order_id: string;
  kind: string;
  channel: Channel;
  event: OrderEventType;
  attempts: Generated<number>;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
}

export interface Schema extends GuardSchema, DiscountSchema {
  orders: OrdersTable;
  processed_events: ProcessedEventsTable;
  outbox: OutboxTable;
}

export function toJob(row: Selectable<OutboxTable>): OutboxJob {
  return {
    id: row.id,
    orderId: row.order_id,
    kind: row.kind,
    channel: row.channel,
    event: row.event,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error ?? undefined,
    createdAt: row.created_at,
    doneAt: row.done_at ?? undefined,
  };
}

export function toOrder(row: Selectable<OrdersTable>): Order {
  return {
    id: row.id,
    status: row.status,
    provider: row.provider,
    currency: row.currency,
    lines: (JSON.parse(row.lines) as QuoteLine[]).map(withLineDefaults),
    subtotal: Number(row.subtotal),
    discount: Number(row.discount),
    shipping: Number(row.shipping),
    tax: Number(row.tax),
    taxInclusive: Number(row.tax_inclusive) === 1,
    total: Number(row.total),
    discountCode: row.discount_code ?? undefined,
    shippingRate: parsed(row.shipping_rate),
    shippingAddress: parsed(row.shipping_address),
    billingAddress: parsed(row.billing_address),
    email: row.email ?? undefined,
    locale: row.locale ?? undefined,
    providerPaymentId: row.provider_payment_id ?? undefined,
    amountRefunded: Number(row.amount_refunded),
    disputeStatus: row.dispute_status ?? undefined,
    dispute: parsed(row.dispute ?? null),
    reviewReason: row.review_reason ?? undefined,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    paidAt: row.paid_at ?? undefined,
    fulfilledAt: row.fulfilled_at ?? undefined,
  };
}

// Any of these in a patch rewrites the whole pricing (the rest from the order as it was).
export const PRICING_FIELDS = [
  'lines',
  'subtotal',
  'discount',
  'shipping',
  'tax',
  'taxInclusive',
  'total',
  'shippingRate',
  'shippingAddress',
] as const satisfies readonly (keyof OrderPricing)[];

// Orders written before migration 004 have lines without these: no discount, no tax, and
// every product was shipped then (the catalog's default).
const withLineDefaults = (line: QuoteLine): QuoteLine => ({
  ...line,
  discount: line.discount ?? 0,
  tax: line.tax ?? 0,
  shippable: line.shippable ?? true,
});

/** The columns a (re)pricing writes: a PayPal address change reprices a pending order. */
export function pricingColumns(pricing: OrderPricing) {
  return {
    lines: JSON.stringify(pricing.lines),
    subtotal: pricing.subtotal,
    discount: pricing.discount,
    shipping: pricing.shipping,
    tax: pricing.tax,
    tax_inclusive: pricing.taxInclusive ? 1 : 0,
    total: pricing.total,
    shipping_rate: json(pricing.shippingRate),
    shipping_address: json(pricing.shippingAddress),
  };
}

export const json = (value: object | undefined) =>
  value === undefined ? null : JSON.stringify(value);

const parsed = <T>(text: string | null): T | undefined =>
  text === null ? undefined : (JSON.parse(text) as T);

/**
 * When a change to an order is stamped: now, or just after the order's last change if the clock
 * says otherwise (another instance's clock ahead, two changes in one millisecond). An order's
 * `updated_at` only ever grows, so it serves as its version: a write that names the one it
 * read (sql-fast-path.ts) finds the order changed in between by any other write.
 */
export function nextUpdatedAt(now: string, previous: string): string {
  if (now > previous) return now;
  return new Date(Date.parse(previous) + 1).toISOString();
}

/** The columns a patch writes (the rest of the pricing from the order as it was), stamped `updatedAt`. */
export function changeColumns(
  previous: Order,
  patch: OrderPatch,
  updatedAt: string
): Updateable<OrdersTable> {
  return {
    ...(patch.status !== undefined && {status: patch.status}),
    ...(patch.providerPaymentId !== undefined && {
      provider_payment_id: patch.providerPaymentId,
    }),
    ...(patch.amountRefunded !== undefined && {
      amount_refunded: patch.amountRefunded,
    }),
    ...(patch.disputeStatus !== undefined && {
      dispute_status: patch.disputeStatus,
    }),
    ...(patch.dispute !== undefined && {dispute: json(patch.dispute)}),
    ...(patch.reviewReason !== undefined && {
      review_reason: patch.reviewReason,
    }),
    ...(patch.paidAt !== undefined && {paid_at: patch.paidAt}),
    ...(PRICING_FIELDS.some((field) => patch[field] !== undefined) &&
      pricingColumns({...previous, ...patch})),
    updated_at: updatedAt,
  };
}

/** The outbox rows for new jobs, due at once (`at`: now, which the order's updated_at may be just after). */
export function jobRows(jobs: readonly NewJob[], at: string) {
  // (OutboxJob's fields are read back from these by toJob, for the jobs actually written.)
  return jobs.map((job) => ({
    id: `job_${randomUUID()}`,
    order_id: job.orderId,
    kind: job.kind,
    channel: job.channel,
    event: job.event,
    next_attempt_at: at,
    locked_until: job.lockedUntil ?? null,
    last_error: null,
    created_at: at,
    done_at: null,
  }));
}

/** The jobs of `rows` (jobRows's) that were written, as the outbox sees them. */
export function writtenJobs(
  rows: ReturnType<typeof jobRows>,
  written: readonly string[]
): OutboxJob[] {
  const ids = new Set(written);
  return rows
    .filter((row) => ids.has(row.id))
    .map((row) => ({
      id: row.id,
      orderId: row.order_id,
      kind: row.kind,
      channel: row.channel,
      event: row.event,
      attempts: 0,
      nextAttemptAt: row.next_attempt_at,
      createdAt: row.created_at,
      ...(row.locked_until !== null && {lockedUntil: row.locked_until}),
    }));
}
