/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The `--pay-*` tokens as Drop-in takes them. Drop-in has two ways in:
 *
 *  - `card.overrides.styles`: Hosted Fields styles for the text inside the card iframes, with
 *    an allow-list of properties (colour, font, letter spacing, line height, padding, opacity,
 *    outline, text alignment and shadow, transition; `hosted-fields/shared/constants.js`);
 *  - page CSS on its `.braintree-*` classes, which live in the light DOM (the mount node):
 *    borders, backgrounds, corner radii, the error colour, focus rings.
 *
 * The rules below read the resolved tokens from custom properties the controller sets on its
 * container (`--pay-bt-*`), so one stylesheet serves every element and theme.
 */
import type {ResolvedTheme} from '../theme.js';

/** Hosted Fields styles from the resolved tokens (plain values: the iframe has no `var()`). */
export function hostedFieldStyles(theme: ResolvedTheme): object {
  const {tokens} = theme;
  return {
    input: {
      color: tokens.colorText,
      'font-family': tokens.fontFamily,
      'font-size': tokens.fontSizeBase,
      transition: theme.reducedMotion ? 'none' : 'color 160ms linear',
    },
    '::placeholder': {color: tokens.colorTextSecondary},
    '.invalid': {color: tokens.colorDanger},
  };
}

/*
 * Scoped to the controller's container (`.pay-braintree`), so a page's own Drop-in elsewhere is
 * left alone. Drop-in's own stylesheet is a <link> in <head>; adopted sheets come after every
 * sheet of the document, and these rules have an extra class besides.
 */
const CSS = `
.pay-braintree .braintree-dropin {
  font-family: var(--pay-bt-font);
  color: var(--pay-bt-text);
}
.pay-braintree .braintree-heading,
.pay-braintree .braintree-form__label,
.pay-braintree .braintree-sheet__text {
  color: var(--pay-bt-text);
}
.pay-braintree .braintree-form__descriptor {
  color: var(--pay-bt-text-secondary);
}
.pay-braintree .braintree-sheet,
.pay-braintree .braintree-method,
.pay-braintree .braintree-option {
  background: var(--pay-bt-background);
  border-color: color-mix(in srgb, var(--pay-bt-text) 25%, transparent);
  border-radius: var(--pay-bt-radius);
  color: var(--pay-bt-text);
}
.pay-braintree .braintree-option:hover {
  border-color: color-mix(in srgb, var(--pay-bt-text) 55%, transparent);
}
.pay-braintree .braintree-sheet__header {
  border-color: color-mix(in srgb, var(--pay-bt-text) 18%, transparent);
}
.pay-braintree .braintree-form__hosted-field {
  background: var(--pay-bt-background);
  border-color: color-mix(in srgb, var(--pay-bt-text) 40%, transparent);
  border-radius: var(--pay-bt-radius);
}
.pay-braintree .braintree-form__field-group--is-focused .braintree-form__hosted-field,
.pay-braintree .braintree-hosted-fields-focused {
  border-color: var(--pay-bt-primary);
  box-shadow: 0 0 0 3px color-mix(in srgb, var(--pay-bt-primary) 35%, transparent);
}
.pay-braintree .braintree-form__field-group--has-error .braintree-form__hosted-field {
  border-color: var(--pay-bt-danger);
}
.pay-braintree .braintree-form__field-error,
.pay-braintree .braintree-sheet__error-text {
  color: var(--pay-bt-danger);
}
.pay-braintree .braintree-large-button,
.pay-braintree .braintree-toggle {
  color: var(--pay-bt-primary);
  border-radius: var(--pay-bt-radius);
}
.pay-braintree :focus-visible {
  outline: 2px solid var(--pay-bt-primary);
  outline-offset: 2px;
}
`;

let sheet: CSSStyleSheet | undefined;

/**
 * Adds the rules above to the document, once. A constructed style sheet, not a `<style>`: a
 * page's Content Security Policy governs elements, not `adoptedStyleSheets`, so the policy
 * needs no nonce or hash for it.
 */
export function dropinStyles(): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  if (!document.adoptedStyleSheets.includes(sheet))
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
