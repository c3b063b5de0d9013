/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The theme bridge's Square half. Square's card form is an iframe that page CSS and custom
 * properties do not reach; it takes a `style` object of a few selectors (input, placeholder,
 * the container and its focus and error states, the message text and icon) with a few
 * properties each (colours, font, border). The resolved `--pay-*` tokens map onto them, so the
 * form follows the element in light and dark. Part of the lazily loaded Square chunk; it
 * imports nothing at runtime.
 */
import type {CardClassSelectors} from '@square/web-payments-sdk-types';
import type {ResolvedTheme} from '../theme.js';

/** Square caps the inputs' font size at 16px (`CardClassSelectors`). */
const MAX_FONT_SIZE = 16;

function px(value: string, fallback: number): number {
  const number = Number.parseFloat(value);
  return Number.isFinite(number) ? number : fallback;
}

/**
 * The card form's `style` from the resolved tokens:
 *
 * - inputs: `colorBackground`, `colorText`, `fontFamily`, `fontSizeBase` (at most 16px);
 *   placeholders and the helper text in `colorTextSecondary`;
 * - the container: a 1px `colorTextSecondary` border with `borderRadius` (the secondary text
 *   colour reads at 4.5:1 on the background, so the field's edge passes WCAG 1.4.11's 3:1);
 *   focused, a 2px `colorPrimary` one (the element's focus colour); in error, a 2px
 *   `colorDanger` one, and the error text and icon in `colorDanger` (the typed text keeps
 *   `colorText`, so it stays readable).
 */
export function squareStyle(theme: ResolvedTheme): CardClassSelectors {
  const {tokens} = theme;
  const fontSize = `${Math.min(MAX_FONT_SIZE, Math.round(px(tokens.fontSizeBase, 16)))}px`;
  const radius = `${Math.max(0, Math.round(px(tokens.borderRadius, 6)))}px`;
  const input = {
    backgroundColor: tokens.colorBackground,
    color: tokens.colorText,
    fontFamily: tokens.fontFamily,
    fontSize,
  };
  return {
    input,
    'input.is-focus': input,
    'input::placeholder': {color: tokens.colorTextSecondary},
    'input.is-focus::placeholder': {color: tokens.colorTextSecondary},
    'input.is-error': {color: tokens.colorText},
    'input.is-error::placeholder': {color: tokens.colorTextSecondary},
    '.input-container': {
      borderColor: tokens.colorTextSecondary,
      borderRadius: radius,
      borderWidth: '1px',
    },
    '.input-container.is-focus': {
      borderColor: tokens.colorPrimary,
      borderWidth: '2px',
    },
    '.input-container.is-error': {
      borderColor: tokens.colorDanger,
      borderWidth: '2px',
    },
    '.message-text': {color: tokens.colorTextSecondary},
    '.message-icon': {color: tokens.colorTextSecondary},
    '.message-text.is-error': {color: tokens.colorDanger},
    '.message-icon.is-error': {color: tokens.colorDanger},
  };
}
