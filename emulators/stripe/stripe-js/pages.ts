/**
 * The documents the emulator serves into iframes: the Payment Element's card form, the Address
 * Element's address form and the 3-D Secure challenge. Static HTML; their scripts (bundled from `frame/`) do the rest, so
 * nothing from the request is ever written into the markup. (The hosted Checkout page, which
 * shows a session's line items, is ../checkout-sessions/hosted-page-html.ts.)
 */

/** The card fields' look (Stripe's class names), from the Appearance variables on the root. */
export const FIELD_STYLES = `
.Row { display: grid; grid-template-columns: 1fr 1fr; gap: calc(var(--spacing-unit) * 3); }
.Block { display: grid; gap: var(--spacing-unit); min-width: 0; }
.Block[hidden] { display: none; }
.Label { font-size: 0.93em; color: var(--color-text); }
.InputWrap { position: relative; }
.Input {
  width: 100%;
  margin: 0;
  padding: calc(var(--spacing-unit) * 3);
  border: 1px solid var(--input-border);
  border-radius: var(--border-radius);
  background: var(--input-background);
  color: var(--color-text);
  font: inherit;
  caret-color: var(--color-primary);
  box-shadow: 0 1px 1px rgba(0, 0, 0, 0.03), 0 3px 6px rgba(0, 0, 0, 0.02);
  transition: border-color 0.15s, box-shadow 0.15s;
}
.Input::placeholder { color: var(--color-text-placeholder); opacity: 1; }
.Input:focus {
  outline: none;
  border-color: var(--color-primary);
  box-shadow: 0 0 0 3px color-mix(in srgb, var(--color-primary) 25%, transparent);
}
.Input--invalid, .Input--invalid:focus { border-color: var(--color-danger); }
.Input--invalid:focus {
  box-shadow: 0 0 0 3px color-mix(in srgb, var(--color-danger) 25%, transparent);
}
/* The hosted Checkout page takes no Appearance rules (an Element's focus ring is set by the
   merchant's, and the 25 % one above is under 3:1): its own ring is solid. */
#checkout-form .Input:focus { box-shadow: 0 0 0 2px var(--color-primary); }
#checkout-form .Input--invalid:focus { box-shadow: 0 0 0 2px var(--color-danger); }
/* Forced colours drop box-shadows: the focus is an outline in the system's colour there. */
@media (forced-colors: active) {
  .Input:focus { outline: 2px solid Highlight; outline-offset: 1px; }
}
[data-animations="off"] .Input { transition: none; }
@media (prefers-reduced-motion: reduce) { .Input { transition: none; } }
/* Room for the brand's name once there is one: the placeholder keeps the whole width. */
.InputWrap:has(.Brand:not(:empty)) #number { padding-inline-end: 9em; }
/* Card digits read left to right in every language, as on the card. */
#number, #expiry, #cvc { direction: ltr; }
[dir="rtl"] #number, [dir="rtl"] #expiry, [dir="rtl"] #cvc { text-align: right; }
/* A phone-width frame (320 px screen, the page's own padding): less padding, so
   "1234 1234 1234 1234" stays whole. */
@media (max-width: 260px) {
  .Input { padding-inline: calc(var(--spacing-unit) * 2); }
  .Row { gap: calc(var(--spacing-unit) * 2); }
}
@media (max-width: 210px) {
  #number { font-size: 0.9em; letter-spacing: -0.02em; }
}
.Brand {
  position: absolute;
  inset-inline-end: calc(var(--spacing-unit) * 3);
  top: 50%;
  transform: translateY(-50%);
  font-size: 0.8em;
  font-weight: 600;
  /* On the input's background, not the page's: the secondary text colour was chosen for the
     latter (in the night theme 4.2:1 on the field). */
  color: var(--color-text);
  pointer-events: none;
}
.Error { margin: 0; font-size: 0.87em; color: var(--color-danger); }
.Error:empty { display: none; }
`;

const PAYMENT_STYLES = `
* { box-sizing: border-box; }
html { background: transparent; }
body {
  margin: 0;
  /* Room for the focus ring, which would otherwise be clipped by the frame. */
  padding: 4px;
  background: var(--color-background);
  color: var(--color-text);
  font-family: var(--font-family);
  font-size: var(--font-size-base);
  line-height: 1.3;
  overflow: hidden;
}
form { display: grid; gap: calc(var(--spacing-unit) * 3); }
${FIELD_STYLES}
.Notice { margin: 0; color: var(--color-danger); }
`;

/** A labelled card field with its error line, named like the Payment Element's. */
export function field(options: {
  id: string;
  label: string;
  autocomplete: string;
  placeholder: string;
  inputmode: string;
  extra?: string;
}): string {
  const {id, label, autocomplete, placeholder, inputmode, extra = ''} = options;
  return `<div class="Block">
      <label class="Label" for="${id}">${label}</label>
      <div class="InputWrap">
        <input class="Input" id="${id}" name="${id}" type="text" autocomplete="${autocomplete}"
          inputmode="${inputmode}" placeholder="${placeholder}" spellcheck="false"
          aria-invalid="false" aria-describedby="${id}-error">${extra}
      </div>
      <p class="Error" id="${id}-error" role="alert"></p>
    </div>`;
}

const ADDRESS_STYLES = `${PAYMENT_STYLES}
.Row--address { grid-template-columns: repeat(auto-fit, minmax(min(100%, 8em), 1fr)); }
select.Input { cursor: pointer; }
`;

/**
 * An Element's frame: its styles, an empty style sheet for the Appearance API's rules, the form
 * and the frame's script.
 */
function elementPage(
  title: string,
  styles: string,
  form: string,
  scriptSrc: string
): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${styles}</style>
<style id="appearance-rules"></style>
</head>
<body>
<main>
  ${form}
</main>
<script src="${scriptSrc}"></script>
</body>
</html>`;
}

/** The Address Element's page: an empty form the script fills (countries depend on options). */
export function addressPage(scriptSrc: string): string {
  return elementPage(
    'Secure address input',
    ADDRESS_STYLES,
    '<form id="form" novalidate aria-label="Address"></form>',
    scriptSrc
  );
}

export function paymentPage(scriptSrc: string): string {
  return elementPage(
    'Secure payment input',
    PAYMENT_STYLES,
    `<form id="form" novalidate aria-label="Card details">
    ${field({id: 'number', label: 'Card number', autocomplete: 'cc-number', placeholder: '1234 1234 1234 1234', inputmode: 'numeric', extra: '<span class="Brand" id="number-brand"></span>'})}
    <div class="Row">
      ${field({id: 'expiry', label: 'Expiration date', autocomplete: 'cc-exp', placeholder: 'MM / YY', inputmode: 'numeric'})}
      ${field({id: 'cvc', label: 'Security code', autocomplete: 'cc-csc', placeholder: 'CVC', inputmode: 'numeric'})}
    </div>
    ${field({id: 'postalCode', label: 'ZIP', autocomplete: 'postal-code', placeholder: '12345', inputmode: 'numeric'})}
  </form>`,
    scriptSrc
  );
}

const THREE_DS_STYLES = `
* { box-sizing: border-box; }
body {
  margin: 0;
  min-height: 100vh;
  display: grid;
  place-items: center;
  background: #ffffff;
  color: #30313d;
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
main { max-width: 26rem; padding: 24px; }
.Badge {
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
.Status { min-height: 1.45em; color: #b3093c; }
.Actions { display: flex; gap: 12px; margin-top: 20px; }
button {
  flex: 1;
  padding: 10px 16px;
  border-radius: 6px;
  font: inherit;
  font-weight: 600;
  cursor: pointer;
}
button:focus-visible { outline: 3px solid #0570de; outline-offset: 2px; }
button:disabled { opacity: 0.6; cursor: progress; }
#complete { border: 1px solid #0570de; background: #0570de; color: #ffffff; }
#fail { border: 1px solid #c0c0c8; background: #ffffff; color: #30313d; }
`;

export function threeDsPage(scriptSrc: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>3D Secure authentication</title>
<style>${THREE_DS_STYLES}</style>
</head>
<body>
<main aria-labelledby="title">
  <p class="Badge">Test mode</p>
  <h1 id="title">Test 3D Secure 2 authentication</h1>
  <p>This page is served by the Stripe emulator: no bank is involved and no card is charged.
    Choose how the card's issuer answers this payment's authentication challenge.</p>
  <p class="Status" id="status" role="alert"></p>
  <div class="Actions">
    <button type="button" id="complete" autofocus>Complete</button>
    <button type="button" id="fail">Fail</button>
  </div>
</main>
<script src="${scriptSrc}"></script>
</body>
</html>`;
}
