/**
 * The documents the emulator serves into the Drop-in fake's iframes and windows: the card frame,
 * the 3-D Secure challenge and PayPal's approval window. Static HTML with their styles; their scripts (bundled from ../browser/)
 * build the localised content, so nothing from the request is ever written into the markup.
 */

/** The card fields, with Drop-in's class names; the merchant's colours arrive as --bt-*. */
const CARD_STYLES = `
* { box-sizing: border-box; }
html { background: var(--bt-background, transparent); }
body {
  margin: 0;
  /* Room for the focus ring, which the frame would clip. */
  padding: 4px;
  background: var(--bt-background, transparent);
  color: var(--bt-text, #000000);
  font-family: var(--bt-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-size: var(--bt-font-size, 16px);
  line-height: 1.3;
  overflow: hidden;
}
main { display: block; }
form { display: grid; gap: 12px; }
.braintree-form__flexible-fields {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 8.5em), 1fr));
  gap: 12px;
}
.braintree-form__field-group { display: grid; gap: 4px; min-width: 0; }
.braintree-form__label { font-size: 0.875em; font-weight: 600; }
.braintree-form__descriptor { font-weight: 400; opacity: 0.85; }
.braintree-form__field { position: relative; }
.braintree-form__hosted-field {
  width: 100%;
  min-height: 44px;
  margin: 0;
  padding: 10px 12px;
  border: 1px solid color-mix(in srgb, var(--bt-text, #000000) 55%, transparent);
  border-radius: 4px;
  background: transparent;
  color: inherit;
  font: inherit;
  transition: var(--bt-transition, border-color 0.15s);
}
.braintree-form__hosted-field::placeholder {
  color: var(--bt-placeholder, color-mix(in srgb, var(--bt-text, #000000) 62%, transparent));
  opacity: 1;
}
.braintree-form__hosted-field:focus-visible {
  outline: 2px solid var(--bt-text, #000000);
  outline-offset: 1px;
}
.braintree-form__field-group--has-error .braintree-form__hosted-field {
  border-color: var(--bt-danger, #d0021b);
  border-width: 2px;
}
.braintree-form__hosted-field.invalid { color: var(--bt-danger, #d0021b); }
.braintree-form__field-error {
  font-size: 0.8125em;
  color: var(--bt-danger, #d0021b);
}
.braintree-form__field-error:empty { display: none; }
/* Card digits read left to right in every language, as on the card. */
#number, #expirationDate, #cvv { direction: ltr; }
[dir="rtl"] #number, [dir="rtl"] #expirationDate, [dir="rtl"] #cvv { text-align: right; }
.braintree-form__field:has(.braintree-form__brand:not(:empty)) #number { padding-inline-end: 7.5em; }
.braintree-form__brand {
  position: absolute;
  inset-inline-end: 12px;
  top: 50%;
  transform: translateY(-50%);
  font-size: 0.8em;
  font-weight: 600;
  pointer-events: none;
}
/* A phone-width frame: the brand goes under the number, which keeps the field's whole width. */
@media (max-width: 320px) {
  .braintree-form__hosted-field { padding-inline: 8px; }
  .braintree-form__field:has(.braintree-form__brand:not(:empty)) #number { padding-inline-end: 8px; }
  .braintree-form__brand { position: static; display: block; transform: none; margin-top: 2px; }
}
/* The element's card at 320 px leaves the frame about 190 px: the number and its placeholder
   stay whole in a slightly smaller type. */
@media (max-width: 230px) {
  #number { font-size: 0.875em; letter-spacing: -0.01em; }
}
@media (prefers-reduced-motion: reduce) { .braintree-form__hosted-field { transition: none; } }
`;

const WINDOW_STYLES = `
* { box-sizing: border-box; }
body {
  margin: 0;
  min-height: 100vh;
  display: grid;
  place-items: center;
  background: #ffffff;
  color: #1f2328;
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
main { max-width: 26rem; padding: 20px; }
@media (max-width: 340px) { main { padding: 14px; } h1 { font-size: 18px; } }
.badge {
  display: inline-block;
  margin: 0 0 12px;
  padding: 2px 8px;
  border-radius: 4px;
  background: #fff3cd;
  color: #5c4400;
  font-size: 13px;
  font-weight: 600;
}
h1 { margin: 0 0 8px; font-size: 20px; }
p { margin: 0 0 12px; }
.status { min-height: 1.45em; color: #b3093c; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 16px; }
button {
  flex: 1 1 8em;
  min-height: 44px;
  padding: 10px 14px;
  border-radius: 6px;
  border: 1px solid #5f6b7a;
  background: #ffffff;
  color: #1f2328;
  font: inherit;
  font-weight: 600;
  cursor: pointer;
}
button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
button:disabled { opacity: 0.6; cursor: progress; }
#pass, #approve { border-color: #0b57d0; background: #0b57d0; color: #ffffff; }
`;

function page(title: string, styles: string, scriptSrc: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${styles}</style>
</head>
<body>
<main></main>
<script src="${scriptSrc}"></script>
</body>
</html>`;
}

export const cardFramePage = (scriptSrc: string) =>
  page('Secure card payment', CARD_STYLES, scriptSrc);

export const threeDSecurePage = (scriptSrc: string) =>
  page('3-D Secure authentication', WINDOW_STYLES, scriptSrc);

export const paypalPage = (scriptSrc: string) =>
  page('PayPal', WINDOW_STYLES, scriptSrc);

/**
 * Drop-in's own stylesheet (`dropin.min.css` on Braintree's assets host), cut down to the parts
 * the fake draws: the list of ways to pay, the sheets (card, PayPal), their header and error,
 * the chosen method and the toggle.
 * Page CSS on the same `.braintree-*` classes overrides it, as it does the real one.
 */
export const DROPIN_CSS = `
.braintree-dropin { margin: 0 0 8px; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #000000; font-size: 16px; line-height: 1.35; }
.braintree-dropin [hidden] { display: none !important; }
.braintree-heading { margin: 0 0 8px; font-size: 14px; color: #595959; }
.braintree-heading:empty { display: none; }
.braintree-sheet { border: 1px solid #b5b5b5; border-radius: 4px; background: #ffffff; overflow: hidden; }
.braintree-sheet--has-error { border-color: #d0021b; }
.braintree-sheet__header { display: flex; align-items: center; gap: 8px; padding: 12px 16px; border-bottom: 1px solid #b5b5b5; }
.braintree-sheet__text { font-size: 16px; font-weight: 600; }
.braintree-sheet__content--form { padding: 8px 10px 6px; }
.braintree-sheet__error { padding: 8px 2px 0; font-size: 14px; color: #d0021b; }
.braintree-method { display: flex; align-items: center; gap: 12px; padding: 12px 16px; border: 1px solid #b5b5b5; border-radius: 4px; background: #ffffff; }
.braintree-method__label { font-weight: 600; }
.braintree-method__label--small { font-weight: 400; font-size: 14px; color: #595959; }
.braintree-options-list { display: grid; gap: 8px; }
.braintree-option { display: flex; align-items: center; gap: 12px; min-height: 48px; padding: 12px 16px; border: 1px solid #b5b5b5; border-radius: 4px; background: #ffffff; cursor: pointer; }
.braintree-option:hover { border-color: #666666; }
.braintree-option:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.braintree-option__label { font-weight: 600; }
.braintree-sheet__content--button { padding: 16px; }
.braintree-sheet__button--paypal { display: block; width: 100%; min-height: 44px; padding: 10px 16px; border: 0; border-radius: 4px; background: #ffc439; color: #000000; font: inherit; font-weight: 700; cursor: pointer; }
.braintree-sheet__button--paypal:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.braintree-sheet__button--paypal:disabled { opacity: 0.6; cursor: progress; }
.braintree-method:focus { outline: none; }
.braintree-method:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.braintree-toggle { display: block; width: 100%; min-height: 44px; margin: 8px 0 0; padding: 10px 16px; border: 1px solid #b5b5b5; border-radius: 4px; background: transparent; color: inherit; font: inherit; font-size: 14px; cursor: pointer; }
.braintree-toggle:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.braintree-loading .braintree-sheet__container { opacity: 0.6; transition: opacity 0.2s; }
@media (prefers-reduced-motion: reduce) { .braintree-loading .braintree-sheet__container { transition: none; } }
`;
