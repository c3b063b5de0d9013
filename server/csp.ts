/**
 * The Content Security Policy a checkout page needs: the page that carries `<pay-checkout>`,
 * whether the merchant's own or the demo this server serves. It allows the companion server
 * (the element's script, its lazy chunks, the API), and for each provider the origins its own
 * documentation names; nothing inline, no `unsafe-*`. `pay-checkout-server csp` prints it.
 *
 * PayPal's SDK adds `<style>` elements to the page; under this policy they need the page's
 * nonce, which the element passes on (`<pay-checkout nonce="…">` or
 * `<meta property="csp-nonce" content="…">`). Without a nonce the policy holds the placeholder
 * `{NONCE}`, to be replaced by a fresh random value in every response.
 */

/** Stripe.js, and Link, which the Payment Element offers: docs.stripe.com/security/guide#content-security-policy. */
const STRIPE_JS = {
  script: ['https://js.stripe.com', 'https://*.js.stripe.com'],
  frame: [
    'https://js.stripe.com',
    'https://*.js.stripe.com',
    // 3-D Secure and other redirect-based methods.
    'https://hooks.stripe.com',
    'https://link.com',
    'https://*.link.com',
  ],
  connect: ['https://api.stripe.com', 'https://link.com', 'https://*.link.com'],
  img: ['https://*.link.com'],
  // https://maps.googleapis.com is only for the Address Element, which the checkout does not use.
  // Hosted Checkout is a top-level navigation to checkout.stripe.com: no directive governs it.
};

/** PayPal's JS SDK with a nonce instead of 'unsafe-inline': developer.paypal.com/sdk/js/best-practices. */
const PAYPAL_JS = [
  'https://*.paypal.com',
  'https://*.paypalobjects.com',
  'https://*.venmo.com',
];

export const NONCE_PLACEHOLDER = '{NONCE}';

export interface CheckoutPagePolicyOptions {
  /**
   * Where the element and the API come from: the companion server's origin(s), or `'self'`
   * for a page the server serves itself.
   */
  server: readonly string[];
  /** Offered: Stripe. `jsUrl` set means the offline Stripe.js of the emulator, on its origin. */
  stripe?: {jsUrl?: string};
  /** Offered: PayPal. `sdkBaseUrl` set means the emulator's JS SDK, on its origin. */
  paypal?: {sdkBaseUrl?: string};
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
  const add = (directive: string, ...sources: string[]) =>
    d[directive]!.push(...sources);

  if (options.stripe?.jsUrl) {
    // The emulator serves its Stripe.js, the Payment Element's frame and the API on one origin.
    const origin = new URL(options.stripe.jsUrl).origin;
    add('script-src', origin);
    add('frame-src', origin);
    add('connect-src', origin);
  } else if (options.stripe) {
    add('script-src', ...STRIPE_JS.script);
    add('frame-src', ...STRIPE_JS.frame);
    add('connect-src', ...STRIPE_JS.connect);
    add('img-src', ...STRIPE_JS.img);
  }

  if (options.paypal) {
    const nonce = `'nonce-${options.nonce ?? NONCE_PLACEHOLDER}'`;
    const hosts = options.paypal.sdkBaseUrl
      ? [new URL(options.paypal.sdkBaseUrl).origin]
      : PAYPAL_JS;
    add('script-src', ...hosts, nonce);
    add('style-src', ...hosts, nonce);
    add('connect-src', ...hosts);
    add('frame-src', ...hosts);
    add('img-src', ...hosts);
    d['child-src'] = [...hosts];
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
