/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * One line of an `editable` cart: the product, a quantity stepper (− / a number / +) and a
 * remove button, each named after the product for a screen reader, and the line's own
 * message when the server refused the quantity.
 */
import {html, nothing, svg} from 'lit';
import {live} from 'lit/directives/live.js';
import type {QuoteLine} from '../../contract.js';
import type {Messages} from '../../internal/messages.js';
import {alertIcon} from './icons.js';

const minusIcon = svg`<path fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" d="M5 10h10"/>`;
const plusIcon = svg`<path fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" d="M5 10h10M10 5v10"/>`;
const removeIcon = svg`<path fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" d="M3.5 5.5h13M8 5.5V4a1 1 0 0 1 1-1h2a1 1 0 0 1 1 1v1.5m-7 0 .8 10.1A1.5 1.5 0 0 0 7.3 17h5.4a1.5 1.5 0 0 0 1.5-1.4L15 5.5M8.5 8.5v5.5m3-5.5v5.5"/>`;

export interface CartLineOptions {
  /** The line's position, for ids and for where the focus goes after a removal. */
  index: number;
  /** The quantity in the cart now (the quote may still be on its way). */
  quantity: number;
  /** The largest quantity the server has not refused, when one was refused. */
  max?: number | undefined;
  /** The quantity the server just refused for this line, if it did. */
  refused?: string | undefined;
  disabled: boolean;
  money: (amount: number) => string;
  onQuantity: (sku: string, quantity: number) => void;
  onRemove: (sku: string, index: number) => void;
}

/** A typed quantity: a whole number of at least 1, else null. */
function typed(value: string): number | null {
  const quantity = Number(value);
  return value.trim() && Number.isInteger(quantity) && quantity > 0
    ? quantity
    : null;
}

export function cartLine(
  t: Messages,
  line: QuoteLine,
  {
    index,
    quantity,
    max,
    refused,
    disabled,
    money,
    onQuantity,
    onRemove,
  }: CartLineOptions
) {
  const {sku, name} = line;
  const errorId = `line-error-${index}`;
  const onChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const value = typed(input.value);
    // Nothing usable typed (empty, 0, 1.5): the field shows the cart's quantity again.
    if (value === null || value === quantity) input.value = String(quantity);
    else onQuantity(sku, value);
  };
  // Two rows in one row group: the line as in any cart (name, amount), then its controls.
  return html`<tbody class="line line--editable" part="line">
    <tr>
      <th scope="row" class="line__name"><bdi>${name}</bdi></th>
      <td class="line__amount">${money(line.amount)}</td>
    </tr>
    <tr class="line__edit">
      <td colspan="2">
        <div class="line__controls">
          <div
            class="stepper"
            part="stepper"
            role="group"
            aria-label=${t.quantityOf(name)}
          >
            <button
              class="stepper__button"
              part="stepper-button"
              type="button"
              aria-label=${t.decrease(name)}
              ?disabled=${disabled || quantity <= 1}
              @click=${() => onQuantity(sku, quantity - 1)}
            >
              <svg viewBox="0 0 20 20" aria-hidden="true">${minusIcon}</svg>
            </button>
            <input
              class="stepper__input"
              part="quantity-input"
              type="number"
              inputmode="numeric"
              min="1"
              max=${max ?? nothing}
              step="1"
              aria-label=${t.quantityOf(name)}
              aria-describedby=${refused ? errorId : nothing}
              ?disabled=${disabled}
              .value=${live(String(quantity))}
              @change=${onChange}
            />
            <button
              class="stepper__button"
              part="stepper-button"
              type="button"
              aria-label=${t.increase(name)}
              ?disabled=${disabled || (max !== undefined && quantity >= max)}
              @click=${() => onQuantity(sku, quantity + 1)}
            >
              <svg viewBox="0 0 20 20" aria-hidden="true">${plusIcon}</svg>
            </button>
          </div>
          <button
            class="remove"
            part="remove-button"
            type="button"
            aria-label=${t.remove(name)}
            ?disabled=${disabled}
            @click=${() => onRemove(sku, index)}
          >
            <svg viewBox="0 0 20 20" aria-hidden="true">${removeIcon}</svg>
          </button>
        </div>
        ${
          refused
            ? html`<div
                id=${errorId}
                class="field__error line__error"
                part="line-error"
                role="alert"
              >
                <svg
                  class="message__icon"
                  viewBox="0 0 20 20"
                  aria-hidden="true"
                >
                  ${alertIcon}
                </svg>
                <span>${t.quantityUnavailable(refused)}</span>
              </div>`
            : nothing
        }
      </td>
    </tr>
  </tbody>`;
}
