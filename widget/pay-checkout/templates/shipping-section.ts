/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {html, nothing} from 'lit';
import type {Quote} from '../../contract.js';
import type {
  AddressDraft,
  AddressField,
  AddressProblem,
} from '../../internal/address.js';
import type {ShippingMessages} from '../../internal/shipping-messages.js';
import {addressForm, notShipped} from './address-form.js';
import {shippingRates} from './shipping-rates.js';

interface ShippingSectionOptions {
  /** The slot of the shown provider's own address form (Stripe's Address Element), if it has one. */
  slot: string | undefined;
  draft: AddressDraft;
  problems: Partial<Record<AddressField, AddressProblem>>;
  /** The country the server does not ship to, if it said so: the rates then wait. */
  unavailable: string;
  locale: string;
  disabled: boolean;
  money: (amount: number) => string;
  onInput: (event: Event) => void;
  onChange: (event: Event) => void;
  onRate: (event: Event) => void;
}

/**
 * Where the cart ships to: the shown provider's own address form (projected through its slot)
 * or the element's, then the shipping rates for the address. Part of the shipping chunk.
 */
export function shippingSection(
  s: ShippingMessages,
  quote: Quote,
  options: ShippingSectionOptions
) {
  const {slot, unavailable, locale, disabled} = options;
  return html`<div class="shipping" part="shipping">
    ${
      slot
        ? html`<div
            class="address"
            part="address"
            role="group"
            aria-label=${s.address}
          >
            <slot name=${slot}></slot>
            ${notShipped(s, unavailable, locale)}
          </div>`
        : addressForm(s, options)
    }
    ${
      unavailable
        ? nothing
        : shippingRates(s, quote, {
            locale,
            money: options.money,
            disabled,
            onChange: options.onRate,
          })
    }
  </div>`;
}
