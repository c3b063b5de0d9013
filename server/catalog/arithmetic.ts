/**
 * Integer arithmetic for prices: products of amounts and rates can pass 2^53, so they are
 * taken in BigInt and only the (small) results come back as numbers.
 */

/** ⌊n / d⌋ for n ≥ 0, d > 0. */
export function divideDown(n: bigint, d: bigint): number {
  return Number(n / d);
}

/** n / d rounded half up (0.5 → 1), for n ≥ 0, d > 0. */
export function divideHalfUp(n: bigint, d: bigint): number {
  return Number((2n * n + d) / (2n * d));
}

/**
 * Splits `total` (a multiple of `step`) over lines in proportion to their `weights`, in units
 * of `step`, by largest remainder: each gets ⌊its exact share⌋, and the units left over go to
 * the largest fractional parts (the earlier line first on a tie). The parts sum to `total`
 * exactly, and no part exceeds its weight when total ≤ Σ weights.
 */
export function allocate(
  total: number,
  weights: readonly number[],
  step: number
): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (total === 0 || sum === 0) return weights.map(() => 0);
  const units = BigInt(total / step);
  const whole = BigInt(sum);
  const shares = weights.map((weight, index) => {
    const exact = units * BigInt(weight);
    return {index, units: exact / whole, remainder: exact % whole};
  });
  let left = Number(units - shares.reduce((s, share) => s + share.units, 0n));
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder
      ? a.index - b.index
      : a.remainder > b.remainder
        ? -1
        : 1
  );
  for (const share of byRemainder) {
    if (left === 0) break;
    share.units += 1n;
    left -= 1;
  }
  return shares.map((share) => Number(share.units) * step);
}
