/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {css} from 'lit';

/*
 * The payment controls (the email field, the provider's mount, the provider choice, the Pay
 * button and its spinner) and the messages, then what reduced motion and forced colours change
 * in the whole element. They read the base part's private --_* properties
 * (pay-checkout.styles.ts).
 */
export default css`
  .field {
    display: grid;
    gap: calc(var(--_spacing-unit) * 2);
  }

  /* Like the labels of Stripe's Payment Element just below it. */
  .field__label {
    font-size: 0.9375em;
  }

  .field__input {
    box-sizing: border-box;
    width: 100%;
    min-height: calc(var(--_spacing-unit) * 22);
    margin: 0;
    padding: calc(var(--_spacing-unit) * 5) calc(var(--_spacing-unit) * 6);
    border: 1px solid var(--_color-border);
    border-radius: var(--_border-radius);
    background: var(--_color-background);
    color: var(--_color-text);
    font: inherit;
    transition:
      border-color 0.15s ease,
      box-shadow 0.15s ease;
  }

  .field__input::placeholder {
    color: var(--_color-text-secondary);
  }

  /* The outline is the focus indicator (3:1 against the card in light and dark); the ring only softens it. */
  .field__input:focus-visible {
    border-color: var(--_color-primary);
    box-shadow: 0 0 0 3px
      color-mix(in srgb, var(--_color-primary) 25%, transparent);
    outline: 2px solid var(--_color-primary);
    outline-offset: 1px;
  }

  .field__input[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }

  .field__input[aria-invalid='true']:focus-visible {
    box-shadow: 0 0 0 3px
      color-mix(in srgb, var(--_color-danger) 25%, transparent);
  }

  .field__input:disabled {
    cursor: not-allowed;
    opacity: 0.65;
  }

  .field__error {
    display: flex;
    align-items: flex-start;
    gap: calc(var(--_spacing-unit) * 3);
    color: var(--_color-danger);
    font-size: 0.875em;
  }

  .payment[hidden] {
    display: none;
  }

  .hosted-note {
    margin: 0;
    color: var(--_color-text-secondary);
    font-size: 0.9375em;
  }

  ::slotted([slot='stripe-payment-element']),
  ::slotted([slot='paypal-buttons']),
  ::slotted([slot='square-card']) {
    display: block;
    /* Provider iframes declare no colour scheme; an iframe whose scheme differs from its
       element's gets an opaque white backdrop in dark mode (PayPal's "white box"). Match
       them, and let the provider's own theme (Stripe's night) paint the dark background. */
    color-scheme: normal;
  }

  /* Busy (providers-controller.ts): the node itself is inert, so no ancestor rule decides. */
  ::slotted([slot='paypal-buttons'][inert]) {
    opacity: 0.5;
    transition: opacity 0.15s ease;
  }

  /* Three providers do not fit side by side in a 320 px card: the last goes to a line of its own
     rather than out of the card. */
  .providers {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_spacing-unit) * 4);
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .provider {
    position: relative;
    flex: 1 1 0;
    display: flex;
    align-items: center;
    justify-content: center;
    min-height: calc(var(--_spacing-unit) * 20);
    padding: calc(var(--_spacing-unit) * 4) calc(var(--_spacing-unit) * 6);
    border: 1px solid var(--_color-border);
    border-radius: var(--_border-radius);
    background: var(--_color-background);
    color: var(--_color-text);
    font-weight: 600;
    cursor: pointer;
    transition:
      border-color 0.15s ease,
      box-shadow 0.15s ease;
  }

  /* The radio itself is visually hidden; the label shows its state and its focus. */
  .provider__input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: inherit;
  }

  /* .choice: a radio's label, a provider here or a shipping rate (pay-checkout-shipping.styles.ts,
     a lazy chunk's sheet added after this one, so the states of both live here). */
  .choice:hover {
    border-color: color-mix(
      in srgb,
      var(--_color-primary) 50%,
      var(--_color-border)
    );
  }

  .choice:has(:checked) {
    border-color: var(--_color-primary);
    box-shadow: inset 0 0 0 1px var(--_color-primary);
    background: color-mix(
      in srgb,
      var(--_color-primary) 6%,
      var(--_color-background)
    );
  }

  .choice:has(:focus-visible) {
    outline: 3px solid var(--_color-primary);
    outline-offset: 2px;
  }

  .choice:has(:disabled) {
    cursor: not-allowed;
    opacity: 0.65;
  }

  .submit {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_spacing-unit) * 4);
    width: 100%;
    min-height: calc(var(--_spacing-unit) * 24);
    padding: calc(var(--_spacing-unit) * 6) calc(var(--_spacing-unit) * 8);
    border: 0;
    border-radius: var(--_border-radius);
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    transition:
      filter 0.15s ease,
      transform 0.05s ease;
  }

  .submit:hover:not(:disabled) {
    filter: brightness(1.08);
  }

  .submit:active:not(:disabled) {
    transform: translateY(1px);
  }

  .submit:focus-visible {
    outline: 3px solid var(--_color-primary);
    outline-offset: 2px;
  }

  .submit:disabled {
    cursor: not-allowed;
    opacity: 0.65;
  }

  .spinner {
    width: 1em;
    height: 1em;
    box-sizing: border-box;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.7s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  .message {
    display: flex;
    align-items: flex-start;
    gap: calc(var(--_spacing-unit) * 5);
    margin: 0;
    padding: calc(var(--_spacing-unit) * 6) calc(var(--_spacing-unit) * 7);
    border: 1px solid var(--_color-border);
    border-radius: var(--_border-radius);
    background: var(--_color-subtle);
    color: var(--_color-text);
    font-size: 0.9375em;
  }

  .message--error {
    border-color: var(--_color-danger);
    border-inline-start-width: 4px;
    background: color-mix(
      in srgb,
      var(--_color-danger) 6%,
      var(--_color-background)
    );
  }

  .message--success {
    font-weight: 600;
  }

  .message--empty {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    border: 0;
  }

  .message__icon {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    margin-block-start: 0.05em;
  }

  .message--error .message__icon {
    color: var(--_color-danger);
  }

  .message--success .message__icon {
    color: var(--_color-primary);
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }

    .submit,
    .provider,
    .field__input,
    ::slotted([slot='paypal-buttons'][inert]) {
      transition: none;
    }
  }

  @media (forced-colors: active) {
    .submit {
      border: 1px solid ButtonText;
    }

    .field__input:focus-visible {
      outline: 3px solid Highlight;
    }

    .choice:has(:checked) {
      border: 3px solid Highlight;
    }
  }
`;
