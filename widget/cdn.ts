/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The script-tag entry, built to `pay-checkout.js` with Lit included and served by the
 * companion server:
 *
 *   <script type="module" src="https://shop.example/pay-checkout.js"></script>
 *
 * The element then talks to the server it was loaded from. Provider SDK code is in lazily
 * loaded chunks next to it.
 */
export * from './index.js';
