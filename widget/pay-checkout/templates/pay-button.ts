/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {html, nothing} from 'lit';

interface PayButtonOptions {
  /** "Pay €12.00", or "Processing…" while busy. */
  label: string;
  disabled: boolean;
  /** A payment is under way: the spinner shows and the button says it is busy. */
  busy: boolean;
  onClick: () => void;
}

/** The Pay button, for a provider without buttons of its own (Stripe). */
export function payButton({label, disabled, busy, onClick}: PayButtonOptions) {
  return html`<button
    class="submit"
    part="submit-button"
    type="button"
    ?disabled=${disabled}
    aria-busy=${busy ? 'true' : 'false'}
    @click=${onClick}
  >
    ${busy ? html`<span class="spinner" part="spinner" aria-hidden="true"></span>` : nothing}
    <span>${label}</span>
  </button>`;
}
