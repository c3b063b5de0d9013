/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {PayItem} from './pay-item.component.js';

export {PayItem};

if (typeof customElements !== 'undefined' && !customElements.get('pay-item')) {
  customElements.define('pay-item', PayItem);
}

declare global {
  interface HTMLElementTagNameMap {
    'pay-item': PayItem;
  }
}
