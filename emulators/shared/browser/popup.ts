/**
 * PayPal's approval window, opened the way PayPal opens it (for its own buttons and for
 * Braintree's): synchronously on the buyer's click, so no popup blocker stops it, centred over
 * the page, saying "Loading" until the caller sends it to the approval page. Runs in the browser.
 */

const WIDTH = 450;
const HEIGHT = 640;

/** Null when the browser blocked it. */
export function openPopup(name: string): Window | null {
  const left = Math.max(
    0,
    (window.screenX ?? 0) + (window.outerWidth - WIDTH) / 2
  );
  const top = Math.max(
    0,
    (window.screenY ?? 0) + (window.outerHeight - HEIGHT) / 2
  );
  const popup = window.open(
    '',
    name,
    `popup,width=${WIDTH},height=${HEIGHT},left=${Math.round(left)},top=${Math.round(top)}`
  );
  if (!popup) return null;
  try {
    // Still about:blank, so same-origin for a moment: say what is happening.
    popup.document.documentElement.lang = 'en';
    popup.document.title = 'PayPal';
    popup.document.body.style.cssText =
      'margin:0;display:grid;place-items:center;min-height:100vh;font:16px sans-serif;color:#001435';
    popup.document.body.textContent = 'Loading PayPal…';
  } catch {
    // A reused window may already be cross-origin; it is navigated next anyway.
  }
  return popup;
}
