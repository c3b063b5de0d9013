/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/**
 * The page's Content Security Policy nonce, for what the element adds to the page (the
 * emulator's Stripe.js, PayPal's SDK and the `<style>` elements PayPal adds in turn): the
 * element's own `nonce` attribute, else `<meta property="csp-nonce">` (its `nonce` or
 * `content`). Read through the `nonce` property, because browsers hide the attribute's value
 * once the page has loaded under a policy.
 */
export function cspNonce(host: HTMLElement): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>(
    'meta[property="csp-nonce"]'
  );
  return (
    host.nonce ||
    host.getAttribute('nonce') ||
    meta?.nonce ||
    meta?.content ||
    undefined
  );
}
