/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {html, nothing} from 'lit';
import type {ProviderName} from '../../internal/events.js';
import type {Messages} from '../../internal/messages.js';

interface PaymentSectionOptions {
  /** The provider whose form is shown: only its slot is. */
  active: ProviderName | undefined;
  hidden: boolean;
  /** `mode="hosted"`: a line says the buyer pays on the provider's page. */
  hosted: boolean;
  /** A quote or a confirmation is on its way: the providers controller makes the own buttons' node `inert`. */
  busy: boolean;
}

/** Where the providers' forms show: their light-DOM children, through named slots. */
export function paymentSection(
  t: Messages,
  {active, hidden, hosted, busy}: PaymentSectionOptions
) {
  return html`<div
    class="payment ${busy ? 'payment--busy' : ''}"
    part="payment"
    role="group"
    aria-label=${t.paymentDetails}
    ?hidden=${hidden}
  >
    ${hosted ? html`<p class="hosted-note" part="hosted-note">${t.hostedNote}</p>` : nothing}
    <slot name="stripe-payment-element" ?hidden=${active !== 'stripe'}></slot>
    <slot name="paypal-buttons" ?hidden=${active !== 'paypal'}></slot>
    <slot name="square-card" ?hidden=${active !== 'square'}></slot>
    <slot name="braintree-dropin" ?hidden=${active !== 'braintree'}></slot>
  </div>`;
}
