/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import type {CartItem} from '../../contract.js';
import {PayItem} from '../../pay-item/pay-item.component.js';

/** The element whose cart this is: the `items` property, or its `<pay-item>` children. */
interface CartSource extends HTMLElement {
  readonly items: CartItem[] | undefined;
}

/** A `<pay-item>` child with what it says. */
export interface CartChild {
  element: Element;
  sku: string;
  quantity: number;
}

/** The `<pay-item>` children (those assigned to `slot`; before the first render: the host's children). */
export function cartChildren(
  host: HTMLElement,
  slot?: HTMLSlotElement | null
): CartChild[] {
  const elements = slot?.assignedElements() ?? [...host.children];
  return elements.flatMap((element) => {
    if (element.localName !== 'pay-item') return [];
    // Only the SKU and the quantity are read: prices on the page are never trusted.
    const item = element instanceof PayItem ? element : undefined;
    const sku = (item?.sku ?? element.getAttribute('sku') ?? '').trim();
    const quantity =
      item?.quantity ?? Number(element.getAttribute('quantity') ?? 1);
    return [{element, sku, quantity}];
  });
}

/** The cart as the server is sent it: SKUs and positive whole quantities. */
export function cartItems(
  host: CartSource,
  slot?: HTMLSlotElement | null
): CartItem[] {
  const {items} = host;
  if (items) return items.map(({sku, quantity}) => ({sku, quantity}));
  return cartChildren(host, slot).flatMap(({sku, quantity}) =>
    sku && Number.isInteger(quantity) && quantity > 0 ? [{sku, quantity}] : []
  );
}
