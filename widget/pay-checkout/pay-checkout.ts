/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {PayCheckout} from './pay-checkout.component.js';
import '../pay-item/pay-item.js';

export {PayCheckout};

// Guarded: importing twice (two bundles on one page) or in Node must not throw.
if (
  typeof customElements !== 'undefined' &&
  !customElements.get('pay-checkout')
) {
  customElements.define('pay-checkout', PayCheckout);
}

declare global {
  interface HTMLElementTagNameMap {
    'pay-checkout': PayCheckout;
  }
}
