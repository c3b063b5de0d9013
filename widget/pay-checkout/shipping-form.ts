/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The shipping address form, the rates, their rules, strings and styles: a lazily loaded
 * chunk, fetched by the shipping controller with the first quote that ships.
 */
export {clearsRegion, fieldProblem} from './controllers/address-rules.js';
export {shippingMessages} from '../internal/shipping-messages.js';
export {default as styles} from './pay-checkout-shipping.styles.js';
export {shippingSection} from './templates/shipping-section.js';
