/**
 * The Content Security Policy a checkout page needs: the page that carries `<pay-checkout>`,
 * whether the merchant's own or the demo this server serves. It allows the companion server
 * (the element's script, its lazy chunks, the API), and for each gateway on offer the sources
 * it asks for (its documentation's origins, or its emulator's: `page` in its folder's
 * command-line.ts); nothing inline, no `unsafe-*`. `pay-checkout-server csp` prints it.
 *
 * A gateway whose SDK adds `<style>` elements to the page asks for the page's nonce, which the
 * element passes on (`<pay-checkout nonce="…">` or `<meta property="csp-nonce" content="…">`).
 * Without a nonce the policy holds the placeholder `{NONCE}`, to be replaced by a fresh random
 * value in every response.
 */

export const NONCE_PLACEHOLDER = '{NONCE}';

/** What one gateway's browser code needs a checkout page to allow. */
export interface PagePolicySources {
  /** Sources by directive (`script-src`), in the order they are added. */
  sources: Readonly<Record<string, readonly string[]>>;
  /** The directives that also need the page's nonce, and why (a note of the csp command). */
  nonce?: {directives: readonly string[]; why: string};
}

export interface CheckoutPagePolicyOptions {
  /**
   * Where the element and the API come from: the companion server's origin(s), or `'self'`
   * for a page the server serves itself.
   */
  server: readonly string[];
  /** The gateways on offer, in the registry's order. */
  gateways?: readonly PagePolicySources[];
  /** The page's nonce; unset: the `{NONCE}` placeholder. */
  nonce?: string;
}

type Directives = Record<string, string[]>;

/** The policy as directives, each with its sources in a stable order. */
export function checkoutPageDirectives(
  options: CheckoutPagePolicyOptions
): Directives {
  const d: Directives = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...options.server],
    'style-src': ["'self'"],
    'connect-src': ["'self'", ...options.server],
    'frame-src': [],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
  };
  // A directive no base entry has (`child-src`) comes after the others.
  const add = (directive: string, ...sources: readonly string[]) =>
    (d[directive] ??= []).push(...sources);

  for (const gateway of options.gateways ?? []) {
    for (const [directive, sources] of Object.entries(gateway.sources))
      add(directive, ...sources);
    for (const directive of gateway.nonce?.directives ?? [])
      add(directive, `'nonce-${options.nonce ?? NONCE_PLACEHOLDER}'`);
  }
  if (d['frame-src']!.length === 0) d['frame-src'] = ["'none'"];
  for (const [name, sources] of Object.entries(d))
    d[name] = [...new Set(sources)];
  return d;
}

/** The policy as the value of a `Content-Security-Policy` header. */
export function checkoutPagePolicy(options: CheckoutPagePolicyOptions): string {
  return Object.entries(checkoutPageDirectives(options))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** For pages with no checkout on them (`/dev/mail`): our own files, nothing else. */
export function plainPagePolicy(styleHashes: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'none'",
    `style-src ${["'self'", ...styleHashes].join(' ')}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
