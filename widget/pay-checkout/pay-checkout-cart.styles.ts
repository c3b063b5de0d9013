/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {css} from 'lit';

/*
 * The summary's extra rows (discount, shipping, tax, the tax included) and where the focus goes
 * after a line is removed. An `editable` cart's controls and the discount-code field are styled
 * in their lazily loaded chunk (cart-editing.styles.ts). They read the base part's private
 * --_* properties (pay-checkout.styles.ts).
 */
export default css`
  /* Where the focus goes after a removal. */
  .summary:focus,
  .empty:focus {
    outline: none;
  }

  .summary:focus-visible,
  .empty:focus-visible {
    outline: 3px solid var(--_color-primary);
    outline-offset: 4px;
    border-radius: 2px;
  }

  .discount th,
  .discount td,
  .shipping-cost th,
  .shipping-cost td,
  .tax th,
  .tax td {
    padding-block-end: 0;
    color: var(--_color-text-secondary);
    font-size: 0.9375em;
  }

  .discount td {
    color: var(--_color-text);
  }

  .summary__code {
    margin-inline-start: 0.25em;
    unicode-bidi: isolate;
    padding: 0 calc(var(--_spacing-unit) * 3);
    border-radius: calc(var(--_border-radius) * 0.75);
    background: var(--_color-subtle);
    color: var(--_color-text);
    font-size: 0.875em;
    font-weight: 600;
    letter-spacing: 0.02em;
  }

  .summary__pending {
    display: block;
    font-size: 0.875em;
  }

  .summary .included-tax td {
    padding-block-start: 0;
    color: var(--_color-text-secondary);
    font-size: 0.875em;
  }
`;
