/**
 * Discount codes: a percentage or a fixed amount per currency off the whole cart or off named
 * SKUs, with an optional minimum subtotal, a validity window, a usage limit and a once-per-
 * email rule. Whether a code applies to a cart is decided here; its uses are counted by the
 * order store and handed in.
 */
import {z} from 'zod';
import type {DiscountCodeStatus} from '../contract.js';
import {
  amountsSchema,
  instantSchema,
  percentSchema,
  PPM,
  skuSchema,
} from './fields.js';
import {divideDown} from './arithmetic.js';

export const discountSchema = z
  .object({
    /** Matched in any case; kept in uppercase. */
    code: z
      .string()
      .regex(
        /^[A-Za-z0-9_-]{1,64}$/,
        'must be 1–64 letters, digits, "_" or "-"'
      )
      .transform((code) => code.toUpperCase()),
    percentOff: percentSchema
      .refine((ppm) => ppm > 0, 'must be more than 0')
      .optional(),
    amountOff: amountsSchema({positive: true}).optional(),
    /** The cart's subtotal (before any discount) must reach this in its currency. */
    minimumSubtotal: amountsSchema({positive: false}).optional(),
    startsAt: instantSchema.optional(),
    endsAt: instantSchema.optional(),
    /** How many orders may use it, ever (an order that fails or is canceled gives its use back). */
    usageLimit: z.number().int().min(1).optional(),
    oncePerEmail: z.boolean().default(false),
    /** Only these products are discounted; without it, the whole cart. */
    skus: z.array(skuSchema).min(1).optional(),
  })
  .strict()
  .superRefine((discount, ctx) => {
    if (
      (discount.percentOff === undefined) ===
      (discount.amountOff === undefined)
    ) {
      ctx.addIssue({
        code: 'custom',
        message: 'must have either percentOff or amountOff',
      });
    }
    if (
      discount.amountOff !== undefined &&
      Object.keys(discount.amountOff).length === 0
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['amountOff'],
        message: 'must price at least one currency',
      });
    }
    if (
      discount.startsAt !== undefined &&
      discount.endsAt !== undefined &&
      discount.startsAt >= discount.endsAt
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsAt'],
        message: 'must be after startsAt',
      });
    }
  });

export type Discount = z.output<typeof discountSchema>;

/** What the order store knows of a code's uses (the caller loads it). */
export interface DiscountUsage {
  /** Orders holding a use now: open or paid. */
  uses: number;
  /** Whether the buyer's email holds one (false when no email is known). */
  byEmail: boolean;
}

interface EligibleLine {
  sku: string;
  amount: number;
}

export type DiscountDecision =
  | {status: 'applied'; amount: number; eligible: boolean[]}
  | {status: Exclude<DiscountCodeStatus, 'applied'>};

/**
 * Whether `discount` applies to this cart, and how much it takes off in total (a multiple of
 * `step`), checked in this order: the window (expired, or not started yet), the uses, the
 * products and currency (not_applicable), the minimum subtotal.
 */
export function decideDiscount(
  discount: Discount,
  cart: {currency: string; lines: readonly EligibleLine[]; subtotal: number},
  {now, usage, step}: {now: Date; usage: DiscountUsage; step: number}
): DiscountDecision {
  const at = now.getTime();
  if (
    (discount.startsAt !== undefined && at < discount.startsAt) ||
    (discount.endsAt !== undefined && at > discount.endsAt)
  ) {
    return {status: 'expired'};
  }
  if (
    (discount.usageLimit !== undefined && usage.uses >= discount.usageLimit) ||
    (discount.oncePerEmail && usage.byEmail)
  ) {
    return {status: 'used_up'};
  }
  const eligible = cart.lines.map(
    (line) => !discount.skus || discount.skus.includes(line.sku)
  );
  const eligibleTotal = cart.lines.reduce(
    (sum, line, i) => (eligible[i] ? sum + line.amount : sum),
    0
  );
  const fixed = discount.amountOff?.[cart.currency];
  const minimum = discount.minimumSubtotal
    ? discount.minimumSubtotal[cart.currency]
    : 0;
  // A code priced in other currencies only (its amount, or its minimum) is not for this cart.
  if (
    eligibleTotal === 0 ||
    (discount.amountOff && fixed === undefined) ||
    minimum === undefined
  ) {
    return {status: 'not_applicable'};
  }
  if (cart.subtotal < minimum) return {status: 'minimum_not_met'};
  const amount =
    fixed !== undefined
      ? Math.min(fixed, eligibleTotal)
      : divideDown(
          BigInt(eligibleTotal) * BigInt(discount.percentOff!),
          BigInt(PPM) * BigInt(step)
        ) * step;
  return {status: 'applied', amount, eligible};
}
