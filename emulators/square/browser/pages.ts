/**
 * The documents the Square emulator serves into frames (S2's routes serve them; this folder
 * owns their markup and scripts): the card form at `GET /web-sdk/v1/card-frame.html` and the
 * verification challenge at `GET /web-sdk/v1/challenge.html`. Static HTML with Square's class
 * names (`.input-container`, `input`, `.message-text`, `.message-icon`, which the `style`
 * option targets); the bundled scripts localise it and do the rest, so nothing from a request
 * is ever written into the markup. No DOM here: the emulator's server imports it.
 *
 * The bundle entries, relative to this folder: `square-js.ts` (`GET /v1/square.js`),
 * `card-frame.ts` (`GET /web-sdk/v1/card-frame.js`), `challenge-frame.ts`
 * (`GET /web-sdk/v1/challenge.js`).
 */

export const SQUARE_BROWSER_PATHS = {
  squareJs: '/v1/square.js',
  cardFrame: '/web-sdk/v1/card-frame.html',
  cardFrameScript: '/web-sdk/v1/card-frame.js',
  challenge: '/web-sdk/v1/challenge.html',
  challengeScript: '/web-sdk/v1/challenge.js',
} as const;

const CARD_STYLES = `
* { box-sizing: border-box; }
html { background: transparent; }
body {
  margin: 0;
  /* Room for the focus ring, which the frame would otherwise clip. */
  padding: 3px;
  background: #ffffff;
  color: #1f1f1f;
  font: 16px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  overflow: hidden;
}
form { margin: 0; }
.input-container {
  display: grid;
  border: 1px solid #767676;
  border-radius: 6px;
  background: #ffffff;
  transition: border-color 0.15s;
}
.input-container.is-focus { border-color: #006aff; }
.input-container.is-error { border-color: #c8102e; }
.row { display: grid; grid-template-columns: 1.2fr 1fr 1.2fr; border-color: inherit; }
.field {
  position: relative;
  min-width: 0;
  padding: 6px 12px 4px;
  border: 0 solid;
  border-color: inherit;
  cursor: text;
}
.row, .row .field + .field { border-color: inherit; }
.row { border-top: 1px solid; border-top-color: inherit; }
.row .field + .field { border-inline-start: 1px solid; border-inline-start-color: inherit; }
/* A visible ring on the field being typed in (WCAG 2.4.7), inside the frame so it is not clipped. */
.field:focus-within { box-shadow: inset 0 0 0 2px #006aff; border-radius: 5px; }
.field.is-error:focus-within { box-shadow: inset 0 0 0 2px #c8102e; }
.label { display: block; font-size: 13px; color: #3d3d3d; overflow-wrap: anywhere; }
.input-wrap { min-width: 0; }
.input {
  display: block;
  width: 100%;
  min-height: 28px;
  margin: 0;
  padding: 2px 0;
  border: 0;
  outline: none;
  background: transparent;
  color: #1f1f1f;
  font: inherit;
  font-size: 16px;
}
.input::placeholder { color: #666666; opacity: 1; }
.input.is-error { color: #c8102e; }
/* Card digits read left to right in every language, as they are printed. */
#cardNumber, #expirationDate, #cvv { direction: ltr; }
[dir="rtl"] #cardNumber, [dir="rtl"] #expirationDate, [dir="rtl"] #cvv { text-align: right; }
.has-brand #cardNumber-label { padding-inline-end: 9em; }
/* The brand sits on the label's line, so the number keeps the field's whole width. */
.brand {
  position: absolute;
  inset-inline-end: 12px;
  top: 6px;
  font-size: 13px;
  font-weight: 600;
  color: #3d3d3d;
  pointer-events: none;
}
.message { display: flex; gap: 6px; align-items: baseline; margin: 6px 2px 0; min-height: 0; }
.message:not(.is-error) { display: none; }
.message-icon { font-weight: 700; color: #c8102e; }
.message-text { font-size: 14px; color: #1f1f1f; }
.message-text.is-error { color: #c8102e; }
/* A phone-width frame (a 320 px screen less the page's padding): the postal code gets its own
   row so that every hint stays whole. */
@media (max-width: 300px) {
  .row { grid-template-columns: 1fr 1fr; }
  .row .field:last-child { grid-column: 1 / -1; border-inline-start: 0; border-top: 1px solid; border-top-color: inherit; }
  .field { padding-inline: 10px; }
}
@media (prefers-reduced-motion: reduce) { .input-container { transition: none; } }
@media (forced-colors: active) { .field:focus-within { outline: 2px solid Highlight; } }
`;

function field(
  id: string,
  label: string,
  attributes: string,
  extra = ''
): string {
  return `<div class="field" id="${id}-field">
      <label class="label" for="${id}" id="${id}-label">${label}</label>
      <div class="input-wrap">
        <input class="input" id="${id}" name="${id}" type="text" spellcheck="false"
          aria-invalid="false" ${attributes}>${extra}
      </div>
    </div>`;
}

/** The card form's document; `scriptSrc` is the card frame's bundle. */
export function cardFramePage(scriptSrc: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Secure card payment input frame</title>
<style>${CARD_STYLES}</style>
<style id="card-style"></style>
</head>
<body>
<form id="form" novalidate aria-label="Card details">
  <div class="input-container" id="container">
    ${field('cardNumber', 'Card number', 'autocomplete="cc-number" inputmode="numeric" placeholder="1234 1234 1234 1234"', '<span class="brand" id="brand"></span>')}
    <div class="row">
      ${field('expirationDate', 'Expiration date', 'autocomplete="cc-exp" inputmode="numeric" placeholder="MM/YY"')}
      ${field('cvv', 'CVV', 'autocomplete="cc-csc" inputmode="numeric" placeholder="CVV"')}
      ${field('postalCode', 'Postal code', 'autocomplete="postal-code"')}
    </div>
  </div>
  <p class="message" id="message-line"><span class="message-icon" aria-hidden="true">!</span><span class="message-text" id="message" role="alert"></span></p>
</form>
<script src="${scriptSrc}"></script>
</body>
</html>`;
}

const CHALLENGE_STYLES = `
* { box-sizing: border-box; }
:root { color-scheme: light dark; }
body {
  margin: 0;
  min-height: 100vh;
  display: grid;
  place-items: center;
  background: #ffffff;
  color: #1f1f1f;
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
main { width: 100%; max-width: 26rem; padding: 20px; }
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
.amount { font-weight: 600; }
.status { min-height: 1.45em; color: #b00020; }
.actions { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 16px; }
button {
  flex: 1 1 8rem;
  min-height: 44px;
  padding: 10px 16px;
  border-radius: 6px;
  font: inherit;
  font-weight: 600;
  cursor: pointer;
}
button:focus-visible { outline: 3px solid #006aff; outline-offset: 2px; }
button:disabled { opacity: 0.6; cursor: progress; }
#authenticate { border: 1px solid #005ad9; background: #005ad9; color: #ffffff; }
#fail { border: 1px solid #767676; background: #ffffff; color: #1f1f1f; }
@media (prefers-color-scheme: dark) {
  body { background: #1c1c1e; color: #f2f2f2; }
  .status { color: #ff8a80; }
  #fail { background: #2c2c2e; color: #f2f2f2; border-color: #8e8e93; }
  button:focus-visible { outline-color: #66a3ff; }
}
@media (forced-colors: active) { button:focus-visible { outline-color: Highlight; } }
`;

/** The verification challenge's document; `scriptSrc` is its bundle. */
export function challengePage(scriptSrc: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Card verification</title>
<style>${CHALLENGE_STYLES}</style>
</head>
<body>
<main aria-labelledby="heading">
  <p class="badge" id="badge">Test mode</p>
  <h1 id="heading">Verify it is you</h1>
  <p id="body">This page is served by the Square emulator: no bank is involved. Choose how the card issuer answers this verification.</p>
  <p class="amount" id="amount" hidden></p>
  <p class="status" id="status" role="alert"></p>
  <div class="actions">
    <button type="button" id="authenticate">Authenticate</button>
    <button type="button" id="fail">Fail</button>
  </div>
</main>
<script src="${scriptSrc}"></script>
</body>
</html>`;
}
