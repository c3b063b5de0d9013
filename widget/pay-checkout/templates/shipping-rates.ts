/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {html, nothing} from 'lit';
import type {Quote} from '../../contract.js';
import type {ShippingMessages} from '../../internal/shipping-messages.js';

interface ShippingRatesOptions {
  locale: string;
  money: (amount: number) => string;
  disabled: boolean;
  onChange: (event: Event) => void;
}

/**
 * The ways to ship to the quoted address: native radios in a fieldset (arrow keys move
 * between them), the quote's rate checked. Each says its name, its delivery estimate and
 * what it costs for this cart. Before an address is known there are none, and it says so.
 */
export function shippingRates(
  s: ShippingMessages,
  quote: Quote,
  {locale, money, disabled, onChange}: ShippingRatesOptions
) {
  const rates = quote.shippingRates;
  return html`<fieldset
    class="rates"
    part="shipping-rates"
    ?disabled=${disabled}
  >
    <legend class="rates__legend">${s.method}</legend>
    ${
      rates.length
        ? rates.map((rate) => {
            const checked = rate.id === quote.shippingRate;
            const estimate = rate.estimate
              ? s.estimate(rate.estimate.minDays, rate.estimate.maxDays, locale)
              : '';
            return html`<label
              class="rate choice"
              part=${checked ? 'shipping-rate shipping-rate-checked' : 'shipping-rate'}
            >
              <input
                class="rate__input"
                type="radio"
                name="shipping-rate"
                value=${rate.id}
                .checked=${checked}
                @change=${onChange}
              />
              <span class="rate__text">
                <span class="rate__name">${rate.name}</span>
                ${
                  estimate
                    ? html`<span class="rate__estimate">${estimate}</span>`
                    : nothing
                }
              </span>
              <span class="rate__amount"
                >${rate.amount === 0 ? s.free : money(rate.amount)}</span
              >
            </label>`;
          })
        : html`<p class="rates__empty">${s.ratesNeedAddress}</p>`
    }
  </fieldset>`;
}
