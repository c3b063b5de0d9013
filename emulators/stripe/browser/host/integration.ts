/**
 * Two things every host module needs: Stripe.js's IntegrationError, thrown for programming
 * mistakes (results carry everything else), and the one place the fake's subsets are widened to
 * the real interfaces.
 */
export class IntegrationError extends Error {
  override name = 'IntegrationError';
}

/**
 * The fake implements a `Pick` of each real interface, but the real types promise the whole
 * interface wherever one object hands out another (`create()` → element, `on()` → element). The
 * subset is widened here and nowhere else; a method outside the Pick is a TypeError at run time,
 * which is how a widget test notices that it called something the fake (and its tests) lack.
 */
export function widen<T>(subset: Partial<T>): T {
  return subset as T;
}

/** Channel ids only need to be unguessable by other frames; works outside secure contexts. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `pi_123_secret_456` → `pi_123`; null when it is not a PaymentIntent client secret. */
export function intentIdOf(clientSecret: unknown): string | null {
  if (typeof clientSecret !== 'string') return null;
  return (
    /^(pi_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/.exec(clientSecret)?.[1] ?? null
  );
}
