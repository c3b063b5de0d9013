/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {html, nothing} from 'lit';
import type {Messages} from '../../internal/messages.js';
import {alertIcon} from './icons.js';

interface EmailFieldOptions {
  value: string;
  /** What the buyer has been told is wrong with it, if anything. */
  problem: '' | 'required' | 'invalid';
  disabled: boolean;
  onInput: (event: Event) => void;
  onChange: (event: Event) => void;
}

/** The buyer's email, above the payment form. Its message is an alert of its own, next to it. */
export function emailField(
  t: Messages,
  {value, problem, disabled, onInput, onChange}: EmailFieldOptions
) {
  const message =
    problem === 'required'
      ? t.emailRequired
      : problem === 'invalid'
        ? t.emailInvalid
        : '';
  return html`<div class="field" part="email">
    <label class="field__label" for="email">${t.email}</label>
    <input
      id="email"
      class="field__input"
      part="email-input"
      type="email"
      name="email"
      autocomplete="email"
      autocapitalize="off"
      spellcheck="false"
      required
      aria-invalid=${message ? 'true' : 'false'}
      aria-describedby=${message ? 'email-error' : nothing}
      ?disabled=${disabled}
      .value=${value}
      @input=${onInput}
      @change=${onChange}
    />
    ${
      message
        ? html`<div
            id="email-error"
            class="field__error"
            part="email-error"
            role="alert"
          >
            <svg class="message__icon" viewBox="0 0 20 20" aria-hidden="true">
              ${alertIcon}
            </svg>
            <span>${message}</span>
          </div>`
        : nothing
    }
  </div>`;
}
