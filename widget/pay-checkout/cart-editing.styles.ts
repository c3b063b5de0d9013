/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {css} from 'lit';

/*
 * An `editable` cart's steppers and remove buttons, and the discount-code field: in the chunk
 * loaded only for `editable` or `discount-codes` (./cart-editing.ts), added to the element's
 * stylesheet once it is. They read the base part's private --_* properties
 * (pay-checkout.styles.ts); the discount field's input is an ordinary `.field__input`
 * (pay-checkout-payment.styles.ts), and no rule here depends on coming after those.
 */
export default css`
  /* An editable line: its name and amount, then its controls, one border under both. */
  .line--editable th,
  .line--editable td {
    border-block-end: 0;
    padding-block-end: calc(var(--_spacing-unit) * 2);
  }

  .line--editable .line__edit td {
    padding-block-start: 0;
    padding-inline-start: 0;
    padding-block-end: calc(var(--_spacing-unit) * 5);
    border-block-end: 1px solid var(--_color-border);
    text-align: start;
    white-space: normal;
  }

  .line__controls {
    display: flex;
    align-items: center;
    gap: calc(var(--_spacing-unit) * 3);
  }

  .stepper {
    display: inline-flex;
    align-items: stretch;
    border: 1px solid var(--_color-border);
    border-radius: var(--_border-radius);
    background: var(--_color-background);
  }

  .stepper:focus-within {
    border-color: var(--_color-primary);
  }

  .stepper__button,
  .remove,
  .chip__remove {
    display: grid;
    place-items: center;
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    color: var(--_color-text);
    font: inherit;
    cursor: pointer;
    transition:
      background-color 0.15s ease,
      color 0.15s ease;
  }

  .stepper__button {
    width: calc(var(--_spacing-unit) * 16);
    min-height: calc(var(--_spacing-unit) * 16);
    border-radius: calc(var(--_border-radius) - 1px);
  }

  .stepper__button svg,
  .remove svg,
  .chip__remove svg {
    width: 1.125em;
    height: 1.125em;
  }

  .stepper__button:hover:not(:disabled),
  .remove:hover:not(:disabled) {
    background: var(--_color-subtle);
  }

  .stepper__input {
    box-sizing: border-box;
    width: 3em;
    margin: 0;
    padding: 0;
    border: 0;
    border-inline: 1px solid var(--_color-border);
    background: transparent;
    color: var(--_color-text);
    font: inherit;
    font-variant-numeric: tabular-nums;
    text-align: center;
    appearance: textfield;
  }

  .stepper__input::-webkit-inner-spin-button,
  .stepper__input::-webkit-outer-spin-button {
    appearance: none;
    margin: 0;
  }

  .stepper__button:focus-visible,
  .stepper__input:focus-visible,
  .remove:focus-visible,
  .chip__remove:focus-visible,
  .discount__toggle:focus-visible,
  .discount__apply:focus-visible {
    position: relative;
    outline: 3px solid var(--_color-primary);
    outline-offset: 1px;
  }

  .stepper__button:disabled,
  .remove:disabled,
  .chip__remove:disabled,
  .discount__apply:disabled {
    cursor: not-allowed;
    opacity: 0.4;
  }

  .stepper__input:disabled {
    opacity: 0.65;
  }

  .remove {
    width: calc(var(--_spacing-unit) * 16);
    height: calc(var(--_spacing-unit) * 16);
    border-radius: var(--_border-radius);
    color: var(--_color-text-secondary);
  }

  .remove:hover:not(:disabled) {
    color: var(--_color-danger);
  }

  .line__error {
    margin-block-start: calc(var(--_spacing-unit) * 3);
  }

  /* The discount code: a link-like disclosure, then the field and Apply on one row. */
  .discount-code {
    display: grid;
    gap: calc(var(--_spacing-unit) * 8);
    justify-items: start;
  }

  .discount__toggle {
    margin: 0;
    padding: calc(var(--_spacing-unit) * 1) 0;
    min-height: calc(var(--_spacing-unit) * 12);
    border: 0;
    border-radius: 2px;
    background: transparent;
    color: var(--_color-primary);
    font: inherit;
    font-size: 0.9375em;
    font-weight: 600;
    text-decoration: underline;
    text-decoration-thickness: 1px;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }

  .discount__toggle:hover {
    text-decoration-thickness: 2px;
  }

  .discount__form {
    justify-self: stretch;
  }

  .discount__form[hidden] {
    display: none;
  }

  .discount__row {
    display: flex;
    gap: calc(var(--_spacing-unit) * 4);
  }

  .discount__input {
    flex: 1 1 auto;
    min-width: 0;
    text-transform: uppercase;
  }

  .discount__input::placeholder {
    text-transform: none;
  }

  .discount__apply {
    flex: none;
    min-height: calc(var(--_spacing-unit) * 22);
    padding: 0 calc(var(--_spacing-unit) * 8);
    border: 1px solid var(--_color-border);
    border-radius: var(--_border-radius);
    background: var(--_color-subtle);
    color: var(--_color-text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  .discount__apply:hover:not(:disabled) {
    border-color: color-mix(
      in srgb,
      var(--_color-text) 30%,
      var(--_color-background)
    );
  }

  /* Not faded: at 0.65 its text was 4.0:1 (WCAG 1.4.3); it is not disabled, only waiting. */
  .discount__apply[aria-busy='true'] {
    cursor: progress;
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_spacing-unit) * 3);
    min-height: calc(var(--_spacing-unit) * 16);
    padding-inline: calc(var(--_spacing-unit) * 5)
      calc(var(--_spacing-unit) * 1);
    border: 1px solid
      color-mix(in srgb, var(--_color-primary) 40%, var(--_color-border));
    border-radius: 999px;
    background: color-mix(
      in srgb,
      var(--_color-primary) 8%,
      var(--_color-background)
    );
    font-size: 0.9375em;
    font-weight: 600;
  }

  .chip__icon {
    flex: none;
    width: 1.125em;
    height: 1.125em;
    color: var(--_color-primary);
  }

  .chip__remove {
    width: calc(var(--_spacing-unit) * 14);
    height: calc(var(--_spacing-unit) * 14);
    border-radius: 50%;
    color: var(--_color-text-secondary);
  }

  .chip__remove:hover:not(:disabled) {
    background: color-mix(
      in srgb,
      var(--_color-primary) 14%,
      var(--_color-background)
    );
    color: var(--_color-text);
  }

  @media (prefers-reduced-motion: reduce) {
    .stepper__button,
    .remove,
    .chip__remove {
      transition: none;
    }
  }

  @media (forced-colors: active) {
    .stepper,
    .chip,
    .discount__apply {
      border: 1px solid ButtonText;
    }

    .stepper__button:disabled,
    .remove:disabled {
      color: GrayText;
    }
  }
`;
