/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {css} from 'lit';

/*
 * The shipping address (the element's own form, or the mount of a provider's address form)
 * and the shipping rates. The fields reuse the email field's look (.field, .field__input in
 * pay-checkout-payment.styles.ts), and a rate's hover, checked, focus and disabled states are
 * the provider choice's (.choice there); these rules lay them out. They read the base part's
 * private --_* properties (pay-checkout.styles.ts).
 */
export default css`
  .shipping,
  .address,
  .rates {
    display: grid;
    /* One column no wider than the card: a provider's frame (min-width auto) would widen it
       past the card at 320 px, out to the left in rtl. */
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_spacing-unit) * 6);
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .shipping {
    gap: calc(var(--_spacing-unit) * 10);
  }

  /* Floated, a legend is laid out like any grid item (so the gap applies to it too). */
  .address__legend,
  .rates__legend {
    float: inline-start;
    width: 100%;
    padding: 0;
    font-weight: 600;
  }

  .address__row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9.5em), 1fr));
    /* A message under one field must not stretch its neighbours' inputs. */
    align-items: start;
    gap: calc(var(--_spacing-unit) * 6);
  }

  .field__optional {
    color: var(--_color-text-secondary);
    font-size: 0.875em;
  }

  /* A select draws its text a few pixels further in than an input, and ignores the
     line-height that sizes an input: line them up. */
  .field__select {
    min-height: calc(1.5em + var(--_spacing-unit) * 10 + 2px);
    padding-inline-start: calc(var(--_spacing-unit) * 4);
    cursor: pointer;
  }

  ::slotted([slot='stripe-address-element']) {
    display: block;
    color-scheme: normal;
  }

  .rates__empty {
    margin: 0;
    color: var(--_color-text-secondary);
    font-size: 0.9375em;
  }

  .rate {
    display: flex;
    /* When a name and its amount do not fit side by side (320 px, a long word), the amount
       moves to a line of its own rather than the name breaking inside a word. */
    flex-wrap: wrap;
    align-items: center;
    gap: 0 calc(var(--_spacing-unit) * 6);
    padding: calc(var(--_spacing-unit) * 6) calc(var(--_spacing-unit) * 7);
    border: 1px solid var(--_color-border);
    border-radius: var(--_border-radius);
    background: var(--_color-background);
    cursor: pointer;
    transition:
      border-color 0.15s ease,
      box-shadow 0.15s ease;
  }

  .rate__input {
    flex: none;
    width: 1.125em;
    height: 1.125em;
    margin: 0;
    accent-color: var(--_color-primary);
    cursor: inherit;
  }

  .rate__input:focus-visible {
    outline: none;
  }

  .rate__text {
    /* At least its longest word wide, so "International" stays whole; never wider than the
       rate, where a word longer than the line itself may break. */
    flex: 1 1 0;
    display: grid;
    max-inline-size: 100%;
    overflow-wrap: break-word;
  }

  .rate__estimate {
    color: var(--_color-text-secondary);
    font-size: 0.875em;
  }

  .rate__amount {
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    white-space: nowrap;
  }

  @media (prefers-reduced-motion: reduce) {
    .rate {
      transition: none;
    }
  }
`;
