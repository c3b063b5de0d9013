/**
 * What a Checkout Session adds up to (docs.stripe.com/api/checkout/sessions/object:
 * `amount_subtotal`, `total_details`, `amount_total`; docs.stripe.com/payments/checkout/discounts,
 * docs.stripe.com/payments/checkout/use-manual-tax-rates, docs.stripe.com/payments/during-payment/charge-shipping):
 *
 *   amount_subtotal = Σ unit_amount × quantity (inclusive tax is inside the prices)
 *   amount_discount = the coupon, on the items only (never on shipping), spread over the lines
 *   amount_tax      = Σ per line, on the line's amount after its discount: exclusive rates add
 *                     `net × rate`, inclusive ones show `net × rate / (1 + rate)` already inside
 *   amount_shipping = the selected (first) shipping option's fixed amount
 *   amount_total    = amount_subtotal − amount_discount + exclusive tax + amount_shipping
 *
 * Where Stripe does not document the rounding, the emulator rounds each line's tax half up and
 * spreads a coupon over the lines in proportion to their amounts (largest remainder first).
 */
import {includedShare, shareOf} from '../api/percentage.js';
import type {
  LineItemJson,
  ShippingRateJson,
  TaxRateJson,
} from '../core/types.js';
import {ratePpm} from '../tax-rates/tax-rates.js';

export interface SessionTotals {
  amountSubtotal: number;
  amountDiscount: number;
  /** Exclusive and inclusive tax together, as `total_details.amount_tax` reports it. */
  amountTax: number;
  /** The part of `amountTax` that is inside the prices. */
  inclusiveTax: number;
  amountShipping: number;
  amountTotal: number;
}

/** `total` spread over `weights` in proportion, the remainders going to the largest fractions. */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0 || total === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (BigInt(total) * BigInt(w)) / BigInt(sum));
  const parts = exact.map(Number);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = weights
    .map((w, i) => ({i, rest: (BigInt(total) * BigInt(w)) % BigInt(sum)}))
    .sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const {i} of order) {
    if (left === 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

/**
 * Fills in each line's `amount_discount`, `amount_tax` and `amount_total`, and answers the
 * session's sums. `discount` is what the coupon takes off the items' subtotal.
 */
export function applyTotals(
  lines: LineItemJson[],
  lineTaxRates: readonly (readonly TaxRateJson[])[],
  discount: number,
  shipping: ShippingRateJson | null
): SessionTotals {
  const subtotals = lines.map((line) => line.amount_subtotal);
  const amountSubtotal = subtotals.reduce((a, b) => a + b, 0);
  const discounts = allocate(discount, subtotals);
  let exclusiveTax = 0;
  let inclusiveTax = 0;
  lines.forEach((line, index) => {
    const net = line.amount_subtotal - discounts[index]!;
    const rates = lineTaxRates[index] ?? [];
    const inclusivePpm = rates
      .filter((rate) => rate.inclusive)
      .reduce((sum, rate) => sum + ratePpm(rate), 0);
    let lineExclusive = 0;
    let lineInclusive = 0;
    for (const rate of rates) {
      if (rate.inclusive) {
        // Several inclusive rates share the same gross: each takes its part of the tax in it.
        const all = includedShare(net, inclusivePpm);
        lineInclusive += Number(
          (BigInt(all) * BigInt(ratePpm(rate))) / BigInt(inclusivePpm || 1)
        );
      } else {
        lineExclusive += shareOf(net, ratePpm(rate));
      }
    }
    line.amount_discount = discounts[index]!;
    line.amount_tax = lineExclusive + lineInclusive;
    line.amount_total = net + lineExclusive;
    exclusiveTax += lineExclusive;
    inclusiveTax += lineInclusive;
  });
  const amountShipping = shipping?.fixed_amount?.amount ?? 0;
  return {
    amountSubtotal,
    amountDiscount: discount,
    amountTax: exclusiveTax + inclusiveTax,
    inclusiveTax,
    amountShipping,
    amountTotal: amountSubtotal - discount + exclusiveTax + amountShipping,
  };
}
