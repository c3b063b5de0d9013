/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The discount-code field of <pay-checkout> (`discount-codes`): a disclosure, then a field
 * with an Apply button; an applied code is a chip with a remove button, a code that did not
 * apply says why under the field (its `aria-describedby`, `aria-invalid`).
 */
import {html, nothing, svg} from 'lit';
import {live} from 'lit/directives/live.js';
import type {Messages} from '../../internal/messages.js';
import {alertIcon} from './icons.js';

const tagIcon = svg`<path fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" d="M3 4.5V9a1.5 1.5 0 0 0 .44 1.06l6.5 6.5a1.5 1.5 0 0 0 2.12 0l4.5-4.5a1.5 1.5 0 0 0 0-2.12l-6.5-6.5A1.5 1.5 0 0 0 9 3H4.5A1.5 1.5 0 0 0 3 4.5Z"/><circle cx="7" cy="7" r="1.25" fill="currentColor"/>`;
const closeIcon = svg`<path fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" d="m6 6 8 8m0-8-8 8"/>`;

export interface DiscountFieldOptions {
  /** The disclosure is open (the field is shown). */
  open: boolean;
  /** What the field holds. */
  draft: string;
  /** The code the quote applied, normalised. */
  applied?: string | undefined;
  /** Why the code in the field did not apply (a `discountCode.status`), if the quote says so. */
  problem?: string | undefined;
  /** The code is on its way to the server. */
  pending: boolean;
  disabled: boolean;
  onToggle: () => void;
  onInput: (event: Event) => void;
  onSubmit: (event: Event) => void;
  onRemove: () => void;
}

export function discountField(
  t: Messages,
  {
    open,
    draft,
    applied,
    problem,
    pending,
    disabled,
    onToggle,
    onInput,
    onSubmit,
    onRemove,
  }: DiscountFieldOptions
) {
  if (applied) {
    return html`<div class="discount-code" part="discount-code">
      <span class="chip" part="discount-chip">
        <svg class="chip__icon" viewBox="0 0 20 20" aria-hidden="true">
          ${tagIcon}
        </svg>
        <span id="discount-applied">${t.codeApplied(applied)}</span>
        <button
          class="chip__remove"
          part="discount-remove"
          type="button"
          aria-label=${t.removeCode(applied)}
          aria-describedby="discount-applied"
          ?disabled=${disabled}
          @click=${onRemove}
        >
          <svg viewBox="0 0 20 20" aria-hidden="true">${closeIcon}</svg>
        </button>
      </span>
    </div>`;
  }
  const message = problem
    ? (t.codeProblems[problem] ?? t.codeProblems.unknown!)
    : '';
  return html`<div class="discount-code" part="discount-code">
    <button
      class="discount__toggle"
      part="discount-toggle"
      type="button"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="discount-form"
      @click=${onToggle}
    >
      ${t.discountToggle}
    </button>
    <form
      id="discount-form"
      class="discount__form field"
      novalidate
      ?hidden=${!open}
      @submit=${onSubmit}
    >
      <label class="field__label" for="discount-code">${t.discountCode}</label>
      <div class="discount__row">
        <input
          id="discount-code"
          class="field__input discount__input"
          part="discount-input"
          name="discount-code"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          aria-invalid=${message ? 'true' : 'false'}
          aria-describedby=${message ? 'discount-error' : nothing}
          ?disabled=${disabled}
          .value=${live(draft)}
          @input=${onInput}
        />
        <button
          class="discount__apply"
          part="discount-apply"
          type="submit"
          aria-busy=${pending ? 'true' : 'false'}
          ?disabled=${disabled}
        >
          ${t.applyCode}
        </button>
      </div>
      ${
        message
          ? html`<div
              id="discount-error"
              class="field__error"
              part="discount-error"
              role="alert"
            >
              <svg class="message__icon" viewBox="0 0 20 20" aria-hidden="true">
                ${alertIcon}
              </svg>
              <span>${message}</span>
            </div>`
          : nothing
      }
    </form>
  </div>`;
}
