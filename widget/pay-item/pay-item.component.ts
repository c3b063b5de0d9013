/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {LitElement, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import styles from './pay-item.styles.js';

/**
 * @summary One cart line inside a `<pay-checkout>`: a SKU and a quantity, nothing else.
 *
 * Names and prices come from the server's quote, never from the page, so any other attribute
 * (`price`, `name`…) is ignored. The parent checkout re-quotes when `sku` or `quantity`
 * change, whether as attributes or properties.
 *
 * @tag pay-item
 *
 * @event pay-item-change - After `sku` or `quantity` change; tells the parent checkout to re-quote (bubbles, not composed; the checkout stops it).
 */
export class PayItem extends LitElement {
  static override styles = styles;

  /** The product's SKU in the merchant's catalog. */
  @property() sku = '';

  /** How many; a positive whole number. */
  @property({type: Number}) quantity = 1;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The first update is covered by the parent's slotchange; later ones are edits.
    if (this.hasUpdated && (changed.has('sku') || changed.has('quantity'))) {
      this.dispatchEvent(new Event('pay-item-change', {bubbles: true}));
    }
  }
}
