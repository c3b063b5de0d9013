/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * What only an `editable` cart or the `discount-codes` field needs, as one lazily loaded chunk
 * (a page that owns its cart downloads none of it): the editable line, the discount field and
 * their styles, and the discount code's controller. The element loads it together with its
 * first quote.
 */
export {DiscountCode} from './controllers/discount-code.js';
export {cartLine} from './templates/cart-line.js';
export {discountField} from './templates/discount-field.js';
export {default as styles} from './cart-editing.styles.js';
