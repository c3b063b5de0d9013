/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {css} from 'lit';
import cartStyles from './pay-checkout-cart.styles.js';
import paymentStyles from './pay-checkout-payment.styles.js';

/*
 * The checkout chunk's sheet, added after the element's own (./pay-checkout.styles.ts, which
 * holds the tokens, the card and the skeleton): the summary, then the summary's extra rows,
 * the editable cart and the discount code (pay-checkout-cart.styles.ts), then the payment
 * controls and the messages (pay-checkout-payment.styles.ts). One stylesheet: an array of
 * sheets costs more after gzip. The shipping form's styles come with its chunk
 * (shipping-form.ts).
 *
 * .probe is what the theme bridge reads: each token on a property that resolves it.
 * Both message regions stay in the DOM, empty ones visually hidden: a live region must
 * exist before it speaks.
 */
export default css`
  .probe {
    position: absolute;
    width: 0;
    height: 0;
    overflow: hidden;
    visibility: hidden;
    pointer-events: none;
    font-family: var(--_font-family);
    font-size: var(--_font-size-base);
    /* Physical on purpose: the bridge reads paddingLeft and borderTopLeftRadius, in ltr and rtl. */
    padding: 0 0 0 var(--_spacing-unit);
    border-top-left-radius: var(--_border-radius);
  }

  .summary {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  .summary__caption {
    padding-block-end: calc(var(--_spacing-unit) * 4);
    color: var(--_color-text-secondary);
    font-size: 0.8125em;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-align: start;
    text-transform: uppercase;
  }

  .summary th,
  .summary td {
    padding-block: calc(var(--_spacing-unit) * 5);
    padding-inline: 0;
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
    border-block-end: 1px solid var(--_color-border);
  }

  .line__qty {
    margin-inline-start: 0.25em;
    /* "× 2" keeps its order after a name in the other direction (the name is a <bdi>). */
    unicode-bidi: isolate;
    color: var(--_color-text-secondary);
    white-space: nowrap;
  }

  .subtotal th,
  .subtotal td {
    padding-block-end: 0;
    color: var(--_color-text-secondary);
    font-size: 0.9375em;
  }

  .total th,
  .total td {
    padding-block-start: calc(var(--_spacing-unit) * 3);
    font-size: 1.125em;
    font-weight: 600;
  }

  .empty {
    margin: 0;
    color: var(--_color-text-secondary);
  }

  ${cartStyles}
  ${paymentStyles}
`;
