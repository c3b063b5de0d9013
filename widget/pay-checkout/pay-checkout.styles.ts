/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {css} from 'lit';
import cartStyles from './pay-checkout-cart.styles.js';
import paymentStyles from './pay-checkout-payment.styles.js';

/*
 * The public tokens (--pay-*) are only ever read, with a fallback, never set on :host, so a
 * page can theme from :root. They are mapped once onto private --_* properties on the base
 * part; the rest of the sheet and the theme bridge (through .probe) read those, so the
 * defaults (light and dark) live in exactly one place.
 *
 * .probe is what the theme bridge reads: each token on a property that resolves it.
 * Both message regions stay in the DOM, empty ones visually hidden: a live region must
 * exist before it speaks.
 *
 * The summary's extra rows, the editable cart and the discount code
 * (pay-checkout-cart.styles.ts), then the payment controls and the messages
 * (pay-checkout-payment.styles.ts) are interpolated at the end: one stylesheet, in the same
 * order as before the split (an array of two sheets costs the initial download about 20 bytes
 * more after gzip). The shipping form's styles come with its chunk (shipping-form.ts).
 */
export default css`
  :host {
    display: block;
  }

  :host([hidden]) {
    display: none;
  }

  .base {
    --_color-primary: var(--pay-color-primary, #635bff);
    --_color-background: var(--pay-color-background, #ffffff);
    --_color-text: var(--pay-color-text, #30313d);
    --_color-danger: var(--pay-color-danger, #df1b41);
    --_color-text-secondary: var(--pay-color-text-secondary, #6d6e78);
    --_color-on-primary: #ffffff;
    --_font-family: var(
      --pay-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    --_font-size-base: var(--pay-font-size-base, 16px);
    --_spacing-unit: var(--pay-spacing-unit, 2px);
    --_border-radius: var(--pay-border-radius, 6px);
    --_color-border: color-mix(
      in srgb,
      var(--_color-text) 14%,
      var(--_color-background)
    );
    --_color-subtle: color-mix(
      in srgb,
      var(--_color-text) 6%,
      var(--_color-background)
    );
    --_color-shimmer: color-mix(
      in srgb,
      var(--_color-text) 12%,
      var(--_color-background)
    );

    position: relative;
    box-sizing: border-box;
    display: grid;
    gap: calc(var(--_spacing-unit) * 10);
    padding: calc(var(--_spacing-unit) * 12);
    border: 1px solid var(--_color-border);
    border-radius: calc(var(--_border-radius) * 2);
    background: var(--_color-background);
    box-shadow:
      0 1px 2px rgb(0 0 0 / 5%),
      0 8px 24px rgb(0 0 0 / 6%);
    color: var(--_color-text);
    color-scheme: light;
    font-family: var(--_font-family);
    font-size: var(--_font-size-base);
    line-height: 1.5;
    text-align: start;
  }

  @media (prefers-color-scheme: dark) {
    .base {
      --_color-primary: var(--pay-color-primary, #8f89ff);
      --_color-background: var(--pay-color-background, #1c1d26);
      --_color-text: var(--pay-color-text, #ececf1);
      --_color-danger: var(--pay-color-danger, #ff7a93);
      --_color-text-secondary: var(--pay-color-text-secondary, #a9aab6);
      --_color-on-primary: #1a1b25;
      color-scheme: dark;
    }
  }

  .probe {
    position: absolute;
    width: 0;
    height: 0;
    overflow: hidden;
    visibility: hidden;
    pointer-events: none;
    font-family: var(--_font-family);
    font-size: var(--_font-size-base);
    padding: 0 0 0 var(--_spacing-unit);
    border-top-left-radius: var(--_border-radius);
  }

  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .summary {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  .summary__caption {
    padding-bottom: calc(var(--_spacing-unit) * 4);
    color: var(--_color-text-secondary);
    font-size: 0.8125em;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-align: start;
    text-transform: uppercase;
  }

  .summary th,
  .summary td {
    padding: calc(var(--_spacing-unit) * 5) 0;
    font-weight: 400;
    text-align: start;
    vertical-align: baseline;
  }

  .summary td {
    padding-inline-start: calc(var(--_spacing-unit) * 8);
    text-align: end;
    white-space: nowrap;
  }

  .line th,
  .line td {
    border-bottom: 1px solid var(--_color-border);
  }

  .line__qty {
    margin-inline-start: 0.25em;
    color: var(--_color-text-secondary);
    white-space: nowrap;
  }

  .subtotal th,
  .subtotal td {
    padding-bottom: 0;
    color: var(--_color-text-secondary);
    font-size: 0.9375em;
  }

  .total th,
  .total td {
    padding-top: calc(var(--_spacing-unit) * 3);
    font-size: 1.125em;
    font-weight: 600;
  }

  .empty {
    margin: 0;
    color: var(--_color-text-secondary);
  }

  .skeleton {
    display: grid;
    gap: calc(var(--_spacing-unit) * 7);
  }

  .skeleton__row {
    display: flex;
    justify-content: space-between;
    gap: calc(var(--_spacing-unit) * 8);
  }

  .skeleton__bar {
    display: block;
    height: 1em;
    width: 60%;
    border-radius: calc(var(--_border-radius) * 0.75);
    background: linear-gradient(
      90deg,
      var(--_color-subtle) 25%,
      var(--_color-shimmer) 37%,
      var(--_color-subtle) 63%
    );
    background-size: 400% 100%;
    animation: shimmer 1.4s ease infinite;
  }

  .skeleton__bar--short {
    width: 18%;
  }

  .skeleton__bar--total {
    height: 1.25em;
    width: 30%;
  }

  .skeleton__bar--button {
    width: 100%;
    height: calc(var(--_spacing-unit) * 24);
    border-radius: var(--_border-radius);
  }

  @keyframes shimmer {
    from {
      background-position: 100% 50%;
    }
    to {
      background-position: 0 50%;
    }
  }

  ${cartStyles}
  ${paymentStyles}
`;
